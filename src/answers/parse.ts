// Turns answers from outside (piped JSON, a CSV cell, a saved file) into the
// engine's normalised Answers, checking each against the pack. Every problem
// names the id and says what is allowed; all problems are reported at once.
import { coerceValue } from '../engine/conditions.js';
import type { PreparedPack } from '../engine/prepare.js';
import { FREQ_LEVELS, SCALE_MAX, SCALE_MIN, type AnswerSet, type AnswerValue, type Question } from '../engine/types.js';
import { didYouMean, FireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { say, type ProblemCode } from '../i18n/problems.js';
import { allowedValues } from './allowed.js';

const NOT_SURE = new Set(['unsure', 'not sure', 'not-sure', '?', '']);

/** Problems listed for one answers document, at most; the rest are counted. */
const MAX_PROBLEMS = 20;
/** Text echoed back in a message (an id, a value), at most this many characters. */
const MAX_ECHO = 60;

/** Text from the input, cut short to be echoed in a message. */
export function clip(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO - 1)}…`;
}

export type NormalisedAnswer = { ok: true; value: AnswerValue } | { ok: false; code: ProblemCode; message: string };

/** Whether a value is already in the form the engine keeps answers in, so needs no work. */
function isCanonical(question: Question, value: unknown): boolean {
  switch (typeof value) {
    case 'boolean':
      return question.kind === 'bool';
    case 'string':
      return question.kind === 'freq' && (FREQ_LEVELS as readonly string[]).includes(value);
    case 'number':
      if (question.kind === 'scale') return Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;
      return question.kind === 'number' && Number.isFinite(value) && !(value < (question.min ?? -Infinity)) && !(value > (question.max ?? Infinity));
    default:
      return value === null;
  }
}

/** One raw value for one question; null, "unsure" and "not sure" mean not sure. */
export function normaliseAnswer(question: Question, raw: unknown, m: Messages = en): NormalisedAnswer {
  if (raw === undefined) return { ok: true, value: null };
  // The common case, values already in canonical form, without string work.
  if (isCanonical(question, raw)) return { ok: true, value: raw as AnswerValue };
  if (typeof raw === 'string' && NOT_SURE.has(raw.trim().toLowerCase())) return { ok: true, value: null };
  const shown = clip(JSON.stringify(raw) ?? String(raw));
  const allowed = allowedValues(question, m);
  const bad = (code: ProblemCode = 'answers/not-allowed', message = say(m, 'answers/not-allowed', shown, allowed)) => ({ ok: false as const, code, message });
  if (typeof raw !== 'boolean' && typeof raw !== 'number' && typeof raw !== 'string') return bad();
  // A number where yes/no or a frequency is expected is a mistake, not a code for one.
  if (typeof raw === 'number' && (question.kind === 'bool' || question.kind === 'freq')) return bad();
  if (typeof raw === 'boolean' && question.kind !== 'bool') return bad();
  const value = coerceValue(question, raw);
  if (value === undefined) return bad();
  if (typeof value === 'number') {
    if (question.kind === 'scale' && (!Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX)) return bad('answers/outside-scale', say(m, 'answers/outside-scale', shown, allowed));
    if (question.kind === 'number') {
      if (question.min !== undefined && value < question.min) return bad('answers/below-min', say(m, 'answers/below-min', shown, question.min, allowed));
      if (question.max !== undefined && value > question.max) return bad('answers/above-max', say(m, 'answers/above-max', shown, question.max, allowed));
    }
  }
  return { ok: true, value };
}

export interface AnswerProblem {
  /** JSON path such as `answers.pays_late`, or a position such as `line 3, column 7`. */
  where: string;
  /** Stable: what kind of problem it is (see docs/problems.md). */
  code: ProblemCode;
  message: string;
  /** For a JSON syntax error: where in the text it is. */
  position?: { line: number; column: number };
  /** For the line that stands for problems not listed: how many. */
  omitted?: number;
}

// Packs whose question ids include a name that plain objects inherit
// ("constructor", say): their answers must live in a null-prototype object, or
// a missing answer would read as the inherited value.
const shadowing = new WeakMap<PreparedPack, boolean>();
function shadowsInherited(p: PreparedPack): boolean {
  let result = shadowing.get(p);
  if (result === undefined) shadowing.set(p, (result = p.order.some((q) => q.id in Object.prototype)));
  return result;
}

/** Checks a parsed JSON value against the (prepared) pack; returns the answer set or every problem found. */
export function checkAnswerObject(data: unknown, p: PreparedPack, m: Messages = en): { ok: true; set: AnswerSet } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = Array.isArray(data) ? m.errors.anArray : data === null ? 'null' : JSON.stringify(data);
    return { ok: false, problems: [{ where: 'top level', code: 'answers/not-object', message: say(m, 'answers/not-object', got) }] };
  }
  const top = data as Record<string, unknown>;
  // for-in rather than Object.keys or Object.entries: no array per record, and
  // V8 reads `object[key]` inside it from the object's own layout, fast.
  for (const key in top) {
    if (key !== 'client' && key !== 'answers') {
      problems.push({ where: JSON.stringify(key), code: 'answers/unknown-key', message: say(m, 'answers/unknown-key', didYouMean(key, ['client', 'answers'], m.commander.didYouMean)) });
    }
  }
  const client = top.client;
  if (client !== undefined && client !== null && typeof client !== 'string') {
    problems.push({ where: 'client', code: 'answers/bad-client', message: say(m, 'answers/bad-client') });
  }
  const rawAnswers = top.answers;
  let answers: Record<string, AnswerValue> | undefined;
  if (rawAnswers === undefined) {
    problems.push({ where: 'answers', code: 'answers/missing-answers', message: say(m, 'answers/missing-answers') });
  } else if (rawAnswers === null || typeof rawAnswers !== 'object' || Array.isArray(rawAnswers)) {
    problems.push({ where: 'answers', code: 'answers/bad-answers', message: say(m, 'answers/bad-answers') });
  } else {
    const byId = p.byId;
    const given = rawAnswers as Record<string, unknown>;
    // The values that needed bringing to canonical form, to go into a copy.
    let normalised: [string, AnswerValue][] | undefined;
    // Every problem is found, but only so many are listed: a document of 100,000 unknown ids is one mistake.
    let more = 0;
    const full = () => problems.length >= MAX_PROBLEMS && ++more > 0;
    for (const id in given) {
      const question = byId.get(id);
      if (!question) {
        if (full()) continue;
        // A long id is no typo of a short one; comparing it would cost time in proportion to its length times the ids.
        const hint = id.length <= MAX_ECHO ? didYouMean(id, byId.keys(), m.commander.didYouMean) : '';
        problems.push({ where: `answers.${clip(id)}`, code: 'answers/unknown-id', message: say(m, 'answers/unknown-id', hint) });
        continue;
      }
      if (isCanonical(question, given[id])) continue;
      const result = normaliseAnswer(question, given[id], m);
      if (result.ok) (normalised ??= []).push([id, result.value]);
      else if (!full()) problems.push({ where: `answers.${id}`, code: result.code, message: result.message });
    }
    if (more) problems.push({ where: 'answers', code: 'answers/more-problems', message: say(m, 'answers/more-problems', more.toLocaleString('en-US')), omitted: more });
    // The answers as given serve as they are when every value is already in
    // canonical form (the usual case in a batch); a copy is made only otherwise.
    if (!normalised && !shadowsInherited(p)) answers = given as Record<string, AnswerValue>;
    else if (!problems.length) {
      // No prototype: a key such as "__proto__" stays a plain key.
      answers = Object.assign(Object.create(null) as Record<string, AnswerValue>, given);
      for (const [id, value] of normalised ?? []) answers[id] = value;
    }
  }
  if (problems.length || !answers) return { ok: false, problems };
  const name = typeof client === 'string' && client.trim() ? client.trim() : undefined;
  return { ok: true, set: name === undefined ? { answers } : { client: name, answers } };
}

/** Parses JSON text; a syntax error is reported with its line and column. */
export function parseJson(text: string, m: Messages = en): { ok: true; data: unknown } | { ok: false; problem: AnswerProblem } {
  if (text.trim() === '') return { ok: false, problem: { where: 'input', code: 'answers/empty', message: say(m, 'answers/empty') } };
  try {
    const data: unknown = JSON.parse(text);
    // JSON.parse keeps the last of two equal keys: {"abuse": "yes", "abuse": "no"} would
    // silently mean no. It drops a key per duplicate: with as many keys as colons, there is none.
    if (keysIn(data) !== colonsIn(text)) {
      const duplicate = firstDuplicateKey(text);
      if (duplicate) return { ok: false, problem: { where: duplicate.path, code: 'answers/duplicate-key', message: say(m, 'answers/duplicate-key', JSON.stringify(duplicate.key)), position: position(text, duplicate.offset) } };
    }
    return { ok: true, data };
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : text.length;
    const at = position(text, offset);
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '').replace(/, "[\s\S]*$/, '');
    return { ok: false, problem: { where: m.errors.position(at.line, at.column), code: 'answers/not-json', message: say(m, 'answers/not-json', reason), position: at } };
  }
}

/** Line and column (from 1) of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Keys of every object in a parsed JSON value. */
function keysIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) for (const item of value) n += keysIn(item);
  else for (const key in value) n += 1 + keysIn((value as Record<string, unknown>)[key]);
  return n;
}

/**
 * Colons in a JSON text: at least one per key it was written with (more when a
 * string holds one). Counted natively, as a fast filter: as many colons as
 * parsed keys means no key was given twice; otherwise firstDuplicateKey looks.
 */
function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** The first key written twice in one object of a valid JSON text, with its path and offset. */
function firstDuplicateKey(text: string): { key: string; path: string; offset: number } | undefined {
  // Each open object or array: the keys seen (objects), and the key that leads to it.
  const stack: { keys?: Set<string>; name: string }[] = [];
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      let j = i + 1;
      while (/\s/.test(text[j] ?? '')) j++;
      const top = stack[stack.length - 1];
      if (text[j] !== ':' || !top?.keys) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (top.keys.has(key)) return { key, path: [...stack.slice(1).map((s) => s.name), key].join('.'), offset: start };
      top.keys.add(key);
      lastKey = key;
    } else if (c === '{' || c === '[') stack.push({ ...(c === '{' ? { keys: new Set<string>() } : {}), name: lastKey });
    else if (c === '}' || c === ']') stack.pop();
  }
  return undefined;
}

/** Reads one answers document or throws a FireCheckError listing every problem. */
export function parseAnswers(text: string, p: PreparedPack, source: string, m: Messages = en): AnswerSet {
  const json = parseJson(text, m);
  if (!json.ok) throw answerError(source, [json.problem], m);
  const checked = checkAnswerObject(json.data, p, m);
  if (!checked.ok) throw answerError(source, checked.problems, m);
  return checked.set;
}

/** The code of a list of problems: the problem's own when there is one, else `answers/invalid`. */
export function codeOf(problems: readonly AnswerProblem[]): ProblemCode {
  return problems.length === 1 ? (problems[0] as AnswerProblem).code : 'answers/invalid';
}

export function answerError(source: string, problems: AnswerProblem[], m: Messages = en): FireCheckError {
  const details = problems.map((p) => `${source}: ${p.where}: ${p.message}`);
  // One problem is the error, by its own code; several are `answers/invalid`, each listed with its code.
  if (problems.length === 1) return new FireCheckError(codeOf(problems), `${m.errors.invalidAnswers}: ${details[0]}`);
  const total = problems.reduce((n, p) => n + (p.omitted ?? 1), 0);
  return new FireCheckError(codeOf(problems), say(m, 'answers/invalid', source, total), { details });
}

/** The answers file `fire-check template` prints: every question, not sure, in asking order. */
export function answersTemplate(questions: Question[]): { client: string; answers: Record<string, null> } {
  return { client: '', answers: Object.fromEntries(questions.map((q) => [q.id, null])) };
}
