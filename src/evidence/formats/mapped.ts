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
  const bad = (row: string[], i: number): Reading => ({ kind: 'skip', reason: 'bad-amount', column: columns.label(i), value: cell(row, i) });
  const text = (row: string[], i: number): string | undefined => {
    const value = cell(row, i);
    return value === '' ? undefined : value;
  };

  return {
    dateColumns,
    paidDates: options.paidDates && idx.paid >= 0,
    openItemsOnly: false,
    sumLines: options.sumLines ?? false,
    read(row: string[]): Reading {
      if (options.endsAt?.(row)) return { kind: 'end' };
      if (isBlank(row)) return { kind: 'ignore' };
      let client = '';
      for (const i of clientAt) if ((client = cell(row, i)) !== '') break;
      if (client === '') return { kind: 'skip', reason: 'no-client' };
      const amount = amountAt(row, idx.total);
      if (amount === 'bad' || amount === undefined) return bad(row, idx.total);
      let balance = amountAt(row, idx.balance);
      if (balance === 'bad') return bad(row, idx.balance);
      const paidAmount = amountAt(row, idx.paidAmount);
      if (paidAmount === 'bad') return bad(row, idx.paidAmount);
      if (balance === undefined && paidAmount !== undefined) balance = amount - paidAmount;
      const paid = text(row, idx.paid);
      let state: InvoiceState = stateOf({ status: cell(row, idx.status), amount, balance, paidAmount, paid });
      if (options.creditType?.test(cell(row, idx.type)) && state !== 'draft' && state !== 'void') state = 'credit';
      const line: InvoiceLine = {
        client,
        number: text(row, idx.number),
        issued: text(row, idx.issued),
        due: text(row, idx.due),
        paid,
        amount: Math.abs(amount),
        balance: balance === undefined ? undefined : Math.abs(balance),
        currency: text(row, idx.currency),
        state,
      };
      return { kind: 'line', line };
    },
  };
}

/** Whether a header has every one of these names, and at least one of each alternative group. */
export function hasColumns(cells: string[], all: string[], anyOf: string[][] = []): boolean {
  return all.every((name) => cells.includes(name)) && anyOf.every((group) => group.some((name) => cells.includes(name)));
}
