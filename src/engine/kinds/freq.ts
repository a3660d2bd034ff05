import { FREQ_LEVELS, type FreqLevel } from '../types.js';
import { FIVE_STEP_SHARES, type KindSpec } from './shared.js';

const isLevel = (value: unknown): value is FreqLevel => typeof value === 'string' && (FREQ_LEVELS as readonly string[]).includes(value);

/** never / rarely / sometimes / often / always. */
export const freq: KindSpec = {
  coerce(_q, raw) {
    if (typeof raw !== 'string') return undefined;
    const word = raw.trim().toLowerCase();
    return isLevel(word) ? word : undefined;
  },
  inRange: (_q, value) => isLevel(value),
  isCanonical: (_q, value) => isLevel(value),
  rank: (value) => FREQ_LEVELS.indexOf(value as FreqLevel),
  severity: (_q, value) => FIVE_STEP_SHARES[FREQ_LEVELS.indexOf(value as FreqLevel)] ?? 0,
  values: () => [...FREQ_LEVELS],
  best: () => 'never',
  display: (_q, value, words) => words.freq[value as FreqLevel],
  list: () => FREQ_LEVELS.join(' | '),
};
