// Invoice export rows in, per-client facts out (issue 16). The caller (cli)
// reads the file and hands the rows over one at a time, header and title rows
// included: `add(row)` for each, then `finish(today)`. Nothing here reads a
// file, the clock or the environment.
//
// Assumptions, stated: the line items of one invoice are adjacent (every export
// read here writes them so), and a payment row comes after its invoice (Wave's
// transactions are in date order). Memory holds per client (and currency) a few
// counters, the invoices still open and the amounts invoiced per day; paid
// invoices are folded in as they pass. The one exception is a file whose
// numeric dates are ambiguous so far: its invoices wait, up to MAX_PENDING,
// for a value that decides the order.
import { clientKey } from '../clients/key.js';
import type { ColumnMap } from './columns.js';
import { currencyCode } from './currency.js';
import { dayFromIso, isAmbiguous, isoOfDay, orderShownBy, readDate, resolveDate, type DateOrder, type DateReading, type Day } from './dates.js';
import { clientFacts, INCOME_WINDOW_DAYS, invoicedInWindow } from './figures.js';
import { columnsFormat, DETECTION_ORDER, FORMATS, missingColumns, type KnownFormat } from './formats/index.js';
import { isBlank, normaliseHeader, type BoundFormat, type DateField, type FormatName, type FormatSpec, type InvoiceLine, type PaymentLine, type SkipReason } from './formats/types.js';
import { Ledger } from './ledger.js';
import { toCents, type DecimalSeparator } from './numbers.js';
import type { Evidence, EvidenceProblem, SkippedRow } from './result.js';
import { EVIDENCE_DEFAULTS, type EvidenceSettings } from './settings.js';

export interface EvidenceOptions {
  /** The pack's thresholds (evidenceSettings(pack.evidence)); the defaults otherwise. */
  settings?: EvidenceSettings;
  /** Read the file as this format instead of recognising it from its header. */
  format?: KnownFormat;
  /** The column names of an export no format knows (parseColumns); implies the format `columns`. */
  columns?: ColumnMap;
  /** How numeric dates are written, when the file's own values do not say. */
  dateOrder?: DateOrder;
  /** The file's decimal mark, for the one ambiguous amount ("1,020"); see parseAmount. */
  decimal?: DecimalSeparator;
  /** Payment terms in days for invoices with no due date; the pack's defaultTermsDays otherwise. */
  termsDays?: number;
  /** Only this currency (ISO code); a file that names none is taken to be in it. */
  currency?: string;
}

export type EvidenceOutcome = { ok: true; evidence: Evidence } | { ok: false; problems: EvidenceProblem[] };

export interface EvidenceAccumulator {
  /** One record of the export, as csv-parse gives it; `line` is its line in the file (else its record number). */
  add(row: string[], line?: number): void;
  /** The facts as of `today` (YYYY-MM-DD); the accumulator is spent afterwards. */
  finish(today: string): EvidenceOutcome;
}

/** Rows read before giving up on finding a header. */
export const HEADER_SEARCH_ROWS = 30;
/** Invoices that may wait for the date order to be known. */
export const MAX_PENDING = 10_000;
/** Skipped rows listed in the result (all are counted). */
export const MAX_SKIPPED_LISTED = 100;

interface Dated {
  line: number;
  key: string;
  currency: string;
  dates: Partial<Record<DateField, string | undefined>>;
  /** The dates read (issued, due, paid), once: resolved when the order is known. */
  readings?: (DateReading | undefined)[];
}
type Event = (Dated & { kind: 'invoice'; invoice: InvoiceLine; cents: number; balanceCents: number | undefined }) | (Dated & { kind: 'payment'; payment: PaymentLine; cents: number });

export function createEvidence(options: EvidenceOptions = {}): EvidenceAccumulator {
  return new Accumulator(options);
}

class Accumulator implements EvidenceAccumulator {
  private readonly settings: EvidenceSettings;
  private readonly termsDays: number;
  private readonly currency: string;
  private readonly candidates: [FormatName, FormatSpec][];
  private phase: 'header' | 'data' | 'done' | 'failed' = 'header';
  private format: FormatName | undefined;
  private bound: BoundFormat | undefined;
  private record = 0;
  private preamble = 0;
  private firstRow: string[] | undefined;
  private rows = 0;
  private invoices = 0;
  private readonly skipped: SkippedRow[] = [];
  private skippedTotal = 0;
  private readonly excluded = { draft: 0, void: 0, writtenOff: 0, otherCurrency: 0 };
  private readonly problems: EvidenceProblem[] = [];
  private group: Extract<Event, { kind: 'invoice' }> | undefined;
  private order: DateOrder | undefined;
  private orderShown: { line: number; value: string } | undefined;
  private readonly pending: Event[] = [];
  private ambiguous: { line: number; value: string; columns: Set<string> } | undefined;
  /** By client key, then currency: both keys are cached strings, so no key is built per row. */
  private readonly ledgers = new Map<string, Map<string, Ledger>>();
  // The same few names and currencies come back on every row: work their keys out once.
  private readonly keys = new Map<string, string>();
  private readonly currencies = new Map<string, string>();
  private readonly readings = new Map<string, DateReading>();
  private lastName: string | undefined;
  private lastKey = '';

