import { answerVector, conditionTest, rank, slotsOf, type AnswerVector, type Test } from './conditions.js';
import { fillTemplate, placeholders } from './template.js';
import {
  FREQ_LEVELS,
  type Condition,
  PHASES,
  SCALE_MAX,
  SCALE_MIN,
  type AnswerSet,
  type AnswerValue,
  type Answers,
  type Assessment,
  type Pack,
  type PlannedStep,
  type Question,
  type Reason,
  type Rule,
  type Step,
  type Verdict,
  VERDICTS,
} from './types.js';

export interface EvaluateOptions {
  /** ISO date (YYYY-MM-DD) the assessment is made on; sets `recheckOn` for a fix. */
  today?: string;
  /** How answer values read inside reasons and step texts (a language may replace them). */
  words?: Partial<AnswerWords>;
}

export interface AnswerWords {
  yes: string;
  no: string;
  theClient: string;
  freq: Record<(typeof FREQ_LEVELS)[number], string>;
}

export const ENGLISH_WORDS: AnswerWords = {
  yes: 'yes',
  no: 'no',
  theClient: 'the client',
  freq: { never: 'never', rarely: 'rarely', sometimes: 'sometimes', often: 'often', always: 'always' },
};

/** True for questions that carry points: red-flag signals, as opposed to context questions. */
export function isSignal(question: Question): boolean {
  return question.weight > 0;
}

/** How bad an answer is, from 0 (fine) to 1 (as bad as that question gets). */
export function severity(question: Question, value: Exclude<AnswerValue, null>): number {
  switch (question.kind) {
    case 'bool':
      return value === true ? 1 : 0;
    case 'freq':
      return rank(value) / (FREQ_LEVELS.length - 1);
    case 'scale':
      return clamp01((Number(value) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN));
    case 'number': {
      const band = question.bands?.find((b) => Number(value) >= b.min && Number(value) <= b.max);
      return band && question.weight > 0 ? clamp01(band.points / question.weight) : 0;
    }
  }
}

/**
 * Questions in the order they are asked: by category (in the pack's category
 * order), then in pack order within a category.
 */
export function questionOrder(pack: Pack): Question[] {
  return derived(pack).order;
}

/** The question id → question map of a pack. */
export function questionsById(pack: Pack): ReadonlyMap<string, Question> {
  return derived(pack).byId;
}

// Packs are never changed once loaded, so what is derived from one is computed
// once per pack object; batch scoring calls evaluate for every record.
interface Derived {
  order: Question[];
  byId: Map<string, Question>;
  /** Each question's index in an answer vector. */
  slots: ReadonlyMap<string, number>;
  /** Questions with an askIf, in asking order, with it as a function, and their index in an answer vector. */
  conditional: { question: Question; slot: number; applies: Test }[];
  /** Red-flag signals, in asking order, with their index in an answer vector; `conditional` if they have an askIf. */
  signals: { question: Question; slot: number; conditional: boolean }[];
  rules: { rule: Rule; holds: Test; reason: Reason }[];
  /** Verdict bands from the lowest score up. */
  bands: Pack['scoring']['bands'];
  /**
   * Each verdict's steps, by phase, then pack order (the order a plan lists
   * them in); `planned` for those whose text has no placeholders, made once.
   */
  stepsFor: Record<Verdict, { step: Step; applies?: Test; planned?: PlannedStep }[]>;
  /** Per set of answer words: the words in full, and the reasons made with them so far. */
  byWords: WeakMap<Partial<AnswerWords>, Memo>;
  ref: Assessment['pack'];
}

// A reason is fixed by its question and answer (or its rule), and a step without
// placeholders by itself: batch scoring meets the same few hundred of them in
// every record, so each is made once and shared, frozen, by the assessments.
// That spares building them, and lets the NDJSON encoder cache their bytes by
// object (render/json-bytes.ts).
interface Memo {
  words: AnswerWords;
  /** By the signal's place in Derived.signals, then by answer. */
  reasons: (Map<Exclude<AnswerValue, null>, Reason> | undefined)[];
}

