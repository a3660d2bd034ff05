// One fixture per tool: the tool's real header and quirks, made-up data. The
// figures below are worked out by hand from the fixture (the arithmetic is in
// the comments), as of 2026-11-22, with the default thresholds: 5 days' grace,
// 30 days' terms, unpaid_work past 60 days, pays_late above 0/20/50/90 %.
// Income window: issued after 2025-11-22 and up to 2026-11-22.
import { describe, expect, it } from 'vitest';
import { EvidenceSchema, type ClientFacts, type Evidence } from '../../src/evidence/result.js';
import { invoiceFixture } from '../helpers/invoices.js';

function read(name: string, options: Parameters<typeof invoiceFixture>[1] = {}): Evidence {
  const outcome = invoiceFixture(name, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  // Every result has the one documented shape.
  EvidenceSchema.parse(outcome.evidence);
  return outcome.evidence;
}

function client(evidence: Evidence, name: string, currency?: string): ClientFacts {
  const found = evidence.clients.filter((c) => c.client === name && (currency === undefined || c.currency === currency));
  if (found.length !== 1) throw new Error(`${found.length} entries for ${name} ${currency ?? ''}: ${evidence.clients.map((c) => `${c.client} ${c.currency}`).join('; ')}`);
  return found[0] as ClientFacts;
}

const noBuckets = { '1-30': 0, '31-60': 0, '61-90': 0, '91+': 0 };

describe('stripe: invoices export, one row per invoice, dates "YYYY-MM-DD hh:mm" in UTC', () => {
  const evidence = read('stripe');

  it('reads every row; a draft and a void are left out', () => {
    expect(evidence.source).toMatchObject({ format: 'stripe', rows: 12, invoices: 10, skippedTotal: 0, excluded: { draft: 1, void: 1 } });
    expect(evidence.basis).toMatchObject({ paymentDates: true, openItemsOnly: false });
  });

  it('Acme S.r.l.: one client however the name is spelt ("ACME  s.r.l.")', () => {
    // ACME-0001 due 02-09, paid 02-20: 11 days late (> 5: late)
    // ACME-0002 due 04-09, paid 04-11: 2 days (within grace)
    // ACME-0003 due 07-01, paid 08-15: 30 + 15 = 45 days late
    // ACME-0004 900 open, due 08-31: 30 (Sep) + 31 (Oct) + 22 = 83 days overdue → 61-90, > 60: unpaid_work
    // ACME-0005 900 open, due 12-01: not yet due
    // average days late (11 + 2 + 45) / 3 = 19.33 → 19.3
    // late share: (2 paid late + 1 open past grace) / (3 paid + 1 decided open) = 75 % → often
    // income eur: 1200 + 800 + 1500 + 900 + 900 = 5300 of 5300 + 700 (Bolt's eur) = 6000 → 88.3 %
    expect(client(evidence, 'Acme S.r.l.')).toMatchObject({
      currency: 'eur',
      invoices: 5,
      paid: 3,
      paidLate: 2,
      averageDaysLate: 19.3,
      open: { count: 2, amount: 1800 },
      overdue: { count: 1, amount: 900, buckets: { ...noBuckets, '61-90': 900 } },
      incomeShare: 88.3,
      lateShare: 75,
      oldestOverdueDays: 83,
      answers: { pays_late: 'often', amount_owed: 1800, amount_overdue: 900, income_share: 88.3, unpaid_work: true },
    });
  });

  it('Bolt Labs: one entry per currency, never summed', () => {
    // usd: BOLT-1 (2025-10-01, outside the window) paid 1 day early: 0; BOLT-2 due 06-04, paid 06-10: 6 days late
    // average (0 + 6) / 2 = 3; late share 1/2 = 50 % → sometimes (not above 50)
    // income usd: 3000 of 3000 + Corvid's 2000 = 5000 → 60 %
    expect(client(evidence, 'Bolt Labs', 'usd')).toMatchObject({
      invoices: 2,
      paid: 2,
      paidLate: 1,
      averageDaysLate: 3,
      open: { count: 0, amount: 0 },
      incomeShare: 60,
      answers: { pays_late: 'sometimes', amount_owed: 0, amount_overdue: 0, income_share: 60, unpaid_work: false },
    });
    // eur: BOLT-3 uncollectible, 700 still due since 10-15: 16 + 22 = 38 days → 31-60; 1/1 late → always
    // income eur 700 / 6000 = 11.7 %
    expect(client(evidence, 'Bolt Labs', 'eur')).toMatchObject({
      invoices: 1,
      paid: 0,
      averageDaysLate: null,
      overdue: { count: 1, amount: 700, buckets: { ...noBuckets, '31-60': 700 } },
      incomeShare: 11.7,
      answers: { pays_late: 'always', amount_owed: 700, amount_overdue: 700, unpaid_work: false },
    });
  });

  it('a customer with no name is known by e-mail; no due date means the terms', () => {
    // CORV-0001 issued 07-20, due 07-20 + 30 = 08-19, paid 07-20: on time
    // CORV-0002 issued 10-20, due 11-19: 3 days overdue (1-30), within grace: not decided yet
    // late share 0/1 → never; income 2000 / 5000 = 40 %
    expect(client(evidence, 'ops@corvid.example')).toMatchObject({
      invoices: 2,
      paid: 1,
      paidLate: 0,
      averageDaysLate: 0,
      overdue: { count: 1, amount: 1000, buckets: { ...noBuckets, '1-30': 1000 } },
      incomeShare: 40,
      answers: { pays_late: 'never', amount_owed: 1000, amount_overdue: 1000, unpaid_work: false },
    });
  });
});

describe('freshbooks: Invoice Details, one row per line item, no due date', () => {
  const evidence = read('freshbooks');

  it('groups line items into invoices; the draft is left out', () => {
    expect(evidence.source).toMatchObject({ rows: 10, invoices: 5, excluded: { draft: 1 } });
  });

  it('Nordlicht GmbH', () => {
    // #101: 650 + 490 = 1140, issued 02-02, due 02-02 + 30 = 03-04, paid 03-20: 16 days late
    // #102: 300 + 200 + 100 = 600, issued 05-04, due 06-03, paid 06-01: on time
    // #103: 800 + 400 = 1200 open, due 10-01: 30 + 22 = 52 days overdue → 31-60
    // average (16 + 0) / 2 = 8; late share (1 + 1) / (2 + 1) = 66.7 % → often
    // income: 1140 + 600 + 1200 = 2940 of 2940 + 1250 = 4190 → 70.2 %
    expect(client(evidence, 'Nordlicht GmbH')).toMatchObject({
      currency: 'eur',
      invoices: 3,
      paid: 2,
      paidLate: 1,
      averageDaysLate: 8,
      open: { count: 1, amount: 1200 },
      overdue: { count: 1, amount: 1200, buckets: { ...noBuckets, '31-60': 1200 } },
      incomeShare: 70.2,
      answers: { pays_late: 'often', amount_owed: 1200, unpaid_work: false },
    });
  });

  it('Pixel & Co: a partly paid invoice counts as open for its whole total', () => {
    // #105 partial, 1000, issued 07-01, due 07-31: 31 + 30 + 31 + 22 = 114 days → 91+, unpaid_work
    // #106 250, due 07-15, paid 07-10: on time. Late share 1/2 = 50 % → sometimes
    expect(client(evidence, 'Pixel & Co')).toMatchObject({
      invoices: 2,
      paid: 1,
      open: { count: 1, amount: 1000 },
      overdue: { buckets: { ...noBuckets, '91+': 1000 } },
      incomeShare: 29.8,
      answers: { pays_late: 'sometimes', amount_owed: 1000, amount_overdue: 1000, unpaid_work: true },
    });
  });
});

describe('harvest: invoice report, no due date, "20 160,00", currency by name', () => {
  const evidence = read('harvest');

  it('an invoice closed with nothing paid was written off: neither open nor paid', () => {
    expect(evidence.source).toMatchObject({ rows: 7, invoices: 6, excluded: { writtenOff: 1 } });
  });

  it('Svensk Design AB (SEK, "Swedish Krona - SEK")', () => {
    // 101: 20 160,00 issued 01-10, due 02-09, paid 02-20: 11 days late
    // 102: 10 000,00 issued 04-01, due 05-01, paid 04-25: on time
    // 103: 5 000,50 open, due 10-31: 22 days overdue → 1-30, past grace
    // average (11 + 0) / 2 = 5.5; late (1 + 1) / (2 + 1) = 66.7 % → often
    // income: 20160 + 10000 + 5000.50 = 35160.50 of 35160.50 + 6500 = 41660.50 → 84.4 %
    expect(client(evidence, 'Svensk Design AB')).toMatchObject({
      currency: 'sek',
      invoices: 3,
      paid: 2,
      paidLate: 1,
      averageDaysLate: 5.5,
      open: { count: 1, amount: 5000.5 },
      overdue: { buckets: { ...noBuckets, '1-30': 5000.5 } },
      incomeShare: 84.4,
      answers: { pays_late: 'often', amount_owed: 5000.5, unpaid_work: false },
    });
  });

  it('"Åsa Nilsson" and "Asa Nilsson" are one client; a partly paid invoice owes its balance', () => {
    // 105: 4000 due 07-01, paid 06-20: on time
    // 106: 2500 with 500 paid: 2000 open, due 09-14: 16 + 31 + 22 = 69 days → 61-90, unpaid_work
    // late 1/2 = 50 % → sometimes; income 6500 / 41660.50 = 15.6 %
    expect(client(evidence, 'Åsa Nilsson')).toMatchObject({
      invoices: 2,
      paid: 1,
      open: { count: 1, amount: 2000 },
      overdue: { buckets: { ...noBuckets, '61-90': 2000 } },
      incomeShare: 15.6,
      answers: { pays_late: 'sometimes', amount_owed: 2000, amount_overdue: 2000, unpaid_work: true },
    });
  });

  it('another currency stands alone at 100 %', () => {
    // 107: 1 234,56 EUR due 10-01, paid 10-20: 19 days late → always
    expect(client(evidence, 'Maple Studio')).toMatchObject({ currency: 'eur', averageDaysLate: 19, incomeShare: 100, answers: { pays_late: 'always' } });
  });
});

describe('quickbooks: A/R Aging Detail, title rows, buckets, totals, a footer', () => {
  const evidence = read('quickbooks');

  it('reads only the transactions: labels, "Total for …", TOTAL and the footer are structure', () => {
    expect(evidence.source).toMatchObject({ format: 'quickbooks', rows: 22, invoices: 7, skippedTotal: 0, dateOrder: 'mdy' });
    expect(evidence.basis).toMatchObject({ paymentDates: false, openItemsOnly: true });
  });

  it('Harbor Cafe: only what is open; no lateness, no income share', () => {
    // 1021 due 08/14: 17 + 30 + 31 + 22 = 100 days → 91+ (1500); 1030 due 08/31: 83 → 61-90 (300 open of 800);
    // 1050 due 10/31: 22 → 1-30 (400). Oldest 100 > 60: unpaid_work
    expect(client(evidence, 'Harbor Cafe')).toMatchObject({
      invoices: 3,
      paid: 0,
      open: { count: 3, amount: 2200 },
      overdue: { count: 3, amount: 2200, buckets: { '1-30': 400, '31-60': 0, '61-90': 300, '91+': 1500 } },
      incomeShare: null,
      lateShare: null,
      invoicedInWindow: null,
      answers: { amount_owed: 2200, amount_overdue: 2200, unpaid_work: true },
    });
    expect(client(evidence, 'Harbor Cafe').answers).not.toHaveProperty('pays_late');
    expect(client(evidence, 'Harbor Cafe').answers).not.toHaveProperty('income_share');
  });

  it('"Lopez, Maria": a credit memo lowers what is owed, not what is overdue', () => {
    // 1041 2000 due 10/05: 26 + 22 = 48 days → 31-60; 1060 1200 current; credit memo 1061: -200
    // owed 2000 + 1200 - 200 = 3000; overdue 2000
    expect(client(evidence, 'Lopez, Maria')).toMatchObject({
      invoices: 2,
      open: { count: 2, amount: 3000 },
      overdue: { count: 1, amount: 2000, buckets: { ...noBuckets, '31-60': 2000 } },
      answers: { amount_owed: 3000, amount_overdue: 2000, unpaid_work: false },
    });
  });
});

describe('xero: sales invoices, line items, day-first dates, a credit note, no payment dates', () => {
  const evidence = read('xero');

  it('the first invoice\'s dates (03/02/2026) wait until 15/06/2026 shows the order', () => {
    expect(evidence.source).toMatchObject({ rows: 10, invoices: 5, dateOrder: 'dmy', excluded: { draft: 1, void: 1 } });
    expect(evidence.basis.paymentDates).toBe(false);
  });

  it('Kiwi Bakery Ltd', () => {
    // INV-0001 1150 paid (Xero gives no payment date): paid without date
    // INV-0002 2300 open, due 15 July: 16 + 31 + 30 + 31 + 22 = 130 days → 91+, unpaid_work
    // CN-0001 credit note, 230 unapplied: owed 2300 - 230 = 2070; overdue stays 2300, the answer at most what is owed
    // income: 1150 + 2300 - 230 = 3220 of 3220 + 575 = 3795 → 84.8 %
    expect(client(evidence, 'Kiwi Bakery Ltd')).toMatchObject({
      currency: 'nzd',
      invoices: 2,
      paid: 1,
      paidWithoutDate: 1,
      averageDaysLate: null,
      open: { count: 1, amount: 2070 },
      overdue: { count: 1, amount: 2300, buckets: { ...noBuckets, '91+': 2300 } },
      incomeShare: 84.8,
      answers: { amount_owed: 2070, amount_overdue: 2070, income_share: 84.8, unpaid_work: true },
    });
    expect(client(evidence, 'Kiwi Bakery Ltd').answers).not.toHaveProperty('pays_late');
  });

  it('Tui Consulting and Aroha Ltd', () => {
    // INV-0003 575 due 31/10: 22 days → 1-30; its draft INV-0004 is left out; 575 / 3795 = 15.2 %
    expect(client(evidence, 'Tui Consulting')).toMatchObject({ invoices: 1, overdue: { buckets: { ...noBuckets, '1-30': 575 } }, incomeShare: 15.2 });
    // AUD apart: INV-0005 990 due 10/12, not yet due; the voided INV-0006 is left out
    expect(client(evidence, 'Aroha Ltd')).toMatchObject({ currency: 'aud', invoices: 1, open: { count: 1, amount: 990 }, overdue: { count: 0 }, incomeShare: 100 });
  });
});

describe('zoho: invoices export, line items, "Last Payment Date", PartiallyPaid', () => {
  const evidence = read('zoho');

  it('groups line items; the void invoice is left out', () => {
    expect(evidence.source).toMatchObject({ rows: 11, invoices: 5, excluded: { void: 1 } });
  });

  it('Highland Foods', () => {
    // INV-000101 489.75 due 03-03, paid 03-02: on time
    // INV-000102 1200 due 05-01, paid 05-20: 19 days late
    // INV-000103 1000 partly paid, balance 400, due 10-10: 21 + 22 = 43 days → 31-60
    // average (0 + 19) / 2 = 9.5; late (1 + 1) / 3 = 66.7 % → often
    // income: 489.75 + 1200 + 1000 = 2689.75 of 2689.75 + 460 = 3149.75 → 85.4 %
    expect(client(evidence, 'Highland Foods')).toMatchObject({
      currency: 'usd',
      invoices: 3,
      paid: 2,
      paidLate: 1,
      averageDaysLate: 9.5,
      open: { count: 1, amount: 400 },
      overdue: { buckets: { ...noBuckets, '31-60': 400 } },
      incomeShare: 85.4,
      answers: { pays_late: 'often', amount_owed: 400, unpaid_work: false },
    });
  });

  it('Defenders Inc and Simpsons Baking Co', () => {
    // INV-000104 460 due 10-31: 22 days, past grace, the only decided invoice → always; 460 / 3149.75 = 14.6 %
    expect(client(evidence, 'Defenders Inc')).toMatchObject({ invoices: 1, incomeShare: 14.6, answers: { pays_late: 'always', amount_owed: 460 } });
    // INV-000106 390 EUR due 08-31, paid 08-30: never late, alone in EUR
    expect(client(evidence, 'Simpsons Baking Co')).toMatchObject({ currency: 'eur', paid: 1, incomeShare: 100, answers: { pays_late: 'never', amount_owed: 0 } });
  });
});

describe('invoiceninja: v4 export, title rows, "$1,020.00", sections after the invoices', () => {
  const evidence = read('invoiceninja');

  it('reads the INVOICES section only, line items grouped', () => {
    expect(evidence.source).toMatchObject({ format: 'invoiceninja', rows: 7, invoices: 5, excluded: { draft: 1 } });
    expect(evidence.basis.paymentDates).toBe(false);
  });

  it('Stark Industries: Amount minus Paid is what is owed', () => {
    // 0004 $4,000.00 with $1,500.00 paid: 2500 open, due Sep 9: 21 + 31 + 22 = 74 days → 61-90, unpaid_work
    // 0005 $800.00 paid (no date in this export)
    // income 4000 + 800 = 4800 of 3520 + 4800 + 300 = 8620 → 55.7 %
    expect(client(evidence, 'Stark Industries')).toMatchObject({
      invoices: 2,
      paid: 1,
      paidWithoutDate: 1,
      open: { count: 1, amount: 2500 },
      overdue: { buckets: { ...noBuckets, '61-90': 2500 } },
      incomeShare: 55.7,
      answers: { amount_owed: 2500, amount_overdue: 2500, unpaid_work: true },
    });
  });

  it('Wayne Enterprises', () => {
    // 0001 paid; 0002 two lines, $2,500.00 once, due Oct 1: 52 days → 31-60; draft 0003 left out
    // income 1020 + 2500 = 3520 / 8620 = 40.8 %
    expect(client(evidence, 'Wayne Enterprises')).toMatchObject({ invoices: 2, open: { count: 1, amount: 2500 }, overdue: { buckets: { ...noBuckets, '31-60': 2500 } }, incomeShare: 40.8 });
  });
});

describe('invoice2go: export with a byte-order mark, no due date', () => {
  it('Barry Gordon', () => {
    const evidence = read('invoice2go');
    expect(evidence.source).toMatchObject({ rows: 5, invoices: 4, excluded: { draft: 1 } });
    // 1: 953.55 issued 03-01, due 03-31, paid 04-15: 15 days late
    // 2: 70.20 open, issued 10-01, due 10-31: 22 days → 1-30, past grace
    // late 2/2 → always; income 953.55 + 70.20 = 1023.75 of 1023.75 + 367.20 = 1390.95 → 73.6 %
    expect(client(evidence, 'Barry Gordon')).toMatchObject({
      currency: 'usd',
      invoices: 2,
      paid: 1,
      paidLate: 1,
      averageDaysLate: 15,
      open: { count: 1, amount: 70.2 },
      incomeShare: 73.6,
      answers: { pays_late: 'always', amount_owed: 70.2, unpaid_work: false },
    });
    // 5: 72.90 ILS, due 07-01: 144 days → 91+, alone in ILS
    expect(client(evidence, 'Deadpool Inc')).toMatchObject({ currency: 'ils', overdue: { buckets: { ...noBuckets, '91+': 72.9 } }, answers: { unpaid_work: true } });
  });

  it('the byte-order mark is no part of the first column name, even if the reader keeps it', () => {
    const outcome = invoiceFixture('invoice2go', {}, { bom: false });
    expect(outcome.ok && outcome.evidence.source.format).toBe('invoice2go');
  });
});

describe('invoicely: quoted values, "Jan 28 2021" dates, "1,020.00", no payment dates', () => {
  it('Bruce Wayne and Selina Kyle', () => {
    const evidence = read('invoicely');
    expect(evidence.source).toMatchObject({ rows: 6, invoices: 5, excluded: { draft: 1 } });
    // INV-2 2,340.50 due Oct 1: 52 days → 31-60; INV-3 500 due Nov 19: 3 days → 1-30
    // income 1020 + 2340.50 + 500 = 3860.50 of 3860.50 + 1950 = 5810.50 → 66.4 %
    expect(client(evidence, 'Bruce Wayne')).toMatchObject({
      invoices: 3,
      paid: 1,
      paidWithoutDate: 1,
      open: { count: 2, amount: 2840.5 },
      overdue: { count: 2, amount: 2840.5, buckets: { ...noBuckets, '1-30': 500, '31-60': 2340.5 } },
      incomeShare: 66.4,
      answers: { amount_owed: 2840.5, unpaid_work: false },
    });
    // INV-5 "Partial" 1,200.00, due Jul 31: 114 days → 91+
    expect(client(evidence, 'Selina Kyle')).toMatchObject({ open: { count: 1, amount: 1200 }, incomeShare: 33.6, answers: { unpaid_work: true } });
  });
});

describe('wave: transactions export, payments as later transactions', () => {
  const evidence = read('wave');

  it('an invoice is its receivable line; a payment for no invoice above it is skipped, not lost', () => {
    expect(evidence.source).toMatchObject({ rows: 21, invoices: 4, skippedTotal: 1 });
    expect(evidence.source.skipped).toEqual([{ line: 21, reason: 'unmatched-payment', value: '99' }]);
  });

  it('Mark Walberg and Lucas Cage', () => {
    // invoice 2: 4974.00 on 05-01, due 05-31, paid 06-20: 20 days late → always; 4974 / 10064.91 = 49.4 %
    expect(client(evidence, 'Mark Walberg')).toMatchObject({ invoices: 1, paid: 1, paidLate: 1, averageDaysLate: 20, incomeShare: 49.4, answers: { pays_late: 'always', amount_owed: 0 } });
    // invoice 3: 590.50 on 09-01 (due 10-01), paid 09-25: on time
    // invoice 5: 1000 on 10-10 (due 11-09), 400 paid 11-01: 600 open, 13 days overdue, past grace
    // late 1/2 = 50 % → sometimes; income 590.50 + 1000 = 1590.50 / 10064.91 = 15.8 %
    expect(client(evidence, 'Lucas Cage')).toMatchObject({
      invoices: 2,
      paid: 1,
      paidLate: 0,
      open: { count: 1, amount: 600 },
      overdue: { buckets: { ...noBuckets, '1-30': 600 } },
      incomeShare: 15.8,
      answers: { pays_late: 'sometimes', amount_owed: 600 },
    });
  });
});

describe('columns: any export, with --columns naming its columns', () => {
  const columns = { client: 'Cliente', number: 'Fattura', issued: 'Data', due: 'Scadenza', paid: 'Pagata il', total: 'Importo', balance: 'Residuo', currency: 'Valuta' };

  it('"1.234,56" and "104,40"; day-first as told', () => {
    const evidence = read('columns', { columns, dateOrder: 'dmy' });
    expect(evidence.source).toMatchObject({ format: 'columns', rows: 4, invoices: 4, dateOrder: 'dmy' });
    // 2026/1: 1.234,56 due 5 March, paid 10 March: 5 days, within the grace
    // 2026/2: 104,40 open, due 1 June: 29 + 31 + 31 + 30 + 31 + 22 = 174 days → 91+
    // "Rossi & Figli S.n.c." = "ROSSI & FIGLI snc"; late 1/2 → sometimes
    // income 1234.56 + 104.40 = 1338.96 of 1338.96 + 2500 = 3838.96 → 34.9 %
    expect(client(evidence, 'Rossi & Figli S.n.c.')).toMatchObject({
      invoices: 2,
      paid: 1,
      paidLate: 0,
      averageDaysLate: 5,
      open: { count: 1, amount: 104.4 },
      overdue: { buckets: { ...noBuckets, '91+': 104.4 } },
      incomeShare: 34.9,
      answers: { pays_late: 'sometimes', amount_owed: 104.4, unpaid_work: true },
    });
    // 2026/3: due 6 August, paid 12 August: 6 days, late; 2026/4 due 11 October: 42 days → 31-60
    expect(client(evidence, 'Bianchi Srl')).toMatchObject({ paidLate: 1, averageDaysLate: 6, incomeShare: 65.1, answers: { pays_late: 'always', amount_owed: 500 } });
  });
});
