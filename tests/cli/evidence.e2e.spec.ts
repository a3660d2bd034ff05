// `fire-check evidence` through the built binary: the export read by the one CSV
// reader, its facts out as text or JSON, its problems with their codes.
import { describe, expect, it } from 'vitest';
import { packFiles } from '../../src/cli/pack-files.js';
import { FORMAT_NAMES, TOOL_NAMES } from '../../src/evidence/index.js';
import { messagesFor } from '../../src/i18n/index.js';
import { loadTranslation } from '../../src/pack/load.js';
import { localizePack } from '../../src/pack/overlay.js';
import { runCli } from '../helpers/cli.js';
import { defaultPack, root } from '../helpers/packs.js';

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

  it.each([
    ['en', '2,840.50', '1,200'],
    ['it', '2.840,50', '1.200'],
    ['hu', '2\u00a0840,50', '1\u00a0200'],
    ['th', '2,840.50', '1,200'],
  ] as const)('%s: amounts with no currency, and the amounts the answers imply, in the language\'s numbers (%s); JSON keeps numbers', async (lang, noCurrency, owed) => {
    const pack = lang === 'en' ? defaultPack() : localizePack(defaultPack(), loadTranslation(`${root}rules/default.${lang}.yaml`, defaultPack(), packFiles()));
    const label = pack.questions.find((q) => q.id === 'amount_owed')?.label as string;
    // Invoicely writes no currency: Bruce Wayne owes 2840.5.
    const bare = runCli(['evidence', fixture('invoicely'), '--today', '2026-11-22', '--lang', lang]).stdout;
    expect(bare).not.toMatch(/\b2840\.5\b|\b2340\.5\b/);
    expect(bare).toContain(`, ${noCurrency}\n`);
    expect(bare).toContain(`    ${label}: ${noCurrency}\n`);
    // FreshBooks writes EUR: the amount owed is written as the figures above it are.
    const euros = runCli(['evidence', fixture('freshbooks'), '--today', '2026-11-22', '--lang', lang]).stdout;
    const nordlicht = euros.slice(euros.indexOf('Nordlicht GmbH'), euros.indexOf('Pixel & Co'));
    const open = /, (.+)$/.exec(nordlicht.split('\n')[2] as string)?.[1];
    expect(open).toContain(owed);
    expect(nordlicht).toContain(`    ${label}: ${open}\n`);
    expect(JSON.parse(runCli(['evidence', fixture('invoicely'), '--json', '--today', '2026-11-22']).stdout).clients[0].open.amount).toBe(2840.5);
  });

  it.each(['en', 'it', 'hu', 'th'] as const)('%s: the implied answers worded as a report words them, the question and its answer in the language', async (lang) => {
    const m = await messagesFor(lang);
    const pack = lang === 'en' ? defaultPack() : localizePack(defaultPack(), loadTranslation(`${root}rules/default.${lang}.yaml`, defaultPack(), packFiles()));
    const label = (id: string) => pack.questions.find((q) => q.id === id)?.label;
    const result = runCli(['evidence', fixture('freshbooks'), '--today', '2026-11-22', '--lang', lang]);
    expect(result.code).toBe(0);
    const nordlicht = result.stdout.slice(result.stdout.indexOf('Nordlicht GmbH'), result.stdout.indexOf('Pixel & Co'));
    expect(nordlicht).toContain(`${m.evidence.implies}:\n    ${label('pays_late')}: ${m.words.freq.often}\n`);
    expect(nordlicht).toContain(`\n    ${label('unpaid_work')}: ${m.words.no}\n`);
    expect(nordlicht).toMatch(new RegExp(`\\n {4}${label('income_share')}: 70[.,]2%\\n`));
    expect(result.stdout).not.toMatch(/pays_late|amount_owed|income_share|unpaid_work/);
  });

  it.each((['en', 'th'] as const).flatMap((lang) => FORMAT_NAMES.filter((f) => f !== 'columns').map((format) => [lang, format] as const)))('%s: the %s export is named in the title as the tool names itself', (lang, format) => {
    const title = runCli(['evidence', fixture(format), '--today', '2026-11-22', '--lang', lang]).stdout.split('\n')[0] as string;
    expect(title).toContain(TOOL_NAMES[format]);
    expect(title).not.toContain(format);
  });

  it.each(['en', 'it', 'hu', 'th'] as const)('%s: an export read by --columns is named by a phrase of the language, and the known tools by their names', async (lang) => {
    const m = await messagesFor(lang);
    const named = runCli(['evidence', fixture('columns'), '--columns', COLUMNS, '--date-format', 'dmy', '--today', '2026-11-22', '--lang', lang]);
    expect(named.stdout.split('\n')[0]).toContain(m.evidence.ownColumns);
    const unknown = runCli(['evidence', fixture('columns'), '--today', '2026-11-22', '--lang', lang]);
    expect(unknown.stderr).toContain(TOOL_NAMES.quickbooks);
    expect(unknown.stderr).not.toMatch(/quickbooks|invoiceninja/);
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
    ['en', 'stdin: line 3: Data: 01/14/2026 contradicts'],
    ['it', 'stdin: riga 3: Data: 01/14/2026 contraddice'],
    ['hu', 'stdin: 3. sor: Data: 01/14/2026 ellentmond'],
    ['th', 'stdin: บรรทัด 3: Data: 01/14/2026 ขัดกับ'],
  ])('%s: dates in both orders, a problem naming the line where the order changed', (lang, where) => {
    const input = 'Cliente,Fattura,Data,Importo\nAcme,1,13/01/2026,100\nAcme,2,01/14/2026,100\n';
    const result = runCli(['evidence', '-', '--columns', 'client=Cliente,number=Fattura,issued=Data,total=Importo', '--today', '2026-11-22', '--lang', lang], { input });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^fire-check: ${where}.* \\[evidence/mixed-date-orders\\]\\n$`));
  });

  it.each((['en', 'it', 'hu', 'th'] as const).flatMap((lang) =>
    [
      ['client=A,total=B,issued=C,amount=D', 'unknown-field', 'amount'],
      ['client=A,total=B,issued=C,client=D', 'twice', 'client'],
      ['client=A,total=,issued=C', 'syntax', 'total'],
      ['issued=C,total=B', 'missing', 'client'],
      ['client=A,total=B', 'missing', 'issued'],
    ].map(([spec, reason, field]) => [lang, spec, reason, field] as const),
  ))('%s: --columns %s says what is wrong in the language (%s), with its code', async (lang, spec, reason, field) => {
    const m = await messagesFor(lang);
    const result = runCli(['evidence', fixture('columns'), '--columns', spec as string, '--today', '2026-11-22', '--lang', lang]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ \[evidence\/bad-columns\]\n$/);
    const why = m.evidence.badColumns;
    expect(result.stderr).toContain(reason === 'missing' && field === 'issued' ? why.missingDate : why[reason as 'syntax' | 'unknown-field' | 'twice' | 'missing'](field as string));
    // The reason's code, as it used to be shown, is not a word of any language.
    expect(result.stderr).not.toContain(`${reason} (${field})`);
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

describe('--invoices: the facts answer the money questions', () => {
  const invoices = fixture('freshbooks');
  it('batch joins them by client name (case and punctuation aside); a name with no invoices is said, and scored as given', () => {
    const input = 'client,dread,raised_issue\nNORDLICHT GMBH,often,yes\nNobody Ltd,never,no\n';
    const result = runCli(['batch', '-', '--input-format', 'csv', '--invoices', invoices, '--today', '2026-11-22'], { input });
    expect(result.code).toBe(0);
    const [nordlicht, nobody] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nordlicht.reasons.map((r: { id: string }) => r.id)).toContain('pays_late');
    expect(nobody.verdict).toBe('keep');
    expect(result.stderr).toContain('No invoices in the export for: Nobody Ltd');
  });

  it('batch --invoices with no file scores every client of the export on the facts alone, with little confidence', () => {
    const result = runCli(['batch', '--invoices', invoices, '--today', '2026-11-22']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.client).sort()).toEqual(['Nordlicht GmbH', 'Pixel & Co']);
    for (const line of lines) expect(line.confidence).toBeLessThan(0.5);
  });

  it('piped answers: given answers win, the facts fill the rest', () => {
    const given = runCli(['--json', '--invoices', invoices, '--today', '2026-11-22'], { input: '{"client": "Nordlicht GmbH", "answers": {"pays_late": "never"}}' });
    expect(JSON.parse(given.stdout).reasons.map((r: { id: string }) => r.id)).not.toContain('pays_late');
    const filled = runCli(['--json', '--invoices', invoices, '--today', '2026-11-22'], { input: '{"client": "Nordlicht GmbH", "answers": {}}' });
    expect(JSON.parse(filled.stdout).reasons.map((r: { id: string }) => r.id)).toContain('pays_late');
  });
});
