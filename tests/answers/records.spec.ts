import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, ndjsonRecords, type InputRecord } from '../../src/answers/records.js';
import { FireCheckError } from '../../src/errors.js';
import { preparedDefault } from '../helpers/packs.js';

const pack = preparedDefault();
const collect = async (gen: AsyncGenerator<InputRecord>) => {
  const out: InputRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
};

describe('NDJSON records', () => {
  it('one answers object per line, with its line number; blank lines skipped; bad lines carry their problems', async () => {
    const input = ['{"client": "A", "answers": {"pays_late": "often"}}', '', '{"answers": {"pays_lat": "often"}}', '{broken', '{"answers": {"abuse": "yes"}}'].join('\n');
    const records = await collect(ndjsonRecords(Readable.from([input]), pack));
    expect(records.map((r) => [r.line, r.ok])).toEqual([[1, true], [3, false], [4, false], [5, true]]);
    expect(records[0]).toMatchObject({ ok: true, set: { client: 'A', answers: { pays_late: 'often' } } });
    expect(records[1]).toMatchObject({ ok: false, problems: [{ where: 'answers.pays_lat', message: expect.stringContaining('did you mean "pays_late"') }] });
    expect(records[2]).toMatchObject({ ok: false, problems: [{ where: 'column 2', message: expect.stringContaining('not valid JSON') }] });
    expect(records[3]).toMatchObject({ ok: true, set: { answers: { abuse: true } } });
  });
});

describe('CSV records', () => {
  it('a header of client and question ids; cells in the same words as JSON; empty means not sure', async () => {
    const input = '\uFEFFclient,pays_late,abuse,underpays,income_share\n"Acme, Inc",often,yes,4,40\nBeta,,no,,\n';
    const records = await collect(csvRecords(Readable.from([input]), pack, 'x.csv'));
    expect(records).toEqual([
      { line: 2, ok: true, set: { client: 'Acme, Inc', answers: { pays_late: 'often', abuse: true, underpays: 4, income_share: 40 } } },
      { line: 3, ok: true, set: { client: 'Beta', answers: { pays_late: null, abuse: false, underpays: null, income_share: null } } },
    ]);
  });

  it('a bad cell or a short row fails that line only', async () => {
    const input = 'client,pays_late,abuse\nA,often,maybe\nB,often\nC,never,no\n';
    const records = await collect(csvRecords(Readable.from([input]), pack, 'x.csv'));
    expect(records.map((r) => [r.line, r.ok])).toEqual([[2, false], [3, false], [4, true]]);
    expect(records[0]).toMatchObject({ problems: [{ where: 'answers.abuse', message: expect.stringContaining('allowed: yes, no') }] });
    expect(records[1]).toMatchObject({ problems: [{ where: 'row', message: 'has 2 cells; the header has 3' }] });
  });

  it('an unknown column stops the run with the nearest id suggested', async () => {
    const run = collect(csvRecords(Readable.from(['client,pays_lat,pays_late,pays_late\nA,often,often,often\n']), pack, 'x.csv'));
    await expect(run).rejects.toThrow(FireCheckError);
    await expect(collect(csvRecords(Readable.from(['client,pays_lat\nA,often\n']), pack, 'x.csv'))).rejects.toMatchObject({
      details: ['x.csv: line 1: column "pays_lat" is not a question id (did you mean "pays_late"?)'],
    });
  });

  it('a CSV syntax error names the line', async () => {
    await expect(collect(csvRecords(Readable.from(['client,pays_late\nA,"often\n']), pack, 'x.csv'))).rejects.toThrow(/x\.csv: line \d+: not valid CSV/);
  });
});

describe('NDJSON read a chunk at a time', () => {
  it('joins lines split across chunks, multi-byte characters too, and takes CRLF and a last line without newline', async () => {

    const line = (client: string) => JSON.stringify({ client, answers: { pays_late: 'often' } });
    const bytes = Buffer.from(`${line('Ágnes Kovács')}\r\n\n${line('ลูกค้า')}\n${line('Zoë')}`, 'utf8');
    // Cut inside the Hungarian name and inside a Thai character (3 bytes each).
    const cuts = [5, bytes.indexOf(Buffer.from('ลู')) + 1, bytes.length - 3];
    const parts = [bytes.subarray(0, cuts[0]), bytes.subarray(cuts[0], cuts[1]), bytes.subarray(cuts[1], cuts[2]), bytes.subarray(cuts[2])];
    const records: InputRecord[] = [];
    for await (const record of ndjsonRecords(Readable.from(parts), pack)) records.push(record);
    expect(records.map((r) => [r.line, r.ok && r.set.client])).toEqual([[1, 'Ágnes Kovács'], [3, 'ลูกค้า'], [4, 'Zoë']]);
  });
});
