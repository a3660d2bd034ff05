import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeLine, escapeMarkdown, escapeText } from '../../src/render/escape.js';

/** What a terminal may act on: no escaped text may hold one. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('escapeLine: one line of data for a terminal', () => {
  it.each([
    ['OSC 52, setting the clipboard', 'Acme\x1b]52;c;ZWNobyBwd25lZA==\x07', 'Acme\\u001b]52;c;ZWNobyBwd25lZA==\\u0007'],
    ['CSI 2J, clearing the screen', 'A\x1b[2J', 'A\\u001b[2J'],
    ['CR, writing over the line', 'Good payer\rBad', 'Good payer\\u000dBad'],
    ['a line feed and a tab', 'A\nFIRE NOW\tB', 'A\\u000aFIRE NOW\\u0009B'],
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['DEL', 'a\x7f', 'a\\u007f'],
    ['C1 CSI (0x9b)', '\x9b2J', '\\u009b2J'],
    ['a bidi override and its end', '\u202eevil\u202c', '\\u202eevil\\u202c'],
    ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['bidi marks (right-to-left, left-to-right, Arabic letter mark)', 'a\u200fb\u200ec\u061cd', 'a\\u200fb\\u200ec\\u061cd'],
    ['line and paragraph separators', 'Acme\u2028FIRE NOW\u2029', 'Acme\\u2028FIRE NOW\\u2029'],
    ['plain text, Thai and emoji untouched', 'Forno · ร้านกาแฟ 🍞', 'Forno · ร้านกาแฟ 🍞'],
  ])('%s', (_, input, shown) => {
    expect(escapeLine(input)).toBe(shown);
  });

  it('leaves no control character in any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !RAW_CONTROL.test(escapeLine(s))));
  });
});

describe('escapeText: data that may run over lines', () => {
  it('keeps line feeds and tabs, and escapes every other control', () => {
    expect(escapeText('one\n\ttwo\r\x1b[2J\u2028\u200f')).toBe('one\n\ttwo\\u000d\\u001b[2J\\u2028\\u200f');
  });

  it('is idempotent: escaped text is left as it is', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => escapeText(escapeText(s)) === escapeText(s)));
  });
});

describe('escapeData: a copy of data with every string escaped', () => {
  it('goes through objects, arrays and Maps, keeps their keys and what is not a string, and changes nothing in place', () => {
    const data = { client: 'A\x1b[2J', score: 42, ok: true, none: null, list: ['\x07', 3], byId: new Map([['pays_late', { label: 'Pays\rlate' }]]) };
    const copy = escapeData(data);
    expect(copy).toEqual({ client: 'A\\u001b[2J', score: 42, ok: true, none: null, list: ['\\u0007', 3], byId: new Map([['pays_late', { label: 'Pays\\u000dlate' }]]) });
    expect(data.client).toBe('A\x1b[2J');
  });
});

describe('escapeMarkdown: data inside a Markdown document', () => {
  it.each([
    ['inline structure', 'A|B *c* <script> # x\nnext', 'A\\|B \\*c\\* \\<script\\> \\# x next'],
    ['a heading at the start', '# Title', '\\# Title'],
    ['a code fence', '```js', '\\`\\`\\`js'],
    ['a tilde fence and strikethrough', '~~~ ~~x~~', '\\~\\~\\~ \\~\\~x\\~\\~'],
    ['a list marker at the start', '- item', '\\- item'],
    ['a plus list marker', '+ item', '\\+ item'],
    ['a setext underline', '=== x', '\\=== x'],
    ['an ordered list at the start', '12. item', '12\\. item'],
    ['an ordered list with a parenthesis', '1) item', '1\\) item'],
    ['a dash inside text is left', 'a - b', 'a - b'],
    ['a version number is no list', '2.0.0', '2.0.0'],
    ['indentation that would make code', '    code', 'code'],
    ['CR alone, which ends a line in Markdown too', 'a\r# b', 'a \\# b'],
    ['a backslash before punctuation', 'a\\*', 'a\\\\\\*'],
    ['a backslash at the end, where our own markup follows', 'end\\', 'end\\\\'],
    ['a backslash before a letter, which Markdown shows as it is', 'C:\\Users', 'C:\\Users'],
    ['control characters, shown as their codes', 'x\x1b]52;c;Zg==\x07', 'x\\u001b\\]52;c;Zg==\\u0007'],
    ['a control already shown as its code, not doubled', 'x\\u001b', 'x\\u001b'],
  ])('%s', (_, input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped);
  });

  it('gives one line, without controls, that starts no block', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMarkdown(s);
        return !RAW_CONTROL.test(out) && !/^(\s|[-+=#>`~*_|]|\d+[.)](\s|$))/.test(out);
      }),
    );
  });
});
