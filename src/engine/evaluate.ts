import { en } from '../i18n/en.js';
import type { AnswerVector } from './conditions.js';
import { kindOf, type AnswerWords, type Value } from './kinds/index.js';
import { PatternMemo } from './pattern.js';
import { dropInapplicable, FIRE_NOW, round2, severityOf, vectorOf, type PreparedPack, type PreparedRule, type PreparedSignal, type Scored, type Severity } from './prepare.js';
import { tally, type TallyListener } from './score.js';
import { fillTemplate } from './template.js';
import { VERDICTS, type AnswerSet, type AnswerValue, type Answers, type Assessment, type PlannedStep, type Question, type Reason } from './types.js';
import { whatWouldChange } from './what-would-change.js';

export type { AnswerWords } from './kinds/index.js';
export { isSignal, prepare, questionOrder, type PreparedPack } from './prepare.js';
export { TEMPLATE_NAMES } from './pack-facts.js';

export interface EvaluateOptions {
  /** ISO date (YYYY-MM-DD) the assessment is made on; sets `recheckOn` for a fix. */
  today?: string;
  /** How answer values read inside reasons and step texts (a language may replace them). */
  words?: AnswerWords;
  /** How the words to say (the script) write dates, amounts and names; without it, ISO dates and bare numbers. */
  letter?: LetterStyle;
}

/**
 * What a letter needs that the engine does not know: the formats of the
 * user's language (cli makes them with Intl, which the engine never loads),
 * and who writes to whom.
 */
export interface LetterStyle {
  date(iso: string): string;
  money(amount: number): string;
  /** The user's name, or a placeholder such as "[your name]". */
  me: string;
  /** The person at the client the words are for, when known. */
  contact?: string | undefined;
  /** Where a language marks the speaker (Thai): the pronoun and the polite particle, empty for a neutral voice. */
  pronoun?: string | undefined;
  particle?: string | undefined;
}

/** The words when a caller gives none: English, from the one dictionary of English words. */
export const ENGLISH_WORDS: AnswerWords = en.words;

/** How bad an answer is, from 0 (fine) to 1 (as bad as that question gets). */
export function severity(question: Question, value: Value): number {
  return kindOf(question).severity(question, value);
}

export function displayValue(question: Question, value: Value, words: AnswerWords = ENGLISH_WORDS): string {
  return kindOf(question).display(question, value, words);
}

/**
 * The questions that apply, in asking order, and the answers that count: the
 * answers given, without those to questions that do not apply.
 */
export function effectiveAnswers(p: PreparedPack, answers: Answers): { applicable: Question[]; answers: Answers } {
  const excluded = dropInapplicable(p, vectorOf(p, answers));
  if (!excluded) return { applicable: p.order, answers };
  const effective: Record<string, AnswerValue> = Object.assign(Object.create(null), answers);
  for (const question of excluded) delete effective[question.id];
  return { applicable: p.order.filter((q) => !excluded.includes(q)), answers: effective };
}

/**
 * Scores one client against a prepared pack. Pure and deterministic: the same
 * pack, answers and options always give the same assessment.
 */
export function evaluate(p: PreparedPack, input: AnswerSet, options: EvaluateOptions = {}): Assessment {
  const words = options.words ?? ENGLISH_WORDS;
  const answers = vectorOf(p, input.answers);
  const excluded = dropInapplicable(p, answers);
  const result = scoredFor(p, answers, excluded, words);
  const verdict = VERDICTS[result.verdict] as Assessment['verdict'];

  const recheckOn = verdict === 'fix' && options.today ? addDays(options.today, p.pack.scoring.recheckDays) : null;
  let values: ((name: string) => string | undefined) | undefined;
  const steps: PlannedStep[] = [];
  // Nothing answered is no verdict to act on: no plan either.
  for (const prepared of result.answered > 0 ? p.stepsFor(verdict) : []) {
    const { step, applies, planned } = prepared;
    if (applies && !applies(answers)) continue;
    if (planned) {
      steps.push(planned);
      continue;
    }
    values ??= templateValues(p.byId, (id) => answerTo(p, answers, id), input.client, recheckOn, options.today, words, options.letter);
    steps.push({ id: step.id, phase: step.phase, text: fillTemplate(step.text, values, nothing), sources: prepared.sources });
  }

  return {
    client: input.client ?? null,
    verdict,
    score: result.score,
    confidence: result.confidence,
    answered: result.answered,
    applicable: result.applicable,
    hardStops: result.hardStops,
    reasons: result.reasons,
    steps,
    whatWouldChange: result.whatWouldChange,
    recheckOn,
    assessedOn: options.today ?? null,
    pack: p.ref,
  };
}

