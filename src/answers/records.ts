// Many answer sets from one stream, one at a time, never the whole input in
// memory: NDJSON (one answers object per line) or CSV (a header row of
// `client` and question ids). Each record is checked exactly as piped JSON is.
import { StringDecoder } from 'node:string_decoder';
import type { AnswerSet } from '../engine/types.js';
import type { PreparedPack } from '../engine/prepare.js';
import { didYouMean, FireCheckError, isFireCheckError } from '../errors.js';
import { checkAnswerObject, parseJson, type AnswerProblem } from './parse.js';
import { en, type Messages } from '../i18n/en.js';

export type InputRecord = { line: number; ok: true; set: AnswerSet } | { line: number; ok: false; problems: AnswerProblem[] };

/** Whether a line has nothing but white space; a record's line starts with "{", and is answered at once. */
const isBlank = (text: string) => text.charCodeAt(0) !== 0x7b && text.trim() === '';

/** One NDJSON line read as an answers record; undefined for a blank line. */
export function recordFromLine(text: string, line: number, p: PreparedPack, m: Messages = en): InputRecord | undefined {
  if (isBlank(text)) return undefined;
  const json = parseJson(text, m);
  if (!json.ok) {
    // The position is within this line; the line number is the record's.
    const { message, position } = json.problem;
    return { line, ok: false, problems: [{ where: position ? m.errors.column(position.column) : json.problem.where, message }] };
  }
  const checked = checkAnswerObject(json.data, p, m);
  return checked.ok ? { line, ok: true, set: checked.set } : { line, ok: false, problems: checked.problems };
}

/**
 * NDJSON lines a chunk of input at a time: each yielded batch holds the complete
 * lines read so far, the first of them numbered `first` (blank lines included,
 * so numbers match the file). Batch scoring reads, checks and scores one line
 * after the other, synchronously: no promise per record, and only one record's
 * objects alive at a time.
 */
export async function* ndjsonLines(stream: NodeJS.ReadableStream): AsyncGenerator<{ first: number; lines: string[] }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let next = 1;
  const line = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(line(text.slice(start, end)));
      start = end + 1;
    }
    rest = text.slice(start);
    if (lines.length) {
      yield { first: next, lines };
      next += lines.length;
    }
  }
  rest += decoder.end();
  if (rest) yield { first: next, lines: [line(rest)] };
}

/** NDJSON records one at a time, with their line numbers; blank lines are skipped. */
export async function* ndjsonRecords(stream: NodeJS.ReadableStream, p: PreparedPack, m: Messages = en): AsyncGenerator<InputRecord> {
  for await (const { first, lines } of ndjsonLines(stream)) {
    for (let i = 0; i < lines.length; i++) {
      const record = recordFromLine(lines[i] as string, first + i, p, m);
      if (record) yield record;
    }
  }
}

export async function* csvRecords(stream: NodeJS.ReadableStream, p: PreparedPack, source: string, m: Messages = en): AsyncGenerator<InputRecord> {
  const { parse } = await import('csv-parse');
  const parser = stream.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  const byId = p.byId;
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = checkHeader(record, byId, source, m);
        continue;
      }
      if (record.length !== header.length) {
        yield { line: info.lines, ok: false, problems: [{ where: m.batch.row, message: m.batch.cellCount(record.length, header.length) }] };
        continue;
      }
      const answers: Record<string, string | null> = {};
      let client: string | undefined;
      header.forEach((column, i) => {
        const cell = record[i] ?? '';
        if (column === 'client') client = cell;
        else answers[column] = cell === '' ? null : cell;
      });
      const checked = checkAnswerObject(client === undefined ? { answers } : { client, answers }, p, m);
      yield checked.ok ? { line: info.lines, ok: true, set: checked.set } : { line: info.lines, ok: false, problems: checked.problems };
    }
  } catch (error) {
    // A CSV syntax error (an unclosed quote, say) leaves nothing reliable after it.
    const e = error as Error & { lines?: number; code?: string };
    if (isFireCheckError(e)) throw e;
    throw new FireCheckError(m.batch.atLine(source, e.lines ?? '?', m.batch.notCsv(e.message.replace(/^Invalid Record Length: /, ''))));
  }
}

function checkHeader(header: string[], byId: ReadonlyMap<string, unknown>, source: string, m: Messages): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push(m.batch.duplicateColumn(column));
    seen.add(column);
    if (column !== 'client' && !byId.has(column)) {
      problems.push(m.batch.unknownColumn(column, didYouMean(column, ['client', ...byId.keys()], m.commander.didYouMean)));
    }
  }
  if (problems.length) {
    throw new FireCheckError(m.batch.csvHeader(source), { details: problems.map((p) => m.batch.atLine(source, 1, p)) });
  }
  return header;
}
