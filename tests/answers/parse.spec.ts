import { describe, expect, it } from 'vitest';
import { answersTemplate, checkAnswerObject, normaliseAnswer, parseAnswers, parseJson } from '../../src/answers/parse.js';
import { questionOrder } from '../../src/engine/evaluate.js';
import { FireCheckError } from '../../src/errors.js';
import { prepare } from '../../src/engine/prepare.js';
import { defaultPack, preparedDefault } from '../helpers/packs.js';

const pack = defaultPack();
const prepared = preparedDefault();
const q = (id: string) => pack.questions.find((x) => x.id === id)!;

describe('normaliseAnswer', () => {
  it.each([
    ['abuse', true, true],
    ['abuse', 'yes', true],
    ['abuse', 'No', false],
    ['abuse', null, null],
    ['abuse', 'unsure', null],
    ['abuse', 'not sure', null],
    ['pays_late', 'Often', 'often'],
    ['underpays', 3, 3],
    ['underpays', '4', 4],
    ['income_share', 40, 40],
    ['income_share', '12.5', 12.5],
  ])('%s ← %j is %j', (id, raw, expected) => {
    expect(normaliseAnswer(q(id), raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abuse', 'maybe', 'allowed: yes, no'],
    ['abuse', 1, 'allowed: yes, no'],
    ['pays_late', 'usually', 'allowed: never, rarely, sometimes, often, always'],
    ['pays_late', 3, 'allowed: never'],
    ['pays_late', true, 'allowed: never'],
    ['underpays', 0, 'outside the scale'],
    ['underpays', 2.5, 'outside the scale'],
    ['income_share', 101, 'above the maximum 100'],
    ['income_share', -1, 'below the minimum 0'],
    ['income_share', 'lots', 'allowed: a number from 0 to 100'],
    ['income_share', [], 'allowed: a number'],
  ])('%s ← %j is refused (%s)', (id, raw, message) => {
    const result = normaliseAnswer(q(id), raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('checkAnswerObject', () => {
  it('accepts the documented shape and trims the client name', () => {
    const result = checkAnswerObject({ client: ' Acme ', answers: { pays_late: 'often', abuse: false, income_share: 40 } }, prepared);
    expect(result).toEqual({ ok: true, set: { client: 'Acme', answers: { pays_late: 'often', abuse: false, income_share: 40 } } });
  });

  it('reports every problem at once, naming ids and suggesting the nearest', () => {
    const result = checkAnswerObject({ answerz: {}, client: 7, answers: { pays_lat: 'often', abuse: 'maybe' } }, prepared);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { where: '"answerz"', code: 'answers/unknown-key', message: 'unknown top-level key (did you mean "answers"?); allowed: client, answers' },
      { where: 'client', code: 'answers/bad-client', message: "must be a string (the client's name) or null" },
      { where: 'answers.pays_lat', code: 'answers/unknown-id', message: 'unknown question id (did you mean "pays_late"?); run `fire-check questions` for the list' },
      { where: 'answers.abuse', code: 'answers/not-allowed', message: '"maybe" is not allowed; allowed: yes, no (or true, false), or null / "unsure" for not sure' },
    ]);
  });

  it.each([
    [[1, 2], 'answers/not-object', 'got an array'],
    ['text', 'answers/not-object', 'got "text"'],
    [null, 'answers/not-object', 'got null'],
    [{ client: 'x' }, 'answers/missing-answers', 'answers: missing'],
    [{ answers: [] }, 'answers/bad-answers', 'must be an object'],
    [{ answers: { scope_creep: 'daily' } }, 'answers/not-allowed', 'allowed: never, rarely'],
    [{ answers: { underpays: 7 } }, 'answers/outside-scale', 'outside the scale'],
    [{ answers: { income_share: -1 } }, 'answers/below-min', 'below the minimum'],
    [{ answers: { income_share: 101 } }, 'answers/above-max', 'above the maximum'],
  ])('refuses %j: %s', (data, code, message) => {
    const result = checkAnswerObject(data, prepared);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    expect(result.problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toContain(message);
  });

  it.each([
    ['0x10', false],
    ['1e3', false],
    ['Infinity', false],
    ['12,5', false],
    [' 30 ', true],
    ['30', true],
    ['12.5', true],
  ])('a number written as the string %j is %s', (text, ok) => {
    const result = checkAnswerObject({ answers: { notice_days: text } }, prepared);
    expect(result.ok).toBe(ok);
  });

  it.each([
    ['{"answers": {"abuse": "yes", "pays_late": "often", "abuse": "no"}}', 'answers.abuse', '"abuse" is given twice'],
    ['{"client": "A", "client": "B", "answers": {}}', 'client', '"client" is given twice'],
    ['{"answers": {"a\\"b:": 1, "a\\"b:": 2}}', 'answers.a"b:', '"a\\"b:" is given twice'],
  ])('a key given twice is an error, never a silent last-wins: %s', (text, where, message) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ where, message: expect.stringContaining(message) });
  });

  it('lists so many problems, counts the rest, and echoes input cut short', () => {
    const answers: Record<string, unknown> = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`nope_${i}`, 'often']));
    answers['x'.repeat(10_000)] = 'often';
    answers.pays_late = 'y'.repeat(10_000);
    const result = checkAnswerObject({ answers }, prepared);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(21);
    expect(result.problems.at(-1)).toMatchObject({ where: 'answers', message: 'and 4,982 more problems', omitted: 4982 });
    for (const p of result.problems) expect(`${p.where}: ${p.message}`.length).toBeLessThan(300);
  });

  it('colons inside strings are not keys: no false alarm', () => {
    const result = parseJson('{"client": "Acme: Ltd: \\"x:y\\"", "answers": {"pays_late": "often", "notes": ["a:b", {"k": "v:w"}]}}');
    expect(result.ok).toBe(true);
  });

  it('never merges __proto__ into objects', () => {
    const data = JSON.parse('{"answers": {"__proto__": {"polluted": true}, "pays_late": "often"}}');
    const result = checkAnswerObject(data, prepared);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.where).toBe('answers.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('brings every value to canonical form, whether the others needed it or not', () => {
    const result = checkAnswerObject({ answers: { abuse: false, pays_late: 'Often', underpays: '3', dread: 'unsure', scope_creep: 'never' } }, prepared);
    expect(result).toEqual({ ok: true, set: { answers: { abuse: false, pays_late: 'often', underpays: 3, dread: null, scope_creep: 'never' } } });
  });

  it('keeps answers apart from what plain objects inherit, when a question id is such a name', () => {
    const constructor = { ...q('dread'), id: 'constructor' };
    const shadowing = { ...pack, questions: [...pack.questions, constructor] };
    const result = checkAnswerObject({ answers: { pays_late: 'often' } }, prepare(shadowing));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.set.answers.constructor).toBeUndefined();
  });
});

describe('parseJson', () => {
  it('reports a syntax error with line and column', () => {
    const result = parseJson('{\n  "answers": {\n    "pays_late" "often"\n  }\n}');
    expect(result).toMatchObject({ ok: false, problem: { where: 'line 3, column 17' } });
  });
  it('says an empty input is empty', () => {
    expect(parseJson('  \n')).toMatchObject({ ok: false, problem: { where: 'input', message: expect.stringContaining('is empty') } });
  });
});

it('parseAnswers throws a FireCheckError (exit 2) naming the source', () => {
  expect(() => parseAnswers('{"answers": {"nope": 1}}', prepared, 'mine.json')).toThrow(FireCheckError);
  expect(() => parseAnswers('{"answers": {"nope": 1}}', prepared, 'mine.json')).toThrow(/mine\.json: answers\.nope: unknown question id/);
});

it('the template is valid input as it is, with every question not sure', () => {
  const template = answersTemplate(questionOrder(pack));
  expect(Object.keys(template.answers)).toHaveLength(pack.questions.length);
  const result = checkAnswerObject(JSON.parse(JSON.stringify(template)), prepared);
  expect(result.ok).toBe(true);
});