const nothing = () => '';

/**
 * What the answers score: the reasons, the verdict and what would change it
 * follow from their pattern alone (see pattern.ts), so a pattern seen before
 * is scored once and shared, frozen.
 */
function scoredFor(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined, words: AnswerWords): Scored {
  let memo = p.scored.get(words);
  if (!memo) p.scored.set(words, (memo = new PatternMemo()));
  const found = memo.find(p, answers, excluded);
  if (found) return found;
  const scored = score(p, answers, excluded, words, memo.shouldRemember);
  memo.remember(scored);
  return scored;
}

/** `share`: the result is to be shared between assessments, so frozen (the batch encoder keeps the bytes of what is frozen). */
function score(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined, words: AnswerWords, share: boolean): Scored {
  const found = new Findings(p, memoFor(p, words), words);
  const result = tally(p, answers, excluded, found);
  const { reasons, hardStops, held } = found;
  sortReasons(reasons);
  const scored: Scored = {
    verdict: result.verdict,
    score: result.score,
    confidence: result.confidence,
    answered: result.answered,
    applicable: result.applicable,
    reasons: share ? Object.freeze(reasons) : reasons,
    hardStops: share ? Object.freeze(hardStops) : hardStops,
    whatWouldChange: whatWouldChange(p, answers, excluded, result.verdict, held, share),
  };
  return share ? Object.freeze(scored) : scored;
}

/** What the tally finds, as reasons, hard stops and the rules that hold: one object a record, no closures. */
class Findings implements TallyListener {
  readonly reasons: Reason[] = [];
  readonly hardStops: string[] = [];
  readonly held: PreparedRule[] = [];

  constructor(
    private readonly p: PreparedPack,
    private readonly memo: (Map<Value, Reason> | undefined)[],
    private readonly words: AnswerWords,
  ) {}

  signal(index: number, signal: PreparedSignal, value: Value, points: number, floor: Severity): void {
    if (floor === FIRE_NOW) this.hardStops.push(signal.question.id);
    this.reasons.push(signalReason(this.memo, index, signal, value, points, floor, this.words));
  }

  rule(index: number): void {
    const rule = this.p.rules[index] as PreparedRule;
    this.held.push(rule);
    if (rule.floor === FIRE_NOW) this.hardStops.push(rule.rule.id);
    this.reasons.push(rule.reason);
  }
}

/** The answer in the vector to the question with this id; undefined for no such question. */
function answerTo(p: PreparedPack, answers: AnswerVector, id: string): AnswerValue | undefined {
  const slot = p.slots.get(id);
  return slot === undefined ? undefined : answers[slot];
}

/**
 * Hard stops first, then the highest floor, then the most points; ties keep
 * pack order. An insertion sort: a dozen items or so, and no call per comparison.
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
  const fa = a.floor === null ? 0 : severityOf(a.floor);
  const fb = b.floor === null ? 0 : severityOf(b.floor);
  return fa === fb ? a.points > b.points : fa > fb;
}

/** Answers to a number question vary without end: only so many reasons each are kept. */
const MAX_MEMO_PER_QUESTION = 64;

function memoFor(p: PreparedPack, words: AnswerWords): (Map<Value, Reason> | undefined)[] {
  let memo = p.reasons.get(words);
  if (!memo) p.reasons.set(words, (memo = []));
  return memo;
}

