// Issue 12, mechanism 1: nothing from data reaches a terminal raw. A corpus of
// control sequences goes in through every kind of data (a client's name, a
// pack's texts, answer ids, batch records, file names) and comes out of every
// text output of the built binary as visible codes; JSON keeps it exact.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { root } from '../helpers/packs.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const ATTACKS = {
  osc52: '\x1b]52;c;ZWNobyBwd25lZA==\x07', // writes the clipboard
  clear: '\x1b[2J', // clears the screen
  bell: '\x07',
  overwrite: 'Good payer\rBad', // CR: writes over the line
  bidi: '\u202eevil\u202c', // shows the text reversed
  isolate: '\u2066x\u2069',
  c1: '\x9b2J', // a one-byte CSI
  del: '\x7f',
  marks: 'a\u200fb\u200ec\u061cd', // bidi marks: reorder neutral text around them
  separators: 'Acme\u2028FIRE\u2029NOW', // line and paragraph separators
};
const HOSTILE = `Acme ${Object.values(ATTACKS).join(' ')}`;
/** A character a terminal may act on; \n and \t are layout. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const late = JSON.parse(readFileSync(`${root}examples/late-payer.json`, 'utf8'));
let dir: string;
let pack: string;
let broken: string;
let ndjson: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fire-check-escape-'));
  const yaml = (text: string) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
  pack = join(dir, 'hostile.yaml');
  writeFileSync(
    pack,
    [
      'format: 2',
      'extends: default',
      'id: hostile',
      'version: 1.0.0',
      `name: ${yaml(`Hostile ${HOSTILE}`)}`,
      'categories:',
      `  - { id: money, title: ${yaml(`Money ${ATTACKS.clear}`)}, gate: ${yaml(`Trouble with money?${ATTACKS.osc52}`)} }`,
      'questions:',
      `  - { id: pays_late, label: ${yaml(`Pays late ${ATTACKS.osc52}`)}, text: ${yaml(`How often ${HOSTILE}?`)} }`,
      'rules:',
      `  - { id: hostile-rule, when: { question: pays_late, atLeast: often }, points: 1, text: ${yaml(`Late ${HOSTILE}`)} }`,
    ].join('\n'),
  );
  broken = join(dir, 'broken.yaml');
  writeFileSync(broken, `format: 2\nextends: default\nid: b\nversion: 1.0.0\nname: b\n${yaml(`field ${HOSTILE}`)}: 1\n`);
  ndjson = join(dir, 'clients.ndjson');
  writeFileSync(ndjson, `${JSON.stringify({ ...late, client: HOSTILE })}\n${JSON.stringify({ answers: { [`pays_late${ATTACKS.clear}`]: 'often' } })}\n`);
});

function expectNoRawControls(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toMatch(RAW);
}

const TODAY = ['--today', '2026-11-22'];

describe('text outputs show control characters from data as codes (built binary)', () => {
  it.each([
    ['text report', ['--answers', 'examples/late-payer.json', '--client', HOSTILE]],
    ['Markdown report', ['--answers', 'examples/late-payer.json', '--client', HOSTILE, '-f', 'markdown']],
    ['text report of a hostile pack', ['--rules', '<pack>', '--answers', 'examples/late-payer.json']],
    ['Markdown report of a hostile pack', ['--rules', '<pack>', '--answers', 'examples/late-payer.json', '-f', 'markdown']],
    ['script as text', ['script', '--answers', 'examples/abusive-client.json', '--client', HOSTILE]],
    ['script as Markdown', ['script', '--answers', 'examples/abusive-client.json', '--client', HOSTILE, '-f', 'markdown']],
    ['batch CSV', ['batch', '<ndjson>', '--format', 'csv']],
    ['batch table (bad lines on stderr)', ['batch', '<ndjson>', '--format', 'table']],
    ['batch table of a hostile pack', ['batch', '<ndjson>', '--format', 'table', '--rules', '<pack>']],
    ['questions of a hostile pack', ['questions', '--rules', '<pack>']],
    ['rules validate, quoting a pack', ['rules', 'validate', '<broken>']],
    ['the error for a pack, quoting it', ['--rules', '<broken>', '--answers', 'examples/late-payer.json']],
    ['the error for a file name', ['--answers', `nope${HOSTILE}.json`]],
    ['the error for an unknown command', [`scor${ATTACKS.clear}`]],
    ['the error for an unknown option', [`--client${ATTACKS.osc52}`]],
  ])('%s', (_, args) => {
    const files: Record<string, string> = { '<pack>': pack, '<broken>': broken, '<ndjson>': ndjson };
    const dated = args[0] === 'questions' || args[0] === 'rules' || args.includes('--today');
    const result = runCli([...args.map((a) => files[a] ?? a), ...(dated ? [] : TODAY)]);
    expect(result.stdout + result.stderr).toContain('\\u001b');
    expectNoRawControls(result);
  });

  it('history CLIENT of a hostile pack: the labels of what changed reach the terminal as codes', () => {
    const env = { FIRE_CHECK_HOME: mkdtempSync(join(tmpdir(), 'fire-check-escape-history-')) };
    for (const [today, often] of [['2026-10-22', 'often'], ['2026-11-22', 'always']] as const) {
      runCli(['--rules', pack, '--record', '--json', '--today', today], { env, input: JSON.stringify({ client: 'Acme', answers: { pays_late: often } }) });
    }
    const result = runCli(['history', 'Acme', '--rules', pack], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Pays late \\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
    expectNoRawControls(result);
    // JSON is exact: it names the answer by its id, with no label to escape.
    expect(JSON.parse(runCli(['history', 'Acme', '--rules', pack, '--json'], { env }).stdout).changes).toEqual([{ id: 'pays_late', from: 'often', to: 'always' }]);
  });

  it('an unknown answer id with control characters, echoed in the error', () => {
    const result = runCli([], { input: JSON.stringify({ answers: { [`pays_late${ATTACKS.osc52}`]: 'often' } }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pays_late\\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
    expectNoRawControls(result);
  });

  it('the example of issue 12: the name is shown with its codes, the clipboard and the screen left alone', () => {
    const result = runCli(['--answers', 'examples/late-payer.json', '--client', 'Acme\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J']);
    expect(result.stdout.split('\n')[0]).toBe('fire-check · Acme\\u001b]52;c;ZWNobyBwd25lZA==\\u0007\\u001b[2J');
  });

  it('our own colours still work, with the data escaped inside them', () => {
    const result = runCli(['--answers', 'examples/late-payer.json', '--client', HOSTILE, ...TODAY], { env: { FORCE_COLOR: '1' } });
    const ours = /\x1b\[\d+m/g;
    expect(result.stdout).toMatch(ours);
    expect(result.stdout.replace(ours, '')).not.toMatch(RAW);
  });

  it.each([
    ['report', ['--client', HOSTILE, '--answers', 'examples/late-payer.json', '--format', 'json'], (out: string) => JSON.parse(out).client],
    ['script', ['script', '--client', HOSTILE, '--answers', 'examples/abusive-client.json', '--format', 'json'], (out: string) => JSON.parse(out).client],
    ['batch NDJSON', ['batch', '<ndjson>'], (out: string) => JSON.parse(out.split('\n')[0] as string).client],
  ])('JSON keeps the exact name: %s', (_, args, client) => {
    const result = runCli(args.map((a) => (a === '<ndjson>' ? ndjson : a)));
    expect(client(result.stdout)).toBe(HOSTILE);
  });
});

const describeTerminal = hasTmux() ? describe : describe.skip;

describeTerminal('the interview shows a hostile pack escaped (tmux)', () => {
  let t: Terminal | undefined;
  afterEach(() => t?.kill());

  it('the category title and gate reach the screen as codes: nothing clears it', async () => {
    t = new Terminal('escape', 100);
    t.start(`cd '${root}' && echo MARK && '${process.execPath}' '${BIN}' --rules '${pack}' --client Acme`, { NO_COLOR: '1' });
    const screen = await t.waitFor('? Money \\u001b[2J: Trouble with money?\\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
    // CSI 2J would have cleared what was on the screen before the prompt.
    expect(screen).toContain('MARK');
  });
});
