import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, ndjsonRecords, type InputRecord } from '../../src/answers/records.js';
import type { InputEncoding } from '../../src/answers/decode.js';
import { FireCheckError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { hu } from '../../src/i18n/hu.js';
import { it as itMessages } from '../../src/i18n/it.js';
import { th } from '../../src/i18n/th.js';
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

  it('a stray quote is text, as spreadsheets read it: the row and the rows after it are kept', async () => {
    const records = await collect(csvRecords(Readable.from(['client,pays_late\nA,often\nB "x,often\n"Acme" Ltd,often\nC,often\n']), pack, 'x.csv'));
    expect(records.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, true], [4, true], [5, true]]);
    expect(records.map((r) => (r.ok ? r.set.client : undefined))).toEqual(['A', 'B "x', '"Acme" Ltd', 'C']);
  });

  it('a header of 100,000 unknown columns is one error listing 20 of them and counting the rest', async () => {
    const header = ['client', ...Array.from({ length: 100_000 }, (_, i) => `col${i}`)].join(',');
    const run = collect(csvRecords(Readable.from([`${header}\nA\n`]), pack, 'x.csv', en, undefined, 10_000_000));
    await expect(run).rejects.toSatisfy((e: FireCheckError) => e.details.length === 21 && e.details[20] === 'x.csv: line 1: and 99,980 more problems');
  });

  it('a row over --max-record-size is an error of its own, once, in its place', async () => {
    const records = await collect(csvRecords(Readable.from([`client,pays_late\nA,often\n${'x'.repeat(300)},often\nC,often\n`]), pack, 'x.csv', en, undefined, 100));
    expect(records.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, false], [4, true]]);
    expect((records[1] as Extract<InputRecord, { ok: false }>).problems[0]?.message).toBe('longer than 100 characters (--max-record-size); skipped');
  });

  it('a quote never closed takes the rest of the file, but never the rows before it', async () => {
    const records = await collect(csvRecords(Readable.from(['client,pays_late\nA,often\nB,often\n"C,often\nD,often\n']), pack, 'x.csv'));
    expect(records.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, true], [4, false]]);
    // Said where the quote opened, with the lines it took.
    expect((records[2] as Extract<InputRecord, { ok: false }>).problems[0]).toMatchObject({ code: 'input/quote-not-closed', message: expect.stringMatching(/opened on line 4 .*to the end of the file/) });
  });

  it.each([
    ['blank lines before it', 'client,pays_late\nA,often\n\n\n"B,often\nC,often\n', 5],
    ['CRLF and a blank line before it', 'client,pays_late\r\nA,often\r\n\r\n"B,often\r\nC,often\r\n', 4],
    ['a line of spaces before it', 'client,pays_late\nA,often\n   \n"B,often\n', 4],
    ['blank lines before and inside it', 'client,pays_late\n\nA,often\n\n"B,often\n\n\nC,often\n', 5],
    ['a record over two lines, then a blank line, before it', 'client,pays_late\n"A\nLtd",often\n\n"B,often\n', 5],
  ])('a quote never closed is said at the line it opened on: %s', async (_, input, line) => {
    const records = await collect(csvRecords(Readable.from([input]), pack, 'x.csv'));
    const bad = records.find((r) => !r.ok) as Extract<InputRecord, { ok: false }>;
    expect(bad.line).toBe(line);
    expect(bad.problems[0]).toMatchObject({ code: 'input/quote-not-closed', message: expect.stringContaining(`opened on line ${line} `) });
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

/** Bytes as a stream, in chunks of `size` bytes (1: every boundary is a chunk boundary). */
const bytes = (data: Buffer, size = 65536) => Readable.from(Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)));
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const BOM = '\uFEFF';

