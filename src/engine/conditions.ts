import { FREQ_LEVELS, type AnswerValue, type Answers, type Condition, type Question, type Scalar } from './types.js';

/**
 * Brings a value written in a pack or an answer file to the form answers are
 * stored in, for the given question. Returns undefined when the question cannot
 * take it; validation uses that to name the bad value.
 */
export function coerceValue(question: Pick<Question, 'kind'>, raw: Scalar): Exclude<AnswerValue, null> | undefined {
  switch (question.kind) {
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string') {
        const word = raw.trim().toLowerCase();
        if (word === 'yes' || word === 'true') return true;
        if (word === 'no' || word === 'false') return false;
      }
      return undefined;
    case 'freq': {
      if (typeof raw !== 'string') return undefined;
      const word = raw.trim().toLowerCase();
      return (FREQ_LEVELS as readonly string[]).includes(word) ? (word as (typeof FREQ_LEVELS)[number]) : undefined;
    }
    case 'scale':
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
  }
}

/** Position of a value on its question's own scale, for atLeast/atMost. */
export function rank(value: Exclude<AnswerValue, null>): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return FREQ_LEVELS.indexOf(value);
}

/**
 * Evaluates a condition over answers. A comparison on a question that has no
 * answer (missing, not sure, or not asked) is false: conditions only fire on
 * what the user actually said.
 */
export function holds(condition: Condition, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  if (condition.all) return condition.all.every((c) => holds(c, answers, questions));
  if (condition.any) return condition.any.some((c) => holds(c, answers, questions));
  if (condition.not) return !holds(condition.not, answers, questions);
  const question = condition.question === undefined ? undefined : questions.get(condition.question);
  if (!question) return false;
  const value = answers[question.id] ?? null;
  if (condition.answered !== undefined) return (value !== null) === condition.answered;
  if (value === null) return false;
  if (condition.is !== undefined) {
    const wanted = Array.isArray(condition.is) ? condition.is : [condition.is];
    return wanted.some((w) => coerceValue(question, w) === value);
  }
  const compare = (bound: Scalar, test: (a: number, b: number) => boolean): boolean => {
    const b = coerceValue(question, bound);
    return b !== undefined && test(rank(value), rank(b));
  };
  if (condition.atLeast !== undefined) return compare(condition.atLeast, (a, b) => a >= b);
  if (condition.atMost !== undefined) return compare(condition.atMost, (a, b) => a <= b);
  if (condition.above !== undefined) return compare(condition.above, (a, b) => a > b);
  if (condition.below !== undefined) return compare(condition.below, (a, b) => a < b);
  return false;
}

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
