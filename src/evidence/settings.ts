// The thresholds that turn invoice facts into answers (issue 16). They are data:
// a rule pack sets them in its `evidence` block (src/pack/schema.ts), and
// these defaults fill what it leaves out. Pure; no zod here, so the evidence
// core loads without it.

/** The answers `pays_late` can take, best first. */
export const PAYS_LATE_LEVELS = ['never', 'rarely', 'sometimes', 'often', 'always'] as const;
export type PaysLate = (typeof PAYS_LATE_LEVELS)[number];

export interface EvidenceSettings {
  /** Days after the due date a payment may arrive and still count as on time. */
  graceDays: number;
  /** Payment terms for an invoice with no due date: due this many days after it was issued. */
  defaultTermsDays: number;
  /**
   * The share of invoices paid late, in percent, above which `pays_late` is at
   * least that answer; at or below `rarely`, it is `never`.
   */
  paysLate: Record<Exclude<PaysLate, 'never'>, number>;
  /** An invoice still open more than this many days after its due date means `unpaid_work`. */
  unpaidWorkDays: number;
}

/** The pack's `evidence` block as written: any field may be left to the default. */
export type EvidenceSettingsInput = Partial<EvidenceSettings> & { sources?: string[] };

/**
 * The defaults, and why (see docs/evidence.md): a few days' grace covers a bank
 * transfer in transit; 30 days are the terms most invoices carry, and the EU
 * late-payment directive's fallback (2011/7/EU art. 3(3), 4(3)) when none are
 * agreed; the pays_late cut-offs spread the five answers over the share of late
 * invoices the way the pack's own wording does (a few → rarely, a fifth →
 * sometimes, over half → often, nearly all → always); two months past due with
 * nothing paid is no longer late payment but non-payment.
 */
export const EVIDENCE_DEFAULTS: EvidenceSettings = {
  graceDays: 5,
  defaultTermsDays: 30,
  paysLate: { rarely: 0, sometimes: 20, often: 50, always: 90 },
  unpaidWorkDays: 60,
};

/** The pack's thresholds with the defaults filled in. */
export function evidenceSettings(input: EvidenceSettingsInput | undefined): EvidenceSettings {
  return {
    graceDays: input?.graceDays ?? EVIDENCE_DEFAULTS.graceDays,
    defaultTermsDays: input?.defaultTermsDays ?? EVIDENCE_DEFAULTS.defaultTermsDays,
    paysLate: { ...(input?.paysLate ?? EVIDENCE_DEFAULTS.paysLate) },
    unpaidWorkDays: input?.unpaidWorkDays ?? EVIDENCE_DEFAULTS.unpaidWorkDays,
  };
}

// The pack's own check of its evidence block lives with the pack's checks.
export { evidenceSettingsProblems, type SettingsProblem } from '../pack/evidence.js';
