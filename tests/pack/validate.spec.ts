import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackFile, checkPackSource, formatProblem, loadPack } from '../../src/pack/load.js';
import { validatePack } from '../../src/pack/validate.js';
import { FireCheckError } from '../../src/errors.js';
import { fixture, rawDefaultPack } from '../helpers/packs.js';
import { packFiles } from '../../src/cli/pack-files.js';

const problemsOf = (file: string) => {
  const result = checkPackFile(file, packFiles());
  if (result.ok) throw new Error(`${file} was expected to fail`);
  return result.problems.map((p) => formatProblem({ ...p, file: 'F' }));
};

describe('pack files: every problem at once, as file:line:col', () => {
  it('reports schema problems in YAML with their positions', () => {
    expect(problemsOf(fixture('packs', 'typo.yaml'))).toEqual([
      'F:13:5: questions[0](pays_late).wieght: unknown field "wieght" (did you mean "weight"?); allowed here: id, category, kind, label, text, help, weight, floors, askIf, min, max, unit, bands, talkingPoint, sources',
      'F:16:11: questions[1](haggles).kind: Invalid option: expected one of "bool"|"freq"|"scale"|"number"',
      'F:19:13: questions[1](haggles).weight: weight must not be negative',
    ]);
  });

  it('reports meaning problems in JSON with their positions', () => {
    expect(problemsOf(fixture('packs', 'meaning.json'))).toEqual([
      'F:9:13: questions[1](pays_late).id: duplicate question id "pays_late" (first defined at questions[0])',
      'F:12:65: rules[0](r1).when.atLeast: "very often" is not a value of "pays_late"; allowed: never, rarely, sometimes, often, always',
      'F:16:33: scoring.bands[1].from: scores from 30 to 40 fall in no band; band fix should start at 30',
      'F:17:44: scoring.bands[2].to: the highest band ends at 90; it must reach 100',
    ]);
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
const meaningCases: [string, Mutate, string, string][] = [
  ['unknown category', (p) => { p.questions[0].category = 'mony'; }, 'questions.0.category', 'unknown category "mony" (did you mean "money"?)'],
  ['condition naming an unknown question', (p) => { p.rules[0].when.all[1].any[0].question = 'pays_lat'; }, 'rules.0.when.all.1.any.0.question', 'unknown question "pays_lat" (did you mean "pays_late"?)'],
  ['a value the question cannot take', (p) => { p.rules[0].when.all[1].any[0].atLeast = 'usually'; }, 'rules.0.when.all.1.any.0.atLeast', '"usually" is not a value of "pays_late"'],
  ['atLeast on a yes/no question', (p) => { p.rules[1].when.all[0] = { question: 'abuse', atLeast: 'often' }; }, 'rules.1.when.all.0.atLeast', 'does not apply to yes/no question "abuse"'],
  ['two operators in one condition', (p) => { p.rules[1].when.all[0].atMost = 'never'; }, 'rules.1.when.all.0', 'exactly one of is, atLeast, atMost'],
  ['a condition with no head', (p) => { p.rules[1].when = {}; }, 'rules.1.when', 'needs one of: all, any, not, question'],
  ['a rule that rewards a better answer', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', atMost: 'rarely' }; }, 'rules.1.when.all.0', 'could fire on its best answer or a better one'],
  ['a rule that fires on the best answer', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', atLeast: 'never' }; }, 'rules.1.when.all.0', 'could fire on its best answer'],
  ['a rule that looks at a signal inside "not" (it would fire on "Not sure")', (p) => { p.rules[1].when.all[0] = { not: { question: 'pays_late', atMost: 'rarely' } }; }, 'rules.1.when.all.0.not', 'inside "not" would fire on "Not sure"'],
  ['a rule that asks whether a signal was answered (a "No" would add)', (p) => { p.rules[1].when.all[0] = { question: 'pays_late', answered: true }; }, 'rules.1.when.all.0', 'could fire on its best answer'],
  ['askIf on a later question', (p) => { p.questions[0].askIf = { question: 'raised_issue', is: 'yes' }; }, 'questions.0.askIf.question', 'asked before "pays_late"'],
  ['askIf on a signal', (p) => { p.questions[1].askIf = { question: 'pays_late', atLeast: 'often' }; }, 'questions.1.askIf.question', 'may only refer to context questions'],
  ['overlapping verdict bands', (p) => { p.scoring.bands[1].from = 5; }, 'scoring.bands.1.from', 'overlaps band keep'],
  ['a missing verdict band', (p) => { p.scoring.bands.pop(); }, 'scoring.bands', 'no band for verdict "fire"'],
  ['bands in the wrong order', (p) => { p.scoring.bands = [{ verdict: 'fix', from: 0, to: 10 }, { verdict: 'keep', from: 10, to: 40 }, { verdict: 'fire', from: 40, to: 100 }]; }, 'scoring.bands.1.verdict', 'milder verdict'],
  ['a step naming an unknown placeholder', (p) => { p.steps[0].text = 'Hello {clint}'; }, 'steps.0.text', 'unknown placeholder {clint} (did you mean "client"?)'],
  ['a duplicate step id', (p) => { p.steps[1].id = p.steps[0].id; }, 'steps.1.id', 'duplicate step id'],
  ['a floor on a context question', (p) => { p.questions.find((x: any) => x.id === 'contract_active').floors = [{ atLeast: 'yes', verdict: 'fix' }]; }, 'questions.', 'only signals (weight above 0) take floors'],
  ['a floor from the best answer', (p) => { p.questions[0].floors = [{ atLeast: 'never', verdict: 'fix' }]; }, 'questions.0.floors.0.atLeast', "would count \"pays_late\"'s best answer (no trouble) as a problem"],
  ['a floor from a value the question cannot take', (p) => { p.questions[0].floors = [{ atLeast: 'usually', verdict: 'fix' }]; }, 'questions.0.floors.0.atLeast', '"usually" is not a value of "pays_late"'],
  ['a floor to a verdict that is not one', (p) => { p.questions[0].floors = [{ atLeast: 'often', verdict: 'keep' }]; }, 'questions.0.floors.0.verdict', 'expected one of'],
  ['the old hardStop field', (p) => { p.questions[0].hardStop = true; }, 'questions.0.hardStop', 'unknown field "hardStop"'],
  ['a format 1 pack', (p) => { p.format = 1; }, 'format', 'format 1 packs scored an average and are no longer read'],
  ['min/max on a yes/no question', (p) => { p.questions[1].min = 0; }, 'questions.1.min', 'only for number questions'],
  ['a weighted number question without bands', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 2; }, 'questions.', 'needs bands'],
  ['a negative weight', (p) => { p.questions[0].weight = -2; }, 'questions.0.weight', 'must not be negative'],
  ['number bands with a gap between them', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 10; q.bands = [{ min: 0, max: 29, points: 0 }, { min: 40, max: 100, points: 10 }]; }, 'questions.', 'fall between band 0..29 and band 40..100; start this band at 30'],
  ['number bands that give fewer points for a larger number', (p) => { const q = p.questions.find((x: any) => x.id === 'income_share'); q.weight = 10; q.bands = [{ min: 0, max: 49, points: 10 }, { min: 50, max: 100, points: 0 }]; }, 'questions.', 'a larger number must never give fewer points'],
  ['a step for an unknown verdict', (p) => { p.steps[0].verdicts = ['sack']; }, 'steps.0.verdicts.0', 'expected one of'],
];

describe('validatePack: meaning checks (table)', () => {
  it.each(meaningCases)('%s', (_name, mutate, path, message) => {
    const raw = rawDefaultPack();
    mutate(raw);
    const result = validatePack(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.problems.find((p) => p.path.join('.').startsWith(path) && p.message.includes(message));
    expect(hit, JSON.stringify(result.problems, null, 1)).toBeDefined();
  });
});

describe('safety of loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fire-check-packs-'));
  const check = (name: string, source: string) => {
    const result = checkPackSource(source, name);
    if (result.ok) throw new Error('expected failure');
    return result.problems.map((p) => p.message).join('\n');
  };

  it('refuses an alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    expect(check('bomb.yaml', lines.join('\n'))).toMatch(/alias/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses custom tags such as !!js/function', () => {
    expect(check('tag.yaml', 'format: 1\nid: !!js/function "function () { return 1 }"\n')).toMatch(/custom tags are not allowed/);
  });

  it('refuses duplicate keys', () => {
    expect(check('dup.yaml', 'format: 1\nformat: 1\n')).toMatch(/duplicate key/);
  });

  it('refuses deep nesting before parsing it', () => {
    expect(check('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`)).toMatch(/nesting is deeper than/);
  });

  it('refuses a file over 1 MiB without reading it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
    const result = checkPackFile(big, packFiles());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/at most 1048576 bytes/);
  });

  it('names a missing file', () => {
    const result = checkPackFile(join(dir, 'nope.yaml'), packFiles());
    expect(result.ok ? '' : result.problems[0]?.message).toBe('no such file');
  });
});