/** Answers to a number question vary without end: only so many reasons each are kept. */
const MAX_MEMO_PER_QUESTION = 64;

const cache = new WeakMap<Pack, Derived>();

function derived(pack: Pack): Derived {
  let entry = cache.get(pack);
  if (!entry) {
    const rank = new Map(pack.categories.map((c, i) => [c.id, i]));
    const order = pack.questions
      .map((q, i) => ({ q, i }))
      .sort((a, b) => (rank.get(a.q.category) ?? Infinity) - (rank.get(b.q.category) ?? Infinity) || a.i - b.i)
      .map(({ q }) => q);
    const byId = new Map<string, Question>();
    for (const q of pack.questions) if (!byId.has(q.id)) byId.set(q.id, q);
    const test = (condition: Condition) => conditionTest(condition, byId);
    const slots = slotsOf(byId);
    const slot = (question: Question) => slots.get(question.id) as number;
    const steps = pack.steps
      .map((step, i) => ({ step, i }))
      .sort((a, b) => PHASES.indexOf(a.step.phase) - PHASES.indexOf(b.step.phase) || a.i - b.i)
      .map(({ step }) => ({
        step,
        applies: step.when && test(step.when),
        planned:
          placeholders(step.text).length > 0
            ? undefined
            : Object.freeze({ id: step.id, phase: step.phase, text: fillTemplate(step.text, () => undefined, nothing), sources: step.sources }),
      }));
    entry = {
      order,
      byId,
      slots,
      conditional: order.filter((q) => q.askIf !== undefined).map((question) => ({ question, slot: slot(question), applies: test(question.askIf as Condition) })),
      signals: order.filter(isSignal).map((question) => ({ question, slot: slot(question), conditional: question.askIf !== undefined })),
      rules: pack.rules.map((rule) => ({
        rule,
        holds: test(rule.when),
        reason: Object.freeze({ id: rule.id, type: 'rule', points: round(rule.points, 2), hardStop: rule.hardStop === true, text: rule.text, sources: rule.sources }),
      })),
      bands: [...pack.scoring.bands].sort((a, b) => a.from - b.from),
      stepsFor: Object.fromEntries(VERDICTS.map((v) => [v, steps.filter(({ step }) => step.verdicts.includes(v))])) as Derived['stepsFor'],
      byWords: new WeakMap(),
      ref: Object.freeze({ id: pack.id, version: pack.version }),
    };
    cache.set(pack, entry);
  }
  return entry;
}

/**
 * Removes from the vector the answers to questions that do not apply, and
 * returns those questions. askIf only looks at earlier questions (validate.ts
 * checks it), so one pass in asking order suffices.
 */
function dropInapplicable(d: Derived, answers: AnswerVector): Question[] | undefined {
  // An array, not a Set: a handful of questions at most, and far cheaper to make.
  let excluded: Question[] | undefined;
  for (const { question, slot, applies } of d.conditional) {
    if (applies(answers)) continue;
    (excluded ??= []).push(question);
    answers[slot] = undefined;
  }
  return excluded;
}

/**
 * The questions that apply, in asking order, and the answers that count: the
 * answers given, or a copy without those to questions that do not apply.
 */
export function effectiveAnswers(pack: Pack, answers: Answers): { applicable: Question[]; answers: Answers } {
  const d = derived(pack);
  const excluded = dropInapplicable(d, answerVector(answers, d.byId));
  if (!excluded) return { applicable: d.order, answers };
  const effective: Record<string, AnswerValue> = Object.assign(Object.create(null), answers);
  for (const question of excluded) delete effective[question.id];
  return { applicable: d.order.filter((q) => !excluded.includes(q)), answers: effective };
}

