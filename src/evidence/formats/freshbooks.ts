// FreshBooks, Reports → Invoice Details → Export: one row per line item, the
// invoice's own fields repeated on each. "Client Name", "Invoice #" (zero-padded:
// "0000001"), "Date Issued", "Invoice Status" (draft, sent, viewed, paid,
// auto-paid, partial, disputed), "Date Paid", "Line Total" (the line's amount,
// taxes included), "Currency". No due date and no balance: a partly paid
// invoice counts as open for its whole total. Layout from Invoice Ninja's
// import fixture (invoiceninja/invoiceninja tests/Feature/Import/freshbooks_invoices.csv).
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const freshbooks: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['client name', 'invoice #', 'date issued', 'line total']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['client name'],
        number: ['invoice #'],
        issued: ['date issued'],
        paid: ['date paid'],
        total: ['line total'],
        currency: ['currency'],
        status: ['invoice status'],
      },
      paidDates: true,
      sumLines: true,
    }),
};
