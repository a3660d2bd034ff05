import { describe, expect, it } from 'vitest';
import { fastAssessOptions } from '../../src/cli/fast-path.js';
import { runCli } from '../helpers/cli.js';

describe('the plain scoring fast path', () => {
  it.each([
    [[], { format: 'text' }],
    [['--format', 'json'], { format: 'json' }],
    [['-f', 'markdown', '--answers', '-'], { format: 'markdown', answers: '-' }],
    [['--json', '--exit-code', '--no-color', '--today', '2026-11-22'], { format: 'text', json: true, exitCode: true, color: false, today: '2026-11-22' }],
    [['--color', '--no-color'], { format: 'text', color: false }],
    [['--rules', 'p.yaml', '--client', 'Acme', '--save-answers', 's.json', '--lang', 'it'], { format: 'text', rules: 'p.yaml', client: 'Acme', saveAnswers: 's.json', lang: 'it' }],
  ])('takes %j', (argv, options) => {
    expect(fastAssessOptions(argv)).toEqual(options);
  });

  it.each([
    [['questions']],
    [['--help']],
    [['--version']],
    [['--format=json']],
    [['--format', 'xml']],
    [['--answers']],
    [['--answers', '--json']],
    [['--jsn']],
    [['-fjson']],
    [['--client', '-x']],
  ])('leaves %j to commander', (argv) => {
    expect(fastAssessOptions(argv)).toBeUndefined();
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
