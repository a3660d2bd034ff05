import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackFile, checkPackSource, formatProblem, loadPack } from '../../src/pack/load.js';
import { validatePack } from '../../src/pack/validate.js';
import { FireCheckError } from '../../src/errors.js';
import type { PackProblemCode } from '../../src/pack/codes.js';
import { fixture, rawDefaultPack } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const problemsOf = (file: string) => {
  const result = checkPackFile(file, packFiles());
  if (result.ok) throw new Error(`${file} was expected to fail`);
  return result.problems;
};
/** Which check found each problem, and where: `line:col path code`. */
const found = (file: string) => problemsOf(file).map((p) => `${p.line}:${p.column} ${p.path} ${p.code}`);

describe('pack files: every problem at once, as file:line:col', () => {
  it('reports schema problems in YAML with their positions', () => {
    expect(found(fixture('packs', 'typo.yaml'))).toEqual([
      '13:5 questions[0](pays_late).wieght pack/unknown-key',
      '16:11 questions[1](haggles).kind pack/not-an-option',
      '19:13 questions[1](haggles).weight pack/out-of-range',
    ]);
  });

  it('says each as file:line:col: path: message, naming what is allowed instead', () => {
    expect(problemsOf(fixture('packs', 'typo.yaml')).map((p) => formatProblem({ ...p, file: 'F' }))).toEqual([
      'F:13:5: questions[0](pays_late).wieght: unknown field "wieght" (did you mean "weight"?); allowed here: id, category, kind, label, text, help, weight, floors, askIf, min, max, unit, money, bands, talkingPoint, sources',
      'F:16:11: questions[1](haggles).kind: Invalid option: expected one of "bool"|"freq"|"scale"|"number"',
      'F:19:13: questions[1](haggles).weight: weight must not be negative',
    ]);
  });

  it('reports meaning problems in JSON with their positions', () => {
    expect(found(fixture('packs', 'meaning.json'))).toEqual([
      '9:13 questions[1](pays_late).id pack/duplicate-id',
      '12:65 rules[0](r1).when.atLeast pack/not-a-value',
      '16:33 scoring.bands[1].from pack/verdict-band-gap',
      '17:44 scoring.bands[2].to pack/verdict-band-coverage',
    ]);
  });

  it('a format 1 pack is told how to move to format 2', () => {
    const raw = { ...rawDefaultPack(), format: 1 };
    const result = validatePack(raw);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([expect.stringMatching(/^pack\/format: format 1 packs scored an average .*Set "format: 2"/)]);
  });

  it('the default pack is valid', () => {
    expect(validatePack(rawDefaultPack()).ok).toBe(true);
  });

  it('loadPack throws one FireCheckError carrying every problem', () => {
    try {
      loadPack(fixture('packs', 'typo.yaml'), packFiles());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FireCheckError);
      expect((error as FireCheckError).exitCode).toBe(2);
      expect((error as FireCheckError).details).toHaveLength(3);
    }
  });
});

