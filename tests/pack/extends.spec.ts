import { prepare } from '../../src/engine/prepare.js';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { checkPackFile, formatProblem, loadPack } from '../../src/pack/load.js';
import { defaultPack, exampleAnswers, fixture, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const located = (file: string) => {
  const result = checkPackFile(file, packFiles());
  if (result.ok) throw new Error(`${file} should not validate`);
  return result.problems.map((p) => ({ ...p, file: p.file.split('/').pop()! }));
};
/** The problems as they are said: file:line:col: path: message. */
const problems = (file: string) => located(file).map(formatProblem);
/** Which check found each problem, and where: `file:line:col path code`. */
const found = (file: string) => located(file).map((p) => `${p.file}:${p.line}:${p.column} ${p.path} ${p.code}`);

describe('extends', () => {
  it('the agency example validates and changes a verdict the default gives', () => {
    const agency = loadPack(`${root}examples/agency-strict.yaml`, packFiles());
    expect(agency.id).toBe('agency-strict');
    const base = defaultPack();
    // Only what it lists changes; the rest comes from the default.
    expect(agency.questions.find((q) => q.id === 'pays_late')?.weight).toBe(16);
    expect(agency.questions.find((q) => q.id === 'pays_late')?.text).toBe(base.questions.find((q) => q.id === 'pays_late')?.text);
    expect(agency.questions.map((q) => q.id)).toContain('missed_meetings');
    expect(agency.steps.map((s) => s.id)).not.toContain('reward-yourself');
    expect(agency.rules.map((r) => r.id)).toContain('late-and-demanding');

    const client = exampleAnswers('agency-client');
    expect(evaluate(prepare(base), client).verdict).toBe('fix');
    expect(evaluate(prepare(agency), client).verdict).toBe('fire');
  });

  it('chains: a pack may extend a pack given by a relative path', () => {
    const pack = loadPack(fixture('packs', 'extends', 'chain.yaml'), packFiles());
    expect(pack.id).toBe('chain');
    expect(pack.questions.map((q) => q.id)).toEqual(['has_contract', 'days_late', 'haggles', 'mood', 'threatens', 'ghosts']);
    expect(pack.questions.find((q) => q.id === 'haggles')?.weight).toBe(10);
    expect(pack.rules.map((r) => r.id)).toEqual(['late-and-haggling']);
  });

  it('a cycle is a clear error at the extends line, naming the packs in it', () => {
    expect(found(fixture('packs', 'extends', 'cycle-a.yaml'))).toEqual(['cycle-b.yaml:2:10 extends pack/extends-cycle', 'cycle-a.yaml:2:10 extends pack/extends-base-invalid']);
    expect(problems(fixture('packs', 'extends', 'cycle-a.yaml'))).toEqual([
      'cycle-b.yaml:2:10: extends: extends cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml',
      'cycle-a.yaml:2:10: extends: the base pack ./cycle-b.yaml has problems (above)',
    ]);
  });

  it('a missing base is a clear error at the extends line', () => {
    expect(found(fixture('packs', 'extends', 'missing-base.yaml'))).toEqual(['missing-base.yaml:2:10 extends pack/extends-missing']);
  });

  it('extends reads only rule packs: other files are refused without a word of what they hold', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'fire-check-extends-'));
    writeFileSync(join(dir, 'secret.yaml'), 'password: hunter2\napi_key: abc123\n');
    writeFileSync(join(dir, 'broken.yaml'), 'password: [hunter2\n');
    const pack = (base: string) => {
      const file = join(dir, `uses-${base.replace(/\W/g, '-')}.yaml`);
      writeFileSync(file, `format: 2\nextends: ${base}\nid: o\nversion: 1.0.0\n`);
      return located(file);
    };
    expect(pack('/etc/passwd').map((p) => p.code)).toEqual(['pack/extends-not-a-pack-file']);
    for (const base of ['./secret.yaml', './broken.yaml']) {
      const out = pack(base);
      expect(out.map((p) => p.code)).toEqual(['pack/not-a-pack', 'pack/extends-base-invalid']);
      expect(out.map(formatProblem).join('\n')).not.toMatch(/password|hunter2|api_key|abc123/);
    }
  });

  it('reports problems in the extending file at their own positions', () => {
    expect(found(fixture('packs', 'extends', 'broken-overrides.yaml'))).toEqual(['broken-overrides.yaml:7:5 questions[0](pays_late).wieght pack/unknown-key']);
    expect(problems(fixture('packs', 'extends', 'broken-overrides.yaml'))).toEqual([
      'broken-overrides.yaml:7:5: questions[0](pays_late).wieght: unknown field "wieght" (did you mean "weight"?); allowed here: id, category, kind, label, text, help, weight, floors, askIf, min, max, unit, money, bands, talkingPoint, sources',
    ]);
  });

  it('disabling a question that rules still use names them', () => {
    expect(found(fixture('packs', 'extends', 'still-used.yaml'))).toEqual(['still-used.yaml:6:15 disable.questions[0] pack/disabled-still-used']);
    expect(problems(fixture('packs', 'extends', 'still-used.yaml'))[0]).toMatch(/is still used by rule raised-and-persisting, rule draining-and-unprofitable, step repair-unprofitable;/);
  });

  it('a new question is validated like any other, at its place in the file', () => {
    expect(found(fixture('packs', 'extends', 'new-question-bad-category.yaml'))).toEqual(['new-question-bad-category.yaml:7:15 questions[0](brand_new).category pack/unknown-category']);
  });
});

it('reports merge problems together: disabled-and-changed, unknown ids to disable', () => {
  expect(found(fixture('packs', 'extends', 'merge-problems.yaml'))).toEqual([
    'merge-problems.yaml:15:11 disable.steps[0] pack/disable-unknown',
    'merge-problems.yaml:6:9 questions[0](pays_late).id pack/disabled-and-changed',
    'merge-problems.yaml:14:29 disable.questions[1] pack/disabled-still-used',
    'merge-problems.yaml:14:15 disable.questions[0] pack/disabled-still-used',
  ]);
});
