import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/evidence/numbers.js';

describe('parseAmount: amounts as the exports write them', () => {
  it.each([
    ['1020.00', 1020],
    ['1,020.00', 1020], // Invoicely
    ['"1,020.00"'.slice(1, -1), 1020],
    ['$1,020.00', 1020], // Invoice Ninja
    ['-$50.00', -50],
    ['$-50.00', -50],
    ['(1,234.50)', -1234.5], // accountants' negative
    ['104,40', 104.4], // decimal comma
    ['1.234,56', 1234.56],
    ['-1.234,56 €', -1234.56],
    ['€ 1.234.567,89', 1234567.89],
    ['20 160,0', 20160], // Harvest, Swedish: space thousands
    ['1\u00a0234,56', 1234.56], // no-break space
    ['1\u202f234,56', 1234.56], // narrow no-break space (fr-FR)
    ["1'234.50", 1234.5], // de-CH
    ['1580.9400', 1580.94], // Xero
    ['USD 12.50', 12.5],
    ['12.50 USD', 12.5],
    ['kr 99', 99],
    ['0', 0],
    ['0,500', 0.5], // a leading zero is never a thousands group
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1,020', 1020], // the ambiguous case: en-US grouping
    ['1.020', 1.02], // ... and a decimal point
    ['12\u221234', undefined],
    ['+7', 7],
    ['7-', -7],
  ])('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', '   ', 'n/a', '-', '$', '1.2.3', '1,23,4', '12abc34', '1,234.56.7', '--5', '(5', '1..2', '.'])('%j is no amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('a decimal mark given for the file settles the ambiguous case', () => {
    expect(parseAmount('1.020', ',')).toBe(1020);
    expect(parseAmount('1,020', '.')).toBe(1020);
    expect(parseAmount('1,020', ',')).toBe(1.02);
    expect(parseAmount('1.020', '.')).toBe(1.02);
    expect(parseAmount('1.234,56', ',')).toBe(1234.56);
    // A figure that contradicts the mark given is no amount rather than a wrong one.
    expect(parseAmount('1.234,56', '.')).toBeUndefined();
  });
});
