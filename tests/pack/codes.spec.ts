import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { packFiles } from '../../src/cli/pack-files.js';
import { PACK_PROBLEMS, type PackProblemCode } from '../../src/pack/codes.js';
import { checkPackFile, checkPackSource, checkTranslationFile } from '../../src/pack/load.js';
import type { PackReader, ReadProblem } from '../../src/pack/reader.js';
import { validatePack } from '../../src/pack/validate.js';
import { defaultPack, rawDefaultPack, root } from '../helpers/packs.js';

/** Files held in a map (paths under /p/), and the disk for anything else (the default pack in development). */
function mapReader(files: Record<string, string | ReadProblem>): PackReader {
  const disk = packFiles();
  return {
    read: (file) => (file.startsWith('/p/') ? (files[file] ?? { reason: 'missing' }) : disk.read(file)),
    resolve: (from, name) => posix.resolve(posix.dirname(from), name),
    realPath: (file) => (file.startsWith('/p/') ? (file in files ? file : undefined) : disk.realPath(file)),
  };
}

const codes = (result: { ok: boolean; problems?: { code: PackProblemCode }[] }) => (result.ok ? [] : (result.problems ?? []).map((p) => p.code));

/** The default pack with one thing broken, validated. */
const pack = (mutate: (p: Record<string, any>) => void) => () => {
  const raw = rawDefaultPack();
  mutate(raw);
  return codes(validatePack(raw));
};
/** Pack text, with other files beside it. */
const source = (text: string, files: Record<string, string> = {}) => () => codes(checkPackSource(text, '/p/main.yaml', mapReader(files)));
/** A pack file that a reader could not give. */
const unread = (problem: ReadProblem) => () => codes(checkPackFile('/p/main.yaml', mapReader({ '/p/main.yaml': problem })));
/** An extending pack, with its base packs. */
const extending = (overlay: Record<string, unknown>, files: Record<string, string> = {}) =>
  source(stringify({ format: 2, id: 'mine', version: '1.0.0', extends: 'default', ...overlay }), files);
/** A translation of the default pack. */
const translation = (overlay: Record<string, unknown>) => () =>
  codes(checkTranslationFile('/p/main.it.yaml', defaultPack(), mapReader({ '/p/main.it.yaml': stringify({ format: 1, lang: 'it', ...overlay }) })));

const question = (p: Record<string, any>, id: string) => p.questions.find((q: { id: string }) => q.id === id);
const banded = (bands: object[]) => (p: Record<string, any>) => Object.assign(question(p, 'income_share'), { weight: 10, bands });
const aBase = stringify({ format: 2, id: 'base', version: '1.0.0', extends: 'default' });

