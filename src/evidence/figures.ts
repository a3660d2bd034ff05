// The standard receivables figures of one client, as of a day (issue 16): days
// late = paid − due (0 if on time); overdue now = today − due for what is
// open; aging buckets from the due date; income share over the trailing window.
import { impliedAnswers } from './answers.js';
import type { Day } from './dates.js';
import type { Ledger } from './ledger.js';
import type { ClientFacts } from './result.js';
import type { EvidenceSettings } from './settings.js';

export const INCOME_WINDOW_DAYS = 365;

/** Aging buckets, in days past the due date. */
export const AGING_BUCKETS = ['1-30', '31-60', '61-90', '91+'] as const;

export interface FiguresContext {
  today: Day;
  settings: EvidenceSettings;
  /** The export dates payments: lateness is measured. */
  paymentDates: boolean;
  /** The export lists only open items: no income share. */
  openItemsOnly: boolean;
  /** Everyone's invoiced total in this currency over the window (cents, each client's floored at 0). */
  windowTotal: number;
}

/** Invoiced by a ledger over the window ending today (cents, credit notes netted). */
export function invoicedInWindow(ledger: Ledger, today: Day): number {
  return ledger.invoicedByDay.sumAfter(today - INCOME_WINDOW_DAYS, today);
}

export function clientFacts(ledger: Ledger, context: FiguresContext): ClientFacts {
  const { today, settings } = context;
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<(typeof AGING_BUCKETS)[number], number>;
  let openCount = 0;
  let openCents = 0;
  let overdueCount = 0;
  let overdueCents = 0;
  let oldest: number | null = null;
  let lateOpen = 0;
  for (const item of ledger.openItems()) {
    openCount++;
    openCents += item.balance;
    const days = today - item.due;
    if (days <= 0) continue;
    overdueCount++;
    overdueCents += item.balance;
    buckets[bucketOf(days)] += item.balance;
    oldest = Math.max(oldest ?? 0, days);
    if (days > settings.graceDays) lateOpen++;
  }
  const decided = ledger.paidDated + lateOpen;
  const lateShare = context.paymentDates && decided > 0 ? oneDecimal((100 * (ledger.paidLate + lateOpen)) / decided) : null;
  const inWindow = invoicedInWindow(ledger, today);
  const incomeShare = context.openItemsOnly || context.windowTotal <= 0 ? null : oneDecimal((100 * Math.max(0, inWindow)) / context.windowTotal);
  const openAmount = money(openCents - ledger.credit);
  const overdueAmount = money(overdueCents);
  return {
    client: ledger.client,
    currency: ledger.currency,
    invoices: ledger.invoices,
    paid: ledger.paid,
    paidLate: ledger.paidLate,
    averageDaysLate: ledger.paidDated > 0 ? oneDecimal(ledger.daysLate / ledger.paidDated) : null,
    open: { count: openCount, amount: openAmount },
    overdue: { count: overdueCount, amount: overdueAmount, buckets: mapValues(buckets, money) },
    incomeShare,
    answers: impliedAnswers({ lateShare, openAmount, overdueAmount, oldestOverdueDays: oldest, incomeShare }, settings),
    paidWithoutDate: ledger.paidWithoutDate,
    lateShare,
    oldestOverdueDays: oldest,
    invoicedInWindow: context.openItemsOnly ? null : money(inWindow),
  };
}

function bucketOf(daysOverdue: number): (typeof AGING_BUCKETS)[number] {
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '91+';
}

const money = (cents: number) => cents / 100;
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

function mapValues<K extends string>(record: Record<K, number>, f: (v: number) => number): Record<K, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v as number)])) as Record<K, number>;
}
