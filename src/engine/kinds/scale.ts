import { SCALE_MAX, SCALE_MIN } from '../types.js';
import { FIVE_STEP_SHARES, type KindSpec } from './shared.js';
import { numberFrom } from './number.js';

const inScale = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;

/** Agreement from 1 (not at all) to 5 (exactly so). */
export const scale: KindSpec = {
  coerce: (_q, raw) => numberFrom(raw),
  inRange: (_q, value) => inScale(value),
  isCanonical: (_q, value) => inScale(value),
  rank: (value) => value as number,
  severity: (_q, value) => (inScale(value) ? (FIVE_STEP_SHARES[value - SCALE_MIN] ?? 0) : 0),
  values: () => Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i),
  best: () => SCALE_MIN,
  display: (_q, value) => `${value}/${SCALE_MAX}`,
  list: () => `${SCALE_MIN}..${SCALE_MAX}`,
};
