// Many answer sets from one stream, one at a time, never the whole input in
// memory: NDJSON (one answers object per line) or CSV (a header row of
// `client` and question ids). Each record is checked exactly as piped JSON is.
import { Readable } from 'node:stream';
import type { AnswerSet } from '../engine/types.js';
import { DEFAULT_MAX_RECORD } from './limits.js';
import type { PreparedPack } from '../engine/prepare.js';
import { didYouMean, FireCheckError } from '../errors.js';
import { say } from '../i18n/problems.js';
import { checkAnswerObject, parseJson, type AnswerProblem } from './parse.js';
import { en, type Messages } from '../i18n/en.js';
import { decodeText, type InputEncoding } from './decode.js';

/** Where the input comes from, for messages, and how its bytes are text. */
export interface ReadOptions {
  source?: string;
  encoding?: InputEncoding;
  /** The longest record (line or CSV row) read, in characters; a longer one is an error of its own. */
  maxRecord?: number;
}

/** A record longer than the limit: skipped as it is read, never held whole. */
export interface TooLong {
  tooLong: true;
}

export { DEFAULT_MAX_RECORD } from './limits.js';

export type InputRecord = { line: number; ok: true; set: AnswerSet } | { line: number; ok: false; problems: AnswerProblem[] };

/** Whether a line has nothing but white space; a record's line starts with "{", and is answered at once. */
const isBlank = (text: string) => text.charCodeAt(0) !== 0x7b && text.trim() === '';

