// Stripe, Invoices → Export. The user picks the columns; the ones used here are
// those of the default set (issue 16; seen in public scripts reading these
// exports): "Customer Name" (else "Customer Email", else "Customer", the cus_
// id), "Number" (else "id"), "Date (UTC)", "Due Date (UTC)" (empty for invoices
// charged automatically), "Paid At (UTC)", "Status" (draft, open, paid, void,
// uncollectible), "Total", "Amount Due", "Amount Paid", "Amount Remaining",
// "Currency" (lower-case ISO code). Dates are "2021-01-28 11:04", in UTC.
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const stripe: FormatSpec = {
  isHeader: (cells) =>
    hasColumns(cells, ['date (utc)'], [
      ['customer name', 'customer email', 'customer'],
      ['total', 'amount due'],
    ]),
  bind: (header, read) => {
    const names = {
      client: ['customer name', 'customer email', 'customer'],
      number: ['number', 'id'],
      issued: ['date (utc)', 'created (utc)'],
      due: ['due date (utc)'],
      paid: ['paid at (utc)'],
      total: ['total', 'amount due'],
      balance: ['amount remaining'],
      paidAmount: ['amount paid'],
      currency: ['currency'],
      status: ['status'],
    };
    return bindMapped(header, read, { names, paidDates: true });
  },
};
