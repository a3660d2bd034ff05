// A pack made ready for scoring, once, by an explicit call: the questions in
// asking order, every condition compiled, and what each answer to each signal
// is worth. Batch scoring evaluates thousands of records against one prepared
// pack, and what it remembers between them (reasons, answer patterns) is kept
// here, bounded, so that it goes with the pack.
import { answerVector, compileCondition, slotsOf, type AnswerVector, type Test } from './conditions.js';
import { kindOf, type AnswerWords, type KindSpec, type Value } from './kinds/index.js';
import { isSignal, questionOrder, questionRefs } from './pack-facts.js';
import type { PatternMemo } from './pattern.js';
import { placeholders, fillTemplate } from './template.js';
import { PHASES, VERDICTS, type Answers, type Pack, type PlannedStep, type Question, type Reason, type Rule, type Step, type Verdict, type VerdictChange } from './types.js';

export { isSignal, questionOrder };

/** A verdict's place in VERDICTS: 0 keep, 1 fix, 2 fire, 3 fire-now. Comparing severities is comparing these. */
export type Severity = number;
export const KEEP: Severity = 0;
export const FIX: Severity = 1;
export const FIRE: Severity = 2;
export const FIRE_NOW: Severity = 3;

export const severityOf = (verdict: Verdict): Severity => VERDICTS.indexOf(verdict);

/**
 * What one answer to a signal brings: its share of the weight, its points in
 * hundredths (whole numbers, so sums are exact in any order: the search for
 * "what would change" adds them up differently from the tally, and must agree
 * with it to the last .5), and the least verdict it brings alone.
 */
export interface Worth {
  share: number;
  cents: number;
  floor: Severity;
}

export interface PreparedSignal {
  question: Question;
  /** The question's sources, frozen, for its reasons. */
  sources: readonly string[];
  kind: KindSpec;
  slot: number;
  conditional: boolean;
  /** The values an answer can move to, best first (see KindSpec.values). */
  values: Value[];
  /** What each of those values brings, by index: its points in hundredths, and its floor. */
  centsAt: number[];
  floorAt: Severity[];
  worth(value: Value): Worth;
}

export interface PreparedRule {
  rule: Rule;
  holds: Test;
  /** The slots of the questions its condition reads. */
  reads: number[];
  /** Its points in hundredths (see Worth). */
  cents: number;
  floor: Severity;
  reason: Reason;
}

/** What an answer pattern scores: everything in an assessment but the plan, the client and the dates. Frozen, shared. */
export interface Scored {
  verdict: Severity;
  score: number;
  confidence: number;
  answered: number;
  applicable: number;
  reasons: readonly Reason[];
  hardStops: readonly string[];
  whatWouldChange: readonly VerdictChange[];
}

export interface PreparedStep {
  step: Step;
  /** The step's sources, frozen: what the engine shares is frozen all the way down (render/json-bytes.ts keeps its bytes). */
  sources: readonly string[];
  applies?: Test;
  /** The step as planned, made once, when its text has no placeholders. */
  planned?: PlannedStep;
}

export interface PreparedPack {
  pack: Pack;
  /** Questions in asking order: by category (in the pack's category order), then pack order. */
  order: Question[];
  byId: ReadonlyMap<string, Question>;
  /** Each question's index in an answer vector. */
  slots: ReadonlyMap<string, number>;
  /** Questions with an askIf, in asking order, with it compiled. */
  conditional: { question: Question; slot: number; applies: Test }[];
  /** Red-flag signals, in asking order. */
  signals: PreparedSignal[];
  rules: PreparedRule[];
  /** Verdict bands from the lowest score up, each with its verdict's severity. */
  bands: (Pack['scoring']['bands'][number] & { severity: Severity })[];
  /**
   * A verdict's steps, by phase, then pack order (the order a plan lists them
   * in), prepared on first use: one assessment needs one verdict's steps, and
   * start-up matters for a single piped assessment.
   */
  stepsFor(verdict: Verdict): PreparedStep[];
  /** Compiles a condition of this pack (steps, script parts). */
  test(condition: NonNullable<Step['when']>): Test;
  /**
   * Signal reasons made so far, per set of answer words, by signal then answer:
   * a reason is fixed by its question and answer, and batch scoring meets the
   * same few hundred in every record, so each is made once and shared, frozen
   * (render/json-bytes.ts caches their bytes by object).
   */
  reasons: WeakMap<AnswerWords, (Map<Value, Reason> | undefined)[]>;
  /**
   * What answer patterns scored, per set of answer words (see pattern.ts):
   * batch records often repeat a few patterns, and each is then scored once
   * (evaluate.ts). Bounded.
   */
  scored: WeakMap<AnswerWords, PatternMemo<Scored>>;
  /** The slots a pattern is made of: signals' and those rules read, in slot order. */
  patternSlots: number[];
  ref: { id: string; version: string };
}


/** The least verdict this answer brings on its own, from the question's floors. */
export function floorOf(question: Question, value: Value): Severity {
  const kind = kindOf(question);
  let floor = KEEP;
  for (const f of question.floors ?? []) {
    const bound = kind.coerce(question, f.atLeast);
    if (bound !== undefined && kind.rank(value) >= kind.rank(bound)) floor = Math.max(floor, severityOf(f.verdict));
  }
  return floor;
}