  constructor(private readonly options: EvidenceOptions) {
    this.settings = options.settings ?? EVIDENCE_DEFAULTS;
    this.termsDays = options.termsDays ?? this.settings.defaultTermsDays;
    this.currency = currencyCode(options.currency);
    this.order = options.dateOrder;
    if (options.columns) this.candidates = [['columns', columnsFormat(options.columns)]];
    else if (options.format) this.candidates = [[options.format, FORMATS[options.format]]];
    else this.candidates = DETECTION_ORDER.map((name) => [name, FORMATS[name]]);
  }

  add(row: string[], line?: number): void {
    this.record++;
    const at = line ?? this.record;
    if (this.phase === 'header') this.seekHeader(row, at);
    else if (this.phase === 'data') this.read(row, at);
  }

  finish(today: string): EvidenceOutcome {
    const asOf = dayFromIso(today);
    if (asOf === undefined) return { ok: false, problems: [{ code: 'evidence/bad-today', params: { value: today } }] };
    if (this.phase === 'header') this.noHeader();
    if (this.phase !== 'failed') {
      this.flushGroup();
      if (this.pending.length) this.failAmbiguous();
    }
    if (this.phase === 'failed' || !this.bound || !this.format) return { ok: false, problems: this.problems };
    this.phase = 'done';
    return { ok: true, evidence: this.result(asOf, this.bound, this.format) };
  }

  // --- finding the header --------------------------------------------------

  private seekHeader(row: string[], line: number): void {
    const cells = row.map(normaliseHeader);
    const found = this.candidates.find(([, spec]) => spec.isHeader(cells));
    if (found) {
      [this.format] = found;
      this.bound = found[1].bind(row, { decimal: this.options.decimal });
      this.phase = 'data';
      return;
    }
    if (!this.firstRow && !isBlank(row)) this.firstRow = row;
    if (++this.preamble >= HEADER_SEARCH_ROWS) this.noHeader(line);
  }

  private noHeader(line?: number): void {
    if (!this.firstRow) {
      this.fail({ code: 'evidence/empty', params: {} });
      return;
    }
    const firstRow = this.firstRow.slice(0, 20).map((c) => c.replace(/^\uFEFF/, '').trim().slice(0, 60));
    const at = line === undefined ? {} : { line };
    if (this.options.columns) {
      this.fail({ code: 'evidence/missing-columns', ...at, params: { missing: missingColumns(this.options.columns, this.firstRow.map(normaliseHeader)), firstRow } });
    } else if (this.options.format) {
      this.fail({ code: 'evidence/missing-columns', ...at, params: { format: this.options.format, firstRow, missing: [] } });
    } else {
      this.fail({ code: 'evidence/unknown-format', ...at, params: { firstRow, formats: [...DETECTION_ORDER, 'columns'] } });
    }
  }

  // --- reading data rows ---------------------------------------------------

  private read(row: string[], line: number): void {
    const bound = this.bound as BoundFormat;
    this.rows++;
    const reading = bound.read(row);
    switch (reading.kind) {
      case 'ignore':
        return;
      case 'end':
        this.flushGroup();
        this.rows--;
        this.phase = 'done';
        return;
      case 'skip':
        // The invoice before it is complete: counted first, so skipped rows keep the file's order.
        this.flushGroup();
        this.skip(line, reading.reason, reading.column, reading.value);
        return;
      case 'line':
        this.line(reading.line, line, bound);
        return;
      case 'payment':
        this.flushGroup();
        this.payment(reading.payment, line);
        return;
    }
  }

  private line(invoice: InvoiceLine, line: number, bound: BoundFormat): void {
    const key = this.keyOf(invoice.client);
    if (key === '') {
      this.flushGroup();
      this.skip(line, 'no-client', undefined, invoice.client);
      return;
    }
    const currency = this.currencyOf(invoice.currency);
    const cents = toCents(invoice.amount);
    const balanceCents = invoice.balance === undefined ? undefined : toCents(invoice.balance);
    const group = this.group;
    if (group && invoice.number !== undefined && group.invoice.number === invoice.number && group.key === key && group.currency === currency) {
      // Another line item of the same invoice.
      if (bound.sumLines) {
        group.cents += cents;
        if (balanceCents !== undefined) group.balanceCents = (group.balanceCents ?? 0) + balanceCents;
      }
      return;
    }
    this.flushGroup();
    const dates = { issued: invoice.issued, due: invoice.due, paid: invoice.paid };
    this.group = { kind: 'invoice', line, key, currency, dates, invoice, cents, balanceCents };
  }