// One way to bring on each problem: every check, by the code it reports.
const cases: [PackProblemCode, () => PackProblemCode[]][] = [
  ['pack/file-missing', unread({ reason: 'missing' })],
  ['pack/not-a-file', unread({ reason: 'not-a-file' })],
  ['pack/unreadable', unread({ reason: 'unreadable', detail: 'EACCES' })],
  ['pack/too-large', unread({ reason: 'too-large', bytes: 2e6 })],
  ['pack/not-utf8', unread({ reason: 'not-utf8', line: 3, column: 9 })],
  ['pack/syntax', source('format: 2\nid: [oops\n')],
  ['pack/duplicate-key', source('format: 2\nformat: 2\n')],
  ['pack/custom-tag', source('format: 2\nid: !!js/function "function () {}"\n')],
  ['pack/alias-limit', source(`a: &a [${Array(10).fill('x').join(',')}]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n')}\n`)],
  ['pack/too-deep', source(`${'['.repeat(100)}${']'.repeat(100)}`)],
  ['pack/format', pack((p) => { p.format = 3; })],
  ['pack/unknown-key', pack((p) => { p.questions[0].wieght = 3; })],
  ['pack/missing-field', pack((p) => { delete p.name; })],
  ['pack/wrong-type', pack((p) => { p.name = ['a', 'list']; })],
  ['pack/not-an-option', pack((p) => { p.questions[0].kind = 'text'; })],
  ['pack/out-of-range', pack((p) => { p.questions[0].weight = -1; })],
  ['pack/empty', pack((p) => { p.questions[0].label = ' '; })],
  ['pack/bad-pattern', pack((p) => { p.questions[0].id = 'Pays Late'; })],
  ['pack/duplicate-id', pack((p) => { p.rules[1].id = p.rules[0].id; })],
  ['pack/id-clash', pack((p) => { p.rules[0].id = p.questions[0].id; })],
  ['pack/unknown-category', pack((p) => { p.questions[0].category = 'mony'; })],
  ['pack/unknown-question', pack((p) => { p.rules[0].when = { question: 'pays_lat', atLeast: 'often' }; })],
  ['pack/unknown-placeholder', pack((p) => { p.steps[0].text = 'Hello {clint}'; })],
  ['pack/no-signal', pack((p) => { for (const q of p.questions) { q.weight = 0; delete q.floors; } p.rules = []; })],
  ['pack/number-only-field', pack((p) => { p.questions[0].unit = 'days'; })],
  ['pack/min-above-max', pack((p) => { Object.assign(question(p, 'income_share'), { min: 50, max: 10 }); })],
  ['pack/bands-missing', pack((p) => { question(p, 'income_share').weight = 2; })],
  ['pack/band-inverted', pack(banded([{ min: 0, max: 100, points: 0 }, { min: 101, max: 99, points: 10 }]))],
  ['pack/band-points-above-weight', pack(banded([{ min: 0, max: 100, points: 11 }]))],
  ['pack/band-overlap', pack(banded([{ min: 0, max: 50, points: 0 }, { min: 50, max: 100, points: 10 }]))],
  ['pack/band-gap', pack(banded([{ min: 0, max: 29, points: 0 }, { min: 40, max: 100, points: 10 }]))],
  ['pack/band-points-decrease', pack(banded([{ min: 0, max: 49, points: 10 }, { min: 50, max: 100, points: 0 }]))],
  ['pack/band-coverage', pack(banded([{ min: 10, max: 100, points: 10 }]))],
  ['pack/floor-on-context', pack((p) => { question(p, 'contract_active').floors = [{ atLeast: 'yes', verdict: 'fix' }]; })],
  ['pack/floor-at-best', pack((p) => { p.questions[0].floors = [{ atLeast: 'never', verdict: 'fix' }]; })],
  ['pack/askif-not-earlier', pack((p) => { p.questions[0].askIf = { question: 'raised_issue', is: 'yes' }; })],
  ['pack/askif-on-signal', pack((p) => { p.questions[1].askIf = { question: 'pays_late', atLeast: 'often' }; })],
  ['pack/condition-head', pack((p) => { p.rules[0].when = {}; })],
  ['pack/operator-misplaced', pack((p) => { p.rules[0].when = { all: [{ question: 'abuse', is: 'yes' }], is: 'yes' }; })],
  ['pack/operator-count', pack((p) => { p.rules[0].when = { question: 'pays_late', atLeast: 'often', atMost: 'always' }; })],
  ['pack/operator-not-for-kind', pack((p) => { p.rules[0].when = { question: 'pays_late', above: 2 }; })],
  ['pack/not-a-value', pack((p) => { p.rules[0].when = { question: 'pays_late', atLeast: 'usually' }; })],
  ['pack/outside-scale', pack((p) => { p.rules[0].when = { question: 'underpays', atLeast: 7 }; })],
  ['pack/rule-signal-in-not', pack((p) => { p.rules[0].when = { not: { question: 'pays_late', atMost: 'rarely' } }; })],
  ['pack/rule-fires-on-best', pack((p) => { p.rules[0].when = { question: 'pays_late', atMost: 'rarely' }; })],
  ['pack/verdict-band-missing', pack((p) => { p.scoring.bands = p.scoring.bands.filter((b: { verdict: string }) => b.verdict !== 'fire'); })],
  ['pack/verdict-band-repeated', pack((p) => { p.scoring.bands.push({ ...p.scoring.bands[0] }); })],
  ['pack/verdict-band-inverted', pack((p) => { p.scoring.bands = [{ verdict: 'keep', from: 0, to: 20 }, { verdict: 'fix', from: 20, to: 20 }, { verdict: 'fire', from: 20, to: 100 }]; })],
  ['pack/verdict-band-overlap', pack((p) => { p.scoring.bands[1].from = 5; })],
  ['pack/verdict-band-gap', pack((p) => { p.scoring.bands = [{ verdict: 'keep', from: 0, to: 20 }, { verdict: 'fix', from: 30, to: 60 }, { verdict: 'fire', from: 60, to: 100 }]; })],
  ['pack/verdict-band-order', pack((p) => { p.scoring.bands = [{ verdict: 'fix', from: 0, to: 10 }, { verdict: 'keep', from: 10, to: 40 }, { verdict: 'fire', from: 40, to: 100 }]; })],
  ['pack/verdict-band-coverage', pack((p) => { p.scoring.bands = [{ verdict: 'keep', from: 0, to: 20 }, { verdict: 'fix', from: 20, to: 60 }, { verdict: 'fire', from: 60, to: 90 }]; })],
  ['pack/not-a-pack', extending({ extends: './notes.yaml' }, { '/p/notes.yaml': 'shopping: [milk]\n' })],
  ['pack/extends-not-a-pack-file', extending({ extends: './notes.txt' })],
  ['pack/extends-missing', extending({ extends: './gone.yaml' })],
  ['pack/extends-cycle', extending({ extends: './main.yaml' }, { '/p/main.yaml': '' })],
  ['pack/extends-base-invalid', extending({ extends: './base.yaml' }, { '/p/base.yaml': `${aBase}questions: [{ id: pays_late, wieght: 3 }]\n` })],
  ['pack/disable-unknown', extending({ disable: { steps: ['reward-yourselves'] } })],
  ['pack/disabled-and-changed', extending({ disable: { questions: ['dread'] }, questions: [{ id: 'dread', weight: 3 }] })],
  ['pack/listed-twice', extending({ questions: [{ id: 'dread', weight: 3 }, { id: 'dread', weight: 4 }] })],
  ['pack/disabled-still-used', extending({ disable: { questions: ['pays_late'] } })],
  ['pack/translation-unknown-id', translation({ questions: { pays_lat: { label: 'Paga in ritardo' } } })],
  ['pack/translation-no-text', translation({ questions: { [defaultPack().questions.find((q) => q.help === undefined)!.id]: { help: 'Aiuto' } } })],
  ['pack/translation-placeholders', translation({ steps: { 'raise-it': 'Dillo al cliente, una volta.' } })],
  ['pack/translation-optional-part', translation({ steps: { 'read-contract': 'Rileggi il contratto con {client}: la clausola di recesso ({notice_days} giorni).' } })],
];

// Zod issues our schema cannot raise today (a refine, say), given a code so that one added later has one.
const NOT_RAISED_TODAY: PackProblemCode[] = ['pack/invalid-value'];

describe('problem codes: each check reports its own', () => {
  it.each(cases)('%s', (code, bring) => {
    expect(bring()).toContain(code);
  });

  it('every code in the table has a case above, and the table has no code the cases do not know', () => {
    const covered = new Set([...cases.map(([code]) => code), ...NOT_RAISED_TODAY]);
    expect(Object.keys(PACK_PROBLEMS).filter((code) => !covered.has(code as PackProblemCode))).toEqual([]);
  });
});

it('docs/rule-packs.md lists every problem code with its meaning, as the table in src/pack/codes.ts has them', () => {
  const doc = readFileSync(`${root}docs/rule-packs.md`, 'utf8');
  const section = doc.slice(doc.indexOf('## Problem codes'));
  const rows = [...section.matchAll(/^\| `(pack\/[a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
  expect(rows).toEqual(Object.entries(PACK_PROBLEMS));
});
