// Most exports are one table with named columns: this reads any of them from
// the names of the columns that matter. Each name list gives alternatives, the
// first present in the header wins (Stripe's column set is chosen by the user).
import { parseAmount } from '../numbers.js';
import { cell, Columns, isBlank, stateOf, type BoundFormat, type InvoiceLine, type InvoiceState, type Reading, type ReadOptions } from './types.js';

export interface ColumnNames {
  /** Alternatives per row: the first non-empty one names the client (Stripe: name, else e-mail, else id). */
  client: string[];
  number?: string[];
  issued?: string[];
  due?: string[];
  paid?: string[];
  total: string[];
  balance?: string[];
  /** What has been paid so far, when the export gives that instead of a balance. */
  paidAmount?: string[];
  currency?: string[];
  status?: string[];
  /** A document type column that marks credit notes (Xero's Type). */
  type?: string[];
}

export interface MappedOptions {
  names: ColumnNames;
  paidDates: boolean;
  sumLines?: boolean;
  /** Matches a credit note's type ("Sales credit note"). */
  creditType?: RegExp;
  /** A row that ends the invoices (Invoice Ninja's next section). */
  endsAt?: (row: string[]) => boolean;
}

type Field = Exclude<keyof ColumnNames, 'client'>;

export function bindMapped(header: string[], read: ReadOptions, options: MappedOptions): BoundFormat {
  const columns = new Columns(header);
  const at = (field: Field) => (options.names[field] ? columns.find(...(options.names[field] as string[])) : -1);
  const clientAt = options.names.client.map((name) => columns.find(name)).filter((i) => i >= 0);
  const idx = {
    number: at('number'),
    issued: at('issued'),
    due: at('due'),
    paid: at('paid'),
    total: at('total'),
    balance: at('balance'),
    paidAmount: at('paidAmount'),
    currency: at('currency'),
    status: at('status'),
    type: at('type'),
  };
  const dateColumns: BoundFormat['dateColumns'] = {};
  for (const field of ['issued', 'due', 'paid'] as const) if (idx[field] >= 0) dateColumns[field] = columns.label(idx[field]);

  const amountAt = (row: string[], i: number): number | undefined | 'bad' => {
    const text = cell(row, i);
    if (text === '') return undefined;
    return parseAmount(text, read.decimal) ?? 'bad';
  };

  return {
    dateColumns,
    paidDates: options.paidDates && idx.paid >= 0,
    openItemsOnly: false,
    sumLines: options.sumLines ?? false,
    read(row: string[]): Reading {
      if (options.endsAt?.(row)) return { kind: 'end' };
      if (isBlank(row)) return { kind: 'ignore' };
      const client = clientAt.map((i) => cell(row, i)).find((c) => c !== '') ?? '';
      if (client === '') return { kind: 'skip', reason: 'no-client' };
      const amounts: Partial<Record<'total' | 'balance' | 'paidAmount', number>> = {};
      for (const field of ['total', 'balance', 'paidAmount'] as const) {
        const value = amountAt(row, idx[field]);
        if (value === 'bad') return { kind: 'skip', reason: 'bad-amount', column: columns.label(idx[field]), value: cell(row, idx[field]) };
        if (value !== undefined) amounts[field] = value;
      }
      if (amounts.total === undefined) return { kind: 'skip', reason: 'bad-amount', column: columns.label(idx.total), value: '' };
      const facts = { status: cell(row, idx.status), amount: amounts.total, balance: amounts.balance, paidAmount: amounts.paidAmount, paid: cell(row, idx.paid) };
      if (facts.balance === undefined && facts.paidAmount !== undefined) facts.balance = facts.amount - facts.paidAmount;
      const isCredit = options.creditType?.test(cell(row, idx.type)) === true;
      let state: InvoiceState = stateOf(facts);
      if (isCredit && state !== 'draft' && state !== 'void') state = 'credit';
      const line: InvoiceLine = { client, amount: Math.abs(facts.amount), state };
      const optional = { number: idx.number, issued: idx.issued, due: idx.due, paid: idx.paid, currency: idx.currency } as const;
      for (const [key, i] of Object.entries(optional) as [keyof typeof optional, number][]) {
        const text = cell(row, i);
        if (text !== '') line[key] = text;
      }
      if (facts.balance !== undefined) line.balance = Math.abs(facts.balance);
      return { kind: 'line', line };
    },
  };
}

/** Whether a header has every one of these names, and at least one of each alternative group. */
export function hasColumns(cells: string[], all: string[], anyOf: string[][] = []): boolean {
  return all.every((name) => cells.includes(name)) && anyOf.every((group) => group.some((name) => cells.includes(name)));
}
