// Scoring one batch record into its output: pure, no I/O, so it can be tested
// and reused apart from the command's streaming loop.
import type { InputRecord } from '../answers/records.js';
import { evaluate } from '../engine/evaluate.js';
import type { Pack } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';
import { jsonLine } from '../render/json.js';
import type { Ranked } from '../render/table.js';

export type BatchFormat = 'ndjson' | 'csv' | 'table';

export interface RecordContext {
  pack: Pack;
  today: string;
  m: Messages;
  format: BatchFormat;
  source: string;
}

export interface RecordResult {
  ok: boolean;
  /** What goes to stdout for this record ('' in table format). */
  output: string;
  /** In table format: the row to rank, or the error line for stderr. */
  rank?: Ranked;
  stderr?: string;
}

export function scoreRecord(record: InputRecord, ctx: RecordContext): RecordResult {
  if (!record.ok) {
    const message = record.problems.map((p) => `${p.where}: ${p.message}`).join('; ');
    if (ctx.format === 'table') return { ok: false, output: '', stderr: `${ctx.source}: line ${record.line}: ${message}\n` };
    if (ctx.format === 'csv') return { ok: false, output: csvRow([record.line, '', '', '', '', '', message]) };
    return { ok: false, output: `${JSON.stringify({ line: record.line, error: { message: `${ctx.source}: line ${record.line}: ${message}`, problems: record.problems } })}\n` };
  }
  const a = evaluate(ctx.pack, record.set, { today: ctx.today, words: ctx.m.words });
  if (ctx.format === 'table') {
    return { ok: true, output: '', rank: { line: record.line, client: a.client ?? '', verdict: a.verdict, score: a.score, confidence: a.confidence, top: a.reasons[0]?.text ?? '' } };
  }
  if (ctx.format === 'csv') return { ok: true, output: csvRow([record.line, a.client ?? '', a.verdict, a.score, a.confidence, a.reasons.slice(0, 3).map((r) => r.text).join('; '), '']) };
  return { ok: true, output: jsonLine(record.line, a) };
}

/** One RFC 4180 row: quote a cell only when it holds a comma, a quote or a line break. */
export function csvRow(cells: (string | number)[]): string {
  return `${cells.map((cell) => (typeof cell === 'string' && /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : String(cell))).join(',')}\n`;
}
