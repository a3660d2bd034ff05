// Zoho Invoice, Invoices → Export: one row per line item, the invoice's fields
// repeated. "Invoice Date", "Invoice Number", "Invoice Status" (Draft, Sent,
// Viewed, Overdue, PartiallyPaid, Paid, Void), "Customer Name", "Due Date",
// "Currency Code", "Total", "Balance", "Last Payment Date". Layout from Invoice
// Ninja's import fixture (invoiceninja/invoiceninja tests/Feature/Import/zoho_invoices.csv).
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const zoho: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['invoice number', 'invoice status', 'customer name', 'invoice date', 'total', 'balance']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['customer name'],
        number: ['invoice number'],
        issued: ['invoice date'],
        due: ['due date'],
        paid: ['last payment date'],
        total: ['total'],
        balance: ['balance'],
        currency: ['currency code'],
        status: ['invoice status'],
      },
      paidDates: true,
    }),
};
