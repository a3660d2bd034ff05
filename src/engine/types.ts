// Plain data types shared by every layer. The engine depends on nothing but
// these, so it stays pure and free of zod, fs and the terminal.

export const FREQ_LEVELS = ['never', 'rarely', 'sometimes', 'often', 'always'] as const;
export const QUESTION_KINDS = ['bool', 'freq', 'scale', 'number'] as const;
export const PHASES = ['repair', 'prepare', 'conversation', 'after'] as const;
export const VERDICTS = ['keep', 'fix', 'fire', 'fire-now'] as const;
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

export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  question?: string;
  is?: Scalar | Scalar[];
  atLeast?: number | FreqLevel;
  atMost?: number | FreqLevel;
  above?: number;
  below?: number;
  answered?: boolean;
}

export interface NumberBand {
  min: number;
  max: number;
  points: number;
}

export interface Question {
  id: string;
  category: string;
  kind: QuestionKind;
  label: string;
  text: string;
  help?: string;
  weight: number;
  hardStop?: boolean;
  askIf?: Condition;
  min?: number;
  max?: number;
  unit?: string;
  bands?: NumberBand[];
  talkingPoint?: string;
  sources: string[];
}

export interface Category {
  id: string;
  title: string;
  gate?: string;
}

export interface Rule {
  id: string;
  when: Condition;
  points: number;
  hardStop?: boolean;
  text: string;
  sources: string[];
}

export interface Step {
  id: string;
  phase: Phase;
  verdicts: Verdict[];
  when?: Condition;
  text: string;
  sources: string[];
}

export interface VerdictBand {
  verdict: Exclude<Verdict, 'fire-now'>;
  from: number;
  to: number;
}

export interface ScriptPart {
  id: string;
  text: string;
  verdicts?: Verdict[];
  when?: Condition;
  listReasons?: boolean;
  sources: string[];
}

export interface ScriptSection {
  id: string;
  title: string;
  subject?: string;
  verdicts?: Verdict[];
  when?: Condition;
  parts: ScriptPart[];
}

export interface ScriptTemplates {
  maxReasons: number;
  fallbackReason: string;
  sections: ScriptSection[];
}

export interface Pack {
  $schema?: string;
  format: 1;
  id: string;
  version: string;
  name: string;
  description?: string;
  categories: Category[];
  questions: Question[];
  rules: Rule[];
  scoring: { bands: VerdictBand[]; recheckDays: number };
  verdicts: Record<Verdict, { title: string; summary: string }>;
  steps: Step[];
  script?: ScriptTemplates;
  tone: { avoid: string[] };
}

export interface Reason {
  id: string;
  type: 'signal' | 'rule';
  points: number;
  hardStop: boolean;
  text: string;
  sources: string[];
}

export interface PlannedStep {
  id: string;
  phase: Phase;
  text: string;
  sources: string[];
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
  hardStops: string[];
  reasons: Reason[];
  steps: PlannedStep[];
  recheckOn: string | null;
  pack: { id: string; version: string };
}
