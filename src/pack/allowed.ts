import type { Question } from '../engine/types.js';

/** What a question accepts, in words, for error messages. */
export function allowedValues(q: Question): string {
  switch (q.kind) {
    case 'bool':
      return 'allowed: yes, no (or true, false)';
    case 'freq':
      return 'allowed: never, rarely, sometimes, often, always';
    case 'scale':
      return 'allowed: a whole number from 1 to 5';
    case 'number':
      return `allowed: a number${q.min !== undefined ? ` from ${q.min}` : ''}${q.max !== undefined ? ` to ${q.max}` : ''}`;
  }
}
