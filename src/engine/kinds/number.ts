import type { Question, Scalar } from '../types.js';
import type { KindSpec } from './shared.js';

/** A JSON number, or a string that holds one; undefined for anything else. */
export function numberFrom(raw: Scalar): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

const bandOf = (q: Question, value: number) => q.bands?.find((b) => value >= b.min && value <= b.max);
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
