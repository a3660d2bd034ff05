import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import { csvRecords, ndjsonRecords, type InputRecord } from '../answers/records.js';
import { evaluate } from '../engine/evaluate.js';
import { VERDICTS, type Assessment } from '../engine/types.js';
import { FireCheckError, isFireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { jsonLine } from '../render/json.js';
import { packFor } from './context.js';
import type { Io } from './io.js';
import { EXIT, type CommonOptions } from './main.js';

export interface BatchOptions extends CommonOptions {
  inputFormat?: 'ndjson' | 'csv';
  failFast?: boolean;
  today?: string;
}

interface Ranked {
  line: number;
  client: string;
  verdict: Assessment['verdict'];
  score: number;
  confidence: number;
  top: string;
}

const CSV_HEADER = 'line,client,verdict,score,confidence,top_reasons,error\n';

export async function batch(file: string | undefined, options: BatchOptions, io: Io): Promise<number> {
  const pack = await packFor(options);
  const today = options.today ?? io.today();
  const source = file === undefined || file === '-' ? 'stdin' : file;
  if (source === 'stdin' && io.stdinIsTTY()) {
    throw new FireCheckError('batch reads NDJSON or CSV from a file or from stdin, and nothing was piped in: `fire-check batch clients.csv` or `cat clients.ndjson | fire-check batch`');
  }
  const inputFormat = options.inputFormat ?? formatFromName(source);
  const input = source === 'stdin' ? io.stdin : openFile(source);
  const m = options.messages ?? en;
  const records = inputFormat === 'csv' ? csvRecords(input, pack, source, m) : ndjsonRecords(input, pack, m);

  const write = bufferedWriter(io.stdout);
  const progress = progressMeter(io, options.messages ?? en);
  const ranked: Ranked[] = [];
  let scored = 0;
  let failed = 0;
  if (options.format === 'csv') await write(CSV_HEADER);

  for await (const record of records) {
    if (!record.ok) {
      failed += 1;
      if (options.format === 'table') io.stderr.write(`${source}: line ${record.line}: ${record.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}\n`);
      else await write(errorLine(record, options.format, source));
      if (options.failFast) break;
    } else {
      const assessment = evaluate(pack, record.set, { today, words: m.words });
      scored += 1;
      if (options.format === 'table') ranked.push(rankEntry(record.line, assessment));
      else await write(resultLine(record.line, assessment, options.format));
    }
    progress(scored + failed);
  }
  progress.done();
  if (options.format === 'table') {
    const { renderRankedTable } = await import('../render/table.js');
    await write(renderRankedTable(ranked, m.batch.table));
  }
  await write.flush();
  const number = (n: number) => n.toLocaleString('en-US');
  io.stderr.write(`${m.batch.summary(number(scored), number(failed))}${options.failFast && failed ? m.batch.stopped : ''}\n`);
  return failed ? EXIT.usage : EXIT.ok;
}

/**
 * Collects output into writes of up to 64 KiB: one write per record would cost a
 * system call each. Whatever is collected is also written as soon as the loop
 * waits for input, so results still stream out when records arrive slowly.
 * Honours backpressure: a full pipe pauses the reading.
 */
function bufferedWriter(stream: NodeJS.WritableStream): ((text: string) => Promise<void>) & { flush(): Promise<void> } {
  const LIMIT = 64 * 1024;
  let buffer = '';
  let scheduled = false;
  let draining: Promise<unknown> | undefined;
  const send = () => {
    scheduled = false;
    if (!buffer) return;
    const out = buffer;
    buffer = '';
    if (!stream.write(out)) draining = once(stream, 'drain');
  };
  const write = async (text: string) => {
    if (draining) {
      await draining;
      draining = undefined;
    }
    buffer += text;
    if (buffer.length >= LIMIT) send();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(send);
    }
  };
  return Object.assign(write, {
    async flush() {
      send();
      if (draining) await draining;
    },
  });
}

function openFile(file: string): NodeJS.ReadableStream {
  try {
    if (!statSync(file).isFile()) throw new FireCheckError(`cannot read batch input ${file}: not a file`);
  } catch (error) {
    if (isFireCheckError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FireCheckError(`cannot read batch input ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  return createReadStream(file);
}

function formatFromName(source: string): 'ndjson' | 'csv' {
  const ext = extname(source).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '' || ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  throw new FireCheckError(`cannot tell the format of ${source} from its name; pass --input-format ndjson or --input-format csv`);
}

function topReasons(a: Assessment, count = 3): string {
  return a.reasons.slice(0, count).map((r) => r.text).join('; ');
}

function resultLine(line: number, a: Assessment, format: string): string {
  if (format === 'csv') return csvRow([line, a.client ?? '', a.verdict, a.score, a.confidence, topReasons(a), '']);
  return jsonLine(line, a);
}

function errorLine(record: Extract<InputRecord, { ok: false }>, format: string, source: string): string {
  const message = record.problems.map((p) => `${p.where}: ${p.message}`).join('; ');
  if (format === 'csv') return csvRow([record.line, '', '', '', '', '', message]);
  if (format === 'table') return ''; // reported on stderr instead: the table has no place for them
  return `${JSON.stringify({ line: record.line, error: { message: `${source}: line ${record.line}: ${message}`, problems: record.problems } })}\n`;
}

/** One RFC 4180 row: quote a cell only when it holds a comma, a quote or a line break. */
export function csvRow(cells: (string | number)[]): string {
  return `${cells.map((cell) => (typeof cell === 'string' && /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : String(cell))).join(',')}\n`;
}

function rankEntry(line: number, a: Assessment): Ranked {
  return { line, client: a.client ?? '', verdict: a.verdict, score: a.score, confidence: a.confidence, top: a.reasons[0]?.text ?? '' };
}

/** Worst first: by verdict, then score, then input order. */
export function rank(entries: Ranked[]): Ranked[] {
  return [...entries].sort((a, b) => VERDICTS.indexOf(b.verdict) - VERDICTS.indexOf(a.verdict) || b.score - a.score || a.line - b.line);
}

/** Count and rate on stderr, only when stderr is a terminal; silent otherwise. */
function progressMeter(io: Io, m: Messages): ((count: number) => void) & { done(): void } {
  const enabled = Boolean(io.stderr.isTTY) && !io.env.CI;
  const started = Date.now();
  let last = 0;
  let shown = false;
  const tick = (count: number) => {
    if (!enabled) return;
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    shown = true;
    const rate = Math.round(count / Math.max(0.001, (now - started) / 1000));
    io.stderr.write(`\r\x1b[K${m.batch.progress(count.toLocaleString('en-US'), rate.toLocaleString('en-US'))}`);
  };
  return Object.assign(tick, {
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  });
}

export type { Ranked };
