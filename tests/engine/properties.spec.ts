import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, severity } from '../../src/engine/evaluate.js';
import { kindOf } from '../../src/engine/kinds/index.js';
import { dropInapplicable, prepare, vectorOf } from '../../src/engine/prepare.js';
import { tally } from '../../src/engine/score.js';
import { VERDICTS, type AnswerValue, type Pack, type Question, type Verdict } from '../../src/engine/types.js';
import { loadPack } from '../../src/pack/load.js';
import { answersArb, valueArb } from '../helpers/arbitraries.js';
import { defaultPack, fixture, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

type Answers = Record<string, AnswerValue>;
const rank = (v: Verdict) => VERDICTS.indexOf(v);

/** The answers a signal can take, best first (numbers: each band's ends). */
function valuesOf(q: Question): Exclude<AnswerValue, null>[] {
  if (q.kind === 'number') return (q.bands ?? []).flatMap((b) => [b.min, b.max]);
  return kindOf(q).values(q);
}

/** A strictly worse answer than `value` for a signal question, if there is one. */
function worseArb(q: Question, value: AnswerValue): fc.Arbitrary<AnswerValue> | undefined {
  if (value === null) return undefined;
  const worse = valuesOf(q).filter((c) => severity(q, c) > severity(q, value));
  return worse.length ? fc.constantFrom(...worse) : undefined;
}

/** The least verdict a pack's floors give an answer, worked out here from the pack data. */
function floorOf(q: Question, value: AnswerValue): number {
  if (value === null || value === undefined) return 0;
  const kind = kindOf(q);
  return Math.max(0, ...(q.floors ?? []).filter((f) => kind.rank(value) >= kind.rank(kind.coerce(q, f.atLeast)!)).map((f) => rank(f.verdict)));
}

const packs: [string, Pack][] = [
  ['default pack', defaultPack()],
  ['agency-strict example', loadPack(`${root}examples/agency-strict.yaml`, packFiles())],
  ['banded test pack', loadPack(fixture('packs', 'banded.yaml'), packFiles())],
];
const RUNS = { numRuns: 300 };

describe.each(packs)('evaluate properties: %s', (_name, pack) => {
  const prepared = prepare(pack);
  const run = (answers: Answers) => evaluate(prepared, { answers }, { today: '2026-11-22' });
  const verdictOnly = (answers: Answers) => {
    const vector = vectorOf(prepared, answers);
    return tally(prepared, vector, dropInapplicable(prepared, vector)).verdict;
  };
  const signals = pack.questions.filter((q) => q.weight > 0);
  const applies = (q: Question, answers: Answers) => !q.askIf || (q.askIf.question !== undefined && answers[q.askIf.question] === true);

  it('never throws; score stays in 0..100 and confidence in 0..1', () => {
    fc.assert(
      fc.property(answersArb(pack), (answers) => {
        const result = run(answers);
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
        const first = evaluate(prepared, { client, answers: structuredClone(answers) }, { today: '2026-11-22' });
        const second = evaluate(prepared, { client, answers: structuredClone(answers) }, { today: '2026-11-22' });
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
        const before = run(answers);
        const after = run({ ...answers, [change.id]: change.value });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(rank(after.verdict)).toBeGreaterThanOrEqual(rank(before.verdict));
      }),
      RUNS,
    );
  });

  it('"not sure" never raises: forgetting any answer never gives a higher score or verdict', () => {
    const arb = answersArb(pack).chain((answers) => fc.tuple(fc.constant(answers), fc.constantFrom(...pack.questions.map((q) => q.id))));
    fc.assert(
      fc.property(arb, ([answers, id]) => {
        const q = pack.questions.find((x) => x.id === id)!;
        if (q.weight === 0) return; // context shapes the plan; a rule may weigh it either way
        const known = run(answers);
        const unsure = run({ ...answers, [id]: null });
        expect(unsure.score).toBeLessThanOrEqual(known.score);
        expect(rank(unsure.verdict)).toBeLessThanOrEqual(rank(known.verdict));
      }),
      RUNS,
    );
  });

  it('floors hold: the verdict is never milder than any answered signal brings on its own', () => {
    fc.assert(
      fc.property(answersArb(pack), (answers) => {
        const result = run(answers);
        for (const q of signals) if (applies(q, answers)) expect(rank(result.verdict), q.id).toBeGreaterThanOrEqual(floorOf(q, answers[q.id] ?? null));
      }),
      RUNS,
    );
  });

  describe('what would change the verdict', () => {
    /** Every way to make one answered signal better. */
    const improvements = (answers: Answers) =>
      signals.flatMap((q) => {
        const value = answers[q.id];
        if (value === null || value === undefined || !applies(q, answers)) return [];
        return valuesOf(q).filter((v) => severity(q, v) < severity(q, value)).map((v) => ({ id: q.id, value: v }));
      });

    it('each entry, applied over the input, gives exactly its verdict, and only better ones are listed', () => {
      fc.assert(
        fc.property(answersArb(pack), (answers) => {
          const result = run(answers);
          if (result.verdict !== 'fix' && result.verdict !== 'fire') expect(result.whatWouldChange).toEqual([]);
          for (const change of result.whatWouldChange) {
            expect(rank(change.verdict)).toBeLessThan(rank(result.verdict));
            expect(run({ ...answers, ...change.answers }).verdict).toBe(change.verdict);
          }
        }),
        RUNS,
      );
    });

    it('a pack that has scored other answers gives what a fresh one gives, even for answers a single value apart', () => {
      // A batch scores record after record on one prepared pack, which remembers
      // what each answer pattern scores: near neighbours are where a remembered
      // result could be handed to the wrong answers (a context answer a rule
      // reads, a question that no longer applies).
      const neighbours = answersArb(pack).chain((base) =>
        fc.tuple(
          fc.constant(base),
          fc.array(
            fc.constantFrom(...pack.questions).chain((q) => fc.option(valueArb(q), { nil: null }).map((value) => ({ ...base, [q.id]: value }))),
            { maxLength: 6 },
          ),
        ),
      );
      const shared = prepare(pack);
      fc.assert(
        fc.property(neighbours, ([base, variants]) => {
          // Three rounds: a pattern is remembered the second time it is seen, and used from the third.
          for (const answers of [base, ...variants, base, ...variants, ...variants, base]) {
            const fresh = evaluate(prepare(pack), { answers }, { today: '2026-11-22' });
            expect(evaluate(shared, { answers }, { today: '2026-11-22' })).toEqual(fresh);
          }
        }),
        RUNS,
      );
    });

    it('no smaller change set reaches the verdict (brute force over single and double changes)', () => {
      fc.assert(
        fc.property(answersArb(pack), (answers) => {
          const result = run(answers);
          const moves = improvements(answers);
          for (const change of result.whatWouldChange) {
            const size = Object.keys(change.answers).length;
            // The verdict alone (the engine's tally), not a whole assessment: thousands of pairs per case.
            const reaches = (extra: Answers) => verdictOnly({ ...answers, ...extra }) <= rank(change.verdict);
            if (size > 1) for (const a of moves) expect(reaches({ [a.id]: a.value }), `${a.id} alone`).toBe(false);
            if (size > 2) {
              for (const a of moves) for (const b of moves) if (a.id < b.id) expect(reaches({ [a.id]: a.value, [b.id]: b.value }), `${a.id} and ${b.id}`).toBe(false);
            }
          }
        }),
        { numRuns: 150 },
      );
    });

    it('each changed answer moves no further than it must: one step less and the verdict is out of reach', () => {
      fc.assert(
        fc.property(answersArb(pack), (answers) => {
          const result = run(answers);
          for (const change of result.whatWouldChange) {
            for (const [id, value] of Object.entries(change.answers)) {
              const q = pack.questions.find((x) => x.id === id)!;
              const values = valuesOf(q);
              const lessMove = values.filter((v) => severity(q, v) > severity(q, value) && severity(q, v) < severity(q, answers[id]!));
              for (const v of lessMove) expect(rank(run({ ...answers, ...change.answers, [id]: v }).verdict), `${id} → ${String(v)}`).toBeGreaterThan(rank(change.verdict));
            }
          }
        }),
        RUNS,
      );
    });
  });
});
