// Facts about a pack that its validation (src/pack/validate.ts) and the engine
// both read: pure functions of the pack's data, with no state and no caches,
// kept apart from prepare and evaluate so that checking a pack that is not yet
// valid runs nothing of the engine's.
import { VOICE_NAMES } from './template.js';
import type { Condition, Pack, Question } from './types.js';

/** True for questions that carry points: red-flag signals, as opposed to context questions. */
export function isSignal(question: Question): boolean {
  return question.weight > 0;
}

/** Questions in the order they are asked. */
export function questionOrder(pack: Pack): Question[] {
  const rank = new Map(pack.categories.map((c, i) => [c.id, i]));
  return pack.questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (rank.get(a.q.category) ?? Infinity) - (rank.get(b.q.category) ?? Infinity) || a.i - b.i)
    .map(({ q }) => q);
}

/** Placeholders every template may use besides question ids. */
export const TEMPLATE_NAMES = ['client', 'recheckOn', 'lastDay', 'me', 'contact', ...VOICE_NAMES] as const;

/** Every question id a condition mentions, with the path of the mention. */
export function* questionRefs(condition: Condition, path: (string | number)[] = []): Generator<{ id: string; path: (string | number)[]; condition: Condition; negated: boolean }> {
  yield* walk(condition, path, false);
}

function* walk(
  condition: Condition,
  path: (string | number)[],
  negated: boolean,
): Generator<{ id: string; path: (string | number)[]; condition: Condition; negated: boolean }> {
  if (condition.all) for (const [i, c] of condition.all.entries()) yield* walk(c, [...path, 'all', i], negated);
  if (condition.any) for (const [i, c] of condition.any.entries()) yield* walk(c, [...path, 'any', i], negated);
  if (condition.not) yield* walk(condition.not, [...path, 'not'], !negated);
  if (condition.question !== undefined) yield { id: condition.question, path, condition, negated };
}
