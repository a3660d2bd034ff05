import { appendFileSync, existsSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientKey } from '../../src/clients/key.js';
import { CLIENTS, clientStem, RECORDS_EXT } from '../../src/history/layout.js';
import { messagesFor } from '../../src/i18n/index.js';
import { isHardStop } from '../../src/engine/prepare.js';
import { displayWidth } from '../../src/render/wrap.js';
import { loadTranslation } from '../../src/pack/load.js';
import { localizePack } from '../../src/pack/overlay.js';
import { BIN, runCli } from '../helpers/cli.js';
import { defaultPack, root } from '../helpers/packs.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';
import { wrapProblems } from '../helpers/words.js';
import { packFiles } from '../../src/cli/pack-files.js';

// CI installs tmux (.ci/run); elsewhere, say plainly that these tests did not run.
const available = hasTmux();
if (!available && process.env.CI) throw new Error('tmux is required for the terminal tests in CI');
const describeTerminal = available ? describe : describe.skip;

const terminals: Terminal[] = [];
function terminal(name: string, width?: number): Terminal {
  const t = new Terminal(name, width);
  terminals.push(t);
  return t;
}
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
});

const cli = `cd '${root}' && '${process.execPath}' '${BIN}'`;

describeTerminal('the interview in a real terminal (tmux)', () => {
  it('runs a whole interview to a verdict, in a 50-column terminal without colour', async () => {
    const t = terminal('full', 50);
    t.start(`${cli} --today 2026-11-22`, { NO_COLOR: '1' });
    await t.answer('Which client is this about?', 'type:Lakeview Bakery', 'Enter');
    // Inquirer wraps long prompts at the terminal's width: match on how each one starts.
    for (const gate of ['? Money:', '? Scope and agreements:', '? Respect and conduct:']) await t.answer(gate, 'Enter');
    await t.answer('? Your time 1/1', 'Down', 'Enter');
    await t.answer('? Working together:', 'Enter');
    await t.answer('? Fit and wellbeing:', 'Enter');
    await t.answer('? Review your answers', 'Enter');
    const screen = await t.waitFor('[exit 0]');
    expect(screen).toContain('fire-check · Lakeview Bakery');
    expect(screen).toContain('KEEP');
    expect(screen).toContain('Does not respect your time: rarely');
    const raw = t.screen();
    expect(raw).not.toMatch(/\x1b\[/);
    // The report itself wraps to the terminal: no line of it is cut by the terminal.
    const report = raw.slice(raw.indexOf('fire-check · Lakeview Bakery'));
    for (const line of report.split('\n')) expect(line.length).toBeLessThan(50);
  });

  it('runs the interview in Italian, with the language taken from LANG', async () => {
    const t = terminal('italian', 100);
    t.start(`${cli} --client Forno --today 2026-11-22`, { LANG: 'it_IT.UTF-8', NO_COLOR: '1' });
    await t.answer('? Soldi: Problemi con i soldi?', 'Enter');
    await t.answer('? Perimetro e accordi:', 'Enter');
    await t.answer('? Rispetto e comportamento:', 'Enter');
    await t.answer('? Il tuo tempo 1/1', 'Enter');
    await t.answer('? Lavorare insieme:', 'Enter');
    await t.answer('? Affinità e benessere:', 'Enter');
    await t.answer('? Rivedi le risposte', 'Enter');
    const screen = await t.waitFor('[exit 0]');
    expect(screen).toContain('fire-check · Forno');
    expect(screen).toContain('DA TENERE');
    expect(screen).toContain('Un rapporto sano. Mantienilo così.');
    expect(screen).toContain('Certezza');
  });

  it('Ctrl-C at a prompt: "Cancelled.", exit 130, no half-written answers file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-cancel-'));
    const saved = join(dir, 'answers.json');
    const t = terminal('cancel');
    t.start(`${cli} --client Acme --save-answers '${saved}'`);
    await t.answer('Any trouble with money?', 'Down', 'Enter');
    await t.answer('Money 1/5', 'C-c');
    const screen = await t.waitFor('[exit 130]');
    expect(screen).toMatch(/^Cancelled\.$/m);
    expect(screen).not.toMatch(/ExitPromptError|\s+at .+:\d+:\d+/);
    expect(existsSync(saved)).toBe(false);
  });

  it('--save-answers writes answers that reproduce the verdict exactly with --answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-save-'));
    const saved = join(dir, 'answers.json');
    const report = join(dir, 'report.json');
    const t = terminal('save');
    // stdout goes to a file, so the prompts are drawn on stderr, the terminal.
    t.start(`${cli} --today 2026-11-22 --format json --save-answers '${saved}' > '${report}'`);
    await t.answer('Which client is this about?', 'type:Acme', 'Enter');
    await t.answer('Any trouble with money?', 'Down', 'Enter');
    await t.answer('Money 1/5', 'Down', 'Down', 'Down', 'Down', 'Enter'); // pays_late: always
    await t.answer('Money 2/5', 'Down', 'Enter'); // unpaid_work: yes
    await t.answer('Money 3/5', 'Down', 'Down', 'Down', 'Enter'); // underpays: 4
    await t.answer('Money 4/5', 'Down', 'Down', 'Down', 'Enter');
    await t.answer('Money 5/5', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter'); // not sure
    for (const gate of ['Any trouble with contracts', 'Any trouble with how they treat']) await t.answer(gate, 'Enter');
    await t.answer('Your time 1/1', 'Down', 'Down', 'Down', 'Enter');
    await t.answer('Any trouble working together?', 'Enter');
    await t.answer('Any doubts about whether', 'Enter');
    await t.answer('The situation 1/', 'Down', 'Enter'); // contract: yes
    await t.answer("days' notice", 'type:30', 'Enter');
    await t.answer('work in progress', 'Down', 'Enter');
    await t.answer('How much do they owe', 'type:2400', 'Enter');
    await t.answer('already past its due date', 'type:1800', 'Enter');
    await t.answer('share of your income', 'type:35', 'Enter');
    await t.answer('already raised the problem', 'Down', 'Enter');
    await t.answer('Review your answers', 'Enter');
    await t.waitFor('[exit 0]');

    const fromInterview = readFileSync(report, 'utf8');
    const data = JSON.parse(fromInterview);
    expect(data).toMatchObject({ client: 'Acme', verdict: 'fire' }); // never paid for delivered work (B)
    const savedAnswers = JSON.parse(readFileSync(saved, 'utf8'));
    expect(savedAnswers.answers).toMatchObject({ pays_late: 'always', unpaid_work: true, underpays: 4, unpaid_extra_work: null, contract_active: true, notice_days: 30, work_in_progress: true, amount_owed: 2400, amount_overdue: 1800, raised_issue: true });
    const replay = runCli(['--answers', saved, '--today', '2026-11-22', '--format', 'json']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(fromInterview);
  });
});

