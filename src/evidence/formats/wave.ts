// Wave, Accounting → Transactions → Export (the accounts' journal lines, the
// export Invoice Ninja's Wave import reads). An invoice is the "Accounts
// Receivable" line of its transaction (Account Type "System Receivable
// Invoice", a positive amount: the invoice total); its income lines are
// ignored. A payment is a later transaction ("Invoice Payment") whose Accounts
// Receivable line is negative and names the invoice number: it dates the
// payment. "Transaction Date", "Amount (One column)", "Customer", "Invoice
// Number". No due date (payment terms apply) and no currency. Layout from
// Invoice Ninja's import fixture (invoiceninja/invoiceninja
// tests/Feature/Import/wave_invoices.csv).
import { parseAmount } from '../numbers.js';
import { cell, Columns, type FormatSpec, type Reading } from './types.js';
import { hasColumns } from './mapped.js';

export const wave: FormatSpec = {
  isHeader: (cells) => hasColumns(cells, ['transaction id', 'transaction date', 'account name', 'amount (one column)', 'customer', 'invoice number']),
  bind: (header, read) => {
    const columns = new Columns(header);
    const at = {
      date: columns.find('transaction date'),
      account: columns.find('account name'),
      accountType: columns.find('account type'),
      amount: columns.find('amount (one column)'),
      client: columns.find('customer'),
      number: columns.find('invoice number'),
    };
    const isReceivable = (row: string[]) =>
      cell(row, at.accountType).toLowerCase() === 'system receivable invoice' || cell(row, at.account).toLowerCase() === 'accounts receivable';
    return {
      dateColumns: { issued: columns.label(at.date), paid: columns.label(at.date) },
      paidDates: true,
      openItemsOnly: false,
      sumLines: false,
      read(row: string[]): Reading {
        const number = cell(row, at.number);
        if (!isReceivable(row) || number === '') return { kind: 'ignore' };
        const client = cell(row, at.client);
        if (client === '') return { kind: 'skip', reason: 'no-client' };
        const text = cell(row, at.amount);
        const amount = parseAmount(text, read.decimal);
        if (amount === undefined) return { kind: 'skip', reason: 'bad-amount', column: columns.label(at.amount), value: text };
        const date = cell(row, at.date);
        if (amount < 0) return { kind: 'payment', payment: { client, number, date, amount: -amount } };
        return { kind: 'line', line: { client, number, issued: date, amount, balance: amount, state: 'open' } };
      },
    };
  },
};
