// The answers a report was made from, and numbers and dates in the reader's
// language, for the formats people read. Intl is set up once, by cli
// (RenderContext.formats); without it (a unit test, a caller that gives
// none) numbers stay plain and dates ISO.
import { holds } from '../engine/conditions.js';
import { kindOf } from '../engine/kinds/index.js';
import { isSignal } from '../engine/prepare.js';
import type { AnswerValue, Question } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';
import type { RenderContext } from './formats.js';

type Formats = RenderContext['formats'];

/** A date as the language writes it ("22 dicembre 2026"); ISO without formats. */
export function localDate(formats: Formats, iso: string): string {
  return formats ? formats.date(iso) : iso;
}

/** A number with `digits` decimals as the language writes it ("8,4"); plain without formats. */
export function localDecimal(formats: Formats, value: number, digits = 1): string {
  return formats ? formats.decimal(value, digits) : value.toFixed(digits);
}

/** The decimals a number is written with (at most 2): 30 → 0, 2.5 → 1. */
function decimalsOf(value: number): number {
  for (let digits = 0; digits < 2; digits++) if (Number.isInteger(value * 10 ** digits)) return digits;
  return 2;
}

/**
 * An answer in words, inside a sentence or a table cell: "often", "yes", "4/5",
 * "30 days", "2.400" (a number in the language's way), or "not sure".
 */
export function displayAnswer(q: Question, value: AnswerValue, m: Messages, formats: Formats): string {
  if (value === null) return m.report.notSure;
  if (q.kind !== 'number' || typeof value !== 'number') return kindOf(q).display(q, value, m.words);
  const shown = localDecimal(formats, value, decimalsOf(value));
  if (!q.unit) return shown;
  return q.unit === '%' ? `${shown}%` : `${shown} ${q.unit}`;
}

export interface AnswerRow {
  label: string;
  answer: string;
}

/**
 * The answers the assessment used, in the pack's order: red flags and facts
 * about the situation (questions that carry no points) apart. "Not sure" is
 * said as such; a question left out, or one the answers made inapplicable
 * (its askIf does not hold, so the engine set it aside), is not listed.
 */
export function answerRows(context: Pick<RenderContext, 'answers' | 'questions' | 'formats'>, m: Messages): { signals: AnswerRow[]; facts: AnswerRow[] } {
  const signals: AnswerRow[] = [];
  const facts: AnswerRow[] = [];
  const { answers, questions } = context;
  if (!answers || !questions) return { signals, facts };
  for (const q of questions.values()) {
    if (!Object.hasOwn(answers, q.id)) continue;
    if (q.askIf && !holds(q.askIf, answers, questions)) continue;
    const row = { label: q.label, answer: displayAnswer(q, answers[q.id] ?? null, m, context.formats) };
    (isSignal(q) ? signals : facts).push(row);
  }
  return { signals, facts };
}
