// Reading a history file's text: every line parsed, what cannot be read
// skipped with a warning, and a newer format refused (issue 15: "a crash or
// kill mid-write leaves at worst a half line that the reader skips with a
// warning"; "a history written by a newer version is refused, not misread").
import type { LineParser } from './record.js';

/** Codes of what a read skipped; each names the file and line. */
export type HistoryWarningCode = 'history/corrupt-line' | 'history/invalid-record' | 'history/other-client';

export interface HistoryWarning {
  code: HistoryWarningCode;
  file: string;
  line: number;
  /** For an invalid record: the first field that is wrong. */
  path?: string;
}

/** A line written by a newer fire-check: the whole read is refused. */
export interface NewerVersion {
  code: 'history/newer-version';
  file: string;
  line: number;
  version: number;
}

export type ReadResult<T> = { ok: true; values: T[]; warnings: HistoryWarning[] } | { ok: false; problem: NewerVersion };

/**
 * The values of every line of `text`, in file order. `belongs` keeps only
 * those that are this file's to hold (a client file holds one client's
 * records); the others are skipped with `history/other-client`.
 */
export function readLines<T>(text: string, file: string, parse: LineParser<T>, belongs?: (value: T) => boolean): ReadResult<T> {
  const values: T[] = [];
  const warnings: HistoryWarning[] = [];
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    line += 1;
    const result = parse(text.slice(start, stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop));
    start = stop + 1;
    switch (result.kind) {
      case 'blank':
        continue;
      case 'newer':
        return { ok: false, problem: { code: 'history/newer-version', file, line, version: result.version } };
      case 'corrupt':
        warnings.push({ code: 'history/corrupt-line', file, line });
        continue;
      case 'invalid':
        warnings.push({ code: 'history/invalid-record', file, line, path: result.path });
        continue;
      case 'ok':
        // The half line before it is lost, and said so; the record is kept.
        if (result.recovered) warnings.push({ code: 'history/corrupt-line', file, line });
        if (belongs && !belongs(result.value)) warnings.push({ code: 'history/other-client', file, line });
        else values.push(result.value);
    }
  }
  return { ok: true, values, warnings };
}
