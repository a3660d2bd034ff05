import { PassThrough } from 'node:stream';
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/interview.js';
import { defaultPack } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const pack = defaultPack();

/**
 * Starts an interview on the virtual screen; `lines` collects what it says outside prompts.
 * The virtual screen draws the prompts; `columns` is the width the interview wraps them to.
 */
function start(client?: string, columns = 1000) {
  const lines: string[] = [];
  const output = Object.assign(new PassThrough(), { columns });
  const result = runInterview(pack, { ...(client === undefined ? {} : { client }), say: (l) => lines.push(l), context: { output } });
  return { result, lines };
}

/** Waits until the screen shows `text`, then presses the keys. A prompt waiting for other keys fails in seconds, not at the test's timeout. */
async function answer(text: string | RegExp, ...keys: string[]) {
  for (let i = 0; i < 20 && !matches(screen.getScreen(), text); i++) await Promise.race([screen.next(), new Promise((r) => setTimeout(r, 200))]);
  expect(screen.getScreen()).toMatch(text);
  for (const key of keys) {
    if (key.startsWith('type:')) screen.type(key.slice(5));
    else screen.keypress(key);
  }
}
const matches = (s: string, t: string | RegExp) => (typeof t === 'string' ? s.includes(t) : t.test(s));
const down = (n: number) => Array<string>(n).fill('down');
const up = (n: number) => Array<string>(n).fill('up');

