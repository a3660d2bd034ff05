// Batch output as CSV: a spreadsheet's rows (see batch-writers.ts).
import type { BatchWriter } from './batch-writers.js';
import { joined } from './batch-writers.js';
import { escapeLine } from './escape.js';

const CSV_HEADER = 'line,client,verdict,score,confidence,top_reasons,error\n';

/**
 * A spreadsheet's rows. CSV is text: what comes from data (names, the pack's
 * texts, values quoted in problems) is escaped for the terminal, one line a cell
 * (see escape.ts).
 */
export function csvWriter(): BatchWriter {
  return {
    start: (sink) => sink.text(CSV_HEADER),
    scored(line, a, sink) {
      sink.text(csvRow([line, escapeLine(a.client ?? ''), a.verdict, a.score, a.confidence, escapeLine(a.reasons.slice(0, 3).map((r) => r.text).join('; ')), '']));
    },
    failed(line, problems, sink) {
      sink.text(csvRow([line, '', '', '', '', '', escapeLine(joined(problems))]));
      return undefined;
    },
    end() {},
  };
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
