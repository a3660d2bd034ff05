// Invoice2go, Settings → Export data → Invoices: one row per invoice, written
// with a UTF-8 byte-order mark. "Name" (the client), "DocumentNumber",
// "DocumentDate", "DocumentStatus" (unsent: never sent, a draft), "DatePaid",
// "CurrencyCode", "TotalAmount", "BalanceDueAmount", "AmountPaidAmount". No due
// date: payment terms apply. Layout from Invoice Ninja's import fixture
// (invoiceninja/invoiceninja tests/Feature/Import/i2g_invoices.csv).
import { bindMapped, hasColumns } from './mapped.js';
import type { FormatSpec } from './types.js';

export const invoice2go: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['documentnumber', 'documentdate', 'totalamount', 'name']),
  bind: (header, read) =>
    bindMapped(header, read, {
      names: {
        client: ['name'],
        number: ['documentnumber'],
        issued: ['documentdate'],
        paid: ['datepaid'],
        total: ['totalamount'],
        balance: ['balancedueamount'],
        paidAmount: ['amountpaidamount'],
        currency: ['currencycode'],
        status: ['documentstatus'],
      },
      paidDates: true,
    }),
};
