import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/history/client-key.js';

describe('clientKey: one client however the name is typed (issue 15)', () => {
  it.each([
    ['ACME  s.r.l.', 'Acme S.r.l.', 'case and runs of spaces (the issue\'s own example)'],
    ['Café Noir', 'CAFE NOIR', 'accents, Italian and Hungarian alike'],
    ['Őrség Kft.', 'orseg kft.', 'Hungarian double acute'],
    ['Straße GmbH', 'STRASSE GMBH', 'sharp s folds to ss'],
    ['STRAẞE', 'strasse', 'so does the capital sharp s'],
    ['Ａｃｍｅ', 'Acme', 'full-width letters'],
    ['Acme\u200b Ltd', 'Acme Ltd', 'a zero-width space is not a letter'],
    ['  Acme\tLtd\n', 'Acme Ltd', 'tabs and line breaks from a CRM field are gaps'],
    ['Acme\u00a0Ltd', 'Acme Ltd', 'a no-break space is a space'],
    ['İstanbul Ajans', 'istanbul ajans', 'the dot of a Turkish capital I is an accent'],
  ])('%j is %j (%s)', (a, b) => {
    expect(clientKey(a)).toBe(clientKey(b));
  });

  it.each([
    ['Acme S.r.l.', 'Acme Srl', 'punctuation is part of the name'],
    ['Acme', 'Acme Ltd', 'a different name'],
    ['บริษัท', 'บรษท', 'Thai vowel signs are letters, not accents'],
  ])('%j is not %j (%s)', (a, b) => {
    expect(clientKey(a)).not.toBe(clientKey(b));
  });

  it('gives the plain, lower-case form', () => {
    expect(clientKey('  ACME  S.r.l. ')).toBe('acme s.r.l.');
    expect(clientKey('บริษัท ไทย')).toBe('บริษัท ไทย');
  });

  it('a name of spaces and invisible characters has no key', () => {
    expect(clientKey(' \u200b\t ')).toBe('');
  });

  it('is idempotent, and blind to case and surrounding space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        const key = clientKey(name);
        expect(clientKey(key)).toBe(key);
        expect(clientKey(` ${name.toUpperCase()}  `)).toBe(clientKey(name));
        expect(key).not.toMatch(/^\s|\s$|\s\s/);
      }),
      { numRuns: 20_000 },
    );
  });
});
