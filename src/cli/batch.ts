import { fstatSync } from 'node:fs';
import { extname } from 'node:path';
import type { InputEncoding } from '../answers/decode.js';
import { csvRecords, DEFAULT_MAX_RECORD, ndjsonLines, recordFromLine, type InputRecord, type TooLong } from '../answers/records.js';
import { problem } from '../i18n/problems.js';
import { en, type Messages } from '../i18n/en.js';
import { ByteSink } from '../render/json-bytes.js';
import { BATCH_FORMATS, type BatchFormat } from '../render/formats.js';
import { scoreRecord, type RecordContext } from './batch-record.js';
import { packFor, todayFor, verdictTitles } from './context.js';
import { prepare } from '../engine/prepare.js';
import { Readable } from 'node:stream';
import { escapeLine } from '../render/escape.js';
import type { InvoiceFacts } from './invoice-answers.js';
import type { Answers, Assessment } from '../engine/types.js';
import { openStream, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export interface BatchOptions extends CommonOptions {
  inputFormat?: 'ndjson' | 'csv';
  /** How the input's bytes are text when it has no byte-order mark: UTF-8 unless told. */
  encoding?: InputEncoding;
  failFast?: boolean;
  /** An invoicing tool's export whose facts answer the money questions (--invoices), and how to read it. */
  invoices?: string;
  columns?: string;
  dateFormat?: 'dmy' | 'mdy';
  terms?: number;
  /** Record every scored client in its history (--record). */
  record?: boolean;
  /** The longest record read, in characters (--max-record-size). */
  maxRecordSize?: number;
  today?: string;
}

export async function batch(file: string | undefined, options: BatchOptions, io: Io): Promise<number> {
  const pack = await packFor(options, io);
  const today = todayFor(options, io);
  const source = file === undefined || file === '-' ? 'stdin' : file;
  const m = options.messages ?? en;
  const prepared = prepare(pack);
  const facts = options.invoices === undefined ? undefined : await (await import('./invoice-answers.js')).invoiceFacts(options.invoices, options, prepared, io);
  // `batch --invoices export.csv` with no file: every client of the export, on the facts alone
  // (answers on stdin with them: `batch - --invoices export.csv`).
  const factsOnly = facts !== undefined && file === undefined;
  if (source === 'stdin' && io.isTTY('stdin') && !factsOnly) throw problem(m, 'input/nothing-piped');
  // A folder given as stdin (`batch < folder`) reads as nothing at all: say what it is.
  if (source === 'stdin' && !factsOnly && stdinIsDirectory()) throw problem(m, 'io/not-readable', m.errors.batchInput, 'stdin', m.errors.isDirectory);
  const inputFormat = factsOnly ? 'ndjson' : (options.inputFormat ?? formatFromName(source, m));
  const input = factsOnly ? factsAsRecords(facts) : source === 'stdin' ? io.stdin : openStream(source, m.errors.batchInput, m);
  const writer = (await BATCH_FORMATS[options.format as BatchFormat].load())(m, source, verdictTitles(pack));
  const ctx: RecordContext = { prepared, evaluateOptions: { today, words: m.words }, writer };
  // --record: kept a chunk at a time, and written to the history together (the store groups them by client).
  const toRecord: { assessment: Assessment; answers: Answers; client: string | undefined }[] = [];
  const recordAll = options.record ? (await import('./history.js')).recordAll : undefined;
  if (recordAll) ctx.onScored = (set, assessment) => void toRecord.push({ assessment, answers: set.answers, client: set.client });
  const flushRecords = () => {
    if (recordAll && toRecord.length) recordAll(toRecord.splice(0), today, io);
  };

  const sink = new ByteSink();
  // Asked to stop: the output in hand still goes out, if its reader takes it within STOP_GRACE_MS.
  let stopRequested = () => {};
  const graceOver = new Promise<void>((resolve) => (stopRequested = () => void setTimeout(resolve, STOP_GRACE_MS).unref()));
  const out = streamedOutput(io, sink, graceOver);
  const progress = progressMeter(io, m);
  let scored = 0;
  let failed = 0;
  let stopped = false;
  // Asked to stop (Ctrl-C, SIGTERM): end the input, so the loop below ends after the
  // records in hand; what was scored is written, and the summary says so.
  let interrupted: number | undefined;
  const unlisten = io.onStop?.((code) => {
    interrupted ??= code;
    (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    // A second signal ends the process at once, as it would have without us.
    unlisten?.();
    stopRequested();
  });
  writer.start(sink);

  const unmatched: string[] = [];
  const withFacts = facts ? (await import('./invoice-answers.js')).withFacts : undefined;
  /** Scores one record into the sink and counts it. */
  const take = (record: InputRecord) => {
    if (facts && withFacts && record.ok && !factsOnly) {
      const found = facts.answersFor(record.set.client);
      if (!found) unmatched.push(record.set.client ?? `#${record.line}`);
      record.set.answers = withFacts(record.set.answers, found);
    }
    const result = scoreRecord(record, ctx, sink);
    if (result.ok) scored += 1;
    else failed += 1;
    if (result.stderr) io.stderr.write(result.stderr);
    if (!result.ok && options.failFast) stopped = true;
  };

  const maxRecord = options.maxRecordSize ?? DEFAULT_MAX_RECORD;
  try {
    if (inputFormat === 'csv') {
      for await (const record of csvRecords(input, prepared, source, m, options.encoding, maxRecord)) {
        take(record);
        flushRecords();
        await out.written();
        progress(scored + failed);
        if (stopped || interrupted !== undefined || io.stdoutClosed?.()) break;
      }
    } else {
      // A chunk of input at a time: its records scored synchronously, its output written once.
      chunks: for await (const { first, lines } of ndjsonLines(input, { source, encoding: options.encoding, maxRecord }, m)) {
        for (let i = 0; i < lines.length; i++) {
          const record = recordFromLine(lines[i] as string | TooLong, first + i, prepared, m, maxRecord);
          if (!record) continue;
          take(record);
          if (stopped) break chunks;
          out.spill();
        }
        flushRecords();
        await out.written();
        progress(scored + failed);
        if (interrupted !== undefined || io.stdoutClosed?.()) break;
      }
    }
  } catch (error) {
    // The input ended under the loop because a stop was asked for: not an error.
    if (interrupted === undefined) throw error;
  } finally {
    unlisten?.();
  }
  // Every client scored is recorded, those of an interrupted run too.
  flushRecords();
  // Names with no invoices are said, never dropped silently; their answers were scored as given.
  if (unmatched.length) io.stderr.write(`${escapeLine(m.interview.unmatched(unmatched.slice(0, 20).join(', ') + (unmatched.length > 20 ? ', …' : '')))}\n`);
  progress.done();
  const summary = (note: string) => io.stderr.write(`${m.batch.summary(thousands(scored), thousands(failed))}${note}\n`);
  if (io.stdoutClosed?.()) {
    // Asked to stop while the reader was not reading: the summary says what was lost.
    if (interrupted !== undefined) summary(m.batch.notTaken);
    // Otherwise the reader has gone (`batch | head -1`): nothing more to write or say.
    return interrupted ?? (failed ? EXIT.usage : EXIT.ok);
  }
  writer.end(sink);
  await out.flush();
  summary(`${stopped ? m.batch.stopped : ''}${interrupted !== undefined ? m.batch.interrupted : ''}`);
  return interrupted ?? (failed ? EXIT.usage : EXIT.ok);
}

/**
 * Sends what the sink collects to the stream in writes of at least 64 KiB: one
 * write per record would cost a system call each. Whatever is collected is also
 * sent as soon as the loop waits for input, so results still stream out when
 * records arrive slowly. Honours backpressure: a full pipe pauses the reading.
 */
function streamedOutput(io: Io, sink: ByteSink, graceOver: Promise<void>): { spill(): void; written(): Promise<void>; flush(): Promise<void> } {
  const LIMIT = 64 * 1024;
  let scheduled = false;
  let draining: Promise<unknown> | undefined;
  // A write that failed (disk full) from setImmediate, where nothing could catch it: thrown at the next wait.
  let failed: { error: unknown } | undefined;
  const send = () => {
    if (!sink.length) return;
    // writeBytes keeps nothing of the piece once it returns: its memory is free again.
    draining = io.writeBytes(sink.take()) ?? draining;
    sink.reuse();
  };
  const sendLater = () => {
    // Cleared here, not by every send: a spill between would schedule one more.
    scheduled = false;
    try {
      send();
    } catch (error) {
      failed = { error };
    }
  };
  const settle = async () => {
    if (failed) throw failed.error;
    // A reader that has stopped reading would otherwise hold a run asked to stop forever.
    if (draining && !(await Promise.race([draining.then(() => true), graceOver.then(() => false)]))) io.abandonStdout?.();
    draining = undefined;
  };
  /**
   * Sends 64 KiB once collected, without waiting for a full pipe: for the
   * middle of a synchronous run of records (which then waits at its end).
   * Keeps the output within a small stretch of memory, used over and over.
   */
  const spill = () => {
    if (sink.length >= LIMIT) send();
  };
  return {
    spill,
    /** Call after writing to the sink. */
    async written() {
      spill();
      if (sink.length && !scheduled) {
        scheduled = true;
        setImmediate(sendLater);
      }
      await settle();
    },
    async flush() {
      send();
      await settle();
    },
  };
}

/** How long a run asked to stop waits for stdout's reader to take what is written: then it is dropped. */
const STOP_GRACE_MS = 2000;

/** Whether stdin is a folder (`batch < folder`), which reads as nothing at all. */
function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** The clients of an invoice export as batch records (NDJSON), each answered by its facts alone. */
function factsAsRecords(facts: InvoiceFacts): NodeJS.ReadableStream {
  const lines = facts.evidence.clients.map((c) => `${JSON.stringify({ client: c.client, answers: facts.answersFor(c.client) ?? {} })}\n`);
  return Readable.from([...new Set(lines)].join(''));
}

function formatFromName(source: string, m: Messages): 'ndjson' | 'csv' {
  const ext = extname(source).toLowerCase();
  // Tab-separated text is CSV with another delimiter, found from its header.
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '' || ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  throw problem(m, 'input/unknown-format', source);
}

/** 9998 as "9,998". By hand: toLocaleString loads ICU's data, ~15 ms, for the one line at the end of a run. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Count and rate on stderr, only when stderr is a terminal; silent otherwise. */
function progressMeter(io: Io, m: Messages): ((count: number) => void) & { done(): void } {
  const enabled = io.isTTY('stderr') && !io.env.CI;
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
    io.stderr.write(`\r\x1b[K${m.batch.progress(thousands(count), thousands(rate))}`);
  };
  return Object.assign(tick, {
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  });
}

