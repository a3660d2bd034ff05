import type { Question, Scalar } from '../types.js';
import type { KindSpec } from './shared.js';

/** A plain decimal, as a person or a spreadsheet writes one: no "0x10", "1e3", "Infinity" or "". */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A JSON number, or a string that holds a plain decimal; undefined for anything else. */
export function numberFrom(raw: Scalar): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The band a number falls in: the last one (by min) that starts at or below it.
 * A number between two bands (7.5 between 0..7 and 8..30) takes the lower one,
 * and one above every band the top one, so a larger number never falls to
 * fewer points. (Where the question has a max, the validator has the bands
 * reach it.)
 */
function bandOf(q: Question, value: number) {
  let found: NonNullable<Question['bands']>[number] | undefined;
  for (const band of q.bands ?? []) if (band.min <= value && (!found || band.min > found.min)) found = band;
  return found;
}
const inBounds = (q: Question, value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && !(value < (q.min ?? -Infinity)) && !(value > (q.max ?? Infinity));

/** A number in a range (days, an amount, a percentage); as a signal, its bands give the points. */
export const number: KindSpec = {
  coerce: (_q, raw) => numberFrom(raw),
  inRange: inBounds,
  isCanonical: inBounds,
  rank: (value) => value as number,
  severity(q, value) {
    const band = bandOf(q, value as number);
    return band && q.weight > 0 ? Math.min(1, Math.max(0, band.points / q.weight)) : 0;
  },
  values: (q) => [...(q.bands ?? [])].sort((a, b) => a.points - b.points || a.min - b.min).map((b) => b.min),
  best: (q) => number.values(q)[0] ?? null,
  display: (q, value) => (q.unit ? `${value} ${q.unit}` : String(value)),
  list: (q) => `${q.min ?? '-∞'}..${q.max ?? '∞'}${q.unit ? ` ${q.unit}` : ''}`,
};