describe('CSV as spreadsheets write it', () => {
  // The same two clients, as each program writes them.
  const expected = [
    { line: 2, ok: true, set: { client: 'Caffè Società', answers: { pays_late: 'often', abuse: false } } },
    { line: 3, ok: true, set: { client: 'Acme; Inc', answers: { pays_late: 'rarely', abuse: null } } },
  ];
  const rows = (sep: string, eol: string, header = ['client', 'pays_late', 'abuse']) =>
    [header.join(sep), ['Caffè Società', 'often', 'no'].join(sep), ['"Acme; Inc"', 'rarely', ''].join(sep), ''].join(eol);
  // [written by, bytes, --encoding]
  const cases: [string, Buffer, InputEncoding | undefined][] = [
    ['RFC 4180, UTF-8', Buffer.from(rows(',', '\n')), undefined],
    ['Italian/Hungarian Excel "CSV UTF-8": BOM, CRLF, semicolons, quoted headers', Buffer.from(BOM + rows(';', '\r\n', ['"client"', '"pays_late"', '"abuse"'])), undefined],
    ['headers in another case, spaces around cells', Buffer.from(rows(' , ', '\n', ['Client', ' PAYS_LATE', 'Abuse '])), undefined],
    ['Excel "Unicode text": UTF-16LE with BOM, tabs, read without being told', Buffer.from(BOM + rows('\t', '\r\n'), 'utf16le'), undefined],
    ['UTF-16BE with BOM', utf16be(BOM + rows(',', '\n')), undefined],
    ['Windows-1252 (Excel "CSV" on Windows), --encoding windows-1252', Buffer.from(rows(';', '\r\n'), 'latin1'), 'windows-1252'],
    ['the same, --encoding latin1', Buffer.from(rows(';', '\r\n'), 'latin1'), 'latin1'],
    ['a UTF-8 BOM outweighs --encoding', Buffer.from(BOM + rows(',', '\n')), 'windows-1252'],
  ];
  for (const [name, data, encoding] of cases) {
    it(name, async () => {
      expect(await collect(csvRecords(bytes(data), pack, 'x.csv', en, encoding))).toEqual(expected);
      // Every byte its own chunk: a BOM, a character or a CRLF cut in two.
      expect(await collect(csvRecords(bytes(data, 1), pack, 'x.csv', en, encoding))).toEqual(expected);
    });
  }

  it('Windows-1250 (Hungarian Excel on Windows), --encoding windows-1250', async () => {
    const data = Buffer.from([...Buffer.from('client;pays_late\r\nKov'), 0xe1, ...Buffer.from('cs '), 0xd6, ...Buffer.from('d'), 0xf6, ...Buffer.from('n H'), 0xf5, ...Buffer.from('s;often\r\n')]);
    expect(await collect(csvRecords(bytes(data), pack, 'x.csv', en, 'windows-1250'))).toMatchObject([{ line: 2, set: { client: 'Kovács Ödön Hős' } }]);
  });

  it('the delimiter is the first , ; or tab outside quotes in the header, decided once', async () => {
    await expect(collect(csvRecords(bytes(Buffer.from('"client;x";pays_late\nA, Inc;often\n')), pack, 'x.csv'))).rejects.toMatchObject({
      details: ['x.csv: line 1: column "client;x" is not a question id (did you mean "client"?)'],
    });
    const semicolons = await collect(csvRecords(bytes(Buffer.from('client;pays_late\nA, Inc;often\nB\tLtd;rarely\n')), pack, 'x.csv'));
    expect(semicolons.map((r) => r.ok && r.set.client)).toEqual(['A, Inc', 'B\tLtd']);
    const oneColumn = await collect(csvRecords(bytes(Buffer.from('Client\r\nA;B\r\n')), pack, 'x.csv'));
    expect(oneColumn).toEqual([{ line: 2, ok: true, set: { client: 'A;B', answers: {} } }]);
  });

  it('a header in another case still names each column once', async () => {
    await expect(collect(csvRecords(bytes(Buffer.from('client,Pays_Late,PAYS_LATE\nA,often,often\n')), pack, 'x.csv'))).rejects.toMatchObject({
      details: ['x.csv: line 1: column "PAYS_LATE" appears twice'],
    });
  });
});

describe('NDJSON read in large chunks', () => {
  it('every line of a long input comes back whole, multi-byte characters and line numbers too, and a bad byte far in is placed on its line', async () => {
    // Past the first MiBs, reads are decoded in small pieces: plain lines to get there, then
    // names of 1-, 2-, 3- and 4-byte characters, of lengths that put characters across any
    // place a read could be cut.
    const filler = Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ client: `Filler ${i}`, answers: { pays_late: 'never' } }));
    const names = Array.from({ length: 400 }, (_, i) => `${['a', 'é', 'ลู', '🙂'][i % 4]!.repeat(1 + (i % 37))} ${i}`);
    const text = [...filler, ...names.map((client) => JSON.stringify({ client, answers: { pays_late: 'often' } }))].join('\n');
    const data = Buffer.concat([Buffer.from(text), Buffer.from('\n{"client": "Caff\xe8", "answers": {}}\n', 'latin1')]);
    expect(data.length).toBeGreaterThan(2 * 1024 * 1024);
    const records: InputRecord[] = [];
    const run = (async () => {
      for await (const r of ndjsonRecords(bytes(data), pack, en, { source: 'x.ndjson' })) records.push(r);
    })();
    await expect(run).rejects.toThrow(new RegExp(`^x\\.ndjson: line ${filler.length + names.length + 1}: not UTF-8 text`));
    expect(records.slice(filler.length).map((r) => [r.line, r.ok && r.set.client])).toEqual(names.map((name, i) => [filler.length + i + 1, name]));
    expect(records).toHaveLength(filler.length + names.length);
  });
});

