import fc from 'fast-check';
import { packFiles } from '../../src/cli/pack-files.js';
import { describe, expect, it } from 'vitest';
import { ENGLISH_WORDS, evaluate } from '../../src/engine/evaluate.js';
import { prepare } from '../../src/engine/prepare.js';
import type { Assessment, PlannedStep } from '../../src/engine/types.js';
import { hu } from '../../src/i18n/hu.js';
import { REPORT_FIELDS, toJsonReport } from '../../src/render/json.js';
import { ByteSink, mayNeedEscapes, writeJsonLine } from '../../src/render/json-bytes.js';
import { loadPack } from '../../src/pack/load.js';
import { answersArb } from '../helpers/arbitraries.js';
import { defaultPack, fixture } from '../helpers/packs.js';

const expectedLine = (line: number, a: Assessment) => `${JSON.stringify({ line, ...toJsonReport(a) })}\n`;

describe.each([
  ['default pack', defaultPack()],
  // Number signals (reasons made per answer, past the memo), a placeholder in a step, askIf.
  ['banded test pack', loadPack(fixture('packs', 'banded.yaml'), packFiles())],
])('the batch encoder, %s', (_, pack) => {
  const prepared = prepare(pack);
  // One sink for every run, small, so that records also cross from one buffer into the next,
  // and the encoder's caches carry over from run to run as they do in a batch.
  const sink = new ByteSink(512);
  const record = fc.record({
    answers: answersArb(pack),
    client: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    line: fc.nat(),
    today: fc.constantFrom(undefined, '2026-11-22', '2027-02-27'),
    words: fc.constantFrom(ENGLISH_WORDS, hu.words),
  });

  it('writes exactly the bytes of JSON.stringify, record after record', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        let expected = '';
        for (const { answers, client, line, today, words } of records) {
          const a = evaluate(prepared, client === undefined ? { answers } : { client, answers }, { today, words });
          writeJsonLine(sink, line, a);
          expected += expectedLine(line, a);
        }
        expect(sink.take().toString('utf8')).toBe(expected);
        sink.reuse();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the batch encoder on assessments made by hand', () => {
  const a = evaluate(prepare(defaultPack()), { client: 'Acme', answers: { pays_late: 'often', contract_active: true, notice_days: 30 } }, { today: '2026-11-22' });
  const write = (assessment: Assessment, line = 1) => {
    const sink = new ByteSink(64);
    writeJsonLine(sink, line, assessment);
    return sink.take().toString('utf8');
  };

  it('writes the keys of the one report definition, in its order, after the line (previous only with a history, which batch does not read)', () => {
    const keys = Object.keys(JSON.parse(write(a)) as object);
    expect(keys).toEqual(['line', ...REPORT_FIELDS.map((f) => f.key).filter((key) => key !== 'verdictTitle' && key !== 'previous')]);
  });

  it('a step that is not shared is written from its own values, whatever steps with its id looked like before', () => {
    const step: PlannedStep = { id: 'talk', phase: 'repair', text: 'Talk to "them"\n', sources: ['A§1'] };
    const variants: PlannedStep[] = [
      step,
      { ...step, text: 'Talk again' },
      { ...step, phase: 'after' },
      { ...step, sources: ['B'] },
      { ...step, sources: [...step.sources] },
      // A frozen one (shared by the engine) and an unfrozen one with the same values.
      Object.freeze({ ...step, text: 'Shared' }),
      { ...step, text: 'Shared' },
    ];
    for (const [i, s] of variants.entries()) {
      const own = { ...a, steps: [s, { ...s, id: 'other' }] };
      expect(write(own, i), `variant ${i}`).toBe(expectedLine(i, own));
    }
  });

  it('a plan is written as it is now, whatever plans that started with the same steps held before', () => {
    const [x, y, z] = ['x', 'y', 'z'].map((id) => Object.freeze<PlannedStep>({ id, phase: 'prepare', text: `Step ${id}`, sources: Object.freeze(['A']) }));
    const own: PlannedStep = { id: 'own', phase: 'after', text: 'Thank Acme', sources: ['B'] };
    const plans: PlannedStep[][] = [[x!, y!, z!], [x!, y!], [x!, z!], [x!, own, y!], [y!, x!], [x!], [x!, y!, z!, x!]];
    for (const [i, steps] of [...plans, ...[...plans].reverse()].entries()) {
      const planned = { ...a, steps };
      expect(write(planned, i), `plan ${i}`).toBe(expectedLine(i, planned));
    }
  });

  it('writes any number as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double(), fc.constantFrom(-0, 0.1 + 0.2, 1e21, 2 ** 53, -(2 ** 53) - 2)), (n) => {
        const sink = new ByteSink(8);
        sink.number(n);
        expect(sink.take().toString()).toBe(JSON.stringify(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a frozen value the same as an unfrozen copy, and a changed copy as changed', () => {
    const frozen = { ...a, whatWouldChange: Object.freeze([Object.freeze({ verdict: 'keep' as const, answers: Object.freeze({ pays_late: 'rarely' as const }) })]) };
    expect(write(frozen)).toBe(expectedLine(1, frozen));
    const copy = { ...a, whatWouldChange: [{ verdict: 'keep' as const, answers: { pays_late: 'never' as const } }] };
    expect(write(copy)).toBe(expectedLine(1, copy));
  });

  it('values beside a shared one are written as they are now, not as they were beside it before', () => {
    // The same frozen lists (as one answer pattern shares them) with other figures around them.
    const variants: Assessment[] = [
      a,
      { ...a, score: a.score + 1 },
      { ...a, verdict: 'keep', confidence: 0.5 },
      { ...a, answered: 0, applicable: 99 },
      { ...a, reasons: [...a.reasons] },
      { ...a, recheckOn: '2030-01-01' },
      { ...a, recheckOn: null, pack: { id: 'other', version: '1' } },
      { ...a, client: 'Acme "2"' },
    ];
    for (const [i, variant] of [...variants, ...variants].entries()) expect(write(variant, i), `variant ${i % variants.length}`).toBe(expectedLine(i, variant));
  });
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
