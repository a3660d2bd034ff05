// The batch output formats: a writer per run, fed one record at a time, writing
// bytes into a sink that cli empties to stdout. Listed in formats.ts; each is a
// module of its own, so that NDJSON, the scripts' format, loads nothing of the
// text layout the table needs (string width, word breaking).
import type { AnswerProblem } from '../answers/parse.js';
import { codeOf } from '../answers/parse.js';
import type { Assessment } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';
import { writeJsonLine, type ByteSink } from './json-bytes.js';

export interface BatchWriter {
  /** What comes before the first record. */
  start(sink: ByteSink): void;
  scored(line: number, a: Assessment, sink: ByteSink): void;
  /** A record that could not be scored; returns a line for stderr when the format has no place for it. */
  failed(line: number, problems: readonly AnswerProblem[], sink: ByteSink): string | undefined;
  /** What comes after the last record. */
  end(sink: ByteSink): void;
}

/** One line per problem list: `where: message; where: message`. */
export const joined = (problems: readonly AnswerProblem[]) => problems.map((p) => `${p.where}: ${p.message}`).join('; ');

/** One JSON object a line: the `--format json` report with its input line, or `{line, error}` (documented in README). */
export function ndjsonWriter(m: Messages, source: string): BatchWriter {
  return {
    start() {},
    scored: (line, a, sink) => writeJsonLine(sink, line, a),
    failed(line, problems, sink) {
      const error = { code: codeOf(problems), message: m.batch.atLine(source, line, joined(problems)), problems };
      sink.text(`${JSON.stringify({ line, error })}\n`);
      return undefined;
    },
    end() {},
  };
}
