import { holds, rank } from './conditions.js';
import { fillTemplate } from './template.js';
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
  type Verdict,
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
  /** Questions with an askIf, in asking order. */
  conditional: Question[];
  /** Verdict bands from the lowest score up. */
  bands: Pack['scoring']['bands'];
  /** Steps by phase, then pack order: the order a plan lists them in. */
  steps: Pack['steps'];
}

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
    const steps = pack.steps
      .map((step, i) => ({ step, i }))
      .sort((a, b) => PHASES.indexOf(a.step.phase) - PHASES.indexOf(b.step.phase) || a.i - b.i)
      .map(({ step }) => step);
    const conditional = order.filter((q) => q.askIf !== undefined);
    const bands = [...pack.scoring.bands].sort((a, b) => a.from - b.from);
    entry = { order, byId, steps, conditional, bands };
    cache.set(pack, entry);
  }
  return entry;
}

/**
 * The answers that count: those of applicable questions. The answers given are
 * used as they are (missing means not sure) unless a question that does not
 * apply was answered; only then is a copy made without it. Batch scoring calls
 * this for every record, and copying every answer each time was its largest cost.
 */
export function effectiveAnswers(pack: Pack, answers: Answers): { applicable: Question[]; answers: Answers } {
  const { order, byId, conditional } = derived(pack);
  if (conditional.length === 0) return { applicable: order, answers };
  let effective: Record<string, AnswerValue> | undefined;
  let excluded: Set<string> | undefined;
  // askIf only looks at earlier questions (validate.ts checks it), so one pass in asking order suffices.
  for (const question of conditional) {
    if (holds(question.askIf as Condition, effective ?? answers, byId)) continue;
    (excluded ??= new Set()).add(question.id);
    const given = (effective ?? answers)[question.id];
    if (given !== undefined && given !== null) {
      effective ??= Object.assign(Object.create(null) as Record<string, AnswerValue>, answers);
      delete effective[question.id];
    }
  }
  return { applicable: excluded ? order.filter((q) => !excluded.has(q.id)) : order, answers: effective ?? answers };
}

/**
 * Scores one client against a pack. Pure and deterministic: the same pack,
 * answers and options always give the same assessment.
 */
export function evaluate(pack: Pack, input: AnswerSet, options: EvaluateOptions = {}): Assessment {
  const words: AnswerWords = options.words ? { ...ENGLISH_WORDS, ...options.words } : ENGLISH_WORDS;
  const byId = questionsById(pack);
  const { applicable, answers } = effectiveAnswers(pack, input.answers);

  const reasons: Reason[] = [];
  const hardStops: string[] = [];
  let points = 0;
  let applicableWeight = 0;
  let answeredWeight = 0;
  let answered = 0;
  let signals = 0;

  for (const question of applicable) {
    if (!isSignal(question)) continue;
    signals += 1;
    applicableWeight += question.weight;
    const value = answers[question.id];
    if (value === null || value === undefined) continue;
    answered += 1;
    answeredWeight += question.weight;
    const share = severity(question, value);
    const gained = question.weight * share;
    points += gained;
    const stop = question.hardStop === true && share === 1;
    if (stop) hardStops.push(question.id);
    if (gained > 0 || stop) {
      reasons.push({
        id: question.id,
        type: 'signal',
        points: round(gained, 2),
        hardStop: stop,
        text: `${question.label}: ${displayValue(question, value, words)}`,
        sources: question.sources,
      });
    }
  }

  for (const rule of pack.rules) {
    if (!holds(rule.when, answers, byId)) continue;
    points += rule.points;
    if (rule.hardStop) hardStops.push(rule.id);
    reasons.push({
      id: rule.id,
      type: 'rule',
      points: round(rule.points, 2),
      hardStop: rule.hardStop === true,
      text: rule.text,
      sources: rule.sources,
    });
  }

  // The most the answered signals could give is their weight: points over that.
  const score = answeredWeight > 0 ? Math.min(100, Math.round((100 * points) / answeredWeight)) : 0;
  const confidence = applicableWeight > 0 ? round(answeredWeight / applicableWeight, 2) : 0;
  const verdict = decideVerdict(pack, score, hardStops.length > 0, answered > 0);

  // Largest first; ties keep pack order (Array.prototype.sort is stable).
  reasons.sort((a, b) => Number(b.hardStop) - Number(a.hardStop) || b.points - a.points);

  const recheckOn = verdict === 'fix' && options.today ? addDays(options.today, pack.scoring.recheckDays) : null;
  const values = templateValues(byId, answers, input.client, recheckOn, options.today, words);
  const steps: PlannedStep[] = derived(pack)
    .steps.filter((step) => step.verdicts.includes(verdict) && (!step.when || holds(step.when, answers, byId)))
    .map((step) => ({
      id: step.id,
      phase: step.phase,
      text: fillTemplate(step.text, values, () => ''),
      sources: step.sources,
    }));

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
    pack: { id: pack.id, version: pack.version },
  };
}

function decideVerdict(pack: Pack, score: number, hardStop: boolean, anyAnswer: boolean): Verdict {
  if (hardStop) return 'fire-now';
  // Nothing answered means nothing known: say keep (with confidence 0), never guess.
  if (!anyAnswer) return 'keep';
  const bands = derived(pack).bands;
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
  answers: Answers,
  client: string | undefined,
  recheckOn: string | null,
  today: string | undefined,
  words: AnswerWords,
): (name: string) => string | undefined {
  // Looked up on demand: a plan uses a handful of placeholders, not every answer.
  // `answers` holds no answer to a question that does not apply (see effectiveAnswers).
  return (name) => {
    switch (name) {
      case 'client':
        return client?.trim() ? client.trim() : words.theClient;
      case 'recheckOn':
        return recheckOn ?? undefined;
      case 'lastDay': {
        const notice = answers.notice_days;
        return today && typeof notice === 'number' ? (addDays(today, notice) ?? undefined) : undefined;
      }
    }
    const q = byId.get(name);
    if (!q) return undefined;
    const v = answers[name];
    // Numbers go in bare ("{notice_days} days"), other kinds in words.
    return v === null || v === undefined ? undefined : q.kind === 'number' ? String(v) : displayValue(q, v, words);
  };
}

const dates = new Map<string, string | null>();

/** `isoDate` plus `days`, as an ISO date; remembered, since a batch asks the same few sums again and again. */
export function addDays(isoDate: string, days: number): string | null {
  const key = `${isoDate}+${days}`;
  let result = dates.get(key);
  if (result === undefined) {
    const time = Date.parse(`${isoDate}T00:00:00Z`);
    result = Number.isNaN(time) ? null : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
    if (dates.size < 10_000) dates.set(key, result);
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
