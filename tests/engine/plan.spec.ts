import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScript } from '../../src/engine/script.js';
import { defaultPack, fixture, preparedDefault } from '../helpers/packs.js';

const pack = defaultPack();
const prepared = preparedDefault();
const base = JSON.parse(readFileSync(fixture('answers', 'fire-base.json'), 'utf8'));
const TODAY = '2026-11-22';

/** The fire-base client with some answers changed, read as the CLI reads answers. */
function situation(changes: Record<string, unknown>) {
  const set = parseAnswers(JSON.stringify({ ...base, answers: { ...base.answers, ...changes } }), prepared, 'fixture');
  const assessment = evaluate(prepared, set, { today: TODAY });
  const script = buildScript(prepared, set, assessment, { today: TODAY });
  return { assessment, ids: assessment.steps.map((s) => s.id), text: (id: string) => assessment.steps.find((s) => s.id === id)?.text ?? '', script };
}

describe('the plan fits the situation (default pack)', () => {
  it('the base client is a fire with the ordinary offboarding plan', () => {
    const { assessment, ids } = situation({});
    expect(assessment.verdict).toBe('fire');
    expect(ids).toEqual([
      'prepare-facts', 'find-replacement',
      'call-not-email', 'stay-calm', 'no-blame', 'no-argument', 'offer-replacement', 'thank-them',
      'written-confirmation', 'handover', 'cut-contact', 'reward-yourself',
    ]);
  });

  it('an active contract: read it with the notice, then honour it', () => {
    const { ids, text } = situation({ contract_active: 'yes', notice_days: 30 });
    expect(ids.slice(0, 2)).toEqual(['read-contract', 'honour-contract']);
    expect(text('read-contract')).toContain('with Acme');
    expect(text('read-contract')).toContain('notice required: 30 days');
    expect(text('honour-contract')).toMatch(/refund/);
  });

  it('a notice of 0 days is no detail worth saying: no "0 days" in the plan or the words', () => {
    const { text, script } = situation({ contract_active: 'yes', notice_days: 0 });
    expect(text('read-contract')).not.toMatch(/0 days|notice required/);
    const words = script.flatMap((s) => s.parts.map((p) => p.text)).join('\n');
    expect(words).not.toMatch(/0 days/);
    expect(words).toContain('I have decided to end our collaboration.');
  });

  it('an active contract with the notice unknown leaves the notice out, not "undefined"', () => {
    const { text } = situation({ contract_active: 'yes', notice_days: null });
    expect(text('read-contract')).not.toMatch(/notice required|undefined|\{/);
  });

  it('money: what is overdue comes first and is named; final files only when paid', () => {
    const owed = situation({ amount_owed: 2400, amount_overdue: 900 });
    expect(owed.text('collect-overdue')).toContain('(900)');
    expect(owed.text('collect-overdue')).toContain('2400 in all');
    expect(owed.text('handover-when-paid')).toContain('(2400)');
    expect(owed.ids.indexOf('collect-overdue')).toBeLessThan(owed.ids.indexOf('call-not-email'));
  });

  it('a large share of income: line up replacement income before the conversation', () => {
    const high = situation({ income_share: 40 });
    expect(high.text('line-up-income')).toContain('40%');
    expect(high.ids.indexOf('line-up-income')).toBeLessThan(high.ids.indexOf('call-not-email'));
    expect(situation({ income_share: 30 }).ids).toContain('line-up-income');
    expect(situation({ income_share: 29 }).ids).not.toContain('line-up-income');
  });

  it('abuse: in writing only, from the first step', () => {
    const { assessment, ids, text } = situation({ abuse: 'yes' });
    expect(assessment.verdict).toBe('fire-now');
    expect(ids[0]).toBe('safety-first');
    expect(text('safety-first')).toMatch(/in writing/);
    expect(text('safety-first')).toMatch(/do not refer them/);
  });
});

describe('the script', () => {
  it('a fire gets call talking points and a written confirmation with facts, not blame', () => {
    const { script } = situation({ contract_active: 'yes', notice_days: 14, work_in_progress: 'yes' });
    expect(script.map((s) => s.id)).toEqual(['call', 'confirmation']);
    const call = script[0]!;
    const why = call.parts.find((p) => p.id === 'why')!;
    expect(why.items.length).toBeGreaterThan(0);
    expect(why.items.length).toBeLessThanOrEqual(pack.script!.maxReasons);
    // 14 days from Sunday 22 November is a Sunday: the last working day is the Monday after.
    expect(call.parts.find((p) => p.id === 'last-day')?.text).toContain('2026-12-07');
    const confirmation = script[1]!;
    expect(confirmation.subject).toBeTruthy();
    expect(confirmation.parts.map((p) => p.id)).toEqual(['greeting', 'recap', 'last-day', 'work-in-progress', 'handover', 'invoice', 'thanks', 'close']);
  });

  it('with money overdue, the call does not promise to finish the work first', () => {
    const { script } = situation({ work_in_progress: 'yes', amount_owed: 500, amount_overdue: 500 });
    const ids = script[0]!.parts.map((p) => p.id);
    expect(ids).toContain('settle');
    expect(ids).not.toContain('work-in-progress');
  });

  it('a hard stop gets a written notice only: no thanks, no referral, a release offer under a contract', () => {
    const { script } = situation({ abuse: 'yes', contract_active: 'yes', notice_days: 30 });
    expect(script.map((s) => s.id)).toEqual(['written-notice']);
    const parts = script[0]!.parts.map((p) => p.id);
    expect(parts).toContain('release');
    expect(parts).not.toContain('thanks');
    expect(parts).not.toContain('replacement');
  });

  it('talks about the payment schedule, not about the client paying late', () => {
    const { script } = situation({ pays_late: 'always', scope_creep: 'never', dread: 'never', unprofitable: 'no' });
    const items = script[0]!.parts.find((p) => p.id === 'why')!.items;
    expect(items[0]).toBe('The payment schedule has not worked for either of us.');
  });

  it('keep and fix have no script', () => {
    const set = { answers: {} };
    expect(buildScript(prepared, set, evaluate(prepared, set))).toEqual([]);
  });
});

it('every step, rule and script part cites at least one article tag', () => {
  for (const step of pack.steps) expect(step.sources, step.id).not.toHaveLength(0);
  for (const rule of pack.rules) expect(rule.sources, rule.id).not.toHaveLength(0);
  for (const section of pack.script!.sections) for (const part of section.parts) expect(part.sources, `${section.id}.${part.id}`).not.toHaveLength(0);
});
