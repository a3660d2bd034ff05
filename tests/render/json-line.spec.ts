import fc from 'fast-check';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { toJsonReport } from '../../src/render/json.js';
import { ByteSink, writeJsonLine } from '../../src/render/json-bytes.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack } from '../helpers/packs.js';

const pack = defaultPack();
it('the batch encoder writes exactly the bytes of JSON.stringify, record after record', () => {
  // A small sink, so that records also cross from one buffer into the next.
  const sink = new ByteSink(512);
  fc.assert(
    fc.property(fc.array(fc.tuple(answersArb(pack), fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), fc.nat()), { minLength: 1, maxLength: 5 }), (records) => {
      let expected = '';
      for (const [answers, client, line] of records) {
        const a = evaluate(pack, client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });
        writeJsonLine(sink, line, a);
        expected += `${JSON.stringify({ line, ...toJsonReport(a) })}\n`;
      }
      expect(sink.take().toString('utf8')).toBe(expected);
    }),
    { numRuns: 300 },
  );
});

it('a piece taken from the sink keeps its bytes while more is written', () => {
  const sink = new ByteSink(8);
  sink.text('first');
  const first = sink.take();
  sink.text('second, longer than the buffer');
  sink.bytes(Buffer.from('!'));
  expect(first.toString()).toBe('first');
  expect(sink.take().toString()).toBe('second, longer than the buffer!');
  expect(sink.length).toBe(0);
});
