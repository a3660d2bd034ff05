// The re-check table (issue 15): last time's assessment and this one's answers,
// and what the re-check makes of them. Each row cites its article (tags as in
// ../shared/SIGNALS.md); "pack" is rules/default.yaml's own `recheck` step:
// "if what is listed under 'What would change the verdict' has not improved by
// then, it is time to end it".
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { checkTargets, recheck, trendOf, type PreviousAssessment, type Trend } from '../../src/engine/recheck.js';
import type { AnswerValue, Verdict } from '../../src/engine/types.js';
import { defaultPack, preparedDefault } from '../helpers/packs.js';

const pack = defaultPack();
const p = preparedDefault();
type Answers = Record<string, AnswerValue>;

/** Every signal at its best answer, and the problem raised. */
function allFine(): Answers {
  const answers: Answers = { raised_issue: true };
  for (const q of pack.questions) if (q.weight > 0) answers[q.id] = q.kind === 'bool' ? false : q.kind === 'freq' ? 'never' : 1;
  return answers;
}

const FIRST_ON = '2026-10-22';
// Four occasional problems: a fix, one honest attempt (A: "consider how often"; A§1, B, A§5, C§8: try first).
const before: Answers = { ...allFine(), raised_issue: false, pays_late: 'sometimes', scope_creep: 'sometimes', indecisive: 'sometimes', disrespects_time: 'sometimes' };

function previousFrom(answers: Answers, on = FIRST_ON): PreviousAssessment {
  const a = evaluate(p, { client: 'Acme', answers }, { today: on });
  return { assessedOn: on, verdict: a.verdict, score: a.score, recheckOn: a.recheckOn, answers, whatWouldChange: a.whatWouldChange, pack: a.pack };
}
const lastTime = previousFrom(before);

function run(answers: Answers, today: string, previous: PreviousAssessment | null = lastTime) {
  const now = evaluate(p, { client: 'Acme', answers }, { today });
  return { now, ...recheck(p, now, answers, previous, today) };
}

describe('the fix of last time', () => {
  it('is a fix, due on its re-check date, with a target to meet', () => {
    expect(lastTime.verdict).toBe('fix');
    expect(lastTime.recheckOn).toBe('2026-11-21');
    expect(lastTime.whatWouldChange[0]?.verdict).toBe('keep');
  });
});

interface Row {
  name: string;
  cite: string;
  answers: Answers;
  today: string;
  previous?: PreviousAssessment | null;
  verdict: Verdict;
  trend: Trend;
  escalated: boolean;
}

const same: Answers = { ...before, raised_issue: true };
const rows: Row[] = [
  { name: 'nothing changed, the day after the re-check date', cite: 'A§4 "if it doesn\'t work, fire the client"; pack', answers: same, today: '2026-11-22', verdict: 'fire', trend: 'worse', escalated: true },
  { name: 'nothing changed, on the re-check date itself', cite: 'pack: "check again on {recheckOn}"', answers: same, today: '2026-11-21', verdict: 'fire', trend: 'worse', escalated: true },
  { name: 'nothing changed, months later', cite: 'A§4', answers: same, today: '2027-03-01', verdict: 'fire', trend: 'worse', escalated: true },
  { name: 'worse, and still a fix', cite: 'A§4; C§8 "let them go"', answers: { ...same, dread: 'sometimes' }, today: '2026-11-22', verdict: 'fire', trend: 'worse', escalated: true },
  { name: 'nothing changed, before the re-check date: the attempt gets its time', cite: 'A§4: the repair plan first; pack: the date', answers: same, today: '2026-11-10', verdict: 'fix', trend: 'same', escalated: false },
  { name: 'the target met: keep', cite: 'C§5, A§1: the reminders and terms worked', answers: { ...same, pays_late: 'never' }, today: '2026-11-22', verdict: 'keep', trend: 'better', escalated: false },
  { name: 'better, though short of the target: still a fix', cite: 'A: "consider how often"; the attempt is working', answers: { ...same, disrespects_time: 'rarely' }, today: '2026-11-22', verdict: 'fix', trend: 'better', escalated: false },
  { name: 'a fire by its own answers stays a fire, with no second reason', cite: 'C§5; A§4: raised and persisting', answers: { ...same, pays_late: 'often' }, today: '2026-11-22', verdict: 'fire', trend: 'worse', escalated: false },
  { name: 'a hard stop stays a hard stop', cite: 'A§4, C§3', answers: { ...same, abuse: true }, today: '2026-11-22', verdict: 'fire-now', trend: 'worse', escalated: false },
  { name: 'no last time: nothing to compare', cite: 'A§4: one honest attempt first', answers: same, today: '2026-11-22', previous: null, verdict: 'fix', trend: 'new', escalated: false },
  { name: 'last time a keep: no repair plan, no re-check', cite: 'D: keep it healthy', answers: same, today: '2026-11-22', previous: previousFrom(allFine()), verdict: 'fix', trend: 'worse', escalated: false },
  {
    name: 'last time scored by another pack: its targets are not ours to judge',
    cite: 'practice: a fire is not decided on a comparison that does not hold',
    answers: same,
    today: '2026-11-22',
    previous: { ...lastTime, pack: { id: 'agency', version: '1.0.0' } },
    verdict: 'fix',
    trend: 'same',
    escalated: false,
  },
  {
    name: 'the target\'s answer is "not sure" now, and nothing else moved: not known to have failed',
    cite: 'practice: a fire is not decided on what is not known',
    answers: same,
    today: '2026-11-22',
    previous: { ...lastTime, whatWouldChange: [{ verdict: 'keep', answers: { no_results: false } }] },
    verdict: 'fix',
    trend: 'same',
    escalated: false,
  },
];

