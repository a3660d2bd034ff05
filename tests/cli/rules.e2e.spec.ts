import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, STACK } from '../helpers/cli.js';
import { loadPack } from '../../src/pack/load.js';
import { root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

/** What `rules validate` says of a good pack: its counts, from the pack as loaded here. */
function okLine(shown: string, file = shown): string {
  const pack = loadPack(`${file.startsWith('/') ? '' : root}${file}`, packFiles());
  return `ok: ${shown} (${pack.questions.length} questions, ${pack.rules.length} rules, ${pack.steps.length} steps)`;
}

describe('fire-check rules (built binary)', () => {
  it('validate: ok lines and exit 0 for good packs', () => {
    const result = runCli(['rules', 'validate', 'rules/default.yaml', 'examples/agency-strict.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${okLine('rules/default.yaml')}\n${okLine('examples/agency-strict.yaml')}\n`);
  });

  it('validate: every problem in every file, exit 2', () => {
    const result = runCli(['rules', 'validate', 'tests/fixtures/packs/typo.yaml', 'rules/default.yaml', 'tests/fixtures/packs/meaning.json', 'nope.yaml']);
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('tests/fixtures/packs/typo.yaml:'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('tests/fixtures/packs/meaning.json:'))).toHaveLength(4);
    expect(lines).toContain(okLine('rules/default.yaml'));
    expect(lines).toContain('nope.yaml:1:1: no such file [pack/file-missing]');
    expect(result.stderr).not.toMatch(STACK);
  });

  it('validate --format json gives the problems as data, each with its code', () => {
    const result = runCli(['rules', 'validate', '--format', 'json', 'tests/fixtures/packs/typo.yaml']);
    expect(result.code).toBe(2);
    const data = JSON.parse(result.stdout);
    expect(data.ok).toBe(false);
    expect(data.files[0].problems[0]).toEqual({
      code: 'pack/unknown-key',
      file: 'tests/fixtures/packs/typo.yaml',
      line: 13,
      column: 5,
      path: 'questions[0](pays_late).wieght',
      message: expect.stringContaining('unknown field "wieght"'),
    });
  });

  it('schema prints the shipped JSON Schema', () => {
    const result = runCli(['rules', 'schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(`${root}schema/rule-pack.schema.json`, 'utf8')));
  });

  it('show prints the effective pack with extends resolved, as YAML or JSON', () => {
    const yaml = parse(runCli(['rules', 'show', 'examples/agency-strict.yaml']).stdout);
    expect(yaml.id).toBe('agency-strict');
    expect(yaml.extends).toBeUndefined();
    expect(yaml.questions.find((q: { id: string }) => q.id === 'pays_late').weight).toBe(16);
    const json = JSON.parse(runCli(['rules', 'show', '--format', 'json']).stdout);
    expect(json.id).toBe('default');
  });

  it('the effective pack printed by show is itself a valid pack', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fire-check-show-')), 'shown.json');
    writeFileSync(file, runCli(['rules', 'show', 'examples/agency-strict.yaml', '--format', 'json']).stdout);
    expect(runCli(['rules', 'validate', file]).stdout).toBe(`${okLine(file, 'examples/agency-strict.yaml')}\n`);
  });

  it('--rules before a command counts for that command', () => {
    const before = JSON.parse(runCli(['--rules', 'tests/fixtures/packs/banded.yaml', 'questions', '--json']).stdout);
    const after = JSON.parse(runCli(['questions', '--json', '--rules', 'tests/fixtures/packs/banded.yaml']).stdout);
    expect(before.pack.id).toBe('banded');
    expect(after.pack.id).toBe('banded');
  });
});