/** One NDJSON line read as an answers record; undefined for a blank line. */
export function recordFromLine(text: string | TooLong, line: number, p: PreparedPack, m: Messages = en, maxRecord = DEFAULT_MAX_RECORD): InputRecord | undefined {
  if (typeof text !== 'string') return { line, ok: false, problems: [{ where: m.batch.row, code: 'input/too-long', message: say(m, 'input/too-long', maxRecord.toLocaleString('en-US')) }] };
  if (isBlank(text)) return undefined;
  const json = parseJson(text, m);
  if (!json.ok) {
    // The position is within this line; the line number is the record's.
    const { code, message, position } = json.problem;
    return { line, ok: false, problems: [{ where: position ? m.errors.column(position.column) : json.problem.where, code, message }] };
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
export async function* ndjsonLines(stream: NodeJS.ReadableStream, read: ReadOptions = {}, m: Messages = en): AsyncGenerator<{ first: number; lines: (string | TooLong)[] }> {
  const max = read.maxRecord ?? DEFAULT_MAX_RECORD;
  // The start of a line not yet ended, unless that line is already too long: then it is
  // dropped as it comes, so a 50 MB line costs its reading, and never its holding or rescanning.
  let rest = '';
  let skipping = false;
  let next = 1;
  const line = (text: string): string | TooLong => (text.length > max ? TOO_LONG : text.endsWith('\r') ? text.slice(0, -1) : text);
  for await (const chunk of decodeText(inPieces(stream as AsyncIterable<Uint8Array | string>), { source: read.source ?? 'stdin', encoding: read.encoding, m })) {
    const lines: (string | TooLong)[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      lines.push(skipping ? TOO_LONG : line(rest + chunk.slice(start, end)));
      rest = '';
      skipping = false;
      start = end + 1;
    }
    if (!skipping) {
      rest += chunk.slice(start);
      if (rest.length > max) {
        skipping = true;
        rest = '';
      }
    }
    if (lines.length) {
      yield { first: next, lines };
      next += lines.length;
    }
  }
  if (skipping) yield { first: next, lines: [TOO_LONG] };
  else if (rest) yield { first: next, lines: [line(rest)] };
}

const TOO_LONG: TooLong = Object.freeze({ tooLong: true });

/**
 * Input bytes are decoded this many at a time, past the first WHOLE. The
 * text of a piece stays alive while its records are scored, so each
 * young-generation collection in that time copies it, and V8 grows its young
 * generation by what has survived: with 64 KiB reads decoded whole (~75 KB
 * surviving each collection) it grew to 16 MiB semi-spaces within 1,000,000
 * records, 30 MiB more at the peak than for 100,000. With 1 KiB, ~4 KB
 * survive, and it stays at 4 MiB. The extra steps cost ~4% of a long run,
 * and ~10% of a short one, when the code is not yet compiled: the first 2 MiB
 * (~6,000 records) are decoded as read, too few to grow the young generation.
 */
const PIECE = 1024;
const WHOLE = 2 * 1024 * 1024;

/** The chunks of a stream, past the first WHOLE bytes each cut into pieces of at most PIECE bytes (views, not copies). */
async function* inPieces(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    if (typeof chunk === 'string' || chunk.length <= PIECE || read <= WHOLE) yield chunk;
    else for (let at = 0; at < chunk.length; at += PIECE) yield chunk.subarray(at, at + PIECE);
  }
}

/** NDJSON records one at a time, with their line numbers; blank lines are skipped. */
export async function* ndjsonRecords(stream: NodeJS.ReadableStream, p: PreparedPack, m: Messages = en, read: ReadOptions = {}): AsyncGenerator<InputRecord> {
  for await (const { first, lines } of ndjsonLines(stream, read, m)) {
    for (let i = 0; i < lines.length; i++) {
      const record = recordFromLine(lines[i] as string | TooLong, first + i, p, m, read.maxRecord);
      if (record) yield record;
    }
  }
}

/** An error csv-parse tells, with the counts it had reached. */
type CsvError = Error & { lines?: number; empty_lines?: number; code?: string };

/** A row of a CSV file as read, or a row that could not be (not CSV, too long), in its place among the others. */
export type CsvRow = { line: number; ok: true; cells: string[] } | { line: number; ok: false; problem: AnswerProblem };

/**
 * CSV as spreadsheets and invoicing tools write it: any encoding decodeText
 * reads, CRLF or LF, a comma, semicolon or tab between cells (found once, from
 * the first line), quoted or not, spaces around cells. The one reader of CSV:
 * batch answers (csvRecords) and invoice exports both come through here. A row
 * longer than `maxRecord` is an error of its own; the first one (a header) stops the run.
 */
export async function* csvRows(stream: NodeJS.ReadableStream, source: string, m: Messages = en, encoding?: InputEncoding, maxRecord = DEFAULT_MAX_RECORD): AsyncGenerator<CsvRow> {
  const { parse } = await import('csv-parse');
  const text = decodeText(stream as AsyncIterable<Uint8Array | string>, { source, m, encoding })[Symbol.asyncIterator]();
  const tooLong = () => say(m, 'input/too-long', maxRecord.toLocaleString('en-US'));
  const find = delimiterFinder();
  let start = '';
  let delimiter: Delimiter | undefined;
  while (delimiter === undefined) {
    const next = await text.next();
    if (!next.done) start += next.value;
    delimiter = find(start, next.done === true);
    // The first line is a record too: one without end (no delimiter, no line end) stops the run here.
    const lineEnd = start.indexOf('\n');
    if (delimiter === undefined && (lineEnd === -1 ? start.length : lineEnd) > maxRecord) {
      throw new FireCheckError('input/too-long', m.batch.atLine(source, 1, tooLong()));
    }
  }
  let lineEnded = true;
  async function* all() {
    for (let next: IteratorResult<string> = { value: start }; !next.done; next = await text.next()) {
      lineEnded = next.value.endsWith('\n');
      yield next.value;
    }
  }
  const input = Readable.from(all());
  // A row that is not valid CSV is an error of its own, in its place among the others:
  // csv-parse skips it and goes on, and the rows before it are never lost. (Its own
  // max_record_size is not used: past it, it drops every row after; the size is checked below.)
  // The last line of the last record read, and how many empty lines csv-parse had skipped
  // by then: a quote never closed (which takes the rest of the file, so comes last) opened
  // on the line after, past the empty lines skipped since (inside its quotes none are counted).
  let lastEnd = 0;
  let emptyThen = 0;
  const read = (at: { lines?: number; empty_lines?: number }) => {
    lastEnd = at.lines ?? lastEnd;
    emptyThen = at.empty_lines ?? emptyThen;
  };
  const notCsv = (error: CsvError): CsvRow & { ok: false } => {
    if (error.code !== 'CSV_QUOTE_NOT_CLOSED') {
      return { line: error.lines ?? 0, ok: false, problem: { where: m.batch.row, code: 'input/not-csv', message: say(m, 'input/not-csv', error.message.replace(/^Invalid Record Length: /, '')) } };
    }
    const opened = lastEnd + 1 + Math.max(0, (error.empty_lines ?? emptyThen) - emptyThen);
    return { line: opened, ok: false, problem: { where: m.batch.row, code: 'input/quote-not-closed', message: say(m, 'input/quote-not-closed', opened) } };
  };
  // Told by the parser as it goes; worded when yielded, when the rows before are read.
  const skippedErrors: CsvError[] = [];
  const parser = parse({
    delimiter,
    // Spaces before a value go here, those after it in tidyCell: csv-parse's right trim treats a
    // stray quote ("Acme" Ltd) as an error that loses its place, and the rows after it.
    ltrim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    skip_records_with_error: true,
    // A stray quote inside a field ("Acme" Ltd) is text, as spreadsheets read it: a strict
    // reading loses its place and drops the rows after it.
    relax_quotes: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) skippedErrors.push(error);
    },
  });
  // pipe() does not pass errors on. Bytes that are not text end the run, but
  // the rows before them are still read; a row cut short is not.
  let failure: unknown;
  input.on('error', (error) => {
    failure = error;
    if (lineEnded) parser.end();
    else parser.destroy(error);
  });
  input.pipe(parser);
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines?: number } }>) {
      while (skippedErrors.length && ((skippedErrors[0] as CsvError).lines ?? 0) < info.lines) {
        const error = skippedErrors.shift() as CsvError;
        yield notCsv(error);
        read(error);
      }
      read(info);
      if (record.reduce((n, cell) => n + cell.length + 1, 0) > maxRecord) {
        if (first) throw new FireCheckError('input/too-long', m.batch.atLine(source, 1, tooLong()));
        yield { line: info.lines, ok: false, problem: { where: m.batch.row, code: 'input/too-long', message: tooLong() } };
        continue;
      }
      first = false;
      yield { line: info.lines, ok: true, cells: record.map(tidyCell) };
    }
    for (const error of skippedErrors.splice(0)) {
      yield notCsv(error);
      read(error);
    }
    if (failure) throw failure;
  } catch (error) {
    if (failure) throw failure;
    // A CSV syntax error (an unclosed quote, say) leaves nothing reliable after it.
    const e = error as CsvError;
    if (!e.code?.startsWith('CSV_')) throw e;
    const { line, problem } = notCsv(e);
    throw new FireCheckError(problem.code, m.batch.atLine(source, line || '?', problem.message));
  } finally {
    input.destroy();
  }
}