function signalReason(memo: (Map<Value, Reason> | undefined)[], index: number, signal: PreparedSignal, value: Value, points: number, floor: Severity, words: AnswerWords): Reason {
  let byValue = memo[index];
  if (!byValue) memo[index] = byValue = new Map();
  let reason = byValue.get(value);
  if (!reason) {
    const { question } = signal;
    reason = {
      id: question.id,
      type: 'signal',
      points: round2(points),
      floor: floor > 0 ? (VERDICTS[floor] as Reason['floor']) : null,
      text: `${question.label}: ${signal.kind.display(question, value, words)}`,
      sources: signal.sources,
    };
    // Frozen when shared, and only then: the batch encoder keeps the bytes of what is frozen.
    if (byValue.size < MAX_MEMO_PER_QUESTION) byValue.set(value, Object.freeze(reason));
  }
  return reason;
}

/** A date as it is, or the Monday after it when it falls on a weekend: a last working day is a working day. */
export function workingDayFrom(isoDate: string | null): string | null {
  if (isoDate === null) return null;
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(isoDate, 2) : day === 0 ? addDays(isoDate, 1) : isoDate;
}

/**
 * A name as it goes inside sentences: line breaks and tabs in it (from a CRM
 * field) read as spaces. Most names have none, and are used as they are.
 */
function inSentence(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return (/\s\s|[^\S ]/.test(name) ? name.replace(/\s+/g, ' ') : name).trim();
}


/**
 * The values for `{placeholders}`: the client, dates, and each applicable
 * question's answer. `lastDay` is today plus the contract's notice, when known,
 * moved to the Monday after when that falls on a weekend.
 */
export function templateValues(
  byId: ReadonlyMap<string, Question>,
  answers: Answers | ((id: string) => AnswerValue | undefined),
  client: string | undefined,
  recheckOn: string | null,
  today: string | undefined,
  words: AnswerWords,
  letter?: LetterStyle,
): (name: string) => string | undefined {
  // Looked up on demand: a plan uses a handful of placeholders, not every answer.
  // `answers` holds no answer to a question that does not apply (see effectiveAnswers).
  const answer = typeof answers === 'function' ? answers : (id: string) => answers[id];
  let named: string | undefined;
  return (name) => {
    switch (name) {
      case 'client':
        return (named ??= inSentence(client) || words.theClient);
      case 'recheckOn':
        return recheckOn === null ? undefined : letter ? letter.date(recheckOn) : recheckOn;
      case 'lastDay': {
        const notice = answer('notice_days');
        const day = today && typeof notice === 'number' ? workingDayFrom(addDays(today, notice)) : null;
        return day === null ? undefined : letter ? letter.date(day) : day;
      }
      case 'me':
        return letter?.me;
      case 'contact':
        // Whom a letter greets: the person when known, else the client's own name; no one when neither is.
        return letter ? letter.contact?.replace(/\s+/g, ' ').trim() || client?.replace(/\s+/g, ' ').trim() || undefined : undefined;
      case 'pronoun':
        return letter?.pronoun;
      case 'particle':
        return letter?.particle;
    }
    const q = byId.get(name);
    if (!q) return undefined;
    const v = answer(name);
    if (v === null || v === undefined) return undefined;
    // Numbers go in bare ("{notice_days} days"), amounts with the currency in a letter, other kinds in words.
    if (q.kind !== 'number') return displayValue(q, v, words);
    return q.money && letter && typeof v === 'number' ? letter.money(v) : String(v);
  };
}

/** Sums worked out so far, by date, then days; bounded (a run asks the same few). */
const sums = new Map<string, Map<number, string | null>>();

/**
 * `isoDate` plus `days`, as an ISO date; null for a date that does not parse.
 * Remembered: a batch asks the same few sums (today plus the re-check days or
 * a notice) for every record, and date parsing is not cheap.
 */
export function addDays(isoDate: string, days: number): string | null {
  let byDays = sums.get(isoDate);
  if (byDays === undefined) {
    if (sums.size >= 64) sums.clear();
    sums.set(isoDate, (byDays = new Map()));
  }
  let result = byDays.get(days);
  if (result === undefined) {
    const time = Date.parse(`${isoDate}T00:00:00Z`);
    result = Number.isNaN(time) ? null : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
    if (byDays.size >= 1024) byDays.clear();
    byDays.set(days, result);
  }
  return result;
}