/** Whether some answer to this question is a hard stop (brings fire-now on its own). */
export function isHardStop(question: Question): boolean {
  return question.floors?.some((f) => f.verdict === 'fire-now') === true;
}


/** The question id → question map of a pack (the first definition of an id wins). */
export function questionsById(pack: Pack): Map<string, Question> {
  const byId = new Map<string, Question>();
  for (const q of pack.questions) if (!byId.has(q.id)) byId.set(q.id, q);
  return byId;
}

export function prepare(pack: Pack): PreparedPack {
  const order = questionOrder(pack);
  const byId = questionsById(pack);
  const slots = slotsOf(byId);
  const compiled = new Map<object, Test>();
  const test = (condition: NonNullable<Step['when']>) => {
    let t = compiled.get(condition);
    if (!t) compiled.set(condition, (t = compileCondition(condition, byId, slots)));
    return t;
  };
  const slot = (question: Question) => slots.get(question.id) as number;
  const ordered = pack.steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => PHASES.indexOf(a.step.phase) - PHASES.indexOf(b.step.phase) || a.i - b.i)
    .map(({ step }) => step);
  const prepareStep = (step: Step): PreparedStep => {
    const sources = Object.freeze([...step.sources]);
    return {
      step,
      sources,
      ...(step.when ? { applies: test(step.when) } : {}),
      ...(placeholders(step.text).length > 0
        ? {}
        : { planned: Object.freeze({ id: step.id, phase: step.phase, text: fillTemplate(step.text, () => undefined, () => ''), sources }) }),
    };
  };
  const byVerdict = new Map<Verdict, PreparedStep[]>();
  const stepsFor = (verdict: Verdict) => {
    let steps = byVerdict.get(verdict);
    if (!steps) byVerdict.set(verdict, (steps = ordered.filter((step) => step.verdicts.includes(verdict)).map(prepareStep)));
    return steps;
  };
  const signals = order.filter(isSignal).map((question) => prepareSignal(question, slot(question)));
  const rules = pack.rules.map((rule): PreparedRule => {
    const floor = rule.floor ? severityOf(rule.floor) : KEEP;
    const reads = new Set<number>();
    for (const ref of questionRefs(rule.when)) {
      const at = slots.get(ref.id);
      if (at !== undefined) reads.add(at);
    }
    return {
      rule,
      holds: test(rule.when),
      reads: [...reads].sort((a, b) => a - b),
      cents: Math.round(rule.points * 100),
      floor,
      reason: Object.freeze({ id: rule.id, type: 'rule', points: round2(rule.points), floor: rule.floor ?? null, text: rule.text, sources: Object.freeze([...rule.sources]) }),
    };
  });
  const patternSlots = new Set([...signals.map((s) => s.slot), ...rules.flatMap((r) => r.reads)]);
  return {
    pack,
    order,
    byId,
    slots,
    conditional: order.filter((q) => q.askIf !== undefined).map((question) => ({ question, slot: slot(question), applies: test(question.askIf as NonNullable<Question['askIf']>) })),
    signals,
    rules,
    bands: [...pack.scoring.bands].sort((a, b) => a.from - b.from).map((band) => ({ ...band, severity: severityOf(band.verdict) })),
    stepsFor,
    test,
    reasons: new WeakMap(),
    scored: new WeakMap(),
    patternSlots: [...patternSlots].sort((a, b) => a - b),
    ref: Object.freeze({ id: pack.id, version: pack.version }),
  };
}

function prepareSignal(question: Question, slot: number): PreparedSignal {
  const kind = kindOf(question);
  const values = kind.values(question);
  const judge = (value: Value): Worth => {
    const share = kind.severity(question, value);
    return { share, cents: Math.round(question.weight * share * 100), floor: floorOf(question, value) };
  };
  // Each value to choose from is judged once; a number's other answers as they come.
  const judged = values.map(judge);
  const known = question.kind === 'number' ? undefined : new Map(values.map((v, i) => [v, judged[i] as Worth]));
  return {
    question,
    sources: Object.freeze([...question.sources]),
    kind,
    slot,
    conditional: question.askIf !== undefined,
    values,
    centsAt: judged.map((w) => w.cents),
    floorAt: judged.map((w) => w.floor),
    worth: known ? (value) => known.get(value) ?? judge(value) : judge,
  };
}

/** The answers as a vector of this pack's slots. */
export function vectorOf(p: PreparedPack, answers: Answers): AnswerVector {
  return answerVector(answers, p.slots);
}

/**
 * Removes from the vector the answers to questions that do not apply, and
 * returns those questions. askIf only looks at earlier context questions
 * (validate.ts checks it), so one pass in asking order suffices, and changing
 * a signal's answer never changes which questions apply.
 */
export function dropInapplicable(p: PreparedPack, answers: AnswerVector): Question[] | undefined {
  // An array, not a Set: a handful of questions at most, and far cheaper to make.
  let excluded: Question[] | undefined;
  for (const { question, slot, applies } of p.conditional) {
    if (applies(answers)) continue;
    // Made with its one item: an empty array grows to room for 17 at its first push.
    if (excluded) excluded.push(question);
    else excluded = [question];
    answers[slot] = undefined;
  }
  return excluded;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
