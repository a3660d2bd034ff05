import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, severity } from '../../src/engine/evaluate.js';
import { FREQ_LEVELS, VERDICTS, type AnswerValue, type Pack, type Question } from '../../src/engine/types.js';
import { loadPack } from '../../src/pack/load.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack, fixture } from '../helpers/packs.js';

/** A strictly worse answer than `value` for a signal question, if there is one. */
function worseArb(q: Question, value: AnswerValue): fc.Arbitrary<AnswerValue> | undefined {
  if (value === null) return undefined;
  const candidates: AnswerValue[] = [];
  if (q.kind === 'bool') candidates.push(true);
  if (q.kind === 'freq') candidates.push(...FREQ_LEVELS);
  if (q.kind === 'scale') candidates.push(1, 2, 3, 4, 5);
  if (q.kind === 'number') for (const band of q.bands ?? []) candidates.push(band.min, band.max);
  const worse = candidates.filter((c) => c !== null && severity(q, c) > severity(q, value));
  return worse.length ? fc.constantFrom(...worse) : undefined;
}

const packs: [string, Pack][] = [
  ['default pack', defaultPack()],
  ['banded test pack', loadPack(fixture('packs', 'banded.yaml'))],
];
const RUNS = { numRuns: 400 };

describe.each(packs)('evaluate properties: %s', (_name, pack) => {
  const signals = pack.questions.filter((q) => q.weight > 0);

  it('never throws; score stays in 0..100 and confidence in 0..1', () => {
    fc.assert(
      fc.property(answersArb(pack), (answers) => {
        const result = evaluate(pack, { answers });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(VERDICTS).toContain(result.verdict);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(answersArb(pack), fc.string(), (answers, client) => {
        const first = evaluate(pack, { client, answers: structuredClone(answers) }, { today: '2026-11-22' });
        const second = evaluate(pack, { client, answers: structuredClone(answers) }, { today: '2026-11-22' });
        expect(second).toEqual(first);
      }),
      RUNS,
    );
  });

  it('is monotone: a worse answer to one signal never lowers the score or softens the verdict', () => {
    const arb = answersArb(pack).chain((answers) => {
      const options = signals.flatMap((q) => {
        const worse = worseArb(q, answers[q.id] ?? null);
        return worse ? [worse.map((value) => ({ id: q.id, value }))] : [];
      });
      return options.length ? fc.tuple(fc.constant(answers), fc.oneof(...options)) : fc.constant(null);
    });
    fc.assert(
      fc.property(arb, (pair) => {
        if (pair === null) return;
        const [answers, change] = pair;
        const before = evaluate(pack, { answers });
        const after = evaluate(pack, { answers: { ...answers, [change.id]: change.value } });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(VERDICTS.indexOf(after.verdict)).toBeGreaterThanOrEqual(VERDICTS.indexOf(before.verdict));
      }),
      RUNS,
    );
  });
});
