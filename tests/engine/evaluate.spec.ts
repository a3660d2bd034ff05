import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AnswerValue } from '../../src/engine/types.js';
import { defaultPack } from '../helpers/packs.js';

const pack = defaultPack();
const run = (answers: Record<string, AnswerValue>, client?: string) =>
  evaluate(pack, client === undefined ? { answers } : { client, answers }, { today: '2026-11-22' });

/** Every signal at its best answer: the healthiest possible client. */
function allClear(): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const q of pack.questions) {
    if (q.weight === 0) continue;
    answers[q.id] = q.kind === 'bool' ? false : q.kind === 'freq' ? 'never' : 1;
  }
  return answers;
}

describe('evaluate: verdict table (default pack)', () => {
  const cases: { name: string; answers: Record<string, AnswerValue>; verdict: string; hardStops?: string[] }[] = [
    { name: 'all clear', answers: allClear(), verdict: 'keep' },
    { name: 'chronic late payer, everything else fine', answers: { ...allClear(), pays_late: 'always', disputes_fees: 'often', unpaid_extra_work: 'often' }, verdict: 'fix' },
    { name: 'broad trouble on money, scope and fit', answers: { ...allClear(), pays_late: 'always', unpaid_work: true, underpays: 5, scope_creep: 'always', refuses_contract: true, dread: 'always', unprofitable: true, disrespects_time: 'often' }, verdict: 'fire' },
    { name: 'abuse alone', answers: { ...allClear(), abuse: true }, verdict: 'fire-now', hardStops: ['abuse'] },
    { name: 'unethical requests alone', answers: { unethical_requests: true }, verdict: 'fire-now', hardStops: ['unethical_requests'] },
    { name: 'sabotage among good answers', answers: { ...allClear(), sabotage: true }, verdict: 'fire-now', hardStops: ['sabotage'] },
    { name: 'two hard stops', answers: { ...allClear(), abuse: true, unethical_requests: true }, verdict: 'fire-now', hardStops: ['abuse', 'unethical_requests'] },
  ];
  it.each(cases)('$name → $verdict', ({ answers, verdict, hardStops }) => {
    const result = run(answers);
    expect(result.verdict).toBe(verdict);
    if (hardStops) expect(result.hardStops).toEqual(hardStops);
  });

  it('nothing answered is keep at confidence 0, never a guess', () => {
    const result = run({});
    expect(result).toMatchObject({ verdict: 'keep', score: 0, confidence: 0, answered: 0, reasons: [], steps: [] });
  });

  it('only context answered is still nothing known', () => {
    const result = run({ contract_active: true, income_share: 90 });
    expect(result).toMatchObject({ verdict: 'keep', confidence: 0, answered: 0 });
  });

  it('a hard stop wins whatever the score', () => {
    const result = run({ ...allClear(), abuse: true });
    expect(result.score).toBeLessThan(10);
    expect(result.verdict).toBe('fire-now');
  });
});

describe('evaluate: score and confidence', () => {
  it('scores points over the maximum for the questions answered', () => {
    // pays_late weight 4 at "often" (3/4) = 3 points of 4 possible.
    expect(run({ pays_late: 'often' }).score).toBe(75);
    // Add disputes_fees weight 2 at "never": 3 of 6.
    expect(run({ pays_late: 'often', disputes_fees: 'never' }).score).toBe(50);
  });

  it('confidence is the share of applicable weight answered; not sure lowers it', () => {
    const full = run(allClear());
    expect(full.confidence).toBe(1);
    const total = pack.questions.filter((q) => q.weight > 0 && !q.askIf).reduce((sum, q) => sum + q.weight, 0);
    // pays_late (4) and unpaid_work (6) not sure: 10 of the total weight is unknown.
    const unsure = run({ ...allClear(), pays_late: null, unpaid_work: null });
    expect(unsure.confidence).toBeCloseTo((total - 10) / total, 2);
  });

  it('a question whose askIf does not hold neither counts nor scores', () => {
    const withoutTeam = run({ ...allClear(), has_team: false, team_morale: 5 });
    const withTeam = run({ ...allClear(), has_team: true, team_morale: 5 });
    expect(withoutTeam.reasons.map((r) => r.id)).not.toContain('team_morale');
    expect(withTeam.reasons.map((r) => r.id)).toContain('team_morale');
    expect(withTeam.applicable).toBe(withoutTeam.applicable + 1);
  });

  it('combination rules add points and a named reason', () => {
    const alone = run({ pays_late: 'often', underpays: 4 });
    const ruleReason = alone.reasons.find((r) => r.id === 'late-and-underpaid');
    expect(ruleReason).toMatchObject({ type: 'rule', points: 3 });
    const below = run({ pays_late: 'sometimes', underpays: 4 });
    expect(below.reasons.map((r) => r.id)).not.toContain('late-and-underpaid');
  });

  it('reasons come largest first, hard stops before all', () => {
    const result = run({ ...allClear(), abuse: true, pays_late: 'always', disputes_fees: 'sometimes' });
    expect(result.reasons[0]?.id).toBe('abuse');
    const points = result.reasons.slice(1).map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });
});

describe('evaluate: steps', () => {
  it('a fix gets the repair steps of the flagged signals and a re-check date', () => {
    const result = run({ ...allClear(), pays_late: 'always', disputes_fees: 'often', unpaid_extra_work: 'often' });
    expect(result.verdict).toBe('fix');
    expect(result.steps.map((s) => s.id)).toEqual(['repair-pays_late', 'repair-disputes_fees', 'repair-unpaid_extra_work', 'recheck']);
    expect(result.reasons.map((r) => r.id)).toContain('chronic-problem');
    expect(result.recheckOn).toBe('2026-12-22');
    expect(result.steps.at(-1)?.text).toContain('2026-12-22');
  });

  it('fire steps are ordered prepare, conversation, after', () => {
    const result = run({ ...allClear(), pays_late: 'always', unpaid_work: true, underpays: 5, scope_creep: 'always', refuses_contract: true, dread: 'always', unprofitable: true });
    const phases = result.steps.map((s) => s.phase);
    expect(phases).toEqual([...phases].sort((a, b) => ['repair', 'prepare', 'conversation', 'after'].indexOf(a) - ['repair', 'prepare', 'conversation', 'after'].indexOf(b)));
    expect(phases[0]).toBe('prepare');
    expect(phases.at(-1)).toBe('after');
    expect(result.recheckOn).toBeNull();
  });

  it('fills the client name and answered numbers into step texts, and drops optional parts that are unknown', () => {
    const answers = { ...allClear(), abuse: false, pays_late: 'always', unpaid_work: true, dread: 'always', unprofitable: true, scope_creep: 'always', refuses_contract: true, underpays: 5, contract_active: true } as Record<string, AnswerValue>;
    const named = run({ ...answers, notice_days: 30 }, 'Acme');
    const read = named.steps.find((s) => s.id === 'read-contract');
    expect(read?.text).toContain('with Acme');
    expect(read?.text).toContain('30 days');
    const unknownNotice = run(answers);
    const readUnknown = unknownNotice.steps.find((s) => s.id === 'read-contract');
    expect(readUnknown?.text).toContain('with the client');
    expect(readUnknown?.text).not.toMatch(/days|\{|\[\[/);
  });
});
