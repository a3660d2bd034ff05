// `fire-check evidence` through the built binary: the export read by the one CSV
// reader, its facts out as text or JSON, its problems with their codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixture = (name: string) => `tests/fixtures/invoices/${name}.csv`;
const COLUMNS = 'client=Cliente,number=Fattura,issued=Data,due=Scadenza,paid=Pagata il,total=Importo,balance=Residuo,currency=Valuta';

describe('fire-check evidence (built binary)', () => {
  it('recognises an export by its header and gives the facts as JSON, schemaVersion 1', () => {
    const result = runCli(['evidence', fixture('freshbooks'), '--format', 'json', '--today', '2026-11-22']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ schemaVersion: 1, asOf: '2026-11-22', source: { format: 'freshbooks' } });
    const nordlicht = data.clients.find((c: { client: string }) => c.client === 'Nordlicht GmbH');
    expect(nordlicht).toMatchObject({ currency: 'eur', open: { count: 1, amount: 1200 }, answers: { amount_owed: 1200 } });
  });

  it('as text, amounts and dates as the language writes them', () => {
    const result = runCli(['evidence', fixture('freshbooks'), '--today', '2026-11-22', '--lang', 'it']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('22 novembre 2026');
    // Intl puts a no-break space between the amount and its sign, as Italian typesetting does.
    expect(result.stdout).toMatch(/1\.200\u00a0€/);
  });

  it('an export no format knows: a problem naming its first row, until --columns names them', () => {
    const unknown = runCli(['evidence', fixture('columns'), '--today', '2026-11-22']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Cliente, Fattura, Data.* \[evidence\/unknown-format\]\n$/);
    const named = runCli(['evidence', fixture('columns'), '--columns', COLUMNS, '--date-format', 'dmy', '--format', 'json', '--today', '2026-11-22']);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).source).toMatchObject({ format: 'columns', dateOrder: 'dmy' });
  });

  it.each([
    [['evidence', 'nope.csv'], 'io/not-readable'],
    [['evidence', fixture('columns'), '--columns', 'client'], 'evidence/bad-columns'],
    [['evidence', fixture('columns'), '--date-format', 'ymd'], 'cli/invalid-choice'],
    [['evidence', fixture('columns'), '--terms', '0'], 'cli/bad-days'],
  ])('%j: %s', (args, code) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(` \\[${code}\\]$`));
  });
});
