import fc from 'fast-check';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { FREQ_LEVELS, type AnswerValue, type Question } from '../../src/engine/types.js';
import { jsonLine, toJsonReport } from '../../src/render/json.js';
import { defaultPack } from '../helpers/packs.js';

const pack = defaultPack();
function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  if (q.kind === 'bool') return fc.boolean();
  if (q.kind === 'freq') return fc.constantFrom(...FREQ_LEVELS);
  if (q.kind === 'scale') return fc.integer({ min: 1, max: 5 });
  return fc.integer({ min: q.min ?? 0, max: Math.min(q.max ?? 1e6, 1e6) });
}
const answersArb = fc.record(Object.fromEntries(pack.questions.map((q) => [q.id, fc.option(valueArb(q), { nil: null })])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;

it('the batch fast path writes exactly what JSON.stringify would, record after record', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(answersArb, fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), fc.nat()), { minLength: 1, maxLength: 5 }), (records) => {
      for (const [answers, client, line] of records) {
        const a = evaluate(pack, client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });
        expect(jsonLine(line, a)).toBe(`${JSON.stringify({ line, ...toJsonReport(a) })}\n`);
      }
    }),
    { numRuns: 300 },
  );
});
