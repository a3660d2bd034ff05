// What is kept of one client (in one currency) while an export streams past:
// counters, the invoices still open, and the amounts invoiced per day (for the
// income window chosen only at the end). A paid invoice is folded into the
// counters at once, so memory grows with clients and their open invoices, not
// with rows. Amounts are whole cents.
import type { Day } from './dates.js';

/** An invoice with its dates read and its state decided. */
export interface SettledInvoice {
  number: string | undefined;
  issued: Day | undefined;
  /** Its due date, or the issue date plus the payment terms. */
  due: Day;
  paid: Day | undefined;
  amount: number;
  balance: number | undefined;
  state: 'open' | 'paid' | 'credit';
}

export interface OpenItem {
  due: Day;
  balance: number;
}

export class Ledger {
  invoices = 0;
  paid = 0;
  paidWithoutDate = 0;
  paidDated = 0;
  paidLate = 0;
  daysLate = 0;
  /** Unapplied credit (credit notes' and payments' remainders), netted against what is open. */
  credit = 0;
  /** Invoiced per issue day, credit notes negative. */
  readonly invoicedByDay = new DaySums();
  private readonly open = new Map<string, OpenItem>();
  private unnumbered = 0;

  constructor(
    /** The client's name as first written in the export. */
    readonly client: string,
    readonly currency: string,
    private readonly graceDays: number,
  ) {}

  add(invoice: SettledInvoice): void {
    const day = invoice.issued ?? invoice.due;
    if (invoice.state === 'credit') {
      this.credit += invoice.balance ?? 0;
      this.invoiced(day, -invoice.amount);
      return;
    }
    this.invoices++;
    this.invoiced(day, invoice.amount);
    if (invoice.state === 'paid') {
      this.settle(invoice.due, invoice.paid);
      return;
    }
    let key = invoice.number ?? `\u0000${this.unnumbered++}`;
    if (this.open.has(key)) key = `${key}\u0000${this.unnumbered++}`;
    this.open.set(key, { due: invoice.due, balance: invoice.balance ?? invoice.amount });
  }

  /** A payment on an open invoice of this client; false when no open invoice has that number. */
  pay(number: string, day: Day, amount: number): boolean {
    const item = this.open.get(number);
    if (!item) return false;
    item.balance -= amount;
    if (item.balance <= 0) {
      this.open.delete(number);
      this.settle(item.due, day);
    }
    return true;
  }

  openItems(): IterableIterator<OpenItem> {
    return this.open.values();
  }

  private settle(due: Day, paid: Day | undefined): void {
    this.paid++;
    if (paid === undefined) {
      this.paidWithoutDate++;
      return;
    }
    this.paidDated++;
    const late = Math.max(0, paid - due);
    this.daysLate += late;
    if (late > this.graceDays) this.paidLate++;
  }

  private invoiced(day: Day, cents: number): void {
    this.invoicedByDay.add(day, cents);
  }
}

/**
 * Cents per day over the span of days a client was invoiced on: one number per
 * day in a typed array (8 bytes a day, 3 kB a year), cheaper to fill and to
 * keep than a map entry per day.
 */
export class DaySums {
  private origin = 0;
  private sums = new Float64Array(0);

  add(day: Day, cents: number): void {
    let at = day - this.origin;
    if (at < 0 || at >= this.sums.length) at = this.grow(day);
    this.sums[at] = (this.sums[at] as number) + cents;
  }

  /** The sum over the days after `from` up to and including `to`. */
  sumAfter(from: Day, to: Day): number {
    let sum = 0;
    const start = Math.max(0, from + 1 - this.origin);
    const end = Math.min(this.sums.length, to + 1 - this.origin);
    for (let i = start; i < end; i++) sum += this.sums[i] as number;
    return sum;
  }

  /** Makes room for `day`, with some to spare on that side; its index. */
  private grow(day: Day): number {
    const spare = 64;
    const first = this.sums.length === 0 ? day - spare : Math.min(this.origin, day - spare);
    const last = this.sums.length === 0 ? day + spare : Math.max(this.origin + this.sums.length - 1, day + spare);
    const sums = new Float64Array(last - first + 1);
    if (this.sums.length) sums.set(this.sums, this.origin - first);
    this.origin = first;
    this.sums = sums;
    return day - first;
  }
}
