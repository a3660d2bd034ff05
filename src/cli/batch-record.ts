// Scoring one batch record into its output: no I/O (the writer puts bytes into
// a sink the caller empties), so it can be tested apart from the command's
// streaming loop.
import type { InputRecord } from '../answers/records.js';
import { evaluate, type EvaluateOptions, type PreparedPack } from '../engine/evaluate.js';
import type { BatchWriter } from '../render/batch-writers.js';
import type { ByteSink } from '../render/json-bytes.js';
import type { AnswerSet, Assessment } from '../engine/types.js';

export interface RecordContext {
  prepared: PreparedPack;
  /** For evaluate: made once, not per record. */
  evaluateOptions: EvaluateOptions;
  writer: BatchWriter;
  /** Told of each assessment made (batch --record keeps them). */
  onScored?: (set: AnswerSet, assessment: Assessment) => void;
}

export interface RecordResult {
  ok: boolean;
  /** A line for stderr, from a format with no place for errors in its output (the table). */
  stderr?: string | undefined;
}

const SCORED: RecordResult = Object.freeze({ ok: true });

/** Scores one record and hands it, or its problems, to the format's writer. */
export function scoreRecord(record: InputRecord, ctx: RecordContext, out: ByteSink): RecordResult {
  if (!record.ok) return { ok: false, stderr: ctx.writer.failed(record.line, record.problems, out) };
  const assessment = evaluate(ctx.prepared, record.set, ctx.evaluateOptions);
  ctx.writer.scored(record.line, assessment, out);
  ctx.onScored?.(record.set, assessment);
  return SCORED;
}
