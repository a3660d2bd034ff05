import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScript } from '../../src/engine/script.js';
import { defaultPack, fixture } from '../helpers/packs.js';

const pack = defaultPack();
const base = JSON.parse(readFileSync(fixture('answers', 'fire-base.json'), 'utf8'));
const TODAY = '2026-11-22';

/** The fire-base client with some answers changed, read as the CLI reads answers. */
function situation(changes: Record<string, unknown>) {
  const set = parseAnswers(JSON.stringify({ ...base, answers: { ...base.answers, ...changes } }), pack, 'fixture');
  const assessment = evaluate(pack, set, { today: TODAY });
  const script = buildScript(pack, set, assessment, { today: TODAY });
  return { assessment, ids: assessment.steps.map((s) => s.id), text: (id: string) => assessment.steps.find((s) => s.id === id)?.text ?? '', script };
}

describe('the plan fits the situation (default pack)', () => {
  it('the base client is a fire with the ordinary offboarding plan', () => {
    const { assessment, ids } = situation({});
    expect(assessment.verdict).toBe('fire');
    expect(ids).toEqual([
      'collect-payment', 'prepare-facts', 'find-replacement',
      'call-not-email', 'stay-calm', 'no-blame', 'no-argument', 'offer-replacement', 'thank-them',
      'written-confirmation', 'handover', 'cut-contact', 'reward-yourself',
    ]);
  });

  it('an active contract: read it, show the notice, finish or refund', () => {
    const { ids, text } = situation({ contract_active: 'yes', notice_days: 30 });
    expect(ids.slice(0, 2)).toEqual(['read-contract', 'finish-or-refund']);
    expect(text('read-contract')).toContain('with Acme');
    expect(text('read-contract')).toContain('notice required: 30 days');
    expect(text('finish-or-refund')).toMatch(/refund/);
  });

  it('an active contract with the notice unknown leaves the notice out, not "undefined"', () => {
    const { text } = situation({ contract_active: 'yes', notice_days: null });
    expect(text('read-contract')).not.toMatch(/notice required|undefined|\{/);
  });

  it('work in progress: finish it and be paid, or refund', () => {
    expect(situation({ work_in_progress: 'yes' }).ids).toContain('finish-or-refund');
    expect(situation({ work_in_progress: 'no' }).ids).not.toContain('finish-or-refund');
  });

  it('money owed: collect first, release final files only when paid, no referral for non-payment', () => {
    const owed = situation({ amount_owed: 2400 });
    expect(owed.ids).toContain('collect-payment');
    expect(owed.text('collect-payment')).toContain('(2400)');
    expect(owed.ids).toContain('handover-when-paid');
    expect(owed.ids).not.toContain('handover');
    expect(owed.ids.indexOf('collect-payment')).toBeLessThan(owed.ids.indexOf('call-not-email'));

    const unpaid = situation({ unpaid_work: 'yes' });
    expect(unpaid.ids).toContain('collect-payment');
    expect(unpaid.ids).not.toContain('offer-replacement');
    expect(unpaid.ids).not.toContain('find-replacement');
  });

  it('a large share of income: line up replacement income before the conversation', () => {
    const high = situation({ income_share: 40 });
    expect(high.ids).toContain('line-up-income');
    expect(high.text('line-up-income')).toContain('40%');
    expect(high.ids.indexOf('line-up-income')).toBeLessThan(high.ids.indexOf('call-not-email'));
    expect(situation({ income_share: 30 }).ids).toContain('line-up-income');
    expect(situation({ income_share: 29 }).ids).not.toContain('line-up-income');
  });

  it('abuse: safety first, in writing; no call, no referral, no meeting', () => {
    const { assessment, ids, text, script } = situation({ abuse: 'yes' });
    expect(assessment.verdict).toBe('fire-now');
    expect(ids[0]).toBe('safety-first');
    expect(text('safety-first')).toMatch(/in writing/);
    expect(text('safety-first')).toMatch(/do not refer them/);
    for (const never of ['call-not-email', 'offer-replacement', 'find-replacement', 'thank-them']) expect(ids).not.toContain(never);
    expect(script.map((s) => s.id)).toEqual(['written-notice']);
  });

  it('a hard stop without abuse is prompt but still a conversation', () => {
    const { assessment, ids, script } = situation({ unethical_requests: 'yes' });
    expect(assessment.verdict).toBe('fire-now');
    expect(ids).not.toContain('safety-first');
    expect(ids).toContain('call-not-email');
    expect(ids).not.toContain('offer-replacement');
    expect(script.map((s) => s.id)).toEqual(['call', 'confirmation']);
  });

  it('a fix gets a repair step per flagged signal and a re-check date', () => {
    // Every signal at its best, but for two frequent problems.
    const best = Object.fromEntries(
      pack.questions.filter((q) => q.weight > 0).map((q) => [q.id, q.kind === 'bool' ? 'no' : q.kind === 'freq' ? 'never' : 1]),
    );
    const { assessment, ids } = situation({ ...best, pays_late: 'often', scope_creep: 'often' });
    expect(assessment.verdict).toBe('fix');
    expect(ids).toEqual(['repair-pays_late', 'repair-scope_creep', 'recheck']);
    expect(assessment.recheckOn).toBe('2026-12-22');
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
    expect(call.parts.find((p) => p.id === 'last-day')?.text).toContain('2026-12-06');
    const confirmation = script[1]!;
    expect(confirmation.subject).toBeTruthy();
    expect(confirmation.parts.map((p) => p.id)).toEqual(['greeting', 'recap', 'last-day', 'work-in-progress', 'handover', 'invoice', 'thanks', 'close']);
  });

  it('talks about the payment schedule, not about the client paying late', () => {
    const { script } = situation({ pays_late: 'always', scope_creep: 'never', dread: 'never', unprofitable: 'no' });
    const items = script[0]!.parts.find((p) => p.id === 'why')!.items;
    expect(items[0]).toBe('The payment schedule has not worked for either of us.');
  });

  it('keep and fix have no script', () => {
    const set = { answers: {} };
    expect(buildScript(pack, set, evaluate(pack, set))).toEqual([]);
  });
});

it('every step, rule and script part cites at least one article tag', () => {
  for (const step of pack.steps) expect(step.sources, step.id).not.toHaveLength(0);
  for (const rule of pack.rules) expect(rule.sources, rule.id).not.toHaveLength(0);
  for (const section of pack.script!.sections) for (const part of section.parts) expect(part.sources, `${section.id}.${part.id}`).not.toHaveLength(0);
});
