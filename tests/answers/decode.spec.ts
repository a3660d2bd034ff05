import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, guessEncoding, wholeCharacters, type InputEncoding } from '../../src/answers/decode.js';
import { en } from '../../src/i18n/en.js';

const decode = async (chunks: Buffer[], encoding?: InputEncoding) => {
  let text = '';
  for await (const piece of decodeText(Readable.from(chunks), { source: 'x', m: en, encoding })) text += piece;
  return text;
};

/** `data` cut at the given places. */
const cutAt = (data: Buffer, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => data.subarray(start, at[i] ?? data.length));
};

describe('decodeText', () => {
  it('any text, in UTF-8 (with or without a BOM), UTF-16LE or UTF-16BE with a BOM, cut anywhere, reads back exactly', async () => {
    // Code points, surrogates excepted: every one of them has a UTF-8 and a UTF-16 form.
    // NUL is left out: in UTF-8 without a BOM it is taken for UTF-16 (below).
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((t) => !t.startsWith('\uFEFF') && !t.includes('\0'));
    const form = fc.constantFrom<[string, (t: string) => Buffer]>(
      ['utf8', (t) => Buffer.from(t)],
      ['utf8 with BOM', (t) => Buffer.from(`\uFEFF${t}`)],
      ['utf16le with BOM', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le')],
      ['utf16be with BOM', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le').swap16()],
    );
    await fc.assert(
      fc.asyncProperty(text, form, fc.array(fc.nat(), { maxLength: 6 }), async (t, [, encode], cuts) => {
        expect(await decode(cutAt(encode(t), cuts))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('NULs in UTF-8 without a BOM are UTF-16 without one: refused, unless an encoding is given', async () => {
    await expect(decode([Buffer.from('{"a": 1}', 'utf16le')])).rejects.toThrow('x: not UTF-8 text: it looks like UTF-16LE without a byte-order mark; pass --encoding utf16le');
    expect(await decode([Buffer.from('{"a": 1}', 'utf16le')], 'utf16le')).toBe('{"a": 1}');
  });

  it('a U+FEFF after the start is text, kept', async () => {
    expect(await decode([Buffer.from('\uFEFFa'), Buffer.from('\uFEFFb')])).toBe('a\uFEFFb');
  });

  it('an empty input, or one shorter than a BOM, is read', async () => {
    expect(await decode([])).toBe('');
    expect(await decode([Buffer.from('a')])).toBe('a');
    expect(await decode([Buffer.from([0xef, 0xbb, 0xbf])])).toBe('');
  });
});

describe('guessEncoding: what bytes that are not UTF-8 look like', () => {
  const cases: [string, Buffer, ReturnType<typeof guessEncoding>][] = [
    ['UTF-16LE, ASCII', Buffer.from('client,pays_late\n', 'utf16le'), 'utf16le'],
    ['UTF-16BE, ASCII', Buffer.from('client,pays_late\n', 'utf16le').swap16(), 'utf16be'],
    ['Windows-1252', Buffer.from('client,pays_late\nCaffè Società,often\n', 'latin1'), 'code page'],
    ['Thai in UTF-16LE (no NULs at all)', Buffer.from('ลูกค้า', 'utf16le'), 'code page'],
  ];
  it.each(cases)('%s', (_, data, guess) => expect(guessEncoding(data)).toBe(guess));
});

describe('wholeCharacters: where a chunk can be cut without cutting a UTF-8 character', () => {
  const cases: [string, number[], number][] = [
    ['ASCII', [0x61, 0x62], 2],
    ['a whole è', [0x61, 0xc3, 0xa8], 3],
    ['è cut after its first byte', [0x61, 0xc3], 1],
    ['ค (3 bytes) cut after two', [0x61, 0xe0, 0xb8], 1],
    ['😀 (4 bytes) cut after three', [0x61, 0xf0, 0x9f, 0x98], 1],
    ['a Windows-1252 è at the end: not a cut character, left to fail', [0x61, 0xe8, 0x0a], 3],
    ['nothing', [], 0],
  ];
  it.each(cases)('%s', (_, bytes, whole) => expect(wholeCharacters(Uint8Array.from(bytes))).toBe(whole));
});
