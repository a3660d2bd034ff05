import type { KindSpec } from './shared.js';

/** yes/no: "yes" is the red flag. */
export const bool: KindSpec = {
  coerce(_q, raw) {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw !== 'string') return undefined;
    const word = raw.trim().toLowerCase();
    if (word === 'yes' || word === 'true') return true;
    if (word === 'no' || word === 'false') return false;
    return undefined;
  },
  inRange: (_q, value) => typeof value === 'boolean',
  isCanonical: (_q, value) => typeof value === 'boolean',
  rank: (value) => (value === true ? 1 : 0),
  severity: (_q, value) => (value === true ? 1 : 0),
  values: () => [false, true],
  best: () => false,
  display: (_q, value, words) => (value ? words.yes : words.no),
  list: () => 'yes | no',
};