type Mutate = (pack: Record<string, any>) => void;
const meaningCases: [string, Mutate, string, PackProblemCode][] = [
  ['unknown category', (p) => { p.questions[0].category = 'mony'; }, 'questions.0.category', 'pack/unknown-category'],
  ['condition naming an unknown question', (p) => { p.rules[0].when.all[1].any[0].question = 'pays_lat'; }, 'rules.0.when.all.1.any.0.question', 'pack/unknown-question'],
  ['a value the question cannot take', (p) => { p.rules[0].when.all[1].any[0].atLeast = 'usually'; }, 'rules.0.when.all.1.any.0.atLeast', 'pack/not-a-value'],
  ['atLeast on a yes/no question', (p) => { p.rules[1].when.all[0] = { question: 'abuse', atLeast: 'often' }; }, 'rules.1.when.all.0.atLeast', 'pack/operator-not-for-kind'],
  ['two operators in one condition', (p) => { p.rules[1].when.all[0].atMost = 'never'; }, 'rules.1.when.all.0', 'pack/operator-count'],
  ['a condition with no head', (p) => { p.rules[1].when = {}; }, 'rules.1.when', 'pack/condition-head'],
  ['a rule that rewards a better answer', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', atMost: 'rarely' }; }, 'rules.1.when.all.0', 'pack/rule-fires-on-best'],
  ['a rule that fires on the best answer', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', atLeast: 'never' }; }, 'rules.1.when.all.0', 'pack/rule-fires-on-best'],
  ['a rule that looks at a signal inside "not" (it would fire on "Not sure")', (p) => { p.rules[1].when.all[0] = { not: { question: 'pays_late', atMost: 'rarely' } }; }, 'rules.1.when.all.0.not', 'pack/rule-signal-in-not'],
  ['a rule that asks whether a signal was answered (a "No" would add)', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', answered: true }; }, 'rules.1.when.all.0', 'pack/rule-fires-on-best'],
  ['askIf on a later question', (p) => { p.questions[0].askIf = { question: 'raised_issue', is: 'yes' }; }, 'questions.0.askIf.question', 'pack/askif-not-earlier'],
  ['askIf on a signal', (p) => { p.questions[1].askIf = { question: 'pays_late', atLeast: 'often' }; }, 'questions.1.askIf.question', 'pack/askif-on-signal'],
  ['overlapping verdict bands', (p) => { p.scoring.bands[1].from = 5; }, 'scoring.bands.1.from', 'pack/verdict-band-overlap'],
  ['a missing verdict band', (p) => { p.scoring.bands.pop(); }, 'scoring.bands', 'pack/verdict-band-missing'],
  ['bands in the wrong order', (p) => { p.scoring.bands = [{ verdict: 'fix', from: 0, to: 10 }, { verdict: 'keep', from: 10, to: 40 }, { verdict: 'fire', from: 40, to: 100 }]; }, 'scoring.bands.1.verdict', 'pack/verdict-band-order'],
  ['a step naming an unknown placeholder', (p) => { p.steps[0].text = 'Hello {clint}'; }, 'steps.0.text', 'pack/unknown-placeholder'],
  ['a duplicate step id', (p) => { p.steps[1].id = p.steps[0].id; }, 'steps.1.id', 'pack/duplicate-id'],
  ['a floor on a context question', (p) => { p.questions.find((x: any) => x.id === 'contract_active').floors = [{ atLeast: 'yes', verdict: 'fix' }]; }, 'questions.', 'pack/floor-on-context'],
  ['a floor from the best answer', (p) => { p.questions[0].floors = [{ atLeast: 'never', verdict: 'fix' }]; }, 'questions.0.floors.0.atLeast', 'pack/floor-at-best'],
  ['a floor from a value the question cannot take', (p) => { p.questions[0].floors = [{ atLeast: 'usually', verdict: 'fix' }]; }, 'questions.0.floors.0.atLeast', 'pack/not-a-value'],
  ['a floor to a verdict that is not one', (p) => { p.questions[0].floors = [{ atLeast: 'often', verdict: 'keep' }]; }, 'questions.0.floors.0.verdict', 'pack/not-an-option'],
  ['the old hardStop field', (p) => { p.questions[0].hardStop = true; }, 'questions.0.hardStop', 'pack/unknown-key'],
  ['a format 1 pack', (p) => { p.format = 1; }, 'format', 'pack/format'],
  ['min/max on a yes/no question', (p) => { p.questions[1].min = 0; }, 'questions.1.min', 'pack/number-only-field'],
  ['a weighted number question without bands', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 2; }, 'questions.', 'pack/bands-missing'],
  ['a negative weight', (p) => { p.questions[0].weight = -2; }, 'questions.0.weight', 'pack/out-of-range'],
  ['number bands with a gap between them', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 10; q.bands = [{ min: 0, max: 29, points: 0 }, { min: 40, max: 100, points: 10 }]; }, 'questions.', 'pack/band-gap'],
  ['number bands that give fewer points for a larger number', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 10; q.bands = [{ min: 0, max: 49, points: 10 }, { min: 50, max: 100, points: 0 }]; }, 'questions.', 'pack/band-points-decrease'],
  ['a step for an unknown verdict', (p) => { p.steps[0].verdicts = ['sack']; }, 'steps.0.verdicts.0', 'pack/not-an-option'],
];

describe('validatePack: meaning checks (table)', () => {
  it.each(meaningCases)('%s', (_name, mutate, path, code) => {
    const raw = rawDefaultPack();
    mutate(raw);
    const result = validatePack(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.problems.find((p) => p.path.join('.').startsWith(path) && p.code === code);
    expect(hit, JSON.stringify(result.problems, null, 1)).toBeDefined();
  });
});

describe('safety of loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fire-check-packs-'));
  const check = (name: string, source: string) => {
    const result = checkPackSource(source, name);
    if (result.ok) throw new Error('expected failure');
    return result.problems.map((p) => p.code);
  };

  it('refuses an alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    expect(check('bomb.yaml', lines.join('\n'))).toEqual(['pack/alias-limit']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses custom tags such as !!js/function', () => {
    expect(check('tag.yaml', 'format: 1\nid: !!js/function "function () { return 1 }"\n')).toContain('pack/custom-tag');
  });

  it('refuses duplicate keys', () => {
    expect(check('dup.yaml', 'format: 1\nformat: 1\n')).toEqual(['pack/duplicate-key']);
  });

  it('refuses deep nesting before parsing it', () => {
    expect(check('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual(['pack/too-deep']);
  });

  it('refuses a file over 1 MiB without reading it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
    const result = checkPackFile(big, packFiles());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['pack/too-large']);
  });

  it('names a missing file', () => {
    const result = checkPackFile(join(dir, 'nope.yaml'), packFiles());
    expect(result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: 'F' }))).toEqual(['F:1:1: no such file']);
  });
});
