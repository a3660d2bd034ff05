// Scoring one batch record into its output: no I/O (the output goes into a
// ByteSink the caller empties), so it can be tested and reused apart from the
// command's streaming loop.
import type { InputRecord } from '../answers/records.js';
import { evaluate, type EvaluateOptions, type PreparedPack } from '../engine/evaluate.js';
import type { Messages } from '../i18n/en.js';
import { writeJsonLine, type ByteSink } from '../render/json-bytes.js';
import { escapeLine } from '../render/escape.js';
import type { Ranked } from '../render/table.js';

export type BatchFormat = 'ndjson' | 'csv' | 'table';

export interface RecordContext {
  prepared: PreparedPack;
  /** For evaluate: made once, not per record. */
  evaluateOptions: EvaluateOptions;
  m: Messages;
  format: BatchFormat;
  source: string;
}

export interface RecordResult {
  ok: boolean;
  /** In table format (which writes nothing to `out`): the row to rank, or the error line for stderr. */
  rank?: Ranked;
  stderr?: string;
}

const SCORED: RecordResult = Object.freeze({ ok: true });
const FAILED: RecordResult = Object.freeze({ ok: false });

/** Scores one record and writes its output line, if its format has one, to `out`. */
export function scoreRecord(record: InputRecord, ctx: RecordContext, out: ByteSink): RecordResult {
  // CSV and the table are text: what comes from data (names, the pack's texts,
  // values quoted in problems) is escaped for the terminal, one line a cell
  // (see render/escape.ts). NDJSON is exact.
  if (!record.ok) {
    const message = record.problems.map((p) => `${p.where}: ${p.message}`).join('; ');
    const where = ctx.m.batch.atLine(ctx.source, record.line, message);
    if (ctx.format === 'table') return { ok: false, stderr: `${escapeLine(where)}\n` };
    if (ctx.format === 'csv') out.text(csvRow([record.line, '', '', '', '', '', escapeLine(message)]));
    else out.text(`${JSON.stringify({ line: record.line, error: { message: where, problems: record.problems } })}\n`);
    return FAILED;
  }
  const a = evaluate(ctx.prepared, record.set, ctx.evaluateOptions);
  if (ctx.format === 'table') {
    return { ok: true, rank: { line: record.line, client: escapeLine(a.client ?? ''), verdict: a.verdict, score: a.score, confidence: a.confidence, top: escapeLine(a.reasons[0]?.text ?? '') } };
  }
  if (ctx.format === 'csv') out.text(csvRow([record.line, escapeLine(a.client ?? ''), a.verdict, a.score, a.confidence, escapeLine(a.reasons.slice(0, 3).map((r) => r.text).join('; ')), '']));
  else writeJsonLine(out, record.line, a);
  return SCORED;
}

/**
 * One RFC 4180 row, safe to open in a spreadsheet. Every CSV cell fire-check
 * writes goes through here, so this is the one place the rule below holds.
 */
export function csvRow(cells: (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/**
 * Text a spreadsheet would run as a formula (issue 12, OWASP "CSV Injection"):
 * a cell that starts with = + - @, also after spaces (Excel and Calc skip
 * them) or quotes, or with a tab, CR or NUL. Client names and echoed values come from
 * whoever filled the CRM.
 */
const FORMULA_START = /^(?:[\s"\0]*[=+\-@]|[\t\r\0])/;

/**
 * The same inside a cell, after a , ; tab or line break: OWASP warns that a
 * spreadsheet splitting at another separator than ours starts a new cell
 * there (Italian and Hungarian Excel split a comma file at ;, and our quotes
 * do not open their cells).
 * Spaces and quotes before the sign are skipped (a quote opens a cell there);
 * tab, CR and LF are not, so each stretch is looked at once (linear time).
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=(?:[^\S\t\r\n]|["\0])*[=+\-@])/g;

/**
 * Numbers are written as they are: they are ours (line, score, confidence),
 * never text from data, and must stay numbers in the spreadsheet. Text that
 * could start a formula gets OWASP's remedy: a ' before it, and the cell quoted.
 */
function csvCell(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  let text = cell.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text === cell && !/[",;\t\r\n]/.test(text)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}