describe('interview flows', () => {
  it('a healthy client is done in eight prompts: every gate "No", no context questions', async () => {
    const { result, lines } = start();
    await answer('Which client is this about?', 'type:Lakeview', 'enter');
    await answer('Money: Any trouble with money?', 'enter');
    await answer('Scope and agreements:', 'enter');
    await answer('Respect and conduct:', 'enter');
    await answer('Your time 1/1', 'enter');
    await answer('Working together:', 'enter');
    await answer('Fit and wellbeing:', 'enter');
    await answer('Review your answers', 'enter');
    const set = await result;
    expect(lines[0]).toMatch(/Not sure/);
    expect(set.client).toBe('Lakeview');
    expect(set.answers).toMatchObject({ pays_late: 'never', unpaid_work: false, underpays: 1, disrespects_time: 'never', dread: 'never' });
    expect(set.answers).not.toHaveProperty('contract_active');
    expect(set.answers).not.toHaveProperty('team_morale');
  });

  it('a "Yes" gate asks that category with progress; "Not sure" gives null; context follows', async () => {
    const { result } = start('Acme');
    await answer('Money: Any trouble', 'down', 'enter');
    await answer('Money 1/5', ...down(3), 'enter'); // pays_late: often
    await answer('Money 2/5', ...down(2), 'enter'); // unpaid_work: not sure
    await answer('Money 3/5', 'enter'); // underpays: 1
    await answer('Money 4/5', 'enter');
    await answer('Money 5/5', 'enter');
    await answer('Scope and agreements:', 'enter');
    await answer('Respect and conduct:', 'enter');
    await answer('Your time 1/1', 'enter');
    await answer('Working together:', 'enter');
    await answer('Fit and wellbeing:', 'enter');
    await answer('The situation 1/', 'enter'); // contract_active: no → notice_days is not asked
    await answer('Is there work in progress', 'down', 'enter');
    await answer('How much do they owe you', 'type:1200', 'enter');
    await answer(/The situation 3\/5 · Follow-up · How much of that is already past its due date/, 'type:600', 'enter');
    await answer('share of your income', 'enter'); // empty: not sure
    await answer('already raised the problem', 'down', 'enter');
    // A skipped answer reads as the choice that skips it, for a choice and for an empty number alike.
    await answer(/Review your answers[\s\S]*── Money[\s\S]*Has not paid for delivered work: Not sure/, ...down(40));
    await answer(/── The situation[\s\S]*Share of your income: Not sure/, ...up(40), 'enter');
    const set = await result;
    expect(set.client).toBe('Acme');
    expect(set.answers).toMatchObject({ pays_late: 'often', unpaid_work: null, contract_active: false, work_in_progress: true, amount_owed: 1200, amount_overdue: 600, income_share: null, raised_issue: true });
    expect(set.answers).not.toHaveProperty('notice_days');
  });

  it('honours askIf: team morale only with a team; the count never jumps, a follow-up shares its number', async () => {
    const run = async (hasTeam: 'yes' | 'no') => {
      const { result } = start('Acme');
      for (const gate of ['Money:', 'Scope and agreements:', 'Respect and conduct:']) await answer(gate, 'enter');
      await answer('Your time 1/1', 'enter');
      await answer('Working together:', 'enter');
      await answer('Fit and wellbeing:', 'down', 'enter');
      await answer('Fit and wellbeing 1/5 ·', 'enter'); // dread: never
      await answer(/Fit and wellbeing 2\/5 · Do other people/, ...(hasTeam === 'yes' ? ['down'] : []), 'enter');
      if (hasTeam === 'yes') await answer(/Fit and wellbeing 2\/5 · Follow-up · Your team dislikes/, ...down(4), 'enter');
      await answer(/Fit and wellbeing 3\/5 · .*no longer fit where you want/, 'enter');
      await answer(/Fit and wellbeing 4\/5 · .*out of proportion/, 'enter');
      await answer(/Fit and wellbeing 5\/5 · .*grown apart/, 'enter');
      await answer('The situation 1/', ...down(2), 'enter');
      await answer('work in progress', ...down(2), 'enter');
      await answer('How much do they owe', 'enter');
      await answer('share of your income', 'enter');
      await answer('already raised the problem', ...down(2), 'enter');
      await answer('Review your answers', 'enter');
      return (await result).answers;
    };
    const withTeam = await run('yes');
    expect(withTeam).toMatchObject({ has_team: true, team_morale: 5 });
    const without = await run('no');
    expect(without.has_team).toBe(false);
    expect(without).not.toHaveProperty('team_morale');
  });

  it('validates numbers as typed, shows the range, and accepts a fixed value', async () => {
    const { result } = start('Acme');
    await answer('Money: Any trouble', 'down', 'enter');
    await answer('Money 1/5', ...down(4), 'enter'); // always
    for (const q of ['Money 2/5', 'Money 3/5', 'Money 4/5', 'Money 5/5']) await answer(q, 'enter');
    for (const gate of ['Scope and agreements:', 'Respect and conduct:']) await answer(gate, 'enter');
    await answer('Your time 1/1', 'enter');
    for (const gate of ['Working together:', 'Fit and wellbeing:']) await answer(gate, 'enter');
    await answer('The situation 1/', 'down', 'enter'); // contract in force: yes
    await answer(/days' notice.*0–365 days/, 'type:lots', 'enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Enter a number, 0–365 days, or leave it empty for not sure.');
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('400');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Enter a number, 0–365 days');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('30');
    screen.keypress('enter');
    await answer('work in progress', 'down', 'enter');
    await answer('How much do they owe', 'enter');
    await answer('share of your income', 'type:45', 'enter');
    await answer('already raised the problem', 'down', 'enter');
    await answer('Review your answers', 'enter');
    expect((await result).answers).toMatchObject({ pays_late: 'always', contract_active: true, notice_days: 30, income_share: 45 });
  });

  it('the review screen lists the answers and changes one before scoring', async () => {
    const { result } = start('Acme');
    for (const gate of ['Money:', 'Scope and agreements:', 'Respect and conduct:']) await answer(gate, 'enter');
    await answer('Your time 1/1', 'enter');
    for (const gate of ['Working together:', 'Fit and wellbeing:']) await answer(gate, 'enter');
    await answer('Review your answers', 'down', 'enter'); // the first answer: Money · Pays late
    await answer('Change · How often', ...down(3), 'enter'); // often
    // Now something is wrong: the plan's context questions follow.
    await answer('The situation 1/', 'enter');
    await answer('work in progress', 'enter');
    await answer('How much do they owe', 'enter');
    await answer('share of your income', 'enter');
    await answer('already raised the problem', 'enter');
    await answer(/Review your answers[\s\S]*── Money[\s\S]*Pays late: often/, 'enter');
    expect((await result).answers).toMatchObject({ pays_late: 'often', unpaid_work: false, contract_active: false });
  });
});

describe('no red flag by default', () => {
  const context = ['The situation 1/', 'work in progress', 'How much do they owe', 'share of your income', 'already raised the problem'];

  it('lists the best answer first, where the cursor starts: Enter alone records it, for gates and every kind', async () => {
    const { result } = start('Acme');
    await answer(/Money: Any trouble.*\n❯ No\n  Yes\n  Not sure\n/, 'down', 'enter');
    await answer(/Money 1\/5 .*\n❯ Never\n  Rarely\n  Sometimes\n  Often\n  Always\n  Not sure\n/, 'enter');
    await answer(/Money 2\/5 .*\n❯ No\n  Yes\n  Not sure\n/, 'enter');
    await answer(/Money 3\/5 .*\n❯ 1 · not at all\n  2\n  3 · somewhat\n  4\n  5 · exactly so\n  Not sure\n/, 'enter');
    for (const q of ['Money 4/5', 'Money 5/5', 'Scope and agreements:', 'Respect and conduct:', 'Your time 1/1', 'Working together:', 'Fit and wellbeing:']) await answer(q, 'enter');
    for (const q of context) await answer(q, 'enter');
    await answer('Review your answers', 'enter');
    const { answers } = await result;
    expect(answers).toMatchObject({ pays_late: 'never', unpaid_work: false, underpays: 1, disputes_fees: 'never', unpaid_extra_work: 'never' });
    expect(answers).toMatchObject({ contract_active: false, work_in_progress: false, raised_issue: false });
  });

  it('a hard stop is recorded only once confirmed; Enter at the confirmation asks the question again', async () => {
    const { result } = start('Acme');
    await answer('Money:', 'down', 'enter');
    await answer('Money 1/5', 'enter');
    await answer('Money 2/5', 'down', 'enter'); // unpaid_work: yes, no hard stop: no confirmation
    await answer('Money 3/5', 'enter');
    for (const q of ['Money 4/5', 'Money 5/5', 'Scope and agreements:']) await answer(q, 'enter');
    await answer('Respect and conduct:', 'down', 'enter');
    await answer('Respect and conduct 1/7', 'enter');
    await answer('Respect and conduct 2/7', 'down', 'enter'); // abuse: yes
    await answer('This is a hard stop: the verdict will be "Fire now". Record "Yes"? (y/N)', 'enter');
    await answer(/Respect and conduct 2\/7 .*\n❯ No\n/, 'down', 'enter'); // asked again, from the top
    await answer('This is a hard stop', 'type:y', 'enter');
    for (const q of ['Respect and conduct 3/7', 'Respect and conduct 4/7']) await answer(q, 'enter');
    await answer('Respect and conduct 5/7', 'down', 'enter'); // unethical_requests: yes...
    await answer('This is a hard stop', 'enter'); // ...not confirmed
    await answer('Respect and conduct 5/7', 'enter'); // no
    for (const q of ['Respect and conduct 6/7', 'Respect and conduct 7/7', 'Your time 1/1', 'Working together:', 'Fit and wellbeing:', ...context]) await answer(q, 'enter');
    await answer('Review your answers', 'enter');
    expect((await result).answers).toMatchObject({ unpaid_work: true, abuse: true, unethical_requests: false, sabotage: false });
  });
});

describe('the interview in each language', () => {
  const cases = [
    ['it', 'Soldi: Problemi con i soldi?', 'Non so', 'Il tuo tempo 1/1', 'Rivedi le risposte', 'Di quale cliente si tratta?'],
    ['hu', 'Pénz: Van gond a pénzzel?', 'Nem tudom', 'Az időd 1/1', 'Nézd át a válaszokat', 'Melyik ügyfélről van szó?'],
    ['th', 'เรื่องเงิน: มีปัญหาเรื่องเงินไหม?', 'ไม่แน่ใจ', 'เวลาของคุณ 1/1', 'ทบทวนคำตอบ', 'ลูกค้ารายไหน?'],
  ] as const;

  it.each(cases)('%s: prompts, choices and review speak the language', async (lang, moneyGate, notSure, time, review, clientPrompt) => {
    const { messagesFor } = await import('../../src/i18n/index.js');
    const { loadTranslation } = await import('../../src/pack/load.js');
    const { localizePack } = await import('../../src/pack/overlay.js');
    const { root } = await import('../helpers/packs.js');
    const m = await messagesFor(lang);
    const localized = localizePack(pack, loadTranslation(`${root}rules/default.${lang}.yaml`, pack, packFiles()));
    const lines: string[] = [];
    const result = runInterview(localized, { say: (l) => lines.push(l), messages: m });
    expect(lines[0]).toBe(m.interview.intro);
    const title = (id: string) => `${localized.categories.find((c) => c.id === id)!.title}:`;
    await answer(clientPrompt, 'type:Acme', 'enter');
    await answer(moneyGate, 'enter');
    for (const id of ['scope', 'conduct']) await answer(title(id), 'enter');
    await answer(time, ...down(5));
    expect(screen.getScreen()).toContain(notSure);
    expect(screen.getScreen()).not.toMatch(/Any trouble|Not sure/);
    screen.keypress('enter'); // not sure
    for (const id of ['collaboration', 'fit']) await answer(title(id), 'enter');
    await answer(review, 'enter');
    const set = await result;
    expect(set.answers).toMatchObject({ pays_late: 'never', disrespects_time: null });
  });
});
