// The scoring model's mechanics. What the verdict should be for each situation
// is the judgment table's (judgment.spec.ts); this checks how points, floors,
// "not sure" and the plan are put together.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AnswerValue } from '../../src/engine/types.js';
import { defaultPack, preparedDefault } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const pack = defaultPack();
const run = (answers: Record<string, AnswerValue>, client?: string) =>
  evaluate(preparedDefault(), client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });

/** Every signal at its best answer: the healthiest possible client. */
function allClear(): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const q of pack.questions) {
    if (q.weight === 0) continue;
    answers[q.id] = q.kind === 'bool' ? false : q.kind === 'freq' ? 'never' : 1;
  }
  return answers;
}

describe('evaluate: points add up as evidence', () => {
  it('an answer gives its share of the weight, whatever else is answered', () => {
    // pays_late weight 12 at "often" (70%) = 8.4 points, alone or among "No"s.
    expect(run({ pays_late: 'often' }).score).toBe(8);
    expect(run({ ...allClear(), pays_late: 'often' }).score).toBe(8);
    expect(run({ pays_late: 'often' }).reasons[0]).toMatchObject({ id: 'pays_late', points: 8.4, floor: 'fix' });
  });

  it('a "No" adds nothing and a "Not sure" adds nothing: only the confidence differs', () => {
    const alone = run({ scope_creep: 'always' });
    const amongNo = run({ ...allClear(), scope_creep: 'always' });
    expect(amongNo.score).toBe(alone.score);
    expect(amongNo.verdict).toBe(alone.verdict);
    expect(amongNo.confidence).toBeGreaterThan(alone.confidence);
  });

  it('confidence is the share of applicable weight answered; not sure lowers it', () => {
    const full = run(allClear());
    expect(full.confidence).toBe(1);
    const total = pack.questions.filter((q) => q.weight > 0 && !q.askIf).reduce((sum, q) => sum + q.weight, 0);
    const unsure = run({ ...allClear(), pays_late: null, unpaid_work: null });
    expect(unsure.confidence).toBeCloseTo((total - 12 - 25) / total, 2);
  });

  it('a question whose askIf does not hold neither counts nor scores', () => {
    const withoutTeam = run({ ...allClear(), has_team: false, team_morale: 5 });
    const withTeam = run({ ...allClear(), has_team: true, team_morale: 5 });
    expect(withoutTeam.reasons.map((r) => r.id)).not.toContain('team_morale');
    expect(withTeam.reasons.map((r) => r.id)).toContain('team_morale');
    expect(withTeam.applicable).toBe(withoutTeam.applicable + 1);
  });

  it('combination rules add points and a named reason', () => {
    const both = run({ pays_late: 'often', underpays: 4 });
    expect(both.reasons.find((r) => r.id === 'late-and-underpaid')).toMatchObject({ type: 'rule', points: 6, floor: null });
    expect(run({ pays_late: 'sometimes', underpays: 4 }).reasons.map((r) => r.id)).not.toContain('late-and-underpaid');
  });

  it('the score is capped at 100', () => {
    const everything = Object.fromEntries(pack.questions.filter((q) => q.weight > 0).map((q) => [q.id, q.kind === 'bool' ? true : q.kind === 'freq' ? 'always' : 5]));
    expect(run({ ...everything, has_team: true }).score).toBe(100);
  });
});

describe('evaluate: floors and hard stops', () => {
  it('a floor raises the verdict above the band of the score', () => {
    const result = run({ unpaid_work: true });
    expect(result.score).toBeLessThan(40);
    expect(result.verdict).toBe('fire');
    expect(result.reasons[0]).toMatchObject({ id: 'unpaid_work', floor: 'fire' });
  });

  it('a hard stop wins whatever the score, and is named', () => {
    const result = run({ ...allClear(), abuse: true });
    expect(result.score).toBeLessThan(40);
    expect(result).toMatchObject({ verdict: 'fire-now', hardStops: ['abuse'], whatWouldChange: [] });
    expect(run({ ...allClear(), abuse: true, unethical_requests: true }).hardStops).toEqual(['abuse', 'unethical_requests']);
  });

  it('a rule can bring a floor: raised and persisting is fire', () => {
    const result = run({ pays_late: 'often', raised_issue: true });
    expect(result.verdict).toBe('fire');
    expect(result.reasons.find((r) => r.id === 'raised-and-persisting')).toMatchObject({ type: 'rule', floor: 'fire' });
  });

  it('reasons come hard stops first, then by floor, then by points', () => {
    const result = run({ ...allClear(), abuse: true, unpaid_work: true, pays_late: 'always', disputes_fees: 'sometimes' });
    expect(result.reasons.map((r) => r.id)).toEqual(['abuse', 'unpaid_work', 'pays_late', 'disputes_fees']);
  });

  it('nothing answered is keep at confidence 0, with no plan: not a guess', () => {
    expect(run({})).toMatchObject({ verdict: 'keep', score: 0, confidence: 0, answered: 0, reasons: [], steps: [], whatWouldChange: [] });
    expect(run({ contract_active: true, income_share: 90 })).toMatchObject({ verdict: 'keep', confidence: 0, answered: 0, steps: [] });
  });
});

