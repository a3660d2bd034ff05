import { describe, expect, it } from 'vitest';
import { dayFromIso, isAmbiguous, isoOfDay, orderShownBy, readDate, resolveDate, type DateOrder } from '../../src/evidence/dates.js';

const iso = (text: string, order?: DateOrder) => {
  const reading = readDate(text);
  if (!reading) return 'empty';
  const day = resolveDate(reading, order);
  return day === undefined ? (isAmbiguous(reading) ? 'ambiguous' : 'invalid') : isoOfDay(day);
};

describe('readDate: dates as the exports write them', () => {
  it.each([
    ['2021-01-28', '2021-01-28'],
    ['2021-1-8', '2021-01-08'],
    ['2021-01-28T11:04:09+00:00', '2021-01-28'], // Invoice2go
    ['2021-01-28 23:59', '2021-01-28'], // Stripe "(UTC)" columns
    ['2021/01/28', '2021-01-28'],
    ['28/01/2021', '2021-01-28'], // a day above 12: day-first, whatever the file
    ['01/28/2021', '2021-01-28'],
    ['28.01.2021', '2021-01-28'],
    ['28-01-2021', '2021-01-28'],
    ['1/28/21', '2021-01-28'],
    ['28/01/2021 10:15 am', '2021-01-28'],
    ['05/05/2021', '2021-05-05'], // both readings agree
    ['Jan 28 2021', '2021-01-28'], // Invoicely
    ['Jan 28, 2021', '2021-01-28'], // Invoice Ninja v4
    ['January 28, 2021', '2021-01-28'],
    ['28 Jan 2021', '2021-01-28'],
    ['28-Jan-21', '2021-01-28'],
    ['Sept 3, 2021', '2021-09-03'],
    ['Thursday, January 28, 2021', '2021-01-28'],
    ['Wednesday, Jan 15, 2025 09:22:11 AM GMT-8', '2025-01-15'], // QuickBooks footer style
    ['29/02/2024', '2024-02-29'],
  ])('%j → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each(['31/02/2021', '2021-02-30', '13/13/2021', 'Jan 32 2021', 'Foo 3 2021', 'tomorrow', '2021', '12:30', '1/2'])('%j is no date', (text) => {
    expect(iso(text)).toBe('invalid');
  });

  it('an empty cell is no date at all, not a bad one', () => {
    expect(readDate('')).toBeUndefined();
    expect(readDate('  ')).toBeUndefined();
  });

  it('a numeric date with both parts 12 or less needs the file\'s order', () => {
    expect(iso('03/04/2021')).toBe('ambiguous');
    expect(iso('03/04/2021', 'dmy')).toBe('2021-04-03');
    expect(iso('03/04/2021', 'mdy')).toBe('2021-03-04');
    expect(orderShownBy(readDate('03/04/2021')!)).toBeUndefined();
  });

  it('a value only one order can read shows the order, and the other order refuses it', () => {
    expect(orderShownBy(readDate('28/01/2021')!)).toBe('dmy');
    expect(orderShownBy(readDate('01/28/2021')!)).toBe('mdy');
    expect(orderShownBy(readDate('2021-01-28')!)).toBeUndefined();
    expect(iso('28/01/2021', 'mdy')).toBe('invalid');
    expect(iso('01/28/2021', 'dmy')).toBe('invalid');
  });

  it('today is a strict ISO date', () => {
    expect(isoOfDay(dayFromIso('2026-11-22')!)).toBe('2026-11-22');
    expect(dayFromIso('22/11/2026')).toBeUndefined();
    expect(dayFromIso('2026-02-30')).toBeUndefined();
    expect(dayFromIso('1970-01-01')).toBe(0);
  });
});
