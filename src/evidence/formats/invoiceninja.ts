// Invoice Ninja (v4), Settings → Export → CSV: title rows above the header
// ("Invoice Ninja v4.5.17 - Jan 28, 2021 10:15 am", a blank row, "INVOICES"),
// then one row per line item with the invoice's fields repeated: "Client",
// "Invoice Number", "Amount" and "Paid" formatted with the currency
// ("$1,020.00"), "Status", "Invoice Date", "Due Date" (the account's date
// format, "Jan 28, 2021" by default). Further sections (QUOTES, PAYMENTS…)
// follow after a blank row and a title; they are not read, so payments are
// undated here: only what is open and overdue now. Layout from Invoice Ninja's
// own export views (invoiceninja/invoiceninja resources/views/export.blade.php
// and export/invoices.blade.php).
import { bindMapped, hasColumns } from './mapped.js';
import { isBlank, isTitleRow, type FormatSpec } from './types.js';

export const invoiceninja: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['client', 'invoice number', 'amount', 'paid', 'invoice date']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['client'],
        number: ['invoice number'],
        issued: ['invoice date'],
        due: ['due date'],
        total: ['amount'],
        paidAmount: ['paid'],
        currency: ['currency'],
        status: ['status'],
      },
      paidDates: false,
      endsAt: (row) => isBlank(row) || isTitleRow(row),
    }),
};
