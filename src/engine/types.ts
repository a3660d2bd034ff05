// Plain data types shared by every layer. The engine depends on nothing but
// these, so it stays pure and free of zod, fs and the terminal.

export const FREQ_LEVELS = ['never', 'rarely', 'sometimes', 'often', 'always'] as const;
export const QUESTION_KINDS = ['bool', 'freq', 'scale', 'number'] as const;
export const PHASES = ['prevent', 'repair', 'prepare', 'conversation', 'after'] as const;
/** From the mildest to the most severe: a verdict's place here is how severe it is. */
export const VERDICTS = ['keep', 'fix', 'fire', 'fire-now'] as const;
/** The verdicts an answer or a rule can bring on its own (a floor). */
export const FLOOR_VERDICTS = ['fix', 'fire', 'fire-now'] as const;
/** The rule-pack format this version reads. 2: points add up as evidence, with floors. */
export const PACK_FORMAT = 2;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export type FreqLevel = (typeof FREQ_LEVELS)[number];
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type Phase = (typeof PHASES)[number];
export type Verdict = (typeof VERDICTS)[number];

/** A normalised answer: bool → boolean, freq → level, scale/number → number, not sure → null. */
export type AnswerValue = boolean | FreqLevel | number | null;
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface AnswerSet {
  client?: string;
  answers: Answers;
}

export type Scalar = boolean | number | string;

// The pack's types come from its zod schema (written once there); the engine
// only imports them as types, so it loads neither zod nor the schema.
export type {
  Category,
  Floor,
  NumberBand,
  Pack,
  Question,
  Rule,
  ScriptPart,
  ScriptSection,
  ScriptTemplates,
  Step,
  VerdictBand,
} from '../pack/schema.js';
export type { ConditionInput as Condition } from '../pack/schema.js';

export interface Reason {
  id: string;
  type: 'signal' | 'rule';
  points: number;
  /** The least verdict this reason brings on its own; null when it only adds points. `fire-now` is a hard stop. */
  floor: Verdict | null;
  text: string;
  sources: readonly string[];
}

/** A better verdict, and the fewest answer changes that reach it. */
export interface VerdictChange {
  verdict: Verdict;
  answers: Record<string, Exclude<AnswerValue, null>>;
}

export interface PlannedStep {
  id: string;
  phase: Phase;
  text: string;
  sources: readonly string[];
}

export interface ScriptOutput {
  id: string;
  title: string;
  subject: string | null;
  parts: { id: string; text: string; items: string[]; sources: string[] }[];
}

export interface Assessment {
  client: string | null;
  verdict: Verdict;
  score: number;
  confidence: number;
  answered: number;
  applicable: number;
  /** Read-only, as the lists below: the engine shares them between assessments of the same answers. */
  hardStops: readonly string[];
  reasons: readonly Reason[];
  steps: PlannedStep[];
  /** For fix and fire: each better verdict within reach, nearest first. Empty otherwise. */
  whatWouldChange: readonly VerdictChange[];
  recheckOn: string | null;
  /** The day it was made as of (ISO), when one was given. */
  assessedOn: string | null;
  /**
   * Last time's assessment of this client and how this one compares, when its
   * history was read (issue 15): made by the cli from the re-check's result
   * (history/views.ts previousView); the engine never reads a history itself.
   */
  previous?: Readonly<Record<string, unknown>>;
  pack: { id: string; version: string };
}
