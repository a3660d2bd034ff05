// The re-check closes the loop (issue 15). A `fix` is one honest attempt, and
// its plan ends with "check again on <date>; if nothing has improved, it is
// time to end it" (the pack's `recheck` step; A§4: "if it doesn't work, fire
// the client"). At or after that date, an assessment that has met none of the
// targets the fix set (its whatWouldChange) and improved on nothing becomes a
// `fire`, with that as its reason and the offboarding plan.
//
// Pure, like the rest of the engine: the previous assessment and today come in
// as input; this file never reads a history.
import { severity, templateValues, ENGLISH_WORDS, type AnswerWords } from './evaluate.js';
import { dropInapplicable, severityOf, vectorOf, type PreparedPack } from './prepare.js';
import { fillTemplate } from './template.js';
import { type AnswerValue, type Answers, type Assessment, type PlannedStep, type Reason, type Verdict, type VerdictChange } from './types.js';

/** How a client stands against last time: by verdict first, then by score; `new` with no last time. */
export type Trend = 'better' | 'worse' | 'same' | 'new';

/** What is compared for a trend: a verdict and its score. */
export interface Standing {
  verdict: Verdict;
  score: number;
}

/** The assessment a re-check looks back on, as history keeps it. */
export interface PreviousAssessment extends Standing {
  assessedOn: string;
  recheckOn: string | null;
  answers: Answers;
  whatWouldChange: readonly VerdictChange[];
  pack: { id: string; version: string };
}

/** Whether the answers now reach what last time's nearest better verdict asked of them. */
export type TargetStatus = 'met' | 'not-met' | 'unknown';

export interface TargetAnswer {
  id: string;
  target: Exclude<AnswerValue, null>;
  /** The answer now; null when not answered or not sure. */
  now: AnswerValue;
  /** Null when it cannot be told: no answer now, or the question is not in this pack. */
  met: boolean | null;
}

export interface TargetCheck {
  /** The better verdict the targets were for (the nearest one last time). */
  verdict: Verdict;
  status: TargetStatus;
  answers: TargetAnswer[];
}

export interface Recheck {
  /** The assessment as evaluated, or moved to `fire` by the re-check. */
  assessment: Assessment;
  trend: Trend;
  /** Null when there is no last time, or it set no targets (a keep, a fire-now). */
  targets: TargetCheck | null;
  /** True when the re-check moved the verdict to `fire`. */
  escalated: boolean;
}

export interface RecheckOptions {
  words?: AnswerWords;
  /** The escalation reason's text, given last time's date (a language may replace it). */
  reasonText?: (previousOn: string) => string;
}

/** The id of the reason a re-check adds; the pack's step that promised the re-check has this id too. */
export const RECHECK_ID = 'recheck';
/** Where the escalation comes from: A§4, "if it doesn't work, fire the client". */
const RECHECK_SOURCE = 'A§4';

const englishReason = (previousOn: string) => `Checked again after the repair plan of ${previousOn}: nothing has improved, and what was to change has not`;

/** Better or worse: the verdict decides; at the same verdict, the score. */
export function trendOf(previous: Standing | null | undefined, now: Standing): Trend {
  if (!previous) return 'new';
  const by = severityOf(now.verdict) - severityOf(previous.verdict) || Math.sign(now.score - previous.score);
  return by < 0 ? 'better' : by > 0 ? 'worse' : 'same';
}

/**
 * Last time's targets (its whatWouldChange for the nearest better verdict)
 * against the answers now: each answer is met when it is now no worse than its
 * target. Met when all are; not met when one is known not to be; unknown when
 * some cannot be told and none fails. Null when there were no targets.
 */
