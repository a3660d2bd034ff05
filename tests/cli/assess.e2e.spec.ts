import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, STACK } from '../helpers/cli.js';
import { fixture, root } from '../helpers/packs.js';

const example = (name: string) => `examples/${name}.json`;

describe('fire-check (built binary): scoring', () => {
  it.each([
    ['late-payer', 'fix', 10],
    ['abusive-client', 'fire-now', 12],
    ['healthy-client', 'keep', 0],
  ])('%s → %s; --exit-code gives %i', (name, verdict, exitCode) => {
    const plain = runCli(['--answers', example(name), '--json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ schemaVersion: 2, verdict, pack: { id: 'default', version: '2.0.0' } });
    expect(runCli(['--answers', example(name), '--json', '--exit-code']).code).toBe(exitCode);
  });

  it('reads answers piped on stdin, and from --answers -', () => {
    const input = readFileSync(`${root}${example('late-payer')}`, 'utf8');
    const piped = runCli(['--format', 'json', '--today', '2026-11-22'], { input });
    const dash = runCli(['--answers', '-', '--format', 'json', '--today', '2026-11-22'], { input });
    const file = runCli(['--answers', example('late-payer'), '--format', 'json', '--today', '2026-11-22']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(file.stdout);
    expect(dash.stdout).toBe(file.stdout);
    expect(JSON.parse(piped.stdout).recheckOn).toBe('2026-12-22');
  });

  it('prints text by default and Markdown on request', () => {
    const text = runCli(['--answers', example('abusive-client')]);
    expect(text.stdout).toContain('FIRE NOW');
    expect(text.stdout).toContain('End it in writing only');
    const md = runCli(['--answers', example('abusive-client'), '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# fire-check: Northwind Holdings/);
    expect(md.stdout).toContain('### Prepare');
  });

  it('--client overrides the name in the answers', () => {
    const out = runCli(['--answers', example('late-payer'), '--json', '--client', 'Zed Ltd']);
    expect(JSON.parse(out.stdout).client).toBe('Zed Ltd');
  });

  it('the template is valid input as it is: keep, confidence 0', () => {
    const template = runCli(['template']);
    expect(template.code).toBe(0);
    const scored = runCli(['--json'], { input: template.stdout });
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ verdict: 'keep', confidence: 0, answered: 0 });
  });

  it('lists the questions for scripts', () => {
    const out = runCli(['questions', '--format', 'json']);
    const data = JSON.parse(out.stdout);
    expect(data.questions.map((q: { id: string }) => q.id)).toContain('pays_late');
    expect(data.questions.find((q: { id: string }) => q.id === 'pays_late')).toMatchObject({ kind: 'freq', values: ['never', 'rarely', 'sometimes', 'often', 'always'], category: 'money' });
    expect(runCli(['questions']).stdout).toContain('pays_late');
  });

  it('--rules uses another pack on every command', () => {
    const pack = fixture('packs', 'banded.yaml');
    expect(JSON.parse(runCli(['questions', '--json', '--rules', pack]).stdout).pack.id).toBe('banded');
    expect(Object.keys(JSON.parse(runCli(['template', '--rules', pack]).stdout).answers)).toEqual(['has_contract', 'days_late', 'haggles', 'mood', 'threatens']);
    const scored = runCli(['--rules', pack, '--json'], { input: '{"client": "X", "answers": {"days_late": 45, "haggles": "often"}}' });
    expect(JSON.parse(scored.stdout)).toMatchObject({ verdict: 'fire', pack: { id: 'banded' } });
  });
});

describe('fire-check (built binary): bad input gets one clear message, exit 2, no stack', () => {
  const cases: [string, string[], string | undefined, RegExp, string][] = [
    ['broken JSON', [], '{"answers": {"pays_late": "often",}}', /invalid answers: stdin: line 1, column \d+: not valid JSON/, 'answers/not-json'],
    ['unknown question id', [], '{"answers": {"pays_lat": "often"}}', /answers\.pays_lat: unknown question id \(did you mean "pays_late"\?\)/, 'answers/unknown-id'],
    ['wrong value', [], '{"answers": {"abuse": "maybe"}}', /answers\.abuse: "maybe" is not allowed; allowed: yes, no/, 'answers/not-allowed'],
    ['top-level array', [], '[]', /expected an object .* got an array/, 'answers/not-object'],
    ['nothing piped', [], '', /no answers: stdin is not a terminal and nothing was piped in/, 'input/no-answers'],
    ['missing answers file', ['--answers', 'nope.json'], undefined, /cannot read answers file nope\.json: no such file/, 'io/not-readable'],
    ['malformed rule pack', ['--rules', 'tests/fixtures/packs/typo.yaml'], '{"answers": {}}', /typo\.yaml:13:5: questions\[0\]\(pays_late\)\.wieght: unknown field/, 'pack/invalid'],
    ['unknown format', ['--format', 'xml'], '{"answers": {}}', /argument 'xml' is invalid\. Allowed choices are text, json, markdown/, 'cli/invalid-choice'],
    ['unknown option', ['--jsn'], '{"answers": {}}', /unknown option '--jsn' \(did you mean "--json"\?\)/, 'cli/unknown-option'],
    ['mistyped command', ['questons'], undefined, /unknown command "questons" \(did you mean "questions"\?\)/, 'cli/unknown-command'],
    ['bad date', ['--today', '22/11/2026'], '{"answers": {}}', /--today "22\/11\/2026" is not a date; use YYYY-MM-DD/, 'cli/bad-date'],
    ['a date the calendar has not', ['--today', '2026-02-30'], '{"answers": {}}', /--today "2026-02-30" is not a date/, 'cli/bad-date'],
    ['a date too far to plan from', ['--today', '9999-12-31'], '{"answers": {}}', /--today "9999-12-31" is not a date/, 'cli/bad-date'],
    ['an answers file without end', ['--answers', '/dev/zero'], undefined, /answers file \/dev\/zero is longer than 1,000,000 characters \(--max-record-size\)/, 'input/too-large'],
    ['a rule pack that is not there', ['--rules', 'no-such-pack.yaml'], '{"answers": {}}', /^fire-check: cannot read rule pack no-such-pack\.yaml: no such file \[io\/not-readable\]\n$/, 'io/not-readable'],
    ['a rule pack that is a folder', ['--rules', 'rules'], '{"answers": {}}', /^fire-check: cannot read rule pack rules: it is a directory \[io\/not-readable\]\n$/, 'io/not-readable'],
    ['an answers document over the limit given', ['--max-record-size', '20'], '{"answers": {"pays_late": "often"}}', /answers file stdin is longer than 20 characters/, 'input/too-large'],
    ['a limit that is not one', ['--max-record-size', '1e6'], '{"answers": {}}', /--max-record-size "1e6" is not a number of characters/, 'cli/bad-max-record-size'],
    ['a date the calendar has not, through commander', ['--today', '2026-13-01', '--format=json'], '{"answers": {}}', /--today "2026-13-01" is not a date/, 'cli/bad-date'],
    ['a word for a date, in batch', ['batch', '--today', 'yesterday'], '{"answers": {}}\n', /--today "yesterday" is not a date/, 'cli/bad-date'],
    ['a date the calendar has not, in script', ['script', '--today', '2025-02-29'], '{"answers": {}}', /--today "2025-02-29" is not a date/, 'cli/bad-date'],
  ];
  it.each(cases)('%s', (_name, args, input, message, code) => {
    const result = runCli(args, input === undefined ? {} : { input });
    expect(result.code).toBe(2);
    // The first line ends with the problem's code; the message says it in words.
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(` \\[${code}\\]$`));
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stdout).toBe('');
  });

  it('--save-answers into a folder that does not exist says so, in the user\'s language', () => {
    const en = runCli(['--answers', example('late-payer'), '--save-answers', 'no/such/folder/a.json']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('fire-check: cannot write --save-answers no/such/folder/a.json: no such folder [io/not-writable]\n');
    const italian = runCli(['--answers', example('late-payer'), '--save-answers', 'no/such/folder/a.json', '--lang', 'it']);
    expect(italian.stderr).toBe('fire-check: impossibile scrivere --save-answers no/such/folder/a.json: la cartella non esiste [io/not-writable]\n');
  });

  it('a malformed pack reports every problem, one per line', () => {
    const result = runCli(['--rules', 'tests/fixtures/packs/typo.yaml'], { input: '{"answers": {}}' });
    expect(result.stderr.trim().split('\n')).toHaveLength(4);
  });
});

describe('fire-check (built binary): terminal manners', () => {
  it('ends quietly when the reader closes the pipe', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --answers examples/abusive-client.json | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('fire-check · Northwind Holdings\n');
    expect(result.stderr).toBe('');
  });

  it('colours only when asked: FORCE_COLOR, --color; never with NO_COLOR or --no-color', () => {
    const args = ['--answers', example('late-payer')];
    expect(runCli(args).stdout).not.toMatch(/\x1b\[/);
    expect(runCli(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(runCli([...args, '--color']).stdout).toMatch(/\x1b\[/);
    expect(runCli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('fire-check script (built binary)', () => {
  it('prints talking points and a written confirmation for a fire', () => {
    const result = runCli(['script', '--answers', 'tests/fixtures/answers/fire-base.json', '--today', '2026-11-22']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Talking points for the call');
    expect(result.stdout).toContain('Subject: Confirming the end of our work together');
  });

  it('prints a written notice instead of a call for abuse, as JSON with sources', () => {
    const data = JSON.parse(runCli(['script', '--answers', 'examples/abusive-client.json', '--format', 'json', '--today', '2026-11-22']).stdout);
    expect(data).toMatchObject({ schemaVersion: 2, verdict: 'fire-now', client: 'Northwind Holdings' });
    expect(data.script.map((s: { id: string }) => s.id)).toEqual(['written-notice']);
    expect(data.script[0].parts.find((p: { id: string }) => p.id === 'last-day').text).toContain('7 December 2026');
    for (const part of data.script[0].parts) expect(part.sources.length).toBeGreaterThan(0);
  });

  it('says there is nothing to end for keep and fix, exit 0', () => {
    const result = runCli(['script', '--answers', 'examples/late-payer.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('there is nothing to end');
  });

  it('the Markdown report carries verdict, reasons, plan and script in one document', () => {
    const md = runCli(['--answers', 'tests/fixtures/answers/fire-base.json', '--format', 'markdown']).stdout;
    for (const heading of ['## Why', '## Plan', '### Prepare', '### Telling them', '### After', '## What to say', '### Talking points for the call']) expect(md).toContain(heading);
  });
});

describe('fire-check in other languages (built binary)', () => {
  it('--lang it: texts in Italian, ids and verdict ids in English', () => {
    const data = JSON.parse(runCli(['--answers', 'examples/late-payer.json', '--json', '--lang', 'it']).stdout);
    expect(data.verdict).toBe('fix');
    expect(data.reasons[0]).toMatchObject({ id: 'pays_late', text: 'Paga in ritardo: spesso' });
    expect(data.steps.map((s: { id: string }) => s.id)).toContain('repair-pays_late');
    expect(data.steps[0].text).toMatch(/^Manda un promemoria cordiale/);
  });

  it('the language comes from LC_ALL, LC_MESSAGES or LANG', () => {
    const text = runCli(['--answers', 'examples/late-payer.json'], { env: { LANG: 'hu_HU.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined } }).stdout;
    expect(text).toContain('JAVÍTÁS');
    expect(text).toContain('Pontszám');
    const th = runCli(['--answers', 'examples/late-payer.json'], { env: { LC_ALL: 'th_TH.UTF-8' } }).stdout;
    expect(th).toContain('คะแนน');
  });

  it('an unknown language is a clear error listing the ones there are', () => {
    const result = runCli(['--lang', 'de', '--answers', 'examples/late-payer.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('fire-check: unknown language "de"; available: en, it, hu, th [cli/unknown-language]\n');
  });

  it('errors, --help and batch summaries are translated too', () => {
    const bad = runCli(['--lang', 'it'], { input: '{"answers": {"pays_lat": "often"}}' });
    expect(bad.stderr).toMatch(/risposte non valide: stdin: answers\.pays_lat: id di domanda sconosciuto \(forse intendevi "pays_late"\?\)/);
    expect(runCli(['--help', '--lang', 'hu']).stdout).toContain('Segít eldönteni');
    expect(runCli(['batch', '--lang', 'th'], { input: '{"answers": {"pays_late": "often"}}\n' }).stderr).toBe('ประเมินแล้ว 1 ล้มเหลว 0\n');
    expect(runCli(['script', '--answers', 'examples/abusive-client.json', '--lang', 'it']).stdout).toContain('Comunicazione scritta');
  });
});

it('help <command> shows that command’s options; --help lists every command', () => {
  const help = runCli(['help', 'batch']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/Usage: fire-check batch \[options\] \[file\]/);
  expect(help.stdout).toContain('--fail-fast');
  const all = runCli(['--help']).stdout;
  for (const name of ['script', 'batch', 'questions', 'template', 'rules']) expect(all).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
});