/**
 * Scores one client against a pack. Pure and deterministic: the same pack,
 * answers and options always give the same assessment.
 */
export function evaluate(pack: Pack, input: AnswerSet, options: EvaluateOptions = {}): Assessment {
  const d = derived(pack);
  const memo = memoFor(d, options.words);
  const answers = answerVector(input.answers, d.byId);
  const excluded = dropInapplicable(d, answers);

  const reasons: Reason[] = [];
  const hardStops: string[] = [];
  let points = 0;
  let applicableWeight = 0;
  let answeredWeight = 0;
  let answered = 0;
  let signals = 0;

  for (let i = 0; i < d.signals.length; i++) {
    const { question, slot, conditional } = d.signals[i] as Derived['signals'][number];
    if (conditional && excluded?.includes(question)) continue;
    signals += 1;
    applicableWeight += question.weight;
    const value = answers[slot];
    if (value === null || value === undefined) continue;
    answered += 1;
    answeredWeight += question.weight;
    const share = severity(question, value);
    points += question.weight * share;
    const stop = question.hardStop === true && share === 1;
    if (stop) hardStops.push(question.id);
    if (share > 0 || stop) reasons.push(signalReason(memo, i, question, value, share, stop));
  }

  for (const { rule, holds, reason } of d.rules) {
    if (!holds(answers)) continue;
    points += rule.points;
    if (rule.hardStop) hardStops.push(rule.id);
    reasons.push(reason);
  }

  // The most the answered signals could give is their weight: points over that.
  const score = answeredWeight > 0 ? Math.min(100, Math.round((100 * points) / answeredWeight)) : 0;
  const confidence = applicableWeight > 0 ? round(answeredWeight / applicableWeight, 2) : 0;
  const verdict = decideVerdict(d, score, hardStops.length > 0, answered > 0);
  sortReasons(reasons);

  const recheckOn = verdict === 'fix' && options.today ? addDays(options.today, pack.scoring.recheckDays) : null;
  let values: ((name: string) => string | undefined) | undefined;
  const steps: PlannedStep[] = [];
  for (const { step, applies, planned } of d.stepsFor[verdict]) {
    if (applies && !applies(answers)) continue;
    if (planned) {
      steps.push(planned);
      continue;
    }
    values ??= templateValues(d.byId, (id) => answerTo(d, answers, id), input.client, recheckOn, options.today, memo.words);
    steps.push({ id: step.id, phase: step.phase, text: fillTemplate(step.text, values, nothing), sources: step.sources });
  }

  return {
    client: input.client ?? null,
    verdict,
    score,
    confidence,
    answered,
    applicable: signals,
    hardStops,
    reasons,
    steps,
    recheckOn,
    pack: d.ref,
  };
}

const nothing = () => '';

/** The answer in the vector to the question with this id; undefined for no such question. */
function answerTo(d: Derived, answers: AnswerVector, id: string): AnswerValue | undefined {
  const slot = d.slots.get(id);
  return slot === undefined ? undefined : answers[slot];
}

/**
 * Hard stops first, then the most points first; ties keep pack order. An
 * insertion sort: a dozen items or so, and no call per comparison.
 */
function sortReasons(reasons: Reason[]): void {
  for (let i = 1; i < reasons.length; i++) {
    const item = reasons[i] as Reason;
    let j = i - 1;
    while (j >= 0 && before(item, reasons[j] as Reason)) {
      reasons[j + 1] = reasons[j] as Reason;
      j -= 1;
    }
    reasons[j + 1] = item;
  }
}

function before(a: Reason, b: Reason): boolean {
  return a.hardStop === b.hardStop ? a.points > b.points : a.hardStop;
}

function memoFor(d: Derived, words: Partial<AnswerWords> = ENGLISH_WORDS): Memo {
  let memo = d.byWords.get(words);
  if (!memo) d.byWords.set(words, (memo = { words: words === ENGLISH_WORDS ? ENGLISH_WORDS : { ...ENGLISH_WORDS, ...words }, reasons: [] }));
  return memo;
}

