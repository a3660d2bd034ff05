// Pure validation of a parsed rule pack: the zod schema first, then meaning
// checks that need the whole pack. Every problem carries the path of the value
// it is about, so the loader can turn it into file:line:col.
import type { z } from 'zod';
// Of the engine, only pure helpers: the answer kinds and the facts about a pack
// it shares with validation (nothing here prepares or caches a pack).
import { kindOf } from '../engine/kinds/index.js';
import { isSignal, questionOrder, questionRefs, TEMPLATE_NAMES } from '../engine/pack-facts.js';
import { placeholders } from '../engine/template.js';
import { type Condition, type Pack, type Question, type Scalar } from '../engine/types.js';
import { didYouMean } from '../errors.js';
import type { PackProblemCode } from './codes.js';
import { CategorySchema, PackSchema, QuestionSchema, RuleSchema, StepSchema } from './schema.js';

export type PathSegment = string | number;

export interface PackProblem {
  code: PackProblemCode;
  path: PathSegment[];
  message: string;
  /** Point at the key rather than its value (an unknown or misplaced key). */
  atKey?: boolean;
}

export type ValidationResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export function validatePack(raw: unknown): ValidationResult {
  const parsed = PackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  const pack = parsed.data as Pack;
  const problems = meaningProblems(pack);
  return problems.length ? { ok: false, problems } : { ok: true, pack };
}

const coerce = (q: Question, raw: Scalar) => kindOf(q).coerce(q, raw);

/** What a question accepts, in words for a pack's author (English, like every pack problem). */
function allowedValues(q: Question): string {
  switch (q.kind) {
    case 'bool':
      return 'allowed: yes, no (or true, false)';
    case 'freq':
      return 'allowed: never, rarely, sometimes, often, always';
    case 'scale':
      return 'allowed: a whole number from 1 to 5';
    case 'number':
      return `allowed: a number${q.min !== undefined ? ` from ${q.min}` : ''}${q.max !== undefined ? ` to ${q.max}` : ''}`;
  }
}

export function schemaProblems(error: z.ZodError): PackProblem[] {
  return error.issues.flatMap(schemaProblem);
}

const CONDITION_KEYS = ['all', 'any', 'not', 'question', 'is', 'atLeast', 'atMost', 'above', 'below', 'answered'];

function allowedKeysAt(path: PathSegment[]): string[] {
  const keys = (schema: { shape: object }) => Object.keys(schema.shape);
  const named = path.filter((p): p is string => typeof p === 'string');
  if (named.some((p) => p === 'when' || p === 'askIf')) return CONDITION_KEYS;
  const last = named[named.length - 1];
  switch (last) {
    case undefined:
      return [...keys(PackSchema), 'extends', 'disable'];
    case 'disable':
      return ['questions', 'rules', 'steps'];
    case 'questions':
      return keys(QuestionSchema);
    case 'categories':
      return keys(CategorySchema);
    case 'rules':
      return keys(RuleSchema);
    case 'steps':
      return keys(StepSchema);
    case 'bands':
      return path.includes('scoring') ? ['verdict', 'from', 'to'] : ['min', 'max', 'points'];
    case 'scoring':
      return ['bands', 'recheckDays'];
    case 'script':
      return ['maxReasons', 'fallbackReason', 'sections'];
    case 'sections':
      return ['id', 'title', 'subject', 'verdicts', 'when', 'parts'];
    case 'parts':
      return ['id', 'text', 'verdicts', 'when', 'listReasons', 'sources'];
    case 'tone':
      return ['avoid'];
    case 'verdicts':
      return typeof path[path.length - 1] === 'string' && path[path.length - 1] !== 'verdicts' ? ['title', 'summary'] : ['keep', 'fix', 'fire', 'fire-now'];
    default:
      return ['title', 'summary'];
  }
}

