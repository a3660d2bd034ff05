// The answer kinds, listed once. Every layer that needs to know a kind (parsing,
// severity, conditions, interview choices, display) asks this table.
import type { QuestionKind } from '../types.js';
import { bool } from './bool.js';
import { freq } from './freq.js';
import { number } from './number.js';
import { scale } from './scale.js';
import type { KindSpec } from './shared.js';

export const KINDS = { bool, freq, scale, number } satisfies Record<QuestionKind, KindSpec>;

export function kindOf(q: { kind: QuestionKind }): KindSpec {
  return KINDS[q.kind];
}

export { FIVE_STEP_SHARES, type AnswerWords, type KindSpec, type Value } from './shared.js';
