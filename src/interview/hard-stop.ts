import type { Question } from '../engine/types.js';

/**
 * Whether a question is a hard stop: its worst answer means fire-now, so the
 * interview asks before recording it. The one place the interview decides
 * this, so that a new pack model changes it here only.
 */
export function isHardStop(q: Question): boolean {
  return q.hardStop === true;
}
