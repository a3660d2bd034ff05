// From figures to answers: the thresholds table, and the properties that keep
// the answers honest: more lateness never reads as better payment, more owed
// never as less (issue 16). The properties run the whole path, rows in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDay } from '../../src/evidence/dates.js';
import { EVIDENCE_DEFAULTS, impliedAnswers, paysLateLevel, PAYS_LATE_LEVELS, type ColumnMap, type EvidenceAnswers, type EvidenceSettings } from '../../src/evidence/index.js';
import { evidenceOf } from '../helpers/invoices.js';

describe('pays_late from the share of late invoices, by the default cut-offs (above 0, 20, 50, 90 %)', () => {
  it.each([
    [0, 'never'],
    [0.1, 'rarely'],
    [20, 'rarely'],
    [20.1, 'sometimes'],
    [50, 'sometimes'],
    [66.7, 'often'],
    [90, 'often'],
    [90.1, 'always'],
    [100, 'always'],
  ])('%d %% → %s', (share, level) => {
    expect(paysLateLevel(share, EVIDENCE_DEFAULTS.paysLate)).toBe(level);
  });

  it('a pack\'s own cut-offs move the levels', () => {
    expect(paysLateLevel(30, { rarely: 10, sometimes: 25, often: 40, always: 80 })).toBe('sometimes');
    expect(paysLateLevel(5, { rarely: 10, sometimes: 25, often: 40, always: 80 })).toBe('never');
  });

  it('answers leave out what is not measured, and never owe less than nothing', () => {
    const answers = impliedAnswers({ lateShare: null, openAmount: -50, overdueAmount: 0, oldestOverdueDays: null, incomeShare: null }, EVIDENCE_DEFAULTS);
    expect(answers).toEqual({ amount_owed: 0, amount_overdue: 0, unpaid_work: false });
  });

  it('unpaid_work once an invoice is open more than unpaidWorkDays past due', () => {
    const basis = { lateShare: 100, openAmount: 10, overdueAmount: 10, incomeShare: 12.5 };
    expect(impliedAnswers({ ...basis, oldestOverdueDays: 60 }, EVIDENCE_DEFAULTS).unpaid_work).toBe(false);
    expect(impliedAnswers({ ...basis, oldestOverdueDays: 61 }, EVIDENCE_DEFAULTS).unpaid_work).toBe(true);
  });
});

// --- the properties, on generated exports ---------------------------------------

const TODAY = '2026-11-22';
const TODAY_DAY = Date.UTC(2026, 10, 22) / 86_400_000;
const COLUMNS: ColumnMap = { client: 'Client', number: 'No', issued: 'Issued', due: 'Due', paid: 'Paid', total: 'Total', balance: 'Balance', currency: 'Currency' };

interface Invoice {
  /** Days before today it was issued. */
  age: number;
  terms: number;
  cents: number;
  /** Days after the due date it was paid; null: still open. */
  paidAfterDue: number | null;
}

const invoiceArb: fc.Arbitrary<Invoice> = fc.record({
  age: fc.integer({ min: 0, max: 500 }),
  terms: fc.integer({ min: 0, max: 60 }),
  cents: fc.integer({ min: 1, max: 1_000_000 }),
  paidAfterDue: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }),
});

/** Cut-offs that rise, below 100, and the other thresholds anywhere sensible. */
const settingsArb: fc.Arbitrary<EvidenceSettings> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 180 }))
  .map(([cuts, graceDays, unpaidWorkDays]) => {
    const [rarely, sometimes, often, always] = [...cuts].sort((a, b) => a - b) as [number, number, number, number];
    return { ...EVIDENCE_DEFAULTS, graceDays, unpaidWorkDays, paysLate: { rarely, sometimes, often, always } };
  });

/** Keeps a paid invoice's payment on or before today. */
const settled = (inv: Invoice): Invoice => {
  if (inv.paidAfterDue === null) return inv;
  const due = TODAY_DAY - inv.age + inv.terms;
  return { ...inv, paidAfterDue: Math.min(inv.paidAfterDue, TODAY_DAY - due) };
};