describe('evaluate: what would change the verdict', () => {
  it('names the fewest answers that would have to be better, for each better verdict', () => {
    expect(run({ pays_late: 'often' }).whatWouldChange).toEqual([{ verdict: 'keep', answers: { pays_late: 'sometimes' } }]);
    expect(run({ pays_late: 'often', raised_issue: true }).whatWouldChange).toEqual([{ verdict: 'keep', answers: { pays_late: 'sometimes' } }]);
    // Either answer alone breaks "draining and unprofitable"; both move one step, and the one worth more points is named.
    const fire = run({ dread: 'often', unprofitable: true });
    expect(fire.whatWouldChange).toEqual([
      { verdict: 'fix', answers: { unprofitable: false } },
      { verdict: 'keep', answers: { dread: 'sometimes', unprofitable: false } },
    ]);
  });

  it('is empty for keep and for a hard stop', () => {
    expect(run(allClear()).whatWouldChange).toEqual([]);
    expect(run({ sabotage: true, pays_late: 'often' }).whatWouldChange).toEqual([]);
  });
});

describe('evaluate: steps', () => {
  it('a fix gets the repair steps of the flagged signals and a re-check date', () => {
    const result = run({ ...allClear(), pays_late: 'always', disputes_fees: 'often', unpaid_extra_work: 'often' });
    expect(result.verdict).toBe('fix');
    expect(result.steps.map((s) => s.id)).toEqual(['repair-pays_late', 'repair-disputes_fees', 'repair-unpaid_extra_work', 'raise-it', 'recheck']);
    expect(result.recheckOn).toBe('2026-12-22');
    expect(result.steps.at(-1)?.text).toContain('2026-12-22');
  });

  it('fire steps are ordered prepare, conversation, after', () => {
    const result = run({ ...allClear(), unpaid_work: true, dread: 'always', unprofitable: true });
    const order = ['prevent', 'repair', 'prepare', 'conversation', 'after'];
    const phases = result.steps.map((s) => s.phase);
    expect(phases).toEqual([...phases].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(phases[0]).toBe('prepare');
    expect(phases.at(-1)).toBe('after');
    expect(result.recheckOn).toBeNull();
  });

  it('fills the client name and answered numbers into step texts, and drops optional parts that are unknown', () => {
    const answers = { ...allClear(), dread: 'always', unprofitable: true, contract_active: true } as Record<string, AnswerValue>;
    const named = run({ ...answers, notice_days: 30 }, 'Acme');
    const read = named.steps.find((s) => s.id === 'read-contract');
    expect(read?.text).toContain('with Acme');
    expect(read?.text).toContain('30 days');
    const readUnknown = run(answers).steps.find((s) => s.id === 'read-contract');
    expect(readUnknown?.text).toContain('with the client');
    expect(readUnknown?.text).not.toMatch(/days|\{|\[\[/);
  });
});

describe('evaluate: number bands', () => {
  it('a number between two bands takes the lower one, so more never scores less', async () => {
    const { loadPack } = await import('../../src/pack/load.js');
    const { prepare } = await import('../../src/engine/prepare.js');
    const { fixture } = await import('../helpers/packs.js');
    const banded = prepare(loadPack(fixture('packs', 'banded.yaml'), packFiles()));
    const points = (days: number) => evaluate(banded, { answers: { days_late: days } }).reasons.find((r) => r.id === 'days_late')?.points ?? 0;
    expect([7, 7.5, 8, 30, 30.5, 31, 365].map(points)).toEqual([0, 0, 20, 20, 20, 50, 50]);
  });
});

describe('the last working day', () => {
  it('is a working day: a Saturday or a Sunday moves to the Monday after', async () => {
    const { workingDayFrom } = await import('../../src/engine/evaluate.js');
    expect(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map(workingDayFrom)).toEqual(['2026-12-04', '2026-12-07', '2026-12-07', '2026-12-07']);
  });
});

describe('names inside sentences', () => {
  it('a client name with line breaks or tabs (from a CRM field) reads with spaces inside step texts', () => {
    const a = run({ pays_late: 'often' }, 'Acme\n\n  KEEP\tx');
    expect(a.steps.find((s) => s.id === 'raise-it')?.text).toMatch(/^Tell Acme KEEP x plainly/);
    expect(a.client).toBe('Acme\n\n  KEEP\tx');
  });

  it('a number above every band takes the top band: a larger number never gives fewer points', async () => {
    const { number } = await import('../../src/engine/kinds/number.js');
    const q = { id: 'n', category: 'c', kind: 'number', label: 'N', text: 'N?', weight: 5, sources: [], bands: [{ min: 0, max: 4, points: 1 }, { min: 5, max: 10, points: 5 }] } as never;
    expect([3, 10, 11, 1_000_000].map((v) => number.severity(q, v))).toEqual([0.2, 1, 1, 1]);
  });
});