const pack = defaultPack();
const gated = pack.categories.filter((c) => c.gate);
const isGate = (prompt: string) => gated.some((c) => prompt.startsWith(`? ${c.title}: `));

/** A waiting prompt's message, line by line: what comes before its first choice, without the "? " and the indent under it. */
function messageLines(prompt: string): string[] {
  const lines = prompt.split('\n');
  const choices = lines.findIndex((line) => line.startsWith('❯ '));
  return lines.slice(0, choices).map((line) => line.slice(2));
}

describeTerminal('what the interview records, and how it fits the terminal (tmux)', () => {
  it('"Yes" at every gate, then Enter at every prompt: Enter takes the first choice everywhere, so no red flag is recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-enter-'));
    const saved = join(dir, 'answers.json');
    const report = join(dir, 'report.json');
    const t = terminal('enter-through', 100);
    t.start(`${cli} --client Acme --today 2026-11-22 --format json --save-answers '${saved}' > '${report}'`, { NO_COLOR: '1' });
    let gates = 0;
    let questions = 0;
    const screen = await t.answerEach((prompt) => {
      if (isGate(prompt)) gates += 1;
      else if (!prompt.startsWith('? Review your answers')) questions += 1;
      return isGate(prompt) ? ['Down', 'Enter'] : ['Enter'];
    });
    expect(screen).toContain('[exit 0]');
    expect(gates).toBeGreaterThan(1);
    const { answers } = JSON.parse(readFileSync(saved, 'utf8')) as { answers: Record<string, unknown> };
    // Every answer was asked on its own (no gate answered for it), and is the first choice: No, Never, 1, or empty (not sure).
    expect(questions).toBe(Object.keys(answers).length);
    expect(Object.entries(answers).filter(([, value]) => ![false, 'never', 1, null].includes(value as never))).toEqual([]);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ verdict: 'keep', hardStops: [] });
  });

  it('at 50 columns a long prompt breaks only between words, and each review entry is one line that keeps its answer', async () => {
    const t = terminal('narrow', 50);
    t.start(`${cli} --client Acme`, { NO_COLOR: '1' });
    let gate = '';
    const screen = await t.answerEach((prompt) => {
      if (prompt.startsWith(`? ${gated[0]!.title}: `)) gate = prompt;
      return prompt.startsWith('? Review your answers') ? undefined : ['Enter'];
    });
    const lines = messageLines(gate);
    expect(lines.length).toBeGreaterThan(1);
    expect(wrapProblems(lines, `${gated[0]!.title}: ${gated[0]!.gate}`, 'en')).toEqual([]);
    // The screen is read with the terminal's own wrapping undone: a line it had to wrap would show longer.
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThan(50);
    // The review list: category titles as separators, then one line per answer that keeps the answer whole.
    const review = screen.slice(screen.lastIndexOf('? Review your answers')).split('\n');
    expect(review.filter((line) => /^ ?── /.test(line)).length).toBeGreaterThan(1);
    const list = review.slice(review.findIndex((line) => line.includes('Score these answers')) + 1);
    const entries = list.filter((line) => /^(❯ | {2})\S/.test(line));
    // A page of the list (14 lines, the category titles among them).
    expect(entries.length).toBeGreaterThan(8);
    for (const line of entries) expect(line).toMatch(/: (no|never|1\/5)$/);
    t.send('Enter');
    await t.waitFor('[exit 0]');
  });

  it('in Thai at 50 columns, the intro and a prompt break only at word boundaries', async () => {
    const th = await messagesFor('th');
    const gate = localizePack(pack, loadTranslation(`${root}rules/default.th.yaml`, pack, packFiles())).categories.find((c) => c.gate)!;
    const t = terminal('thai', 50);
    t.start(`${cli} --client Acme --lang th`, { NO_COLOR: '1' });
    const screen = await t.answerEach(() => undefined);
    const lines = screen.split('\n');
    const promptAt = lines.findIndex((line) => line.startsWith(`? ${gate.title}: `));
    const intro = lines.slice(0, promptAt).filter((line) => line !== '');
    const prompt = messageLines(lines.slice(promptAt).join('\n'));
    expect(intro.length).toBeGreaterThan(1);
    expect(prompt.length).toBeGreaterThan(1);
    expect(wrapProblems(intro, th.interview.intro, 'th')).toEqual([]);
    expect(wrapProblems(prompt, `${gate.title}: ${gate.gate}`, 'th')).toEqual([]);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThan(50);
    t.send('C-c');
    await t.waitFor('[exit 130]');
  });
});

