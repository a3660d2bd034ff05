import { VERDICTS, type Assessment } from '../engine/types.js';
import { padEnd } from './text.js';
import { displayWidth } from './wrap.js';

/** One row of the batch table. */
export interface Ranked {
  line: number;
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

/** The batch summary for people: every client, worst first. */
export function renderRankedTable(entries: Ranked[], head: string[] = ['#', 'client', 'verdict', 'score', 'confidence', 'top reason']): string {
  const rows = rank(entries).map((e, i) => [String(i + 1), e.client || `(line ${e.line})`, e.verdict, String(e.score), `${Math.round(e.confidence * 100)}%`, e.top]);
  // A loop, not Math.max(...): spreading a column of 120,000 rows overflows the stack.
  const widths = head.map((h, c) => rows.reduce((widest, r) => Math.max(widest, displayWidth(r[c] ?? '')), displayWidth(h)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : padEnd(cell, widths[c] ?? 0))).join('  ').trimEnd();
  return `${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
