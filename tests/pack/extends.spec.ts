import { prepare } from '../../src/engine/prepare.js';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { checkPackFile, formatProblem, loadPack } from '../../src/pack/load.js';
import { defaultPack, exampleAnswers, fixture, root } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const problems = (file: string) => {
  const result = checkPackFile(file, packFiles());
  if (result.ok) throw new Error(`${file} should not validate`);
  return result.problems.map((p) => formatProblem({ ...p, file: p.file.split('/').pop()! }));
};

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

  it('a cycle is a clear error at the extends line', () => {
    expect(problems(fixture('packs', 'extends', 'cycle-a.yaml'))).toEqual([
      'cycle-b.yaml:2:10: extends: extends cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml',
      'cycle-a.yaml:2:10: extends: the base pack ./cycle-b.yaml has problems (above)',
    ]);
  });

  it('a missing base is a clear error at the extends line', () => {
    expect(problems(fixture('packs', 'extends', 'missing-base.yaml'))[0]).toMatch(/^missing-base\.yaml:2:10: extends: cannot find the base pack "\.\/no-such-pack\.yaml"/);
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
      return problems(file).join('\n');
    };
    expect(pack('/etc/passwd')).toMatch(/extends takes a rule pack file \(\.yaml, \.yml or \.json\), or "default"/);
    for (const base of ['./secret.yaml', './broken.yaml']) {
      const out = pack(base);
      expect(out).toMatch(/not a fire-check rule pack \(no "format" field at the top\)/);
      expect(out).not.toMatch(/password|hunter2|api_key|abc123/);
    }
  });

  it('reports problems in the extending file at their own positions', () => {
    expect(problems(fixture('packs', 'extends', 'broken-overrides.yaml'))).toEqual([
      'broken-overrides.yaml:7:5: questions[0](pays_late).wieght: unknown field "wieght" (did you mean "weight"?); allowed here: id, category, kind, label, text, help, weight, floors, askIf, min, max, unit, bands, talkingPoint, sources',
    ]);
  });

  it('disabling a question that rules still use names them', () => {
    expect(problems(fixture('packs', 'extends', 'still-used.yaml'))).toEqual([
      'still-used.yaml:6:15: disable.questions[0]: "unprofitable" is still used by rule raised-and-persisting, rule draining-and-unprofitable, step repair-unprofitable; disable or change those too',
    ]);
  });

  it('a new question is validated like any other, at its place in the file', () => {
    expect(problems(fixture('packs', 'extends', 'new-question-bad-category.yaml'))).toEqual([
      'new-question-bad-category.yaml:7:15: questions[0](brand_new).category: unknown category "mony" (did you mean "money"?); categories: money, scope, conduct, time, collaboration, fit, context',
    ]);
  });
});

it('reports merge problems together: disabled-and-changed, unknown ids to disable', () => {
  expect(problems(fixture('packs', 'extends', 'merge-problems.yaml'))).toEqual([
    'merge-problems.yaml:15:11: disable.steps[0]: cannot disable "reward-yourselves": the base pack has no such step (did you mean "reward-yourself"?)',
    'merge-problems.yaml:6:9: questions[0](pays_late).id: "pays_late" is both disabled and changed; do one or the other',
    'merge-problems.yaml:14:29: disable.questions[1]: "pays_late" is still used by rule raised-and-persisting, rule late-and-underpaid, step repair-pays_late; disable or change those too',
      'merge-problems.yaml:14:15: disable.questions[0]: "self_centred" is still used by rule raised-and-persisting, step repair-self_centred; disable or change those too',
  ]);
});
