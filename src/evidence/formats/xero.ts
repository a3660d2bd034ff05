// Xero, Business → Invoices → Export (sales invoices): one row per line item,
// the invoice's fields repeated. "ContactName", "InvoiceNumber", "InvoiceDate",
// "DueDate" (the organisation's date format: day-first in most regions),
// "Total", "InvoiceAmountPaid", "InvoiceAmountDue", "Currency", "Type" ("Sales
// invoice", "Sales credit note"), "Status" (Draft, Submitted, Authorised, Paid,
// Voided, Deleted). Amounts with four decimals ("1580.9400"). No payment date:
// only what is open and overdue now. Column names may carry the import
// template's "*" for required; both are read.
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const xero: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['contactname', 'invoicenumber', 'invoicedate'], [['total', 'lineamount']]),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['contactname'],
        number: ['invoicenumber'],
        issued: ['invoicedate'],
        due: ['duedate'],
        total: ['total'],
        balance: ['invoiceamountdue'],
        paidAmount: ['invoiceamountpaid'],
        currency: ['currency'],
        status: ['status'],
        type: ['type'],
      },
      paidDates: false,
      creditType: /credit/i,
    }),
};