export function checkTargets(p: PreparedPack, targets: readonly VerdictChange[], answers: Answers): TargetCheck | null {
  const nearest = targets[0];
  if (!nearest) return null;
  const checked: TargetAnswer[] = [];
  for (const [id, target] of Object.entries(nearest.answers)) {
    const question = p.byId.get(id);
    const now = Object.hasOwn(answers, id) ? (answers[id] as AnswerValue) : null;
    const met = question === undefined || now === null ? null : severity(question, now) <= severity(question, target);
    checked.push({ id, target, now, met });
  }
  const status: TargetStatus = checked.some((a) => a.met === false) ? 'not-met' : checked.every((a) => a.met === true) ? 'met' : 'unknown';
  return { verdict: nearest.verdict, status, answers: checked };
}

/**
 * Compares an assessment with the last one and applies the re-check: at or
 * after a fix's re-check date, with its targets not met and nothing better
 * (same verdict, no lower score), a fix becomes a fire. `answers` are those the
 * assessment was made from; `today` is ISO (YYYY-MM-DD), as `recheckOn` is.
 */
export function recheck(p: PreparedPack, now: Assessment, answers: Answers, previous: PreviousAssessment | null | undefined, today: string, options: RecheckOptions = {}): Recheck {
  if (!previous) return { assessment: now, trend: 'new', targets: null, escalated: false };
  const trend = trendOf(previous, now);
  const targets = previous.pack.id === p.ref.id ? checkTargets(p, previous.whatWouldChange, answers) : null;
  const due = previous.verdict === 'fix' && previous.recheckOn !== null && previous.recheckOn <= today;
  // A fire or fire-now needs no escalating, and a keep is better than a fix already.
  const escalated = due && now.verdict === 'fix' && trend !== 'better' && targets?.status === 'not-met';
  if (!escalated) return { assessment: now, trend, targets, escalated };
  const reason: Reason = {
    id: RECHECK_ID,
    type: 'rule',
    points: 0,
    floor: 'fire',
    text: (options.reasonText ?? englishReason)(previous.assessedOn),
    sources: recheckSources(p),
  };
  const assessment: Assessment = {
    ...now,
    verdict: 'fire',
    // The reason that decides comes first, as evaluate orders them (by floor): it is the only fire floor here.
    reasons: [reason, ...now.reasons],
    steps: planFor(p, 'fire', answers, now.client, today, options.words ?? ENGLISH_WORDS),
    // What would have kept it a fix, or better: the targets are still what would change it.
    whatWouldChange: now.whatWouldChange,
    recheckOn: null,
  };
  // From the fix of last time to a fire now.
  return { assessment, trend: 'worse', targets, escalated };
}

/** A§4, and the sources of the pack's own re-check step, when it has one. */
function recheckSources(p: PreparedPack): string[] {
  const step = p.pack.steps.find((s) => s.id === RECHECK_ID);
  const sources = [RECHECK_SOURCE];
  for (const source of step?.sources ?? []) if (!sources.includes(source)) sources.push(source);
  return sources;
}

/**
 * A verdict's plan for these answers, as evaluate() makes it: the prepared
 * steps for the verdict, those whose condition holds, placeholders filled.
 * evaluate() has the same loop inline; it is to become one exported function
 * there, which this will call (evaluate.ts was being edited when this was written).
 */
function planFor(p: PreparedPack, verdict: Verdict, given: Answers, client: string | null, today: string, words: AnswerWords): PlannedStep[] {
  const answers = vectorOf(p, given);
  dropInapplicable(p, answers);
  const answerTo = (id: string) => {
    const slot = p.slots.get(id);
    return slot === undefined ? undefined : answers[slot];
  };
  let values: ((name: string) => string | undefined) | undefined;
  const steps: PlannedStep[] = [];
  for (const { step, applies, planned } of p.stepsFor(verdict)) {
    if (applies && !applies(answers)) continue;
    if (planned) {
      steps.push(planned);
      continue;
    }
    values ??= templateValues(p.byId, answerTo, client ?? undefined, null, today, words);
    steps.push({ id: step.id, phase: step.phase, text: fillTemplate(step.text, values, () => ''), sources: step.sources });
  }
  return steps;
}
