// What every export format turns its rows into. A format is recognised by its
// header row, then reads each data row as one of a few plain readings; the
// accumulator (../accumulate.ts) does everything else the same way for all.
import type { DecimalSeparator } from '../numbers.js';

export const FORMAT_NAMES = [
  'stripe',
  'freshbooks',
  'harvest',
  'quickbooks',
  'xero',
  'zoho',
  'invoiceninja',
  'invoice2go',
  'invoicely',
  'wave',
  'columns',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Each tool as it names itself, for the text people read (JSON keeps the ids).
 * `columns` is no tool: the user's own --columns, which each language words.
 */
export const TOOL_NAMES = {
  stripe: 'Stripe',
  freshbooks: 'FreshBooks',
  harvest: 'Harvest',
  quickbooks: 'QuickBooks Online',
  xero: 'Xero',
  zoho: 'Zoho Invoice',
  invoiceninja: 'Invoice Ninja',
  invoice2go: 'Invoice2go',
  invoicely: 'Invoicely',
  wave: 'Wave',
} as const satisfies Record<Exclude<FormatName, 'columns'>, string>;

/**
 * Where an invoice stands, as the export says. `credit` is a credit note (or an
 * unapplied payment): it lowers what the client owes and what they were invoiced.
 * `written-off`: closed with nothing (or not all) paid; neither open nor paid.
 */
export type InvoiceState = 'open' | 'paid' | 'draft' | 'void' | 'credit' | 'written-off';

/** One row's worth of an invoice; the rows of one invoice are adjacent, and share its number. */
export interface InvoiceLine {
  client: string;
  number?: string | undefined;
  /** Date texts as written: they are read once the file's date order is known. */
  issued?: string | undefined;
  due?: string | undefined;
  paid?: string | undefined;
  /** The invoice total (repeated on each of its lines), or this line's amount when the format adds lines up. */
  amount: number;
  /** What is still owed, when the export says. */
  balance?: number | undefined;
  /** Currency as written ("USD", "eur", "United States Dollar - USD"); normalised later. */
  currency?: string | undefined;
  state: InvoiceState;
}

/** A payment dated separately from its invoice (Wave's transactions export). */
export interface PaymentLine {
  client: string;
  number: string;
  date: string;
  amount: number;
  currency?: string;
}

/** Stable codes for rows that hold data the figures cannot use. */
export const SKIP_REASONS = ['no-client', 'bad-amount', 'bad-date', 'no-date', 'unmatched-payment'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type Reading =
  | { kind: 'line'; line: InvoiceLine }
  | { kind: 'payment'; payment: PaymentLine }
  /** A data row that cannot be used: listed in source.skipped. */
  | { kind: 'skip'; reason: SkipReason; column?: string; value?: string }
  /** Structure, not data: blank rows, aging bucket labels, "Total for …" rows, report footers. */
  | { kind: 'ignore' }
  /** The invoices end here (another section of the export follows): the rest is not read. */
  | { kind: 'end' };

export type DateField = 'issued' | 'due' | 'paid';

export interface ReadOptions {
  decimal?: DecimalSeparator;
}

export interface BoundFormat {
  read(row: string[]): Reading;
  /** The header text of the date columns, to name them in a problem or a skipped row. */
  dateColumns: Partial<Record<DateField, string>>;
  /** The export dates payments: lateness can be measured. */
  paidDates: boolean;
  /** The export lists only what is still open (an aging report): no income share. */
  openItemsOnly: boolean;
  /** Each row is one line item whose amount adds up to the invoice total. */
  sumLines: boolean;
}

export interface FormatSpec {
  /** Whether a row is this format's header (its cells normalised by {@link normaliseHeader}). */
  isHeader(cells: string[]): boolean;
  /** Reads the data rows under this header. */
  bind(header: string[], options: ReadOptions): BoundFormat;
}

/** A header cell compared without case, spaces at the ends, a byte-order mark or Xero's "*" for required. */
export function normaliseHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().replace(/^\*/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** The columns of a header, found by name. */
export class Columns {
  private readonly names: string[];
  constructor(readonly header: string[]) {
    this.names = header.map(normaliseHeader);
  }

  /** The index of the first of the names present, or -1. */
  find(...names: string[]): number {
    for (const name of names) {
      const at = this.names.indexOf(name);
      if (at >= 0) return at;
    }
    return -1;
  }

  /** The header text at an index, as the file writes it (for messages). */
  label(at: number): string {
    return (this.header[at] ?? '').replace(/^\uFEFF/, '').trim();
  }
}

/** A cell, trimmed; '' when the row is shorter. */
export function cell(row: string[], at: number): string {
  return at < 0 ? '' : (row[at] ?? '').trim();
}

/** Every cell of the row is empty. */
export function isBlank(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** A section title or report footer: text in the first cell only. */
export function isTitleRow(row: string[]): boolean {
  return (row[0] ?? '').trim() !== '' && row.slice(1).every((c) => c.trim() === '');
}

const EPSILON = 0.005;

/**
 * Where an invoice stands from what the export says: a draft or void status
 * first; then the balance (nothing left: paid, unless the payments fall short:
 * written off); then a paid status or a paid date; else open.
 */
export function stateOf(facts: { status?: string; amount: number; balance?: number | undefined; paidAmount?: number | undefined; paid?: string | undefined }): InvoiceState {
  const status = statusOf(facts.status ?? '');
  if (status === 'draft' || status === 'void') return status;
  if (facts.amount < 0) return 'credit';
  if (facts.balance !== undefined) {
    if (facts.balance > EPSILON) return 'open';
    if (facts.paidAmount !== undefined && facts.paidAmount < facts.amount - EPSILON) return 'written-off';
    return 'paid';
  }
  if (facts.paidAmount !== undefined) return facts.paidAmount >= facts.amount - EPSILON ? 'paid' : 'open';
  if (status === 'paid') return 'paid';
  if (status === 'partial') return 'open';
  if (status === '' && facts.paid) return 'paid';
  return 'open';
}

type Status = 'draft' | 'void' | 'paid' | 'partial' | 'other' | '';
const statuses = new Map<string, Status>();

/** What a status word says, worked out once per distinct word. */
function statusOf(text: string): Status {
  let status = statuses.get(text);
  if (status === undefined) {
    const word = text.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
    if (word === '') status = '';
    else if (/^(draft|unsent|submitted|awaiting approval)$/.test(word)) status = 'draft';
    else if (/^(void|voided|deleted|cancell?ed)$/.test(word)) status = 'void';
    else if (/\bpaid\b/.test(word) && !/partial|unpaid/.test(word)) status = 'paid';
    else if (/partial/.test(word)) status = 'partial';
    else status = 'other';
    if (statuses.size < 1000) statuses.set(text, status);
  }
  return status;
}
