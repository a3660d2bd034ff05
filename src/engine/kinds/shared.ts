// What every answer kind provides. Each kind is one module; index.ts lists them
// in a table typed `satisfies Record<QuestionKind, KindSpec>`, so a new kind
// cannot be added to the types without all of this.
import type { AnswerValue, Question, Scalar } from '../types.js';

export type Value = Exclude<AnswerValue, null>;

/** How answer values read inside reasons, steps and the review screen (a language may replace them). */
export interface AnswerWords {
  yes: string;
  no: string;
  theClient: string;
  freq: Record<'never' | 'rarely' | 'sometimes' | 'often' | 'always', string>;
}

export interface KindSpec {
  /**
   * A value written in a pack or an answer file, in the form answers are kept
   * in; undefined when this kind cannot take it. Range checks (scale 1..5, a
   * number's min and max) are `inRange`'s.
   */
  coerce(q: Question, raw: Scalar): Value | undefined;
  /** Whether a coerced value lies in the question's range. */
  inRange(q: Question, value: Value): boolean;
  /** A value already in kept form and range: needs no work when parsed. */
  isCanonical(q: Question, value: unknown): boolean;
  /** Position on the question's own scale, for atLeast/atMost. */
  rank(value: Value): number;
  /**
   * How bad an answer is, from 0 (no trouble) to 1 (as bad as it gets). Not
   * linear for frequencies: "rarely" is normal (A: "consider how often").
   */
  severity(q: Question, value: Value): number;
  /**
   * The values to choose from, from the best answer to the worst: the
   * interview's choices, and the answers the "what would change" search may
   * move to. For numbers, one value per band (its lowest).
   */
  values(q: Question): Value[];
  /** The answer that means "no trouble here". null where there is none (a number). */
  best(q: Question): Value | null;
  /** The value in words, inside a sentence. */
  display(q: Question, value: Value, words: AnswerWords): string;
  /** The allowed values, compact, for `fire-check questions`. */
  list(q: Question): string;
}

/**
 * The share of a question's weight that each of five ordered answers gives:
 * never/1, rarely/2, sometimes/3, often/4, always/5. Convex on purpose: a rare
 * hiccup is normal and adds next to nothing, a chronic problem adds it all.
 */
export const FIVE_STEP_SHARES = [0, 0.05, 0.35, 0.7, 1] as const;