describe('the re-check', () => {
  it.each(rows.map((r) => [r.name, r.cite, r] as const))('%s (%s)', (_name, _cite, row) => {
    const answers = row.name.includes('"not sure"') ? { ...row.answers, no_results: null } : row.answers;
    const result = run(answers, row.today, row.previous === undefined ? lastTime : row.previous);
    expect(result.assessment.verdict).toBe(row.verdict);
    expect(result.trend).toBe(row.trend);
    expect(result.escalated).toBe(row.escalated);
    if (!row.escalated) expect(result.assessment).toBe(result.now);
  });
});

describe('an escalated re-check', () => {
  const { now, assessment, targets } = run(same, '2026-11-22');

  it('says why first, citing A§4 and the pack\'s re-check step', () => {
    const reason = assessment.reasons[0];
    expect(reason).toMatchObject({ id: 'recheck', floor: 'fire', points: 0 });
    expect(reason?.sources).toEqual(['A§4', 'practice']);
    expect(reason?.text).toContain(FIRST_ON);
    expect(assessment.reasons.slice(1)).toEqual(now.reasons);
  });

  it('turns the repair plan into the offboarding plan (the pack\'s fire steps)', () => {
    const ids = assessment.steps.map((s) => s.id);
    expect(ids).toContain('call-not-email');
    expect(ids).toContain('thank-them');
    expect(ids).not.toContain('recheck');
    for (const id of ids) expect(pack.steps.find((s) => s.id === id)?.verdicts).toContain('fire');
    // Placeholders are filled as evaluate fills them.
    expect(assessment.steps.map((s) => s.text).join('\n')).not.toMatch(/\{\w+\}/);
  });

  it('keeps the score, and sets no new re-check date', () => {
    expect(assessment.score).toBe(now.score);
    expect(assessment.recheckOn).toBeNull();
    expect(now.recheckOn).toBe('2026-12-22');
  });

  it('shows the unmet target', () => {
    expect(targets).toEqual({ verdict: 'keep', status: 'not-met', answers: [{ id: 'pays_late', target: 'never', now: 'sometimes', met: false }] });
  });

  it('speaks another language when given its words', () => {
    const result = recheck(p, now, same, lastTime, '2026-11-22', { reasonText: (on) => `Ricontrollato dopo il piano del ${on}` });
    expect(result.assessment.reasons[0]?.text).toBe(`Ricontrollato dopo il piano del ${FIRST_ON}`);
  });
});

describe('trendOf: the verdict first, then the score', () => {
  it.each([
    [{ verdict: 'fix', score: 19 }, { verdict: 'fire', score: 12 }, 'worse'],
    [{ verdict: 'fire', score: 44 }, { verdict: 'fix', score: 39 }, 'better'],
    [{ verdict: 'fix', score: 19 }, { verdict: 'fix', score: 25 }, 'worse'],
    [{ verdict: 'fix', score: 19 }, { verdict: 'fix', score: 12 }, 'better'],
    [{ verdict: 'fix', score: 19 }, { verdict: 'fix', score: 19 }, 'same'],
    [{ verdict: 'keep', score: 9 }, { verdict: 'fire-now', score: 0 }, 'worse'],
    [null, { verdict: 'keep', score: 0 }, 'new'],
  ] as const)('%j → %j: %s', (previous, now, trend) => {
    expect(trendOf(previous, now)).toBe(trend);
  });
});

describe('checkTargets', () => {
  const targets = [{ verdict: 'keep' as const, answers: { pays_late: 'rarely' as const, underpays: 2, unprofitable: false } }];
  it.each([
    [{ pays_late: 'never', underpays: 1, unprofitable: false }, 'met'],
    [{ pays_late: 'rarely', underpays: 2, unprofitable: false }, 'met'],
    [{ pays_late: 'sometimes', underpays: 1, unprofitable: false }, 'not-met'],
    [{ pays_late: 'never', underpays: 3, unprofitable: false }, 'not-met'],
    [{ pays_late: 'never', underpays: 1, unprofitable: true }, 'not-met'],
    [{ pays_late: null, underpays: 1, unprofitable: false }, 'unknown'],
    [{ underpays: 1, unprofitable: false }, 'unknown'],
    [{ pays_late: null, underpays: 5, unprofitable: false }, 'not-met'],
  ] as const)('%j: %s', (answers, status) => {
    expect(checkTargets(p, targets, answers)?.status).toBe(status);
  });

  it('a question this pack does not have cannot be told', () => {
    expect(checkTargets(p, [{ verdict: 'keep', answers: { gone_question: false } }], {})?.answers[0]?.met).toBeNull();
  });

  it('no targets, nothing to check', () => {
    expect(checkTargets(p, [], {})).toBeNull();
  });
});