/**
 * Batch answers in CSV (see csvRows): a header of `client` and question ids in
 * any case, then one client a row.
 */
export async function* csvRecords(stream: NodeJS.ReadableStream, p: PreparedPack, source: string, m: Messages = en, encoding?: InputEncoding, maxRecord = DEFAULT_MAX_RECORD): AsyncGenerator<InputRecord> {
  let header: string[] | undefined;
  for await (const row of csvRows(stream, source, m, encoding, maxRecord)) {
    if (!row.ok) {
      yield { line: row.line, ok: false, problems: [row.problem] };
      continue;
    }
    if (!header) {
      header = checkHeader(row.cells, p.byId, source, m);
      continue;
    }
    if (row.cells.length !== header.length) {
      yield { line: row.line, ok: false, problems: [{ where: m.batch.row, code: 'input/cell-count', message: say(m, 'input/cell-count', row.cells.length, header.length) }] };
      continue;
    }
    const answers: Record<string, string | null> = {};
    let client: string | undefined;
    header.forEach((column, i) => {
      const cell = row.cells[i] ?? '';
      if (column === 'client') client = cell;
      else answers[column] = cell === '' ? null : cell;
    });
    const checked = checkAnswerObject(client === undefined ? { answers } : { client, answers }, p, m);
    yield checked.ok ? { line: row.line, ok: true, set: checked.set } : { line: row.line, ok: false, problems: checked.problems };
  }
}

type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter, decided once by one rule: the first comma, semicolon or tab
 * outside quotes in the header line (Italian and Hungarian Excel write ;, its
 * "Unicode text" a tab; question ids hold none of them), and a comma for a
 * header of one column. Fed the text read so far, it goes on where it
 * stopped, and says undefined until it can tell.
 */
function delimiterFinder(): (text: string, ended: boolean) => Delimiter | undefined {
  let at = 0;
  let quoted = false;
  return (text, ended) => {
    for (; at < text.length; at++) {
      const c = text[at];
      if (c === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c === ',' || c === ';' || c === '\t') return c;
      else if (c === '\n') return ',';
    }
    return ended ? ',' : undefined;
  };
}

/** The header's columns as ids: `Client` and ` PAYS_LATE ` as spreadsheet users write them (ids are lower-case). */
/**
 * A cell as the spreadsheet meant it: spaces after it dropped, and a quoted value
 * followed by spaces (`"Acme; Inc" ,`), which the parser keeps whole with its
 * quotes once told to take stray quotes as text, unquoted.
 */
function tidyCell(cell: string): string {
  const text = cell.trimEnd();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') && !/(^|[^"])"("")*[^"]/.test(text.slice(1, -1) + 'x') ? text.slice(1, -1).replace(/""/g, '"') : text;
}

function checkHeader(header: string[], byId: ReadonlyMap<string, unknown>, source: string, m: Messages): string[] {
  // Listed up to 20, as for answers: 100,000 unknown columns are one mistake. Only
  // those listed are worded (a "did you mean" costs a comparison with every id).
  const problems: string[] = [];
  let more = 0;
  const add = (word: () => string) => (problems.length < 20 ? problems.push(word()) : more++);
  const seen = new Set<string>();
  const columns = header.map((written) => written.trim().toLowerCase());
  const known = ['client', ...byId.keys()];
  columns.forEach((column, i) => {
    const written = header[i] as string;
    if (seen.has(column)) add(() => say(m, 'input/duplicate-column', written));
    seen.add(column);
    if (column !== 'client' && !byId.has(column)) add(() => say(m, 'input/unknown-column', written, didYouMean(column, known, m.commander.didYouMean)));
  });
  if (problems.length) {
    const listed = problems.map((p) => m.batch.atLine(source, 1, p));
    if (more) listed.push(m.batch.atLine(source, 1, say(m, 'answers/more-problems', more.toLocaleString('en-US'))));
    throw new FireCheckError('input/csv-header', say(m, 'input/csv-header', source), { details: listed });
  }
  return columns;
}
