// The realities every export shares, on small hand-made files: dates whose
// order the file must decide, several currencies, rows that cannot be used,
// headers that are not there, and streaming.
import { describe, expect, it } from 'vitest';
import { createEvidence, HEADER_SEARCH_ROWS, MAX_PENDING, MAX_SKIPPED_LISTED, parseColumns, type ColumnMap, type EvidenceOptions } from '../../src/evidence/index.js';
import type { Evidence } from '../../src/evidence/result.js';
import { evidenceOf, invoiceFixture, records } from '../helpers/invoices.js';

const COLUMNS: ColumnMap = { client: 'Client', number: 'No', issued: 'Issued', due: 'Due', paid: 'Paid', total: 'Total', balance: 'Balance', currency: 'Currency' };
const HEADER = 'Client,No,Issued,Due,Paid,Total,Balance,Currency';

function run(lines: string[], options: EvidenceOptions = {}) {
  return evidenceOf(records([HEADER, ...lines].join('\n')), { columns: COLUMNS, ...options });
}

function ok(outcome: ReturnType<typeof run>): Evidence {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.evidence;
}

describe('dates in an order only the file can tell', () => {
  const ambiguous = ['Acme,1,03/04/2026,05/05/2026,,100,100,EUR', 'Acme,2,02/06/2026,02/07/2026,01/08/2026,200,0,EUR'];

  it('with every numeric date 12/12 or less and no order given: a problem naming the columns and what to pass', () => {
    const outcome = run(ambiguous);
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: 'evidence/ambiguous-dates', line: 2, params: { columns: ['Issued', 'Due', 'Paid'], example: '03/04/2026', waiting: 2, options: ['dmy', 'mdy'] } }],
    });
  });

  it('a later value above 12 decides, and the invoices that waited are read in that order', () => {
    // 03/04 read day-first: issued 3 April, due 5 May. 28/08/2026 shows day-first.
    const evidence = ok(run([...ambiguous, 'Acme,3,28/08/2026,27/09/2026,,300,300,EUR']));
    expect(evidence.source.dateOrder).toBe('dmy');
    // Invoice 2: due 2 July, paid 1 August: 30 days late. Open: #1 (due 5 May) and #3 (due 27 Sep).
    expect(evidence.clients[0]).toMatchObject({ invoices: 3, paid: 1, paidLate: 1, averageDaysLate: 30, open: { count: 2, amount: 400 }, oldestOverdueDays: 201 });
  });

  it('the same file read month-first when told so, or when a value says so', () => {
    const told = ok(run(ambiguous, { dateOrder: 'mdy' }));
    // Invoice 2 month-first: due 7 February, paid 8 January: on time.
    expect(told.clients[0]).toMatchObject({ paid: 1, paidLate: 0, averageDaysLate: 0 });
    expect(told.source.dateOrder).toBe('mdy');
    const shown = ok(run([...ambiguous, 'Acme,3,08/28/2026,09/27/2026,,300,300,EUR']));
    expect(shown.source.dateOrder).toBe('mdy');
    expect(shown.clients[0]).toMatchObject({ paidLate: 0 });
  });

  it('values that prove both orders in one file are a problem, with both lines', () => {
    const outcome = run(['Acme,1,28/01/2026,27/02/2026,,100,100,EUR', 'Acme,2,01/30/2026,03/01/2026,,100,100,EUR']);
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: 'evidence/mixed-date-orders', line: 3, params: { column: 'Issued', value: '01/30/2026', order: 'dmy', orderLine: 2, orderValue: '28/01/2026' } }],
    });
  });

  it('with an order given, a value it cannot read is a skipped row, not a guess', () => {
    const evidence = ok(run(['Acme,1,28/01/2026,27/02/2026,,100,100,EUR', 'Acme,2,01/02/2026,01/03/2026,,100,100,EUR'], { dateOrder: 'mdy' }));
    expect(evidence.source.skipped).toEqual([{ line: 2, reason: 'bad-date', column: 'Issued', value: '28/01/2026' }]);
    expect(evidence.source.invoices).toBe(1);
  });

  it('ISO and month-name dates never wait', () => {
    const evidence = ok(run(['Acme,1,2026-03-04,"Apr 3, 2026",,100,100,EUR']));
    expect(evidence.source.dateOrder).toBeNull();
    expect(evidence.clients[0]?.oldestOverdueDays).toBe(233);
  });

  it(`at most ${MAX_PENDING} invoices wait for the order`, () => {
    const acc = createEvidence({ columns: COLUMNS });
    acc.add(HEADER.split(','));
    for (let i = 0; i <= MAX_PENDING; i++) acc.add(['Acme', String(i), '03/04/2026', '', '', '10', '10', 'EUR']);
    acc.add(['Acme', 'x', '28/04/2026', '', '', '10', '10', 'EUR']);
    const outcome = acc.finish('2026-11-22');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.code)).toEqual(['evidence/ambiguous-dates']);
  });
});