function schemaProblem(issue: z.core.$ZodIssue): PackProblem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(path);
    return issue.keys.map((key) => ({
      code: 'pack/unknown-key' as const,
      path: [...path, key],
      atKey: true,
      message: `unknown field "${key}"${didYouMean(key, allowed)}; allowed here: ${allowed.join(', ')}`,
    }));
  }
  if (path.length === 1 && path[0] === 'format') return [{ code: 'pack/format', path, message: issue.message }];
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return [{ code: 'pack/missing-field', path, message: `missing required field "${String(path[path.length - 1])}"` }];
  }
  return [{ code: schemaCode(issue), path, message: issue.message }];
}

/** Which of the schema's checks an issue comes from. */
function schemaCode(issue: z.core.$ZodIssue): PackProblemCode {
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return 'pack/wrong-type';
    case 'invalid_value':
      return 'pack/not-an-option';
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'bigint' ? 'pack/out-of-range' : 'pack/empty';
    case 'too_big':
      return 'pack/out-of-range';
    case 'invalid_format':
      return 'pack/bad-pattern';
    default:
      return 'pack/invalid-value';
  }
}

type Report = (path: PathSegment[], code: PackProblemCode, message: string) => void;

/** Checks that need the whole pack: ids, references, value types, bands. */
function meaningProblems(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const report: Report = (path, code, message) => problems.push({ code, path, message });

  duplicates(pack.categories, 'categories', 'category', report);
  duplicates(pack.questions, 'questions', 'question', report);
  duplicates(pack.rules, 'rules', 'rule', report);
  duplicates(pack.steps, 'steps', 'step', report);
  const questionIds = new Set(pack.questions.map((q) => q.id));
  pack.rules.forEach((rule, i) => {
    if (questionIds.has(rule.id)) report(['rules', i, 'id'], 'pack/id-clash', `rule id "${rule.id}" is already a question id; reasons need distinct ids`);
  });

  const categoryIds = pack.categories.map((c) => c.id);
  // First definition wins, so a duplicate is reported once and not again in every condition.
  const byId = new Map<string, Question>();
  for (const q of pack.questions) if (!byId.has(q.id)) byId.set(q.id, q);
  const earlier = new Set<string>();

  const index = new Map(pack.questions.map((q, i) => [q, i]));
  for (const q of questionOrder(pack)) {
    const i = index.get(q) as number;
    const at = (...rest: PathSegment[]) => ['questions', i, ...rest];
    if (!categoryIds.includes(q.category)) {
      report(at('category'), 'pack/unknown-category', `unknown category "${q.category}"${didYouMean(q.category, categoryIds)}; categories: ${categoryIds.join(', ')}`);
    }
    checkQuestionShape(q, at, report);
    if (q.askIf) {
      checkCondition(q.askIf, at('askIf'), byId, report);
      for (const ref of questionRefs(q.askIf)) {
        const target = byId.get(ref.id);
        if (!target) continue;
        if (!earlier.has(ref.id)) {
          report(at('askIf', ...ref.path, 'question'), 'pack/askif-not-earlier', `askIf may only refer to a question asked before "${q.id}" (an earlier category, or earlier in its own); "${ref.id}" is not`);
        } else if (isSignal(target)) {
          // A worse answer to a signal must never change which questions count,
          // or it could lower the score (see the monotonicity property test).
          report(at('askIf', ...ref.path, 'question'), 'pack/askif-on-signal', `askIf may only refer to context questions (weight 0); "${ref.id}" is a signal with weight ${target.weight}`);
        }
      }
    }
    earlier.add(q.id);
  }
  if (!pack.questions.some(isSignal)) report(['questions'], 'pack/no-signal', 'the pack has no signal: at least one question needs a weight above 0');

  pack.rules.forEach((rule, i) => {
    checkCondition(rule.when, ['rules', i, 'when'], byId, report);
    checkMonotone(rule.when, ['rules', i, 'when'], byId, report);
  });

  const templateNames = new Set<string>([...TEMPLATE_NAMES, ...questionIds]);
  const checkText = (text: string, path: PathSegment[]) => {
    for (const name of placeholders(text)) {
      if (!templateNames.has(name)) {
        report(path, 'pack/unknown-placeholder', `unknown placeholder {${name}}${didYouMean(name, templateNames)}; use ${TEMPLATE_NAMES.map((n) => `{${n}}`).join(', ')} or a question id`);
      }
    }
  };
  pack.steps.forEach((step, i) => {
    if (step.when) checkCondition(step.when, ['steps', i, 'when'], byId, report);
    checkText(step.text, ['steps', i, 'text']);
  });
  if (pack.script) {
    checkText(pack.script.fallbackReason, ['script', 'fallbackReason']);
    pack.script.sections.forEach((section, i) => {
      const at = (...rest: PathSegment[]) => ['script', 'sections', i, ...rest];
      if (section.when) checkCondition(section.when, at('when'), byId, report);
      checkText(section.title, at('title'));
      if (section.subject) checkText(section.subject, at('subject'));
      section.parts.forEach((part, j) => {
        if (part.when) checkCondition(part.when, at('parts', j, 'when'), byId, report);
        checkText(part.text, at('parts', j, 'text'));
      });
    });
    duplicates(pack.script.sections, 'script.sections', 'script section', (p, code, m) => report(['script', 'sections', ...p.slice(1)], code, m));
  }

  checkVerdictBands(pack, report);
  return problems;
}

