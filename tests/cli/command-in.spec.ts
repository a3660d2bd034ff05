import { expect, it } from 'vitest';
import { commandIn } from '../../src/cli/main.js';

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
