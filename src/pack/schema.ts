// The shape of a rule pack. Structure only: whether the pieces fit together
// (ids that exist, values a question can take, bands that tile 0..100) is
// checked afterwards in validate.ts, where each problem can name its path.
import { z } from 'zod';
import { PHASES, QUESTION_KINDS, VERDICTS } from '../engine/types.js';

const QuestionId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case (letters, digits, _), starting with a letter');
const ItemId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _, starting with a letter');
const Text = z.string().trim().min(1, 'must not be empty');
const Sources = z.array(Text);

const Scalar = z.union([z.boolean(), z.number(), z.string()]);
// Any string here; validate.ts then says which values that question can take.
const Ordered = z.union([z.number(), z.string()]);

// One object type for every condition, rather than a union: zod then reports
// a typo such as `atleast` as an unrecognised key instead of "no union
// member matched", and the exact-one-operator rule is checked in validate.ts.
export interface ConditionInput {
  all?: ConditionInput[];
  any?: ConditionInput[];
  not?: ConditionInput;
  question?: string;
  is?: z.infer<typeof Scalar> | z.infer<typeof Scalar>[];
  atLeast?: z.infer<typeof Ordered>;
  atMost?: z.infer<typeof Ordered>;
  above?: number;
  below?: number;
  answered?: boolean;
}

export const ConditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z.strictObject({
    all: z.array(ConditionSchema).min(1).optional(),
    any: z.array(ConditionSchema).min(1).optional(),
    not: ConditionSchema.optional(),
    question: QuestionId.optional(),
    is: z.union([Scalar, z.array(Scalar).min(1)]).optional(),
    atLeast: Ordered.optional(),
    atMost: Ordered.optional(),
    above: z.number().optional(),
    below: z.number().optional(),
    answered: z.boolean().optional(),
  }),
);

const NumberBand = z.strictObject({
  min: z.number(),
  max: z.number(),
  points: z.number().min(0, 'points must not be negative'),
});

export const QuestionSchema = z.strictObject({
  id: QuestionId,
  category: QuestionId,
  kind: z.enum(QUESTION_KINDS),
  label: Text,
  text: Text,
  help: Text.optional(),
  weight: z.number().min(0, 'weight must not be negative').default(0),
  hardStop: z.boolean().optional(),
  askIf: ConditionSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: Text.optional(),
  bands: z.array(NumberBand).min(1).optional(),
  sources: Sources.default([]),
});

export const CategorySchema = z.strictObject({
  id: QuestionId,
  title: Text,
  gate: Text.optional(),
});

export const RuleSchema = z.strictObject({
  id: ItemId,
  when: ConditionSchema,
  points: z.number().min(0, 'points must not be negative').default(0),
  hardStop: z.boolean().optional(),
  text: Text,
  sources: Sources.default([]),
});

export const StepSchema = z.strictObject({
  id: ItemId,
  phase: z.enum(PHASES),
  verdicts: z.array(z.enum(VERDICTS)).min(1),
  when: ConditionSchema.optional(),
  text: Text,
  sources: Sources.default([]),
});

const VerdictBand = z.strictObject({
  verdict: z.enum(['keep', 'fix', 'fire']),
  from: z.number().min(0).max(100),
  to: z.number().min(0).max(100),
});

const VerdictText = z.strictObject({ title: Text, summary: Text });

export const PackSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  id: ItemId,
  version: Text,
  name: Text,
  description: Text.optional(),
  categories: z.array(CategorySchema).min(1),
  questions: z.array(QuestionSchema).min(1),
  rules: z.array(RuleSchema).default([]),
  scoring: z.strictObject({
    bands: z.array(VerdictBand).min(1),
    recheckDays: z.number().int().min(1).max(365).default(30),
  }),
  verdicts: z.strictObject({
    keep: VerdictText,
    fix: VerdictText,
    fire: VerdictText,
    'fire-now': VerdictText,
  }),
  steps: z.array(StepSchema).default([]),
});

export type PackInput = z.input<typeof PackSchema>;