  private payment(payment: PaymentLine, line: number): void {
    const key = this.keyOf(payment.client);
    if (key === '') {
      this.skip(line, 'no-client', undefined, payment.client);
      return;
    }
    const currency = this.inCurrency(this.currencyOf(payment.currency));
    if (currency === undefined) return;
    this.settle({ kind: 'payment', line, key, currency, dates: { paid: payment.date }, payment, cents: toCents(payment.amount) });
  }

  private keyOf(name: string): string {
    if (name === this.lastName) return this.lastKey;
    let key = this.keys.get(name);
    if (key === undefined) {
      if (this.keys.size >= CACHE_SIZE) this.keys.clear();
      key = clientKey(name);
      this.keys.set(name, key);
    }
    this.lastName = name;
    this.lastKey = key;
    return key;
  }

  /** What a date cell says, read once per distinct text. */
  private reading(text: string): DateReading | undefined {
    let reading = this.readings.get(text);
    if (reading === undefined) {
      reading = readDate(text) ?? EMPTY;
      if (this.readings.size >= CACHE_SIZE) this.readings.clear();
      this.readings.set(text, reading);
    }
    return reading === EMPTY ? undefined : reading;
  }

  private currencyOf(text: string | undefined): string {
    if (text === undefined) return '';
    let code = this.currencies.get(text);
    if (code === undefined) {
      if (this.currencies.size >= CACHE_SIZE) this.currencies.clear();
      code = currencyCode(text);
      this.currencies.set(text, code);
    }
    return code;
  }

  /** The invoice collected so far is complete: count it, or set it aside. */
  private flushGroup(): void {
    const event = this.group;
    this.group = undefined;
    if (!event) return;
    const state = event.invoice.state;
    if (state === 'draft' || state === 'void') {
      this.excluded[state]++;
      return;
    }
    const currency = this.inCurrency(event.currency);
    if (currency === undefined) return;
    event.currency = currency;
    if (state === 'written-off') {
      this.excluded.writtenOff++;
      return;
    }
    this.settle(event);
  }

  /** The currency an item counts in; undefined (and counted) when the --currency filter leaves it out. */
  private inCurrency(currency: string): string | undefined {
    if (this.currency === '' || currency === this.currency) return currency;
    if (currency === '') return this.currency;
    this.excluded.otherCurrency++;
    return undefined;
  }

  // --- dates: known, decided by the file, or waiting ----------------------

  /** Reads an event's dates; applies it, or keeps it until the file shows its date order. */
  private settle(event: Event): void {
    const labels = (this.bound as BoundFormat).dateColumns;
    const readings: (DateReading | undefined)[] = [undefined, undefined, undefined];
    let waits = false;
    for (let f = 0; f < DATE_FIELDS.length; f++) {
      const field = DATE_FIELDS[f] as DateField;
      const text = event.dates[field];
      const reading = text === undefined ? undefined : this.reading(text);
      if (text === undefined || reading === undefined) continue;
      if (reading.kind === 'invalid') {
        this.skip(event.line, 'bad-date', labels[field], text);
        return;
      }
      readings[f] = reading;
      if (reading.kind === 'day') continue;
      const shown = orderShownBy(reading);
      if (shown && this.order !== undefined && shown !== this.order) {
        if (this.options.dateOrder) {
          this.skip(event.line, 'bad-date', labels[field], text);
          return;
        }
        const shownAt = this.orderShown as { line: number; value: string };
        this.fail({ code: 'evidence/mixed-date-orders', line: event.line, params: { column: labels[field] ?? field, value: text, order: this.order, orderLine: shownAt.line, orderValue: shownAt.value } });
        return;
      }
      if (shown && this.order === undefined) {
        this.order = shown;
        this.orderShown = { line: event.line, value: text };
      }
      if (isAmbiguous(reading) && this.order === undefined) {
        waits = true;
        this.ambiguous ??= { line: event.line, value: text, columns: new Set() };
        this.ambiguous.columns.add(labels[field] ?? field);
      }
    }
    event.readings = readings;
    if (waits) {
      this.pending.push(event);
      if (this.pending.length > MAX_PENDING) this.failAmbiguous();
      return;
    }
    if (this.pending.length) for (const waiting of this.pending.splice(0)) this.apply(waiting);
    this.apply(event);
  }