function duplicates(items: { id: string }[], list: string, what: string, report: Report) {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else report([list, i, 'id'], 'pack/duplicate-id', `duplicate ${what} id "${item.id}" (first defined at ${list}[${seen}])`);
  });
}

function checkQuestionShape(q: Question, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  if (q.kind !== 'number') {
    for (const field of ['min', 'max', 'bands', 'unit'] as const) {
      if (q[field] !== undefined) report(at(field), 'pack/number-only-field', `"${field}" is only for number questions; "${q.id}" is ${q.kind}`);
    }
  }
  checkFloors(q, at, report);
  if (q.kind !== 'number') return;
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) report(at('min'), 'pack/min-above-max', `min (${q.min}) is above max (${q.max})`);
  if (q.weight > 0 && !q.bands) report(at('bands'), 'pack/bands-missing', `number question "${q.id}" has a weight, so it needs bands that map numbers to points`);
  if (!q.bands) return;
  const sorted = q.bands.map((b, j) => ({ ...b, j })).sort((a, b) => a.min - b.min);
  sorted.forEach((band, k) => {
    if (band.min > band.max) report(at('bands', band.j, 'min'), 'pack/band-inverted', `band min (${band.min}) is above its max (${band.max})`);
    if (band.points > q.weight) report(at('bands', band.j, 'points'), 'pack/band-points-above-weight', `band points (${band.points}) exceed the question's weight (${q.weight})`);
    const prev = sorted[k - 1];
    if (prev && band.min <= prev.max) report(at('bands', band.j), 'pack/band-overlap', `band ${band.min}..${band.max} overlaps band ${prev.min}..${prev.max}`);
    // Whole numbers from one band to the next: 0..7 then 8..30. A gap would leave numbers with no band.
    else if (prev && band.min > prev.max + 1) report(at('bands', band.j, 'min'), 'pack/band-gap', `numbers from ${prev.max} to ${band.min} fall between band ${prev.min}..${prev.max} and band ${band.min}..${band.max}; start this band at ${prev.max + 1}`);
    if (prev && band.points < prev.points) report(at('bands', band.j, 'points'), 'pack/band-points-decrease', `band ${band.min}..${band.max} gives ${band.points} points, fewer than the band below it (${prev.points}); a larger number must never give fewer points`);
  });
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (low && q.min !== undefined && low.min > q.min) report(at('bands'), 'pack/band-coverage', `bands start at ${low.min}, so answers from ${q.min} get no band; cover min..max`);
  if (high && q.max !== undefined && high.max < q.max) report(at('bands'), 'pack/band-coverage', `bands end at ${high.max}, so answers up to ${q.max} get no band; cover min..max`);
}

