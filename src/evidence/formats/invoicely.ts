// Invoicely, Invoices → Export: "Date", "Due", "Details" (the invoice number),
// "Client", "Status" (Draft, Due, Overdue, Partial, Paid), "Total", every value
// quoted: dates as "Jan 28 2021", amounts as "1,020.00". No currency and no
// payment date: only what is open and overdue now, and a partly paid invoice
// counts as open for its whole total. Layout from Invoice Ninja's import
// fixture (invoiceninja/invoiceninja tests/Feature/Import/invoicely_invoices.csv).
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const invoicely: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['date', 'due', 'details', 'client', 'status', 'total']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: { client: ['client'], number: ['details'], issued: ['date'], due: ['due'], total: ['total'], status: ['status'] },
      paidDates: false,
    }),
};
