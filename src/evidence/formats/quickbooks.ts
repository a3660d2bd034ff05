// QuickBooks Online, Reports → A/R Aging Detail → Export to CSV. Title rows
// above the header (company, "A/R Aging Detail", "As of January 31, 2025", a
// blank row); a header whose first column is often unnamed (the label column);
// rows grouped under bucket labels ("Current", "1 - 30 days past due" … "91 or
// more days past due"), each group closed by a "Total for …" row, a "TOTAL"
// row, and a timestamp footer ("Friday, January 31, 2025 09:15 AM GMT-08:00",
// sometimes with "Accrual Basis"). Columns "Date", "Transaction type", "Num",
// "Customer" (newer exports: "Customer full name"), "Due date", "Amount",
// "Open balance". Only open items are listed: no payments, no income share.
// A credit memo or an unapplied payment (a negative open balance) lowers what
// the customer owes. Layout as public QBO aging parsers read it.
import { parseAmount } from '../numbers.js';
import { cell, Columns, isBlank, type FormatSpec, type InvoiceLine, type Reading } from './types.js';
import { hasColumns } from './mapped.js';

const CUSTOMER = ['customer full name', 'customer', 'customer name', 'name'];

export const quickbooks: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['transaction type', 'open balance'], [CUSTOMER, ['num', 'no.']]),
  bind: (header, read) => {
    const columns = new Columns(header);
    const at = {
      date: columns.find('date'),
      type: columns.find('transaction type'),
      number: columns.find('num', 'no.'),
      client: columns.find(...CUSTOMER),
      due: columns.find('due date'),
      amount: columns.find('amount'),
      open: columns.find('open balance'),
      currency: columns.find('currency'),
    };
    return {
      dateColumns: { issued: columns.label(at.date), due: columns.label(at.due) },
      paidDates: false,
      openItemsOnly: true,
      sumLines: false,
      read(row: string[]): Reading {
        const client = cell(row, at.client);
        const first = (row[0] ?? '').trim().toLowerCase();
        // Bucket labels, "Total for …", "TOTAL" and the footer carry no customer.
        if (isBlank(row) || first.startsWith('total') || client === '') return { kind: 'ignore' };
        const openText = cell(row, at.open);
        const open = parseAmount(openText, read.decimal);
        if (open === undefined) return { kind: 'skip', reason: 'bad-amount', column: columns.label(at.open), value: openText };
        const amount = parseAmount(cell(row, at.amount), read.decimal) ?? open;
        const type = cell(row, at.type).toLowerCase();
        const isCredit = open < 0 || /credit|payment|refund/.test(type);
        const line: InvoiceLine = { client, amount: Math.abs(isCredit ? open : amount), balance: Math.abs(open), state: isCredit ? 'credit' : open > 0.005 ? 'open' : 'paid' };
        const optional = { number: at.number, issued: at.date, due: at.due, currency: at.currency } as const;
        for (const [key, i] of Object.entries(optional) as [keyof typeof optional, number][]) {
          const text = cell(row, i);
          if (text !== '') line[key] = text;
        }
        return { kind: 'line', line };
      },
    };
  },
};
