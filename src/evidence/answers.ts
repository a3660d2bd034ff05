// From figures to the answers they imply, by the pack's thresholds (issue 16).
// Pure and monotone: a later payment, or another late or overdue invoice, never
// gives a better pays_late, and more owed never gives a smaller amount_owed
// (tests/evidence/answers.spec.ts checks both as properties).
import type { EvidenceAnswers } from './result.js';
import { PAYS_LATE_LEVELS, type EvidenceSettings, type PaysLate } from './settings.js';

/** The highest level whose cut-off the share of late invoices (percent) is above; `never` at or below `rarely`'s. */
export function paysLateLevel(share: number, cutOffs: EvidenceSettings['paysLate']): PaysLate {
  let level: PaysLate = 'never';
  for (const candidate of PAYS_LATE_LEVELS.slice(1) as Exclude<PaysLate, 'never'>[]) if (share > cutOffs[candidate]) level = candidate;
  return level;
}

export interface AnswerBasis {
  /** Percent of decided invoices more than the grace late; null: not measured. */
  lateShare: number | null;
  /** What is open, net of unapplied credit (may be negative: the client is in credit). */
  openAmount: number;
  overdueAmount: number;
  /** Days the oldest open invoice is past due; null when none is. */
  oldestOverdueDays: number | null;
  incomeShare: number | null;
}

export function impliedAnswers(basis: AnswerBasis, settings: EvidenceSettings): EvidenceAnswers {
  const owed = Math.max(0, basis.openAmount);
  return {
    ...(basis.lateShare === null ? {} : { pays_late: paysLateLevel(basis.lateShare, settings.paysLate) }),
    amount_owed: owed,
    amount_overdue: Math.min(owed, basis.overdueAmount),
    ...(basis.incomeShare === null ? {} : { income_share: basis.incomeShare }),
    unpaid_work: basis.oldestOverdueDays !== null && basis.oldestOverdueDays > settings.unpaidWorkDays,
  };
}