describe('several currencies', () => {
  it('are never summed: one entry per client and currency, income share within each', () => {
    const evidence = ok(run(['Acme,1,2026-05-01,2026-05-31,2026-05-30,100,0,EUR', 'Acme,2,2026-06-01,2026-07-01,,300,300,USD', 'Bolt,3,2026-06-01,2026-07-01,2026-07-01,100,0,usd']));
    expect(evidence.clients.map((c) => [c.client, c.currency, c.incomeShare, c.answers.amount_owed])).toEqual([
      ['Acme', 'eur', 100, 0],
      ['Acme', 'usd', 75, 300],
      ['Bolt', 'usd', 25, 0],
    ]);
  });

  it('a currency filter keeps one, and counts what it leaves out', () => {
    const evidence = ok(run(['Acme,1,2026-05-01,2026-05-31,,100,100,EUR', 'Acme,2,2026-06-01,2026-07-01,,300,300,USD'], { currency: 'USD' }));
    expect(evidence.clients.map((c) => c.currency)).toEqual(['usd']);
    expect(evidence.source.excluded.otherCurrency).toBe(1);
    const stripe = invoiceFixture('stripe', { currency: 'usd' });
    // Acme's five eur invoices and Bolt's eur one; the eur draft is counted as a draft.
    expect(stripe.ok && stripe.evidence.source.excluded).toEqual({ draft: 1, void: 1, writtenOff: 0, otherCurrency: 6 });
    expect(stripe.ok && stripe.evidence.clients.map((c) => `${c.client} ${c.incomeShare}`)).toEqual(['Bolt Labs 60', 'ops@corvid.example 40']);
  });

  it('a file that names no currency is taken to be in the one asked for', () => {
    const outcome = invoiceFixture('invoicely', { currency: 'usd' });
    expect(outcome.ok && outcome.evidence.clients.map((c) => c.currency)).toEqual(['usd', 'usd']);
  });
});

describe('rows that cannot be used are listed, with the line and why', () => {
  it('bad amounts, bad dates, no client, no date at all', () => {
    const evidence = ok(
      run([
        'Acme,1,2026-05-01,2026-05-31,,1.2.3,0,EUR',
        'Acme,2,2026-02-30,,,100,100,EUR',
        ',3,2026-05-01,2026-05-31,,100,100,EUR',
        '...,4,2026-05-01,2026-05-31,,100,100,EUR',
        'Acme,5,,,,100,100,EUR',
        'Acme,6,2026-05-01,2026-05-31,,100,100,EUR',
      ]),
    );
    expect(evidence.source.skipped).toEqual([
      { line: 2, reason: 'bad-amount', column: 'Total', value: '1.2.3' },
      { line: 3, reason: 'bad-date', column: 'Issued', value: '2026-02-30' },
      { line: 4, reason: 'no-client' },
      { line: 5, reason: 'no-client', value: '...' },
      { line: 6, reason: 'no-date', column: 'Issued' },
    ]);
    expect(evidence.source).toMatchObject({ rows: 6, invoices: 1, skippedTotal: 5 });
  });

  it('line numbers are the caller\'s: csv-parse\'s info.lines, where a record spanning lines ends', () => {
    const text = [HEADER, 'Acme,1,2026-05-01,2026-05-31,,"1\n.0.0",0,EUR', 'Acme,2,2026-05-01,2026-05-31,,x,0,EUR'].join('\n');
    const evidence = ok(evidenceOf(records(text), { columns: COLUMNS }));
    expect(evidence.source.skipped.map((s) => s.line)).toEqual([3, 4]);
  });

  it(`the first ${MAX_SKIPPED_LISTED} are listed, all are counted`, () => {
    const evidence = ok(run(Array.from({ length: 150 }, (_, i) => `Acme,${i},2026-05-01,,,oops,,EUR`)));
    expect(evidence.source.skipped).toHaveLength(MAX_SKIPPED_LISTED);
    expect(evidence.source.skippedTotal).toBe(150);
  });
});

