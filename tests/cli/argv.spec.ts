// The command line, as a table of input → output (as ni tests its parser): the
// fast path for plain scoring and commander are built from one option table,
// and must read every command line alike.
import { describe, expect, it } from 'vitest';
import { commandWord, earlySwitch, earlyValue, plainScoring } from '../../src/cli/argv.js';
import type { Io } from '../../src/cli/io.js';
import { COMMANDS, FORMATS, OPTIONS, flagsOf } from '../../src/cli/options.js';
import { parseCommandLine } from '../../src/cli/program.js';
import { FireCheckError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { messagesFor, type Lang } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';

/** An Io that keeps what is written; parsing touches nothing else. */
function memoryIo(): Io & { out: string } {
  const io = { out: '', writeOut: (text: string) => void (io.out += text), stderr: { write: () => true } };
  return io as unknown as Io & { out: string };
}

const parse = (argv: string[], lang: Lang = 'en') => messagesFor(lang).then((m) => parseCommandLine(argv, memoryIo(), lang, m));

/** The problem code a command line gives, or 'ok'. */
async function codeOf(argv: string[], lang: Lang = 'en'): Promise<string> {
  try {
    await parse(argv, lang);
    return 'ok';
  } catch (error) {
    if (error instanceof FireCheckError) return error.code;
    throw error;
  }
}

describe('the option table', () => {
  it('declares each flag once, in a form commander and the fast path both read', () => {
    const seen = new Set<string>();
    for (const spec of OPTIONS) {
      const flags = flagsOf(spec);
      for (const flag of [flags.long, flags.short].filter(Boolean) as string[]) {
        expect(seen.has(flag), flag).toBe(false);
        seen.add(flag);
      }
      expect(spec.commands.length, spec.flags).toBeGreaterThan(0);
      for (const command of spec.commands) expect(Object.keys(COMMANDS)).toContain(command);
    }
  });

  it.each(Object.keys(COMMANDS))('every option of %s is in its --help', async (command) => {
    const io = memoryIo();
    const m = await messagesFor('en');
    await parseCommandLine([...command.split(' '), '--help'], io, 'en', m).catch(() => undefined);
    for (const spec of OPTIONS.filter((o) => o.commands.includes(command as keyof typeof COMMANDS))) {
      expect(io.out, spec.flags).toContain(flagsOf(spec).long);
    }
  });
});

describe('commander reads the command line', () => {
  it.each([
    [[], 'assess', [], { format: 'text' }],
    [['--json'], 'assess', [], { format: 'json', json: true }],
    [['--format', 'markdown', '--client', 'Acme'], 'assess', [], { format: 'markdown', client: 'Acme' }],
    [['--max-record-size', '5000'], 'assess', [], { maxRecordSize: 5000 }],
    [['script', '-f', 'json'], 'script', [], { format: 'json' }],
    [['batch', 'x.csv', '--json'], 'batch', ['x.csv'], { format: 'ndjson' }],
    [['batch', '--format', 'table', '--encoding', 'windows-1252', '--fail-fast'], 'batch', [], { format: 'table', encoding: 'windows-1252', failFast: true }],
    [['--rules', 'p.yaml', 'questions'], 'questions', [], { rules: 'p.yaml', format: 'text' }],
    [['--rules', 'p.yaml', 'questions', '--rules', 'q.yaml'], 'questions', [], { rules: 'q.yaml' }],
    [['--no-color', 'template'], 'template', [], { color: false, format: 'json' }],
    [['rules', 'validate', 'a.yaml', 'b.yaml', '--json'], 'rules validate', ['a.yaml', 'b.yaml'], { format: 'json' }],
    [['rules', 'show'], 'rules show', [], { format: 'yaml' }],
  ] as const)('%j → %s %j %j', async (argv, command, args, options) => {
    const parsed = await parse([...argv]);
    expect(parsed?.command).toBe(command);
    expect(parsed?.args).toEqual(args);
    expect(parsed?.options).toMatchObject(options);
  });

  it.each([
    [['--jsn'], 'cli/unknown-option'],
    [['--format', 'xml'], 'cli/invalid-choice'],
    [['batch', '--format', 'json'], 'cli/invalid-choice'],
    [['--answers'], 'cli/missing-value'],
    [['rules', 'validate'], 'cli/missing-argument'],
    [['questons'], 'cli/unknown-command'],
    [['rules', 'check'], 'cli/unknown-command'],
    [['--max-record-size', '0'], 'cli/bad-max-record-size'],
    [['batch', '--client', 'x'], 'cli/unknown-option'],
    [['--input-format', 'csv'], 'cli/unknown-option'],
  ])('%j is refused: %s', async (argv, code) => {
    expect(await codeOf(argv)).toBe(code);
  });

  it.each([
    ['en', ['--jsn'], "unknown option '--jsn' (did you mean \"--json\"?)"],
    ['it', ['--jsn'], "opzione sconosciuta '--jsn' (forse intendevi \"--json\"?)"],
    ['hu', ['-f', 'xml'], "a(z) '-f, --format <format>' kapcsoló 'xml' értéke érvénytelen. Megengedett: text, json, markdown."],
    ['th', ['rules', 'validate'], "ขาดอาร์กิวเมนต์ที่จำเป็น 'file'"],
  ] as const)('%s: %j says it in the language', async (lang, argv, message) => {
    await expect(parse([...argv], lang)).rejects.toThrow(message);
  });
});

describe('the fast path for plain scoring reads what commander reads', () => {
  // Every command line here is plain scoring: the fast path must take it, and agree with commander.
  it.each([
    [[]],
    [['--format', 'json']],
    [['-f', 'markdown', '--answers', '-']],
    [['--json', '--exit-code', '--no-color', '--today', '2026-11-22']],
    [['--color', '--no-color']],
    [['--format=json']],
    [['--rules', 'p.yaml', '--client', 'Acme', '--save-answers', 's.json', '--lang', 'it']],
    [['--max-record-size', '1000', '--debug']],
  ])('%j', async (argv) => {
    const fast = plainScoring(argv, en);
    expect(fast).toBeDefined();
    const parsed = await parse(argv);
    expect(parsed?.command).toBe('assess');
    const { lang: _lang, messages: _m, ...full } = parsed?.options ?? {};
    // commander also keeps a value it was not given (the --format default): compare what both say.
    expect({ ...full, lang: undefined }).toEqual({ ...fast, lang: undefined });
  });

  it.each([
    [['questions']],
    [['--help']],
    [['--version']],
    [['--format', 'xml']],
    [['--answers']],
    [['--answers', '--json']],
    [['--jsn']],
    [['-fjson']],
    [['--client', '-x']],
    [['--max-record-size', 'big']],
    [['--fail-fast']],
    [['help']],
  ])('leaves %j to commander', (argv) => {
    expect(plainScoring(argv, en)).toBeUndefined();
  });

  const input = '{"client": "Acme", "answers": {"pays_late": "always", "unpaid_work": "yes"}}';
  it.each([
    [['--format', 'json', '--today', '2026-11-22']],
    [['--json', '--exit-code', '--lang', 'hu']],
    [['-f', 'markdown', '--client', 'Zed', '--today', '2026-11-22']],
    [['--answers', 'examples/abusive-client.json', '--no-color']],
    [['--answers', 'nope.json']],
    [['--today', '22/11/2026']],
    [['--rules', 'tests/fixtures/packs/typo.yaml']],
  ])('%j: the same output and exit code with or without commander', (argv) => {
    const fast = runCli(argv, { input });
    const full = runCli(argv, { input, env: { FIRE_CHECK_NO_FAST_PATH: '1' } });
    expect(fast).toEqual(full);
  });
});

describe('what main() reads before commander', () => {
  it.each([
    [[], undefined, undefined],
    [['--answers', 'a.json', '--json'], undefined, undefined],
    [['questions', '--json'], 'questions', undefined],
    [['--rules', 'pack.yaml', 'questions'], 'questions', undefined],
    [['--rules', 'questions', '--json'], undefined, undefined],
    [['-f', 'json', 'batch', 'x.csv'], 'batch', undefined],
    [['--lang', 'it', 'rules', 'validate', 'x.yaml'], 'rules', 'it'],
    [['batch', '--lang=hu'], 'batch', 'hu'],
    [['--client', '--lang', 'template'], 'template', undefined],
    [['help', 'batch'], 'help', undefined],
    [['--', 'batch', '--lang', 'it'], undefined, undefined],
  ])('%j: command %s, language %s', (argv, command, lang) => {
    expect(commandWord(argv)).toBe(command);
    expect(earlyValue(argv, 'lang')).toBe(lang);
  });

  it('--debug anywhere before --', () => {
    expect(earlySwitch(['batch', '--debug'], 'debug')).toBe(true);
    expect(earlySwitch(['--', '--debug'], 'debug')).toBe(false);
    expect(earlySwitch(['--client', '--debug'], 'debug')).toBe(false);
  });

  it('each command has formats, the first its default', () => {
    for (const command of Object.keys(COMMANDS)) expect(FORMATS[command as keyof typeof FORMATS].length).toBeGreaterThan(0);
  });
});
