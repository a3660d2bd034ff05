// The judgment table: what the articles say the verdict should be, case by
// case, each row citing its article (tags as in ../shared/SIGNALS.md). The
// expectations are written here from the articles, not read from the pack:
// if the pack's weights or floors drift from the articles, these fail.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AnswerValue, Verdict } from '../../src/engine/types.js';
import { defaultPack, preparedDefault } from '../helpers/packs.js';

const pack = defaultPack();
const prepared = preparedDefault();
type Answers = Record<string, AnswerValue>;
const judge = (answers: Answers) => evaluate(prepared, { client: 'Acme', answers }, { today: '2026-11-22' });

/** Every signal at its best answer: the healthiest possible client. */
function allFine(): Answers {
  const answers: Answers = {};
  for (const q of pack.questions) if (q.weight > 0) answers[q.id] = q.kind === 'bool' ? false : q.kind === 'freq' ? 'never' : 1;
  return answers;
}

// Each signal alone, at each level worse than its best: the verdict the articles
// imply. "Rarely" is normal everywhere (A: "consider how often they show these
// signs"); one serious problem can be enough on its own (B on not paying at all;
// A§4, C§3, C FAQ on abuse, unethical requests and sabotage); problems the
// articles say to try to fix first stay `fix` however often (A§1 late payment:
// "pause the collaboration, don't dissolve it"; A§2 pricing: "refrain from
// firing them", explain first; A§5 indecision: "set clear goals").
type Levels = [Verdict, Verdict, Verdict, Verdict];
const FREQ: [string, Levels, string][] = [
  // id, verdict at rarely / sometimes / often / always, why
  ['pays_late', ['keep', 'keep', 'fix', 'fix'], 'A§1: pause, not dissolve; C§5: a friendly reminder first'],
  ['disputes_fees', ['keep', 'keep', 'fix', 'fix'], 'A§2: explain your pricing first (an honest attempt), never fire for that alone'],
  ['unpaid_extra_work', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #10: price changes first'],
  ['scope_creep', ['keep', 'keep', 'fix', 'fix'], 'B, C§2: change requests priced separately, then leave'],
  ['breaks_terms', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #8: agreements in writing first'],
  ['unrealistic_expectations', ['keep', 'keep', 'fix', 'fix'], 'C§4: reset expectations in writing first'],
  ['disrespect', ['keep', 'keep', 'fix', 'fix'], 'C§1, A§4: say plainly what is not acceptable first'],
  ['ignores_expertise', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #1, #9: agree who decides what first'],
  ['crosses_boundaries', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #2: set boundaries first'],
  ['disrespects_time', ['keep', 'keep', 'fix', 'fix'], 'B, C§8: set hours and response times first'],
  ['no_compromise', ['keep', 'keep', 'fix', 'fix'], 'A§3: communicate early and directly first'],
  ['indecisive', ['keep', 'keep', 'fix', 'fix'], 'A§5: set clear goals from the start'],
  ['disengaged', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #6: agree a contact and response times first'],
  ['dread', ['keep', 'keep', 'fix', 'fix'], 'A intro, D intro: it harms your mental health; change what weighs first'],
];
const SCALE: [string, Levels, string][] = [
  // id, verdict at 2 / 3 / 4 / 5
  ['underpays', ['keep', 'keep', 'fix', 'fix'], 'B "pays too little", C§5: set your price from your needs first'],
  ['self_centred', ['keep', 'keep', 'fix', 'fix'], 'C FAQ toxic #15: name what you need from them first'],
  ['team_morale', ['keep', 'keep', 'fix', 'fix'], 'C§6: the team comes first; find out why, shield them'],
];
const BOOL: [string, Verdict, string][] = [
  ['unpaid_work', 'fire', 'B: "if that is not a sign to break, you have decided to do charity"'],
  ['abuse', 'fire-now', 'A§4, C§3: abuse is a hard stop'],
  ['unethical_requests', 'fire-now', 'C FAQ toxic #3, #4, #11: a hard stop'],
  ['sabotage', 'fire-now', 'C FAQ toxic #14: a hard stop'],
  ['refuses_contract', 'fix', 'B: no contract, no work; explain why first'],
  ['no_results', 'fix', 'C FAQ toxic #13: review the goals first'],
  ['no_enthusiasm', 'fix', 'C§7: decline new work that does not fit'],
  ['unprofitable', 'fix', 'D intro: no longer profitable; reprice first'],
  ['misaligned', 'fix', 'C FAQ 2: talk about the fit; end it at a natural point'],
];

interface Row {
  name: string;
  cite: string;
  answers: Answers;
  verdict: Verdict;
}

const FREQ_LEVELS = ['rarely', 'sometimes', 'often', 'always'] as const;
const alone: Row[] = [
  ...FREQ.flatMap(([id, levels, cite]) => FREQ_LEVELS.map((level, i) => ({ name: `${id} ${level}`, cite, answers: { [id]: level }, verdict: levels[i] as Verdict }))),
  ...SCALE.flatMap(([id, levels, cite]) =>
    [2, 3, 4, 5].map((n, i) => ({ name: `${id} ${n}/5`, cite, answers: { [id]: n, ...(id === 'team_morale' ? { has_team: true } : {}) }, verdict: levels[i] as Verdict })),
  ),
  ...BOOL.map(([id, verdict, cite]) => ({ name: `${id} yes`, cite, answers: { [id]: true }, verdict })),
];

describe('one signal, everything else fine', () => {
  it.each(alone.map((r) => [r.name, r.cite, r] as const))('%s (%s)', (_name, _cite, row) => {
    expect(judge({ ...allFine(), ...row.answers }).verdict).toBe(row.verdict);
  });
});

describe('one signal, everything else "not sure": never higher than with the rest fine', () => {
  it.each(alone.map((r) => [r.name, r.cite, r] as const))('%s (%s)', (_name, _cite, row) => {
    const unsure = judge(row.answers);
    const fine = judge({ ...allFine(), ...row.answers });
    expect(unsure.verdict).toBe(row.verdict);
    expect(unsure.score).toBeLessThanOrEqual(fine.score);
    expect(unsure.confidence).toBeLessThan(fine.confidence);
  });
});

const raised = (answers: Answers): Answers => ({ ...allFine(), ...answers, raised_issue: true });
const rows: Row[] = [
  // A problem already raised that goes on is a reason to end it.
  { name: 'late payment raised and still often', cite: 'C§5 "if these measures do not work"; B: a habit, move on', answers: raised({ pays_late: 'often' }), verdict: 'fire' },
  { name: 'scope creep raised and still often', cite: 'B "leave this client", C§2', answers: raised({ scope_creep: 'often' }), verdict: 'fire' },
  { name: 'disrespect raised and still often', cite: 'A§4 "if it does not work, fire the client", C§1', answers: raised({ disrespect: 'often' }), verdict: 'fire' },
  { name: 'pricing explained and still disputed often', cite: 'A§2 "a persistent deal"', answers: raised({ disputes_fees: 'often' }), verdict: 'fire' },
  { name: 'goals set and still changing often', cite: 'A§5 "if they cannot explain their requests, end it"', answers: raised({ indecisive: 'often' }), verdict: 'fire' },
  { name: 'contract explained and still refused', cite: 'B "even if you explained it is necessary"', answers: raised({ refuses_contract: true }), verdict: 'fire' },
  { name: 'a raise asked for and refused', cite: 'B: "any discussion to raise the price ends with refusal"', answers: raised({ underpays: 4 }), verdict: 'fire' },
  { name: 'hours set and time still not respected', cite: 'C§8 "let them go"', answers: raised({ disrespects_time: 'often' }), verdict: 'fire' },
  { name: 'terms confirmed in writing and still broken', cite: 'C FAQ toxic #8', answers: raised({ breaks_terms: 'often' }), verdict: 'fire' },
  { name: 'raised, and now only sometimes late', cite: 'A: frequency matters; the reminder worked', answers: raised({ pays_late: 'sometimes' }), verdict: 'keep' },
  { name: 'worked on, and you still dread it always', cite: 'D intro: it harms your mental health; A intro', answers: raised({ dread: 'always' }), verdict: 'fire' },
  { name: 'goals reviewed, and still no results', cite: 'C FAQ toxic #13', answers: raised({ no_results: true }), verdict: 'fire' },
  { name: 'raised, and a minor problem now only sometimes', cite: 'A§5: clear goals worked', answers: raised({ indecisive: 'sometimes' }), verdict: 'keep' },

  // The articles' combinations.
  { name: 'no contract and the scope keeps growing', cite: 'B "does not want to sign", C§2 scope creep', answers: { ...allFine(), refuses_contract: true, scope_creep: 'often' }, verdict: 'fire' },
  { name: 'draining you and not paying its way', cite: 'D intro: not profitable, or worse, harming your mental health', answers: { ...allFine(), dread: 'often', unprofitable: true }, verdict: 'fire' },
  { name: 'never paid, and asks for more', cite: 'B "does not pay at all", C FAQ toxic #10', answers: { ...allFine(), unpaid_work: true, scope_creep: 'sometimes' }, verdict: 'fire' },
  { name: 'chronic late payer who also pays too little', cite: 'A§1: pause first; C§5', answers: { ...allFine(), pays_late: 'always', underpays: 5 }, verdict: 'fix' },
  { name: 'five chronic problems at once', cite: 'C: "if any of these red flags reminds you of a client, end it"; A: frequency', answers: { ...allFine(), pays_late: 'often', scope_creep: 'often', disrespect: 'often', disrespects_time: 'often', breaks_terms: 'often' }, verdict: 'fire' },
  { name: 'two occasional problems', cite: 'A: "consider how often"; C§5: occasional lateness is usually an oversight', answers: { ...allFine(), pays_late: 'sometimes', scope_creep: 'sometimes' }, verdict: 'keep' },
  { name: 'three occasional problems add up to a repair attempt', cite: 'A: "consider how often"; A§1, B, A§5: try first', answers: { ...allFine(), pays_late: 'sometimes', scope_creep: 'sometimes', indecisive: 'sometimes' }, verdict: 'fix' },
  { name: 'everything rarely', cite: 'A: rare lateness and hiccups are normal', answers: Object.fromEntries(pack.questions.filter((q) => q.kind === 'freq' && q.weight > 0).map((q) => [q.id, 'rarely'])), verdict: 'keep' },
  { name: 'abuse, with everything else fine', cite: 'A§4, C§3', answers: { ...allFine(), abuse: true }, verdict: 'fire-now' },
  { name: 'abuse, with the rest not sure', cite: 'A§4, C§3', answers: { abuse: true }, verdict: 'fire-now' },
  { name: 'all fine', cite: 'D last note: keep it healthy', answers: allFine(), verdict: 'keep' },
  { name: 'a healthy client with the contract and money facts known', cite: 'D prevention', answers: { ...allFine(), contract_active: true, notice_days: 30, amount_owed: 0, income_share: 60 }, verdict: 'keep' },

  // The cases the issue reported.
  {
    name: 'never paid for delivered work, 2,000 owed, raised, the rest fine',
    cite: 'B "does not pay at all"',
    answers: { unpaid_work: true, amount_owed: 2000, raised_issue: true, pays_late: 'never', scope_creep: 'never', disrespect: 'never', abuse: false, dread: 'never', refuses_contract: false, breaks_terms: 'never', disputes_fees: 'never' },
    verdict: 'fire',
  },
  { name: 'late often, the rest unknown', cite: 'A§1: pause first', answers: { pays_late: 'often' }, verdict: 'fix' },
];

describe('raised and persisting, combinations, and reported cases', () => {
  it.each(rows.map((r) => [r.name, r.cite, r] as const))('%s (%s)', (_name, _cite, row) => {
    expect(judge(row.answers).verdict).toBe(row.verdict);
  });
});

it('every signal with a floor of fix escalates at that floor when the problem was raised (one honest attempt, then fire)', () => {
  const rule = pack.rules.find((r) => r.id === 'raised-and-persisting')!;
  const persisting = rule.when.all![1]!.any!;
  for (const q of pack.questions.filter((x) => x.floors?.some((f) => f.verdict === 'fix'))) {
    const floor = q.floors!.find((f) => f.verdict === 'fix')!;
    const entry = persisting.find((c) => c.question === q.id);
    expect(entry, q.id).toBeDefined();
    expect(q.kind === 'bool' ? entry!.is : entry!.atLeast, q.id).toEqual(floor.atLeast === 'yes' ? 'yes' : floor.atLeast);
  }
});

it('the table has at least 60 rows, each citing an article', () => {
  const all = [...alone, ...alone, ...rows];
  expect(all.length).toBeGreaterThanOrEqual(60);
  for (const row of all) expect(row.cite).toMatch(/\b[ABCD](§\d| FAQ| intro| last|\b)/);
});

// The plan's step ids for each path: what must and must never appear.
interface PlanRow {
  name: string;
  cite: string;
  answers: Answers;
  verdict: Verdict;
  must: string[];
  never: string[];
  script?: string[];
}

const BASE_FIRE: Answers = { ...allFine(), dread: 'often', unprofitable: true };
const plans: PlanRow[] = [
  {
    name: 'abuse with a contract, money overdue, work in progress and a large share of income',
    cite: 'A§4, C§3: safety first, in writing; D: refund when you cannot fulfil, consult a lawyer',
    answers: { ...allFine(), abuse: true, contract_active: true, notice_days: 30, work_in_progress: true, amount_owed: 2000, amount_overdue: 1500, income_share: 50 },
    verdict: 'fire-now',
    must: ['safety-first', 'keep-records', 'read-contract', 'release-or-notice', 'legal-advice', 'claim-in-writing', 'stop-work', 'prepare-notice', 'send-notice', 'no-argument-in-writing', 'handover-when-paid', 'in-writing-after'],
    never: ['call-not-email', 'thank-them', 'offer-replacement', 'find-replacement', 'line-up-income', 'honour-contract', 'finish-work', 'finish-work-when-paid', 'written-confirmation', 'no-argument', 'collect-overdue-first'],
    script: ['written-notice'],
  },
  {
    name: 'sabotage takes the same written path',
    cite: 'C FAQ toxic #14: a hard stop',
    answers: { ...allFine(), sabotage: true },
    verdict: 'fire-now',
    must: ['safety-first', 'send-notice', 'legal-advice'],
    never: ['call-not-email', 'thank-them', 'offer-replacement', 'written-confirmation'],
    script: ['written-notice'],
  },
  {
    name: 'an ordinary ending with a contract, a notice and money overdue: money first, then the notice',
    cite: 'A§1, C§5: collect first; D: honour the contract, consult a lawyer',
    answers: { ...BASE_FIRE, contract_active: true, notice_days: 30, amount_owed: 2000, amount_overdue: 1500 },
    verdict: 'fire',
    must: ['read-contract', 'legal-check', 'collect-overdue-first', 'call-not-email', 'thank-them', 'written-confirmation', 'handover-when-paid'],
    // "Honour it to the end" would contradict pausing work: the money-first step says to honour the notice once given.
    never: ['honour-contract', 'collect-overdue', 'check-overdue', 'final-invoice', 'safety-first', 'release-or-notice', 'handover'],
    script: ['call', 'confirmation'],
  },
  {
    name: 'no contract, money overdue: collect before ending, and no word of a contract',
    cite: 'A§1, C§5, B',
    answers: { ...BASE_FIRE, contract_active: false, amount_owed: 900, amount_overdue: 900 },
    verdict: 'fire',
    must: ['collect-overdue', 'prepare-facts', 'call-not-email'],
    never: ['read-contract', 'honour-contract', 'legal-check', 'collect-overdue-first'],
  },
  {
    name: 'money owed, overdue not known: find out which part is overdue',
    cite: 'A§1: know what each client owes you',
    answers: { ...BASE_FIRE, amount_owed: 2000 },
    verdict: 'fire',
    must: ['check-overdue', 'handover-when-paid'],
    never: ['collect-overdue', 'collect-overdue-first', 'final-invoice', 'handover'],
  },
  {
    name: 'money owed, none of it overdue: it goes on the final invoice',
    cite: 'A§1',
    answers: { ...BASE_FIRE, amount_owed: 2000, amount_overdue: 0 },
    verdict: 'fire',
    must: ['final-invoice', 'handover-when-paid'],
    never: ['collect-overdue', 'collect-overdue-first', 'check-overdue'],
  },
  {
    name: 'work in progress with money overdue: finish only once paid',
    cite: 'C FAQ 3: finish and be paid before letting go; A§1: pause until paid',
    answers: { ...BASE_FIRE, work_in_progress: true, amount_owed: 500, amount_overdue: 500 },
    verdict: 'fire',
    must: ['finish-work-when-paid'],
    never: ['finish-work'],
  },
  {
    name: 'work in progress, nothing owed: finish it and invoice it',
    cite: 'C FAQ 3, D',
    answers: { ...BASE_FIRE, work_in_progress: true, amount_owed: 0 },
    verdict: 'fire',
    must: ['finish-work', 'handover'],
    never: ['finish-work-when-paid', 'handover-when-paid'],
  },
  {
    name: 'never paid: no referral to other providers',
    cite: 'B: release nothing more until paid',
    answers: { ...allFine(), unpaid_work: true },
    verdict: 'fire',
    must: ['collect-overdue', 'handover-when-paid'],
    never: ['find-replacement', 'offer-replacement', 'handover'],
  },
  {
    name: 'a large share of income: line up replacement work first',
    cite: 'A§1',
    answers: { ...BASE_FIRE, income_share: 40 },
    verdict: 'fire',
    must: ['line-up-income'],
    never: [],
  },
  {
    name: 'dread always is a fix with its own repair step',
    cite: 'A intro, D intro, C takeaways',
    answers: { ...allFine(), dread: 'always' },
    verdict: 'fix',
    must: ['repair-dread', 'raise-it', 'recheck'],
    never: ['prepare-facts', 'call-not-email', 'prevent-contract'],
  },
  {
    name: 'a fix already raised does not ask to raise it again',
    cite: 'A§4',
    answers: { ...allFine(), pays_late: 'sometimes', scope_creep: 'sometimes', indecisive: 'sometimes', raised_issue: true },
    verdict: 'fix',
    must: ['repair-pays_late', 'repair-scope_creep', 'repair-indecisive', 'recheck'],
    never: ['raise-it'],
  },
  {
    name: 'a contract without money overdue: honour it to the end',
    cite: 'D: honour your contract',
    answers: { ...BASE_FIRE, contract_active: true, notice_days: 30, amount_owed: 0 },
    verdict: 'fire',
    must: ['read-contract', 'honour-contract'],
    never: ['collect-overdue-first', 'legal-check'],
  },
  {
    name: 'a healthy client gets a short prevention list',
    cite: 'D last note; A§5; A§2',
    answers: allFine(),
    verdict: 'keep',
    must: ['prevent-contract', 'prevent-goals', 'prevent-payment-policy'],
    never: ['recheck', 'raise-it', 'prepare-facts'],
  },
];

describe('plans hold together', () => {
  it.each(plans.map((r) => [r.name, r.cite, r] as const))('%s (%s)', async (_name, _cite, row) => {
    const a = judge(row.answers);
    expect(a.verdict).toBe(row.verdict);
    const ids = a.steps.map((s) => s.id);
    for (const id of row.must) expect(ids, `${id} missing`).toContain(id);
    for (const id of row.never) expect(ids, `${id} must not appear`).not.toContain(id);
    if (row.script) {
      const { buildScript } = await import('../../src/engine/script.js');
      expect(buildScript(prepared, { client: 'Acme', answers: row.answers }, a, { today: '2026-11-22' }).map((s) => s.id)).toEqual(row.script);
    }
  });

  it('with no contract in force, no step and no line of the script mentions a contract', async () => {
    const { buildScript } = await import('../../src/engine/script.js');
    for (const extra of [{ contract_active: false }, {}] as Answers[]) {
      const answers: Answers = { ...BASE_FIRE, work_in_progress: true, amount_owed: 900, amount_overdue: 900, income_share: 40, ...extra };
      const a = judge(answers);
      const script = buildScript(prepared, { client: 'Acme', answers }, a, { today: '2026-11-22' });
      const texts = [...a.steps.map((s) => s.text), ...script.flatMap((s) => s.parts.map((p) => p.text))];
      for (const text of texts) expect(text).not.toMatch(/contract/i);
    }
  });

  it('every signal that can reach fix alone has a repair step of its own', () => {
    for (const q of pack.questions.filter((x) => x.weight > 0)) {
      const worst = q.kind === 'bool' ? true : q.kind === 'freq' ? 'always' : 5;
      const a = judge({ ...allFine(), [q.id]: worst, ...(q.id === 'team_morale' ? { has_team: true } : {}) });
      if (a.verdict !== 'fix') continue;
      expect(a.steps.map((s) => s.id), q.id).toContain(`repair-${q.id}`);
    }
  });
});
