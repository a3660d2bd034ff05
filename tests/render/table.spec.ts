import { describe, expect, it } from 'vitest';
import { renderRankedTable, type Ranked } from '../../src/render/table.js';

describe('the ranked batch table', () => {
  it('ranks worst first: by verdict, then score, then input order', () => {
    const rows: Ranked[] = [
      { line: 1, client: 'A', verdict: 'fix', score: 20, confidence: 1, top: 'x' },
      { line: 2, client: 'B', verdict: 'fire-now', score: 5, confidence: 1, top: 'y' },
      { line: 3, client: 'C', verdict: 'fix', score: 30, confidence: 0.5, top: 'z' },
    ];
    const lines = renderRankedTable(rows).trimEnd().split('\n');
    expect(lines.slice(2).map((l) => l.split(/\s+/)[1])).toEqual(['B', 'C', 'A']);
  });

  it('works for any count: 200,000 rows, one line each', () => {
    const rows: Ranked[] = Array.from({ length: 200_000 }, (_, i) => ({ line: i + 1, client: `Client ${i}`, verdict: 'keep', score: i % 100, confidence: 1, top: '' }));
    const out = renderRankedTable(rows);
    expect(out.split('\n').length - 1).toBe(200_002);
  });
});