describeTerminal('after a verdict to end it (tmux)', () => {
  const hardStop = pack.questions.find(isHardStop)!;
  const category = pack.categories.find((c) => c.id === hardStop.category)!;
  /** Keys for an interview that records one hard stop, confirmed, and takes the first choice everywhere else. */
  const fireNow = (prompt: string): string[] | undefined =>
    prompt.startsWith(`? ${category.title}: `) || prompt.includes(hardStop.text.slice(0, 30)) ? ['Down', 'Enter'] : prompt.startsWith('? This is a hard stop') ? ['type:y', 'Enter'] : undefined;

  it('offers the words to use, then saving the answers, and never replaces a file unasked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-offers-'));
    const taken = join(dir, 'acme.json');
    const fresh = join(dir, 'acme-2.json');
    const link = join(dir, 'link.json');
    writeFileSync(taken, 'keep me\n');
    symlinkSync(taken, link);
    const files = [link, taken, fresh];
    const t = terminal('offers', 100);
    t.start(`${cli} --client Acme --today 2026-11-22`, { NO_COLOR: '1' });
    const screen = await t.answerEach((prompt) => {
      if (prompt.startsWith('? Save these answers')) return ['type:y', 'Enter'];
      if (prompt.startsWith('? Save them to which file?')) return [`type:${files.shift()}`, 'Enter'];
      // Enter: the words to use, yes; replacing the file, no; anything else, the first choice.
      return fireNow(prompt) ?? ['Enter'];
    });
    expect(screen).toContain('[exit 0]');
    const order = ['fire-check · Acme', '✔ Show the words to use when you end it? Yes', 'What to say · Acme', '✔ Save these answers'].map((text) => screen.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number))), String(order)).toBe(true);
    // A symlink is refused, without asking whether to replace it.
    expect(screen).toContain(`Cannot save to ${link}: it is a symbolic link; give a regular file.`);
    expect(screen).not.toContain(`${link} already exists`);
    expect(readlinkSync(link)).toBe(taken);
    expect(screen).toContain(`✔ ${taken} already exists. Replace it? No`);
    expect(readFileSync(taken, 'utf8')).toBe('keep me\n');
    expect(screen).toContain(`Answers saved to ${fresh}.`);
    expect(JSON.parse(readFileSync(fresh, 'utf8'))).toMatchObject({ client: 'Acme', answers: { [hardStop.id]: true } });
  });

  it('the first time the words are shown, asks who signs them, keeps it, and never asks again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'fire-check-profile-'));
    const run = async (name: string) => {
      const t = terminal(name, 100);
      t.start(`${cli} --client Acme --today 2026-11-22 --no-history`, { NO_COLOR: '1', FIRE_CHECK_HOME: home });
      const asked: string[] = [];
      const screen = await t.answerEach((prompt) => {
        if (prompt.startsWith('? Your name, to sign the letters')) {
          asked.push('name');
          return ['type:Ada Lovelace', 'Enter'];
        }
        if (prompt.startsWith('? Save these answers')) return ['Enter'];
        return fireNow(prompt) ?? ['Enter'];
      });
      return { screen, asked };
    };
    const first = await run('profile-first');
    expect(first.screen).toContain('[exit 0]');
    expect(first.asked).toEqual(['name']);
    expect(first.screen).toContain(`Saved to ${join(home, 'config.json')}`);
    // The written notice is signed with it.
    expect(first.screen.slice(first.screen.indexOf('What to say · Acme'))).toMatch(/^ {2}Ada Lovelace$/m);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ name: 'Ada Lovelace' });
    const second = await run('profile-second');
    expect(second.asked).toEqual([]);
    expect(second.screen.slice(second.screen.indexOf('What to say · Acme'))).toMatch(/^ {2}Ada Lovelace$/m);
  });

  it("reads the profile once a run: the words after the report are signed as the report's profile says, though the file changed since", async () => {
    const home = mkdtempSync(join(tmpdir(), 'fire-check-profile-once-'));
    const config = join(home, 'config.json');
    writeFileSync(config, JSON.stringify({ name: 'Ada Lovelace' }));
    const t = terminal('profile-once', 100);
    t.start(`${cli} --client Acme --today 2026-11-22 --no-history`, { NO_COLOR: '1', FIRE_CHECK_HOME: home });
    const screen = await t.answerEach((prompt) => {
      if (prompt.startsWith('? Show the words')) {
        // Changed while the report is on the screen: this run has read the profile already.
        writeFileSync(config, JSON.stringify({ name: 'Grace Hopper' }));
        return ['Enter'];
      }
      if (prompt.startsWith('? Save these answers')) return ['Enter'];
      return fireNow(prompt) ?? ['Enter'];
    });
    expect(screen).toContain('[exit 0]');
    expect(screen.slice(screen.indexOf('What to say · Acme'))).toMatch(/^ {2}Ada Lovelace$/m);
    expect(screen).not.toContain('Grace Hopper');
  });

  it('saving the first-run answers keeps what `config set` wrote while the question waited; the answer wins for its own key', async () => {
    const home = mkdtempSync(join(tmpdir(), 'fire-check-profile-merge-'));
    const env = { FIRE_CHECK_HOME: home };
    const t = terminal('profile-merge', 100);
    t.start(`${cli} --client Acme --today 2026-11-22 --no-history`, { NO_COLOR: '1', ...env });
    const screen = await t.answerEach((prompt) => {
      if (prompt.startsWith('? Your name, to sign the letters')) {
        // Another terminal, while this one waits for the name.
        expect(runCli(['config', 'set', 'currency', 'EUR'], { env }).code).toBe(0);
        expect(runCli(['config', 'set', 'name', 'Grace Hopper'], { env }).code).toBe(0);
        return ['type:Ada Lovelace', 'Enter'];
      }
      if (prompt.startsWith('? Save these answers')) return ['Enter'];
      return fireNow(prompt) ?? ['Enter'];
    });
    expect(screen).toContain('[exit 0]');
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ currency: 'EUR', name: 'Ada Lovelace' });
    expect(screen.slice(screen.indexOf('What to say · Acme'))).toMatch(/^ {2}Ada Lovelace$/m);
  });

  it('Ctrl-C at an offer: "Cancelled.", exit 130, with the report already printed', async () => {
    const t = terminal('offer-cancel', 100);
    t.start(`${cli} --client Acme`, { NO_COLOR: '1' });
    await t.answerEach((prompt) => (prompt.startsWith('? Show the words') ? undefined : (fireNow(prompt) ?? ['Enter'])));
    t.send('C-c');
    const screen = await t.waitFor('[exit 130]');
    expect(screen).toMatch(/^Cancelled\.$/m);
    expect(screen.indexOf('fire-check · Acme')).toBeLessThan(screen.indexOf('Cancelled.'));
    expect(screen).not.toMatch(/ExitPromptError|\s+at .+:\d+:\d+/);
  });
});

