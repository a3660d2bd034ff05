// Harvest, Reports → Invoices → Export CSV: one row per invoice, no status and
// no due date (payment terms apply). "Issue Date", "Last Payment Date", "ID",
// "Client", "Invoice Amount", "Paid Amount", "Balance", "Currency" written as
// "United States Dollar - USD", numbers in the account's locale ("20 160,0").
// An invoice with nothing left to pay but not paid in full was written off.
// Layout as public Harvest importers read it (e.g. header "Issue Date,Last
// Payment Date,ID,PO Number,Client,Subject,Invoice Amount,Paid Amount,Balance,
// Subtotal,Discount,Tax,Tax2,Currency,Currency Symbol,Document Type").
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const harvest: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['issue date', 'client', 'invoice amount', 'balance']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['client'],
        number: ['id'],
        issued: ['issue date'],
        due: ['due date'],
        paid: ['last payment date'],
        total: ['invoice amount'],
        balance: ['balance'],
        paidAmount: ['paid amount'],
        currency: ['currency'],
      },
      paidDates: true,
    }),
};
