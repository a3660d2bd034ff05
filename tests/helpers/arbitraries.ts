import fc from 'fast-check';
import { FREQ_LEVELS, type AnswerValue, type Pack, type Question } from '../../src/engine/types.js';

/** Any legal answer to a question (numbers capped, to keep runs fast). */
export function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  switch (q.kind) {
    case 'bool':
      return fc.boolean();
    case 'freq':
      return fc.constantFrom(...FREQ_LEVELS);
    case 'scale':
      return fc.integer({ min: 1, max: 5 });
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: Math.min(q.max ?? 1000, 1_000_000) });
  }
}

/** Answers that passed validation: any subset of the pack's questions, each a legal value or not sure. */
export function answersArb(pack: Pack): fc.Arbitrary<Record<string, AnswerValue>> {
  const entries = Object.fromEntries(pack.questions.map((q) => [q.id, fc.option(valueArb(q), { nil: null })]));
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;
}