/** A floor is a red flag's: on a signal, from an answer worse than the best one. */
function checkFloors(q: Question, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  if (!q.floors) return;
  if (!isSignal(q)) {
    report(at('floors'), 'pack/floor-on-context', `"${q.id}" is a context question (weight 0); only signals (weight above 0) take floors`);
    return;
  }
  const kind = kindOf(q);
  const best = kind.best(q);
  q.floors.forEach((floor, j) => {
    const value = kind.coerce(q, floor.atLeast);
    if (value === undefined || !kind.inRange(q, value) || (typeof floor.atLeast === 'string' && (q.kind === 'scale' || q.kind === 'number'))) {
      report(at('floors', j, 'atLeast'), 'pack/not-a-value', `${JSON.stringify(floor.atLeast)} is not a value of "${q.id}"; ${allowedValues(q)}`);
    } else if (best !== null && kind.rank(value) <= kind.rank(best)) {
      report(at('floors', j, 'atLeast'), 'pack/floor-at-best', `a floor from ${JSON.stringify(floor.atLeast)} would count "${q.id}"'s best answer (no trouble) as a problem; start it at a worse answer`);
    }
  });
}

/** Exactly one operator per node, known questions, and values the question can take. */
function checkCondition(c: Condition, path: PathSegment[], byId: Map<string, Question>, report: Report) {
  const logic = (['all', 'any', 'not'] as const).filter((k) => c[k] !== undefined);
  const ops = (['is', 'atLeast', 'atMost', 'above', 'below', 'answered'] as const).filter((k) => c[k] !== undefined);
  const heads = logic.length + (c.question !== undefined ? 1 : 0);
  if (heads !== 1) {
    report(path, 'pack/condition-head', heads === 0 ? 'a condition needs one of: all, any, not, question' : `a condition has exactly one of all, any, not, question; found ${[...logic, ...(c.question !== undefined ? ['question'] : [])].join(', ')}`);
    return;
  }
  if (c.all) c.all.forEach((sub, i) => checkCondition(sub, [...path, 'all', i], byId, report));
  if (c.any) c.any.forEach((sub, i) => checkCondition(sub, [...path, 'any', i], byId, report));
  if (c.not) checkCondition(c.not, [...path, 'not'], byId, report);
  if (c.question === undefined) {
    if (ops.length) report([...path, ops[0] as string], 'pack/operator-misplaced', `"${ops[0]}" goes with "question", not with ${logic[0]}`);
    return;
  }
  const q = byId.get(c.question);
  if (!q) {
    report([...path, 'question'], 'pack/unknown-question', `unknown question "${c.question}"${didYouMean(c.question, byId.keys())}`);
    return;
  }
  if (ops.length !== 1) {
    report(path, 'pack/operator-count', `a question condition needs exactly one of is, atLeast, atMost, above, below, answered; found ${ops.length ? ops.join(', ') : 'none'}`);
    return;
  }
  const op = ops[0] as (typeof ops)[number];
  if (op === 'answered') return;
  if (q.kind === 'bool' && op !== 'is') {
    report([...path, op], 'pack/operator-not-for-kind', `"${op}" does not apply to yes/no question "${q.id}"; use is: yes or is: no`);
    return;
  }
  if (q.kind === 'freq' && (op === 'above' || op === 'below')) {
    report([...path, op], 'pack/operator-not-for-kind', `"${op}" compares numbers; "${q.id}" is a frequency: use atLeast or atMost`);
    return;
  }
  const values = op === 'is' && Array.isArray(c.is) ? c.is : [c[op] as boolean | number | string];
  values.forEach((value, i) => {
    const coerced = coerce(q, value);
    const where = op === 'is' && Array.isArray(c.is) ? [...path, op, i] : [...path, op];
    if (coerced === undefined || (typeof value === 'string' && (q.kind === 'scale' || q.kind === 'number'))) {
      report(where, 'pack/not-a-value', `${JSON.stringify(value)} is not a value of "${q.id}"; ${allowedValues(q)}`);
    } else if (q.kind === 'scale' && (typeof coerced !== 'number' || coerced < 1 || coerced > 5 || !Number.isInteger(coerced))) {
      report(where, 'pack/outside-scale', `${JSON.stringify(value)} is outside "${q.id}"'s scale; ${allowedValues(q)}`);
    }
  });
}

