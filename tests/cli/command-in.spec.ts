import { describe, expect, it } from 'vitest';
import { commandIn } from '../../src/cli/fast-path.js';
import { translateCommanderError } from '../../src/cli/program.js';
import { messagesFor } from '../../src/i18n/index.js';

const names = ['script', 'batch', 'questions', 'template', 'rules'];

it.each([
  [[], undefined],
  [['--answers', 'a.json', '--json'], undefined],
  [['questions', '--json'], 'questions'],
  [['--rules', 'pack.yaml', 'questions'], 'questions'],
  [['--rules', 'questions', '--json'], undefined],
  [['-f', 'json', 'batch', 'x.csv'], 'batch'],
  [['--lang', 'it', 'rules', 'validate', 'x.yaml'], 'rules'],
  [['--debug', 'template'], 'template'],
  [['questons'], undefined],
  [['help', 'batch'], '*'],
  [['--', 'batch'], undefined],
])('%j names %s', (argv, wanted) => {
  expect(commandIn(argv, names)).toBe(wanted);
});

describe('commander messages in the user language', () => {
  it.each([
    ['en', "error: unknown option '--jsn'\n(Did you mean --json?)\n", "unknown option '--jsn' (did you mean --json?)\n"],
    ['it', "error: unknown option '--jsn'\n(Did you mean --json?)\n", "opzione sconosciuta '--jsn' (forse intendevi --json?)\n"],
    ['hu', "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n", "a(z) '-f, --format <format>' kapcsoló 'xml' értéke érvénytelen. Megengedett: text, json.\n"],
    ['th', "error: missing required argument 'file'\n", "ขาดอาร์กิวเมนต์ที่จำเป็น 'file'\n"],
    ['it', "error: option '--answers <file>' argument missing\n", "manca l'argomento dell'opzione '--answers <file>'\n"],
    ['it', 'error: something commander says that we do not know\n', 'something commander says that we do not know\n'],
  ] as const)('%s: %j', async (lang, input, output) => {
    expect(translateCommanderError(input, await messagesFor(lang))).toBe(output);
  });
});