  private failAmbiguous(): void {
    const ambiguous = this.ambiguous as { line: number; value: string; columns: Set<string> };
    this.fail({
      code: 'evidence/ambiguous-dates',
      line: ambiguous.line,
      params: { columns: [...ambiguous.columns], example: ambiguous.value, waiting: this.pending.length, options: ['dmy', 'mdy'] },
    });
  }

  private day(event: Event, field: number): Day | undefined {
    const reading = event.readings?.[field];
    return reading === undefined ? undefined : resolveDate(reading, this.order);
  }

  private apply(event: Event): void {
    if (event.kind === 'payment') {
      const ledger = this.ledgers.get(event.key)?.get(event.currency);
      const day = this.day(event, PAID);
      if (day === undefined) {
        this.skip(event.line, 'no-date', (this.bound as BoundFormat).dateColumns.paid, '');
      } else if (!ledger || !ledger.pay(event.payment.number, day, event.cents)) {
        this.skip(event.line, 'unmatched-payment', undefined, event.payment.number);
      }
      return;
    }
    const { invoice } = event;
    const issued = this.day(event, ISSUED);
    const due = this.day(event, DUE) ?? (issued === undefined ? undefined : issued + this.termsDays);
    if (due === undefined) {
      const labels = (this.bound as BoundFormat).dateColumns;
      this.skip(event.line, 'no-date', labels.issued ?? labels.due, '');
      return;
    }
    this.invoices++;
    this.ledger(event.key, event.currency, invoice.client).add({
      number: invoice.number,
      issued,
      due,
      paid: this.day(event, PAID),
      amount: event.cents,
      balance: event.balanceCents,
      state: invoice.state as 'open' | 'paid' | 'credit',
    });
  }

  private ledger(key: string, currency: string, client: string): Ledger {
    let byCurrency = this.ledgers.get(key);
    if (!byCurrency) {
      byCurrency = new Map();
      this.ledgers.set(key, byCurrency);
    }
    let ledger = byCurrency.get(currency);
    if (!ledger) {
      ledger = new Ledger(client.trim().replace(/\s+/g, ' '), currency, this.settings.graceDays);
      byCurrency.set(currency, ledger);
    }
    return ledger;
  }

  // --- the end ---------------------------------------------------------------

  private skip(line: number, reason: SkipReason, column: string | undefined, value: string | undefined): void {
    this.skippedTotal++;
    if (this.skipped.length >= MAX_SKIPPED_LISTED) return;
    this.skipped.push({ line, reason, ...(column ? { column } : {}), ...(value ? { value: value.slice(0, 200) } : {}) });
  }

  private fail(problem: EvidenceProblem): void {
    this.problems.push(problem);
    this.phase = 'failed';
  }

  private result(today: Day, bound: BoundFormat, format: FormatName): Evidence {
    const byOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ordered = [...this.ledgers.keys()].sort(byOrder).flatMap((key) => {
      const byCurrency = this.ledgers.get(key) as Map<string, Ledger>;
      return [...byCurrency.keys()].sort(byOrder).map((currency) => byCurrency.get(currency) as Ledger);
    });
    const windowTotals = new Map<string, number>();
    for (const ledger of ordered) {
      windowTotals.set(ledger.currency, (windowTotals.get(ledger.currency) ?? 0) + Math.max(0, invoicedInWindow(ledger, today)));
    }
    const clients = ordered.map((ledger) =>
      clientFacts(ledger, {
        today,
        settings: this.settings,
        paymentDates: bound.paidDates,
        openItemsOnly: bound.openItemsOnly,
        windowTotal: windowTotals.get(ledger.currency) ?? 0,
      }),
    );
    return {
      schemaVersion: 1,
      asOf: isoOfDay(today),
      source: {
        format,
        rows: this.rows,
        invoices: this.invoices,
        skipped: this.skipped,
        skippedTotal: this.skippedTotal,
        excluded: { ...this.excluded },
        dateOrder: this.order ?? null,
      },
      basis: {
        graceDays: this.settings.graceDays,
        termsDays: this.termsDays,
        unpaidWorkDays: this.settings.unpaidWorkDays,
        incomeWindowDays: INCOME_WINDOW_DAYS,
        paymentDates: bound.paidDates,
        openItemsOnly: bound.openItemsOnly,
      },
      clients,
    };
  }
}

const DATE_FIELDS = ['issued', 'due', 'paid'] as const;
const [ISSUED, DUE, PAID] = [0, 1, 2];
const CACHE_SIZE = 10_000;
/** A cached empty date cell. */
const EMPTY: DateReading = { kind: 'invalid' };
