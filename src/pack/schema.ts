// The shape of a rule pack. Structure only: whether the pieces fit together
// (ids that exist, values a question can take, bands that tile 0..100) is
// checked afterwards in validate.ts, where each problem can name its path.
import * as z from 'zod';
import { FLOOR_VERDICTS, PACK_FORMAT, PHASES, QUESTION_KINDS, VERDICTS } from '../engine/types.js';
import { evidenceSettingsProblems } from './evidence.js';

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

/**
 * The least verdict an answer brings on its own, whatever else is answered:
 * from `atLeast` up (a yes, for yes/no). `fire-now` makes it a hard stop.
 */
const Floor = z.strictObject({
  atLeast: Scalar,
  verdict: z.enum(FLOOR_VERDICTS),
});

const NumberBand = z.strictObject({
  min: z.number(),
  max: z.number(),
  points: z.number().min(0, 'points must not be negative'),
});

// Field shapes without defaults: an extending pack lists only what it changes,
// so a default (weight 0, say) there would silently overwrite the base value.
const questionFields = {
  id: QuestionId,
  category: QuestionId,
  kind: z.enum(QUESTION_KINDS),
  label: Text,
  text: Text,
  help: Text.optional(),
  weight: z.number().min(0, 'weight must not be negative'),
  floors: z.array(Floor).min(1).optional(),
  askIf: ConditionSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: Text.optional(),
  /** A number that is an amount of money: the words to say write it with the user's currency. */
  money: z.boolean().optional(),
  bands: z.array(NumberBand).min(1).optional(),
  /** A neutral, blame-free sentence about this signal, for the call script. */
  talkingPoint: Text.optional(),
  sources: Sources,
};

const categoryFields = {
  id: QuestionId,
  title: Text,
  gate: Text.optional(),
};

const ruleFields = {
  id: ItemId,
  when: ConditionSchema,
  points: z.number().min(0, 'points must not be negative'),
  /** The least verdict the rule brings when it holds; `fire-now` makes it a hard stop. */
  floor: z.enum(FLOOR_VERDICTS).optional(),
  text: Text,
  sources: Sources,
};

const stepFields = {
  id: ItemId,
  phase: z.enum(PHASES),
  verdicts: z.array(z.enum(VERDICTS)).min(1),
  when: ConditionSchema.optional(),
  text: Text,
  sources: Sources,
};

const scriptPartFields = {
  id: ItemId,
  text: Text,
  verdicts: z.array(z.enum(VERDICTS)).min(1).optional(),
  when: ConditionSchema.optional(),
  /** Follow the text with the talking points of the flagged signals. */
  listReasons: z.boolean().optional(),
  sources: Sources,
};

const scriptSectionFields = {
  id: ItemId,
  title: Text,
  /** For a written message: its subject line. */
  subject: Text.optional(),
  verdicts: z.array(z.enum(VERDICTS)).min(1).optional(),
  when: ConditionSchema.optional(),
  parts: z.array(z.strictObject({ ...scriptPartFields, sources: Sources.default([]) })).min(1),
};

export const ScriptSchema = z.strictObject({
  maxReasons: z.number().int().min(1).max(10).default(3),
  fallbackReason: Text,
  sections: z.array(z.strictObject(scriptSectionFields)).min(1),
});

export const ToneSchema = z.strictObject({
  /** Words and phrases of blame or hostility that no generated text may contain. */
  avoid: z.array(Text).default([]),
});

export const QuestionSchema = z.strictObject({ ...questionFields, weight: questionFields.weight.default(0), sources: Sources.default([]) });
export const CategorySchema = z.strictObject(categoryFields);
export const RuleSchema = z.strictObject({ ...ruleFields, points: ruleFields.points.default(0), sources: Sources.default([]) });
export const StepSchema = z.strictObject({ ...stepFields, sources: Sources.default([]) });

/**
 * Thresholds that turn invoice facts into answers (`fire-check evidence`, issue 16).
 * Every field is optional: src/evidence/settings.ts holds the defaults, and
 * docs/evidence.md says where each number comes from.
 */
