import type { Question } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';

/** What a question accepts, in words, for error messages. */
export function allowedValues(q: Question, m: Messages = en): string {
  switch (q.kind) {
    case 'bool':
      return m.errors.allowedBool;
    case 'freq':
      return m.errors.allowedFreq;
    case 'scale':
      return m.errors.allowedScale;
    case 'number':
      return m.errors.allowedNumber(q.min, q.max);
  }
}