/**
 * A rule only adds points and floors, so on a signal it may only look at bad
 * answers, from a bound worse than the best answer up: then a worse answer
 * never lowers the score, a "No" adds nothing, and a "Not sure" (no answer)
 * never fires it. Inside "not", a signal would fire on "Not sure", so it is
 * refused there. Conditions on context questions may go either way.
 */
function checkMonotone(c: Condition, path: PathSegment[], byId: Map<string, Question>, report: Report) {
  for (const ref of questionRefs(c, path)) {
    const q = byId.get(ref.id);
    if (!q || !isSignal(q)) continue;
    const cond = ref.condition;
    const kind = kindOf(q);
    const best = kind.best(q);
    const bound = cond.atLeast ?? cond.above ?? (q.kind === 'bool' && cond.is !== undefined && [cond.is].flat().length === 1 ? [cond.is].flat()[0] : undefined);
    const value = bound === undefined ? undefined : coerce(q, bound);
    // A value the question cannot take is checkCondition's to report, once.
    if (bound !== undefined && value === undefined) continue;
    const rising = value !== undefined && (best === null || cond.above !== undefined ? true : kind.rank(value) > kind.rank(best));
    if (ref.negated) {
      report(ref.path, 'pack/rule-signal-in-not', `rule condition on signal "${q.id}" inside "not" would fire on "Not sure"; a rule may only look at bad answers to a signal (atLeast/above, or is: yes)`);
    } else if (!rising) {
      report(ref.path, 'pack/rule-fires-on-best', `rule condition on signal "${q.id}" could fire on its best answer or a better one; use atLeast/above a bad answer (or is: yes) so a "No" adds nothing and a worse answer never lowers the score`);
    }
  }
}

function checkVerdictBands(pack: Pack, report: Report) {
  const bands = pack.scoring.bands.map((b, i) => ({ ...b, i }));
  const order = ['keep', 'fix', 'fire'];
  for (const verdict of order) {
    const count = bands.filter((b) => b.verdict === verdict).length;
    if (count === 0) report(['scoring', 'bands'], 'pack/verdict-band-missing', `no band for verdict "${verdict}"; bands need keep, fix and fire once each`);
    if (count > 1) report(['scoring', 'bands'], 'pack/verdict-band-repeated', `verdict "${verdict}" has ${count} bands; give it one`);
  }
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  sorted.forEach((band, k) => {
    if (band.from >= band.to) report(['scoring', 'bands', band.i], 'pack/verdict-band-inverted', `band ${band.verdict} goes from ${band.from} to ${band.to}; "from" must be below "to"`);
    const prev = sorted[k - 1];
    if (prev && band.from < prev.to) report(['scoring', 'bands', band.i, 'from'], 'pack/verdict-band-overlap', `band ${band.verdict} (${band.from}..${band.to}) overlaps band ${prev.verdict} (${prev.from}..${prev.to})`);
    if (prev && band.from > prev.to) report(['scoring', 'bands', band.i, 'from'], 'pack/verdict-band-gap', `scores from ${prev.to} to ${band.from} fall in no band; band ${band.verdict} should start at ${prev.to}`);
    if (prev && order.indexOf(band.verdict) < order.indexOf(prev.verdict)) {
      report(['scoring', 'bands', band.i, 'verdict'], 'pack/verdict-band-order', `band ${band.verdict} sits above band ${prev.verdict}; a higher score must never give a milder verdict`);
    }
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && first.from !== 0) report(['scoring', 'bands', first.i, 'from'], 'pack/verdict-band-coverage', `the lowest band starts at ${first.from}; scores from 0 fall in no band`);
  if (last && last.to !== 100) report(['scoring', 'bands', last.i, 'to'], 'pack/verdict-band-coverage', `the highest band ends at ${last.to}; it must reach 100`);
}
