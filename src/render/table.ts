import { VERDICTS, type Assessment } from '../engine/types.js';
import { padEnd } from './text.js';
import { displayWidth } from './wrap.js';

/** One row of the batch table. */
export interface Ranked {
  line: number;
  /** The client's name, or what stands for it (the row's line). */
  client: string;
  verdict: Assessment['verdict'];
  score: number;
  confidence: number;
  top: string;
}

/** Worst first: by verdict, then score, then input order. */
export function rank(entries: Ranked[]): Ranked[] {
  return [...entries].sort((a, b) => VERDICTS.indexOf(b.verdict) - VERDICTS.indexOf(a.verdict) || b.score - a.score || a.line - b.line);
}

/** The batch summary for people: every client, worst first; verdicts by `title` (their ids without it). */
export function renderRankedTable(entries: Ranked[], head: string[] = ['#', 'client', 'verdict', 'score', 'confidence', 'top reason'], title: (verdict: string) => string = (verdict) => verdict): string {
  const rows = rank(entries).map((e, i) => [String(i + 1), e.client, title(e.verdict), String(e.score), `${Math.round(e.confidence * 100)}%`, e.top]);
  return alignColumns([head, ...rows], true);
}

/**
 * Rows as columns aligned by display width, two spaces apart, the last column
 * left ragged; with `rule`, a line of dashes under the first row (a heading).
 */
export function alignColumns(rows: string[][], rule = false): string {
  const [head = []] = rows;
  // A loop, not Math.max(...): spreading a column of 120,000 rows overflows the stack.
  const widths = head.map((_, c) => rows.reduce((widest, r) => Math.max(widest, displayWidth(r[c] ?? '')), 0));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : padEnd(cell, widths[c] ?? 0))).join('  ').trimEnd();
  const lines = rows.map(line);
  if (rule) lines.splice(1, 0, line(widths.map((w) => '-'.repeat(w))));
  return `${lines.join('\n')}\n`;
}
