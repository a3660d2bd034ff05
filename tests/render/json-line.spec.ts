import fc from 'fast-check';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { jsonLine, toJsonReport } from '../../src/render/json.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack } from '../helpers/packs.js';

const pack = defaultPack();
it('the batch fast path writes exactly what JSON.stringify would, record after record', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(answersArb(pack), fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), fc.nat()), { minLength: 1, maxLength: 5 }), (records) => {
      for (const [answers, client, line] of records) {
        const a = evaluate(pack, client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });
        expect(jsonLine(line, a)).toBe(`${JSON.stringify({ line, ...toJsonReport(a) })}\n`);
      }
    }),
    { numRuns: 300 },
  );
});