function answersFor(invoices: Invoice[], settings: EvidenceSettings): EvidenceAnswers | undefined {
  const rows = [{ row: Object.values(COLUMNS) }];
  invoices.map(settled).forEach((inv, i) => {
    const issued = TODAY_DAY - inv.age;
    const due = issued + inv.terms;
    const paid = inv.paidAfterDue === null ? '' : isoOfDay(due + inv.paidAfterDue);
    const amount = (inv.cents / 100).toFixed(2);
    rows.push({ row: ['Acme', String(i), isoOfDay(issued), isoOfDay(due), paid, amount, inv.paidAfterDue === null ? amount : '0', 'EUR'] });
  });
  const outcome = evidenceOf(rows, { columns: COLUMNS, settings }, TODAY);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.evidence.clients[0]?.answers;
}

const rank = (answers: EvidenceAnswers | undefined) => (answers?.pays_late === undefined ? -1 : PAYS_LATE_LEVELS.indexOf(answers.pays_late));
const RUNS = { numRuns: 300 };

/** An invoice that is late beyond any grace: paid, or still open, more than `grace` days after its due date. */
const lateArb = (grace: number): fc.Arbitrary<Invoice> =>
  fc.record({
    terms: fc.integer({ min: 0, max: 60 }),
    cents: fc.integer({ min: 1, max: 1_000_000 }),
    lateBy: fc.integer({ min: grace + 1, max: grace + 200 }),
    paid: fc.boolean(),
  }).map(({ terms, cents, lateBy, paid }) => ({ age: terms + lateBy + (paid ? 1 : 0), terms, cents, paidAfterDue: paid ? lateBy : null }));

describe('the answers are monotone', () => {
  it('another late invoice never gives a better pays_late', () => {
    const caseArb = settingsArb.chain((settings) => fc.tuple(fc.constant(settings), fc.array(invoiceArb, { maxLength: 12 }), lateArb(settings.graceDays)));
    fc.assert(
      fc.property(caseArb, ([settings, invoices, late]) => {
        const before = rank(answersFor(invoices, settings));
        const after = rank(answersFor([...invoices, late], settings));
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('a payment made later never gives a better pays_late', () => {
    fc.assert(
      fc.property(settingsArb, fc.array(invoiceArb, { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 120 }), (settings, invoices, pick, delay) => {
        const i = pick % invoices.length;
        const inv = settled(invoices[i] as Invoice);
        fc.pre(inv.paidAfterDue !== null);
        const later = invoices.map((x, j) => (j === i ? { ...inv, paidAfterDue: (inv.paidAfterDue as number) + delay } : x));
        expect(rank(answersFor(later, settings))).toBeGreaterThanOrEqual(rank(answersFor(invoices, settings)));
      }),
      RUNS,
    );
  });

  it('another overdue invoice never gives a smaller amount_owed or amount_overdue, nor takes unpaid_work away', () => {
    const overdueArb = fc
      .record({ terms: fc.integer({ min: 0, max: 60 }), cents: fc.integer({ min: 1, max: 1_000_000 }), pastDue: fc.integer({ min: 1, max: 300 }) })
      .map(({ terms, cents, pastDue }) => ({ age: terms + pastDue, terms, cents, paidAfterDue: null }));
    fc.assert(
      fc.property(settingsArb, fc.array(invoiceArb, { maxLength: 12 }), overdueArb, (settings, invoices, overdue) => {
        const before = answersFor(invoices, settings);
        const after = answersFor([...invoices, overdue], settings) as EvidenceAnswers;
        expect(after.amount_owed).toBeGreaterThanOrEqual(before?.amount_owed ?? 0);
        expect(after.amount_overdue).toBeGreaterThanOrEqual(before?.amount_overdue ?? 0);
        if (before?.unpaid_work) expect(after.unpaid_work).toBe(true);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      RUNS,
    );
  });
});
