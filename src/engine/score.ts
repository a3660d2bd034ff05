// The scoring model, in one place: points add up as evidence, floors set the
// least verdict a single answer or rule brings, and bands turn the points into
// a verdict. A "No" adds nothing; a "Not sure" adds nothing and only lowers the
// confidence. Used by evaluate() for the assessment and by the "what would
// change" search for the verdict alone.
import type { AnswerVector } from './conditions.js';
import { KEEP, type PreparedPack, type PreparedRule, type PreparedSignal, type Severity } from './prepare.js';
import type { Question } from './types.js';
import type { Value } from './kinds/index.js';

export interface Tally {
  /** 0..100: the points of the answers and the rules that hold, rounded and capped. */
  score: number;
  /** The verdict: the band of the score, raised to the floor. */
  verdict: Severity;
  /** Signals answered, and signals that apply. */
  answered: number;
  applicable: number;
  /** Weight of the answered signals over the weight of those that apply. */
  confidence: number;
}

/** Called for each signal answer that counts (share or floor above nothing), and each rule that holds. */
export interface TallyListener {
  signal(index: number, signal: PreparedSignal, value: Value, points: number, floor: Severity): void;
  rule(index: number): void;
}

export function tally(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined, listener?: TallyListener): Tally {
  let cents = 0;
  let floor = KEEP;
  let answered = 0;
  let applicable = 0;
  let applicableWeight = 0;
  let answeredWeight = 0;
  const { signals } = p;
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i] as PreparedSignal;
    if (signal.conditional && excluded?.includes(signal.question)) continue;
    applicable += 1;
    applicableWeight += signal.question.weight;
    const value = answers[signal.slot];
    if (value === null || value === undefined) continue;
    answered += 1;
    answeredWeight += signal.question.weight;
    const worth = signal.worth(value);
    cents += worth.cents;
    if (worth.floor > floor) floor = worth.floor;
    if (listener && (worth.cents > 0 || worth.floor > KEEP)) listener.signal(i, signal, value, worth.cents / 100, worth.floor);
  }
  const rulesHeld = rulesOver(p.rules, answers, listener);
  const { score, verdict } = verdictFrom(p, cents + rulesHeld.cents, Math.max(floor, rulesHeld.floor), answered);
  return {
    score,
    verdict,
    answered,
    applicable,
    confidence: applicableWeight > 0 ? Math.round((100 * answeredWeight) / applicableWeight) / 100 : 0,
  };
}

/** The points (in hundredths) and the most severe floor of those of `rules` that hold. */
export function rulesOver(rules: readonly PreparedRule[], answers: AnswerVector, listener?: Pick<TallyListener, 'rule'>): { cents: number; floor: Severity } {
  let cents = 0;
  let floor = KEEP;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as PreparedRule;
    if (!rule.holds(answers)) continue;
    cents += rule.cents;
    if (rule.floor > floor) floor = rule.floor;
    listener?.rule(i);
  }
  return { cents, floor };
}

/**
 * The score (points rounded, .5 up, capped at 100) from the points in
 * hundredths, and the verdict: the band of the score, raised to the floor.
 * Nothing answered means nothing known: keep, never a guess from the bands.
 */
export function verdictFrom(p: PreparedPack, cents: number, floor: Severity, answered: number): { score: number; verdict: Severity } {
  const score = Math.min(100, Math.round(cents / 100));
  return { score, verdict: Math.max(answered > 0 ? bandOf(p, score) : KEEP, floor) };
}

/** The severity of the band a score falls in (the last band includes its top). */
export function bandOf(p: PreparedPack, score: number): Severity {
  const { bands } = p;
  // A loop rather than find(): the "what would change" search asks this many times per record.
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as PreparedPack['bands'][number];
    if (score >= band.from && (score < band.to || (i === bands.length - 1 && score <= band.to))) return band.severity;
  }
  return KEEP;
}