function signalReason(memo: Memo, signal: number, question: Question, value: Exclude<AnswerValue, null>, share: number, stop: boolean): Reason {
  let byValue = memo.reasons[signal];
  if (!byValue) memo.reasons[signal] = byValue = new Map();
  let reason = byValue.get(value);
  if (!reason) {
    reason = Object.freeze({
      id: question.id,
      type: 'signal',
      points: round(question.weight * share, 2),
      hardStop: stop,
      text: `${question.label}: ${displayValue(question, value, memo.words)}`,
      sources: question.sources,
    });
    if (byValue.size < MAX_MEMO_PER_QUESTION) byValue.set(value, reason);
  }
  return reason;
}

function decideVerdict(d: Derived, score: number, hardStop: boolean, anyAnswer: boolean): Verdict {
  if (hardStop) return 'fire-now';
  // Nothing answered means nothing known: say keep (with confidence 0), never guess.
  if (!anyAnswer) return 'keep';
  const { bands } = d;
  const last = bands[bands.length - 1];
  const band = bands.find((b) => score >= b.from && (score < b.to || (b === last && score <= b.to)));
  return band?.verdict ?? 'keep';
}

export function displayValue(question: Question, value: Exclude<AnswerValue, null>, words: AnswerWords = ENGLISH_WORDS): string {
  switch (question.kind) {
    case 'bool':
      return value ? words.yes : words.no;
    case 'freq':
      return words.freq[value as (typeof FREQ_LEVELS)[number]];
    case 'scale':
      return `${value}/${SCALE_MAX}`;
    case 'number':
      return question.unit ? `${value} ${question.unit}` : String(value);
  }
}

/** Placeholders every template may use besides question ids. */
export const TEMPLATE_NAMES = ['client', 'recheckOn', 'lastDay'] as const;

/**
 * The values for `{placeholders}`: the client, dates, and each applicable
 * question's answer. `lastDay` is today plus the contract's notice, when known.
 */
export function templateValues(
  byId: ReadonlyMap<string, Question>,
  answers: Answers | ((id: string) => AnswerValue | undefined),
  client: string | undefined,
  recheckOn: string | null,
  today: string | undefined,
  words: AnswerWords,
): (name: string) => string | undefined {
  // Looked up on demand: a plan uses a handful of placeholders, not every answer.
  // `answers` holds no answer to a question that does not apply (see effectiveAnswers).
  const answer = typeof answers === 'function' ? answers : (id: string) => answers[id];
  const named = client?.trim() || words.theClient;
  return (name) => {
    switch (name) {
      case 'client':
        return named;
      case 'recheckOn':
        return recheckOn ?? undefined;
      case 'lastDay': {
        const notice = answer('notice_days');
        return today && typeof notice === 'number' ? (addDays(today, notice) ?? undefined) : undefined;
      }
    }
    const q = byId.get(name);
    if (!q) return undefined;
    const v = answer(name);
    // Numbers go in bare ("{notice_days} days"), other kinds in words.
    return v === null || v === undefined ? undefined : q.kind === 'number' ? String(v) : displayValue(q, v, words);
  };
}

const dates = new Map<string, Map<number, string | null>>();

/** `isoDate` plus `days`, as an ISO date; remembered, since a batch asks the same few sums again and again. */
export function addDays(isoDate: string, days: number): string | null {
  let sums = dates.get(isoDate);
  if (!sums) {
    if (dates.size >= 64) dates.clear();
    dates.set(isoDate, (sums = new Map()));
  }
  let result = sums.get(days);
  if (result === undefined) {
    const time = Date.parse(`${isoDate}T00:00:00Z`);
    result = Number.isNaN(time) ? null : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
    if (sums.size < 10_000) sums.set(days, result);
  }
  return result;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