describe('text that is not what it claims is refused, never read as U+FFFD', () => {
  const caffe = Buffer.from('client,pays_late\r\nAcme,often\r\nCaffè Società,often\r\n', 'latin1');
  // [input, bytes, --encoding, message]
  const cases: [string, Buffer, InputEncoding | undefined, RegExp][] = [
    ['Windows-1252 read as UTF-8', caffe, undefined, /^x\.csv: line 3: not UTF-8 text: it looks like a Windows code page .*pass --encoding windows-1252 .* or --encoding windows-1250/],
    ['Windows-1252, --encoding utf8', caffe, 'utf8', /^x\.csv: line 3: not UTF-8 text: it looks like a Windows code page/],
    ['UTF-16LE without a BOM, plain ASCII', Buffer.from('client,pays_late\nAcme,often\n', 'utf16le'), undefined, /^x\.csv: not UTF-8 text: it looks like UTF-16LE without a byte-order mark; pass --encoding utf16le$/],
    ['UTF-16BE without a BOM, with accents', utf16be('client,pays_late\nCaffè,often\n'), undefined, /^x\.csv: not UTF-8 text: it looks like UTF-16BE without a byte-order mark; pass --encoding utf16be$/],
    ['UTF-16LE with a lone surrogate', Buffer.concat([Buffer.from(`${BOM}client,pays_late\nA`, 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(',often\n', 'utf16le')]), undefined, /^x\.csv: not valid UTF-16LE text$/],
    ['UTF-8 cut inside its last character', Buffer.from([...Buffer.from('client,pays_late\nCaff'), 0xc3]), undefined, /^x\.csv: line 2: not UTF-8 text/],
  ];
  for (const [name, data, encoding, message] of cases) {
    it(name, async () => {
      for (const size of [65536, 1]) {
        const run = collect(csvRecords(bytes(data, size), pack, 'x.csv', en, encoding));
        await expect(run).rejects.toThrow(FireCheckError);
        await expect(run).rejects.toThrow(message);
      }
    });
  }

  it('the rows before the bad line are still read, CSV and NDJSON alike', async () => {
    const csv: InputRecord[] = [];
    await expect(
      (async () => {
        for await (const r of csvRecords(bytes(caffe), pack, 'x.csv')) csv.push(r);
      })(),
    ).rejects.toThrow(/line 3/);
    expect(csv.map((r) => r.ok && r.set.client)).toEqual(['Acme']);
    const ndjson: InputRecord[] = [];
    const lines = Buffer.concat([Buffer.from('{"client": "Acme", "answers": {}}\n'), Buffer.from('{"client": "Caffè", "answers": {}}\n', 'latin1')]);
    await expect(
      (async () => {
        for await (const r of ndjsonRecords(bytes(lines), pack, en, { source: 'x.ndjson' })) ndjson.push(r);
      })(),
    ).rejects.toThrow(/^x\.ndjson: line 2: not UTF-8 text/);
    expect(ndjson.map((r) => r.ok && r.set.client)).toEqual(['Acme']);
  });

  it('in the language of the run', async () => {
    await expect(collect(csvRecords(bytes(caffe), pack, 'x.csv', itMessages))).rejects.toThrow(/^x\.csv: riga 3: non è testo UTF-8: .*--encoding windows-1252/);
    await expect(collect(csvRecords(bytes(caffe), pack, 'x.csv', hu))).rejects.toThrow(/^x\.csv: 3\. sor: nem UTF-8 szöveg: .*--encoding windows-1250/);
    await expect(collect(csvRecords(bytes(caffe), pack, 'x.csv', th))).rejects.toThrow(/^x\.csv: บรรทัด 3: ไม่ใช่ข้อความ UTF-8/);
  });
});

describe('NDJSON gets the same decoding', () => {
  const line = JSON.stringify({ client: 'Caffè Società', answers: { pays_late: 'often' } });
  const cases: [string, Buffer, InputEncoding | undefined][] = [
    ['a UTF-8 BOM on the first line', Buffer.from(`${BOM}${line}\r\n${line}\r\n`), undefined],
    ['UTF-16LE with BOM', Buffer.from(`${BOM}${line}\n${line}\n`, 'utf16le'), undefined],
    ['Windows-1252, --encoding windows-1252', Buffer.from(`${line}\n${line}\n`, 'latin1'), 'windows-1252'],
  ];
  for (const [name, data, encoding] of cases) {
    it(name, async () => {
      for (const size of [65536, 1]) {
        const records = await collect(ndjsonRecords(bytes(data, size), pack, en, { encoding }));
        expect(records.map((r) => [r.line, r.ok && r.set.client])).toEqual([[1, 'Caffè Società'], [2, 'Caffè Società']]);
      }
    });
  }
});

describe('ndjsonLines and a line too long', () => {
  it('drops a line longer than the limit as it comes, in any chunking, and keeps the lines around it', async () => {
    const { ndjsonLines } = await import('../../src/answers/records.js');
    const text = `short\n${'y'.repeat(50)}\nafter\n${'z'.repeat(30)}`;
    for (const size of [1, 7, 64, text.length]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      const lines: unknown[] = [];
      for await (const batch of ndjsonLines(Readable.from(chunks), { maxRecord: 20 })) lines.push(...batch.lines);
      expect(lines, `chunks of ${size}`).toEqual(['short', { tooLong: true }, 'after', { tooLong: true }]);
    }
  });
});
