import { prepare } from '../../src/engine/prepare.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { toJsonReport } from '../../src/render/json.js';
import { ByteSink, mayNeedEscapes, writeJsonLine } from '../../src/render/json-bytes.js';
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
        const a = evaluate(prepare(pack), client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });
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

describe('mayNeedEscapes', () => {
  const memory = new ArrayBuffer(64);
  const bytes = new Uint8Array(memory);
  const words = new Uint32Array(memory);
  const byteByByte = (from: number, to: number) => bytes.subarray(from, to).some((b) => b < 0x20 || b === 0x22 || b === 0x5c || b === 0xef);

  it('finds each byte that may need escaping at every place, word-aligned or not', () => {
    for (const special of [0x00, 0x0a, 0x1f, 0x22, 0x5c, 0xef]) {
      for (let from = 0; from < 4; from++) {
        for (let length = 1; length <= 13; length++) {
          for (let at = from; at < from + length; at++) {
            bytes.fill(0x61); // "a"
            bytes[at] = special;
            expect(mayNeedEscapes(bytes, words, from, from + length)).toBe(true);
          }
        }
      }
    }
  });

  it('agrees with a byte-by-byte check on any bytes', () => {
    // Mostly plain text, now and then a byte that may need escaping, or any byte at all.
    const byte = fc.oneof(
      { arbitrary: fc.integer({ min: 0x23, max: 0x5b }), weight: 40 },
      { arbitrary: fc.constantFrom(0x00, 0x0a, 0x1f, 0x22, 0x5c, 0xef), weight: 1 },
      { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), fc.nat(3), (data, from) => {
        bytes.fill(0x20);
        bytes.set(data, from);
        expect(mayNeedEscapes(bytes, words, from, from + data.length)).toBe(byteByByte(from, from + data.length));
      }),
      { numRuns: 2000 },
    );
  });
});