describeTerminal('starting from what is known (tmux)', () => {
  it("offers last time's answers as the defaults (Enter keeps each), then compares, and the money answers from --invoices", async () => {
    const home = mkdtempSync(join(tmpdir(), 'fire-check-defaults-'));
    const recorded = runCli(['--record', '--json', '--today', '2026-10-22'], { input: JSON.stringify({ client: 'Nordlicht GmbH', answers: { dread: 'often' } }), env: { FIRE_CHECK_HOME: home } });
    expect(JSON.parse(recorded.stdout).verdict).toBe('fix');
    const t = terminal('defaults', 100);
    t.start(`${cli} --client 'Nordlicht GmbH' --today 2026-11-22 --invoices tests/fixtures/invoices/freshbooks.csv --json > ${home}/out.json`, { NO_COLOR: '1', FIRE_CHECK_HOME: home });
    // Enter everywhere: every default is kept.
    const screen = await t.answerEach(() => ['Enter']);
    expect(screen).toContain('[exit 0]');
    const text = screen.replace(/\s+/g, ' ');
    expect(text).toContain("Last time's answers (22 October 2026) are the defaults: Enter keeps each.");
    expect(text).toContain('The money answers come from tests/fixtures/invoices/freshbooks.csv');
    expect(screen).toContain('✔ Money 1/5 · How often do they pay your invoices late? Often');
    const report = JSON.parse(readFileSync(join(home, 'out.json'), 'utf8'));
    const ids = report.reasons.map((r: { id: string }) => r.id);
    // Last time's dread, kept; the invoices' late payments, shown and kept.
    expect(ids).toEqual(expect.arrayContaining(['dread', 'pays_late']));
    // And the comparison with last time.
    expect(report.previous).toMatchObject({ assessedOn: '2026-10-22', verdict: 'fix', changes: expect.arrayContaining([expect.objectContaining({ id: 'pays_late' })]) });
  });

  it("reads the client's history once a run: the comparison is with the record the defaults came from, and a damaged line is said once", async () => {
    const home = mkdtempSync(join(tmpdir(), 'fire-check-history-once-'));
    const env = { FIRE_CHECK_HOME: home };
    const record = (today: string, dread: string) => runCli(['--record', '--json', '--today', today], { input: JSON.stringify({ client: 'Nordlicht GmbH', answers: { dread } }), env });
    expect(JSON.parse(record('2026-10-22', 'often').stdout).verdict).toBe('fix');
    // A write cut short: half a record at the end of the client's file, which every read of it warns about.
    appendFileSync(join(home, 'history', CLIENTS, `${clientStem(clientKey('Nordlicht GmbH'))}${RECORDS_EXT}`), '{"v":1,"client":"Nordl');
    const t = terminal('history-once', 100);
    t.start(`${cli} --client 'Nordlicht GmbH' --today 2026-11-22 --json > ${home}/out.json`, { NO_COLOR: '1', ...env });
    let meanwhile = false;
    const screen = await t.answerEach(() => {
      // Another run records this client while the interview waits at its first question, after its defaults were read.
      if (!meanwhile) meanwhile = JSON.parse(record('2026-11-01', 'never').stdout).verdict === 'keep';
      return ['Enter'];
    });
    expect(screen).toContain('[exit 0]');
    expect(meanwhile).toBe(true);
    expect(screen.replace(/\s+/g, ' ')).toContain("Last time's answers (22 October 2026) are the defaults");
    expect(screen.match(/not a whole record/g)).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(home, 'out.json'), 'utf8'));
    expect(report.previous).toMatchObject({ assessedOn: '2026-10-22', verdict: 'fix' });
  });
});

describe('no terminal, no answers', () => {
  it('fire-check < /dev/null says how to pipe answers, exit 2, and never waits', () => {
    const started = Date.now();
    const result = runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no answers: stdin is not a terminal and nothing was piped in/);
    expect(result.stderr).toMatch(/--answers FILE/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
