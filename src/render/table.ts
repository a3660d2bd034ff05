import stringWidth from 'string-width';
import { rank, type Ranked } from '../cli/batch.js';
import { padEnd } from './text.js';

/** The batch summary for people: every client, worst first. */
export function renderRankedTable(entries: Ranked[], head: string[] = ['#', 'client', 'verdict', 'score', 'confidence', 'top reason']): string {
  const rows = rank(entries).map((e, i) => [String(i + 1), e.client || `(line ${e.line})`, e.verdict, String(e.score), `${Math.round(e.confidence * 100)}%`, e.top]);
  const widths = head.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : padEnd(cell, widths[c] ?? 0))).join('  ').trimEnd();
  return `${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