describe('finding the header', () => {
  it('an export no format knows: a problem showing its first row and the formats known', () => {
    const outcome = evidenceOf(records('Kunde,Betrag\nAcme,100\n'));
    expect(outcome).toEqual({
      ok: false,
      problems: [{ code: 'evidence/unknown-format', params: { firstRow: ['Kunde', 'Betrag'], formats: expect.arrayContaining(['stripe', 'quickbooks', 'columns']) } }],
    });
  });

  it(`title rows above the header are passed over, up to ${HEADER_SEARCH_ROWS} rows`, () => {
    const title = Array.from({ length: HEADER_SEARCH_ROWS - 1 }, () => 'A report title');
    expect(evidenceOf(records([...title, HEADER, 'Acme,1,2026-05-01,,,10,10,EUR'].join('\n')), { columns: COLUMNS }).ok).toBe(true);
    const outcome = evidenceOf(records([...title, 'one more', HEADER].join('\n')), { columns: COLUMNS });
    expect(outcome.ok === false && outcome.problems[0]).toMatchObject({ code: 'evidence/missing-columns', line: HEADER_SEARCH_ROWS, params: { missing: Object.values(COLUMNS) } });
  });

  it('--columns naming a column the file lacks says which', () => {
    const outcome = evidenceOf(records('Client,No,Issued,Total\nAcme,1,2026-05-01,10\n'), { columns: { client: 'Client', issued: 'Issued', total: 'Amount' } });
    expect(outcome.ok === false && outcome.problems[0]).toMatchObject({ code: 'evidence/missing-columns', params: { missing: ['Amount'] } });
  });

  it('a forced format reads only its own header', () => {
    const outcome = invoiceFixture('zoho', { format: 'xero' });
    expect(outcome.ok === false && outcome.problems[0]?.code).toBe('evidence/missing-columns');
    expect(invoiceFixture('zoho', { format: 'zoho' }).ok).toBe(true);
  });

  it('an empty file, and a today that is not a date', () => {
    expect(evidenceOf([])).toEqual({ ok: false, problems: [{ code: 'evidence/empty', params: {} }] });
    expect(evidenceOf(records('\n\n'))).toEqual({ ok: false, problems: [{ code: 'evidence/empty', params: {} }] });
    expect(evidenceOf([], {}, '22/11/2026')).toEqual({ ok: false, problems: [{ code: 'evidence/bad-today', params: { value: '22/11/2026' } }] });
  });

  it('a header with no invoice under it is no clients, not a problem', () => {
    expect(ok(run([])).clients).toEqual([]);
  });
});

describe('--columns', () => {
  it('parses names with spaces and commas', () => {
    expect(parseColumns('client=Customer, total=Amount, incl. VAT,issued=Invoice date')).toEqual({
      ok: true,
      columns: { client: 'Customer', total: 'Amount, incl. VAT', issued: 'Invoice date' },
    });
  });

  it.each([
    ['client=A,total=B', 'missing', 'issued'],
    ['total=B,issued=C', 'missing', 'client'],
    ['client=A,total=B,issued=C,amount=D', 'unknown-field', 'amount'],
    ['client=A,total=B,issued=C,client=D', 'twice', 'client'],
    ['client=A,total=,issued=C', 'syntax', 'total'],
    ['client=A;total=B', 'missing', 'total'],
  ])('%j: %s', (spec, reason, field) => {
    const result = parseColumns(spec);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result).toMatchObject({ code: 'evidence/bad-columns', params: { reason, ...(field ? { field } : {}) } });
  });
});

describe('streaming', () => {
  it('rows go in one at a time; what is kept grows with clients and open invoices, not rows', () => {
    const acc = createEvidence({ columns: COLUMNS });
    acc.add(HEADER.split(','));
    // 60,000 paid invoices of 3 clients, 2 line items each: folded as they pass.
    for (let i = 0; i < 60_000; i++) {
      for (const item of [1, 2]) acc.add([`Client ${i % 3}`, String(i), '2026-01-10', '2026-02-09', '2026-02-09', '100', '0', 'EUR'], 1 + 2 * i + item);
    }
    const outcome = acc.finish('2026-11-22');
    expect(outcome.ok && outcome.evidence.source).toMatchObject({ rows: 120_000, invoices: 60_000 });
    expect(outcome.ok && outcome.evidence.clients.map((c) => c.paid)).toEqual([20_000, 20_000, 20_000]);
  });

  it('an invoice whose line items are not adjacent counts as two (the exports keep them together)', () => {
    const evidence = ok(run(['Acme,1,2026-05-01,,,10,10,EUR', 'Bolt,2,2026-05-01,,,10,10,EUR', 'Acme,1,2026-05-01,,,10,10,EUR']));
    expect(evidence.clients.map((c) => c.invoices)).toEqual([2, 1]);
  });
});