const Percent = z.number().min(0).max(100);
const EvidenceSchema = z
  .strictObject({
    graceDays: z.number().int().min(0).max(365).optional().describe('days after the due date a payment still counts as on time (default 5)'),
    defaultTermsDays: z.number().int().min(0).max(365).optional().describe('an invoice with no due date is due this many days after it was issued (default 30)'),
    paysLate: z
      .strictObject({ rarely: Percent, sometimes: Percent, often: Percent, always: Percent })
      .optional()
      .describe('the share of invoices paid late (percent) above which pays_late is at least that answer (default 0, 20, 50, 90)'),
    unpaidWorkDays: z.number().int().min(1).max(3650).optional().describe('an invoice open more than this many days past due means unpaid_work (default 60)'),
    sources: Sources.optional(),
  })
  .superRefine((evidence, ctx) => {
    for (const problem of evidenceSettingsProblems(evidence)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

const VerdictBand = z.strictObject({
  verdict: z.enum(['keep', 'fix', 'fire']),
  from: z.number().min(0).max(100),
  to: z.number().min(0).max(100),
});

const VerdictText = z.strictObject({ title: Text, summary: Text });

const FORMAT_1 =
  `format 1 packs scored an average and are no longer read: format ${PACK_FORMAT} adds points up as evidence, with floors. ` +
  'Set "format: 2", give weights as the points of the worst answer, replace "hardStop: true" with "floors: [{atLeast: yes, verdict: fire-now}]" ' +
  '(on a rule: "floor: fire-now"), and check the bands (see CHANGELOG.md)';

const header = {
  $schema: z.string().optional(),
  format: z.literal(PACK_FORMAT, { error: (issue) => (issue.input === 1 ? FORMAT_1 : `must be ${PACK_FORMAT}`) }),
  id: ItemId,
  version: Text,
  name: Text,
  description: Text.optional(),
};

export const PackSchema = z.strictObject({
  ...header,
  categories: z.array(CategorySchema).min(1),
  questions: z.array(QuestionSchema).min(1),
  rules: z.array(RuleSchema).default([]),
  scoring: z.strictObject({
    bands: z.array(VerdictBand).min(1),
    recheckDays: z.number().int().min(1).max(365).default(30),
  }),
  verdicts: z.strictObject({ keep: VerdictText, fix: VerdictText, fire: VerdictText, 'fire-now': VerdictText }),
  steps: z.array(StepSchema).default([]),
  script: ScriptSchema.optional(),
  tone: ToneSchema.default({ avoid: [] }),
  evidence: EvidenceSchema.optional(),
});

/** An item in an extending pack: an id, plus only the fields it changes (or all of them, for a new item). */
const overlayItem = <T extends { id: z.ZodType }>(fields: T) => z.strictObject(fields).partial().required({ id: true } as never);

export const PackOverlaySchema = z.strictObject({
  ...header,
  name: Text.optional(),
  extends: Text,
  categories: z.array(overlayItem(categoryFields)).optional(),
  questions: z.array(overlayItem(questionFields)).optional(),
  rules: z.array(overlayItem(ruleFields)).optional(),
  steps: z.array(overlayItem(stepFields)).optional(),
  scoring: z
    .strictObject({
      bands: z.array(VerdictBand).min(1).optional(),
      recheckDays: z.number().int().min(1).max(365).optional(),
    })
    .optional(),
  verdicts: z
    .strictObject({
      keep: VerdictText.partial().optional(),
      fix: VerdictText.partial().optional(),
      fire: VerdictText.partial().optional(),
      'fire-now': VerdictText.partial().optional(),
    })
    .optional(),
  // A script replaces the base's script as a whole; tone.avoid adds to the base's list.
  script: ScriptSchema.optional(),
  tone: z.strictObject({ avoid: z.array(Text).optional() }).optional(),
  // Evidence thresholds change field by field; paysLate is replaced as a whole.
  evidence: EvidenceSchema.optional(),
  disable: z
    .strictObject({
      questions: z.array(QuestionId).optional(),
      rules: z.array(ItemId).optional(),
      steps: z.array(ItemId).optional(),
    })
    .optional(),
});

/** What an editor checks a pack file against: a whole pack, or one that extends another. */
export const PackFileSchema = z.union([PackSchema, PackOverlaySchema]);

export type PackInput = z.input<typeof PackSchema>;
export type PackOverlay = z.output<typeof PackOverlaySchema>;

// The pack's types are what the schema gives: written once, here.
export type Pack = z.output<typeof PackSchema>;
export type Question = Pack['questions'][number];
export type Category = Pack['categories'][number];
export type Rule = Pack['rules'][number];
export type Step = Pack['steps'][number];
export type Floor = z.output<typeof Floor>;
export type NumberBand = z.output<typeof NumberBand>;
export type VerdictBand = Pack['scoring']['bands'][number];
export type ScriptTemplates = NonNullable<Pack['script']>;
export type ScriptSection = ScriptTemplates['sections'][number];
export type ScriptPart = ScriptSection['parts'][number];
export type EvidenceThresholds = NonNullable<Pack['evidence']>;

const textsOf = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, Text.optional()])) as Record<K, z.ZodOptional<typeof Text>>);

/** A translation of a pack's texts (rules/<pack>.<lang>.yaml), keyed by id. */
export const PackOverlaySchemaI18n = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as it, hu or th'),
  pack: ItemId.optional(),
  categories: z.record(z.string(), textsOf(['title', 'gate'])).optional(),
  questions: z.record(z.string(), textsOf(['label', 'text', 'help', 'talkingPoint', 'unit'])).optional(),
  rules: z.record(z.string(), Text).optional(),
  steps: z.record(z.string(), Text).optional(),
  verdicts: z
    .strictObject({ keep: textsOf(['title', 'summary']).optional(), fix: textsOf(['title', 'summary']).optional(), fire: textsOf(['title', 'summary']).optional(), 'fire-now': textsOf(['title', 'summary']).optional() })
    .optional(),
  script: z
    .strictObject({
      fallbackReason: Text.optional(),
      sections: z.record(z.string(), z.strictObject({ title: Text.optional(), subject: Text.optional(), parts: z.record(z.string(), Text).optional() })).optional(),
    })
    .optional(),
  /** Words of blame in this language; they add to the pack's tone list. */
  tone: z.strictObject({ avoid: z.array(Text) }).optional(),
});
