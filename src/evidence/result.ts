// The one definition of what `fire-check evidence --format json` prints (issue
// 16; field names fixed there, a few added). The TypeScript types are z.infer of
// it; the evidence core imports them as types only, so it runs without zod.
// docs/evidence.md explains every field.
import * as z from 'zod';
import { DATE_ORDERS } from './dates.js';
import { AGING_BUCKETS } from './figures.js';
import { FORMAT_NAMES, SKIP_REASONS } from './formats/types.js';
import { PAYS_LATE_LEVELS } from './settings.js';

const Count = z.number().int().min(0);
/** In the invoice's currency, rounded to cents. */
const Money = z.number();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The answers the facts imply, by question id of the default pack. */
export const EvidenceAnswersSchema = z.strictObject({
  /** Absent when the export dates no payment, or no invoice is yet decided. */
  pays_late: z.enum(PAYS_LATE_LEVELS).optional(),
  amount_owed: Money,
  amount_overdue: Money,
  /** Absent when there is no income in the window (or the export lists only open items). */
  income_share: z.number().min(0).max(100).optional(),
  unpaid_work: z.boolean(),
});

export const ClientFactsSchema = z.strictObject({
  client: z.string(),
  /** Lower-case ISO code; '' when the export names none. */
  currency: z.string(),
  invoices: Count,
  paid: Count,
  paidLate: Count,
  /** Over the paid invoices with a payment date; null when there is none. */
  averageDaysLate: z.number().min(0).nullable(),
  open: z.strictObject({ count: Count, amount: Money }),
  overdue: z.strictObject({
    count: Count,
    amount: Money,
    buckets: z.strictObject(Object.fromEntries(AGING_BUCKETS.map((b) => [b, Money])) as Record<(typeof AGING_BUCKETS)[number], typeof Money>),
  }),
  /** Percent, one decimal; null when it cannot be measured. */
  incomeShare: z.number().min(0).max(100).nullable(),
  answers: EvidenceAnswersSchema,
  // Added to the fields: the basis of the answers.
  /** Paid, but the export gives no payment date: not in the lateness figures. */
  paidWithoutDate: Count,
  /** Percent of decided invoices more than the grace late (paid late, or open past due and grace); null if none decided. */
  lateShare: z.number().min(0).max(100).nullable(),
  oldestOverdueDays: Count.nullable(),
  /** Invoiced (credit notes netted) over the income window: the client's part of the income share; null for an aging report. */
  invoicedInWindow: Money.nullable(),
});

export const EvidenceSchema = z.strictObject({
  schemaVersion: z.literal(1),
  asOf: IsoDate,
  source: z.strictObject({
    format: z.enum(FORMAT_NAMES),
    /** Records after the header row. */
    rows: Count,
    /** Invoices and credit notes counted (drafts, voids and the like are not). */
    invoices: Count,
    /** The first 100 records that hold data the figures cannot use. */
    skipped: z.array(
      z.strictObject({
        line: z.number().int().min(1),
        reason: z.enum(SKIP_REASONS),
        column: z.string().optional(),
        value: z.string().optional(),
      }),
    ),
    skippedTotal: Count,
    excluded: z.strictObject({ draft: Count, void: Count, writtenOff: Count, otherCurrency: Count }),
    /** How numeric dates were read: from the file's own values, or as given; null when none needed it. */
    dateOrder: z.enum(DATE_ORDERS).nullable(),
  }),
  basis: z.strictObject({
    graceDays: Count,
    termsDays: Count,
    unpaidWorkDays: Count,
    incomeWindowDays: Count,
    /** The export dates payments, so lateness (pays_late) is measured. */
    paymentDates: z.boolean(),
    /** The export lists only open items (an aging report): no income share. */
    openItemsOnly: z.boolean(),
  }),
  clients: z.array(ClientFactsSchema),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type ClientFacts = z.infer<typeof ClientFactsSchema>;
export type EvidenceAnswers = z.infer<typeof EvidenceAnswersSchema>;
export type SkippedRow = Evidence['source']['skipped'][number];

/** Problems that stop the reading; the CLI words them by code (exit 2). */
export const EVIDENCE_PROBLEM_CODES = [
  /** No header row of a known export in the first rows: params.firstRow, params.formats. */
  'evidence/unknown-format',
  /** The forced format's or --columns' header names are not all there: params.missing. */
  'evidence/missing-columns',
  /** The file has no record at all. */
  'evidence/empty',
  /** Numeric dates that only an order can read, and nothing in the file decides it: params.columns, params.example, params.options. */
  'evidence/ambiguous-dates',
  /** Values that prove both orders in one file: params.value, params.order, params.orderValue, params.orderLine. */
  'evidence/mixed-date-orders',
  /** A --columns text that does not parse (see columns.ts). */
  'evidence/bad-columns',
  /** `today` is not a YYYY-MM-DD date. */
  'evidence/bad-today',
] as const;
export type EvidenceProblemCode = (typeof EVIDENCE_PROBLEM_CODES)[number];

export interface EvidenceProblem {
  code: EvidenceProblemCode;
  /** The record the problem was found at, when there is one. */
  line?: number;
  params: Record<string, string | number | string[]>;
}
