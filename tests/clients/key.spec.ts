import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientKey, sameClient } from '../../src/clients/key.js';

describe('clientKey: the same client however the name is written', () => {
  it.each([
    ['ACME  s.r.l.', 'Acme S.r.l.'],
    ['Acme S.r.l.', 'Acme SRL'],
    ['Acme, s. r. l.', 'acme srl'],
    ['  Acme\tSrl ', 'Acme Srl'],
    ['Café Müller', 'CAFE MULLER'],
    ['Győri Kft.', 'Gyori KFT'],
    ['Straße GmbH', 'STRASSE GMBH'],
    ['O’Brien & Co', "O'Brien & Co."],
    ['Jean-Luc Design', 'Jean Luc Design'],
    ['Ａｃｍｅ', 'Acme'],
    ['İstanbul Ltd', 'istanbul ltd'],
    ['Ελληνικός', 'ΕΛΛΗΝΙΚΟΣ'],
    // The history store files records by this key (issue 15): names as CRMs and people type them.
    ['Őrség Kft.', 'orseg kft.'],
    ['STRAẞE', 'strasse'],
    ['Acme\u200b Ltd', 'Acme Ltd'],
    ['  Acme\tLtd\n', 'Acme Ltd'],
    ['Acme\u00a0Ltd', 'Acme Ltd'],
  ])('%j = %j', (a, b) => {
    expect(clientKey(a)).toBe(clientKey(b));
    expect(sameClient(a, b)).toBe(true);
  });

  it.each([
    ['Acme', 'Acme Ltd'],
    ['Acme GmbH', 'Acme Ltd'],
    ['Acme 1', 'Acme 2'],
    // Thai vowel and tone marks are combining marks, and they are part of the name.
    ['ก่อ', 'กอ'],
    ['ไก่', 'ไข่'],
  ])('%j ≠ %j', (a, b) => {
    expect(clientKey(a)).not.toBe(clientKey(b));
    expect(sameClient(a, b)).toBe(false);
  });

  it('a name with no letter or digit has the empty key, and matches nothing', () => {
    expect(clientKey(' - . ')).toBe('');
    expect(sameClient('', '')).toBe(false);
    expect(sameClient('...', '---')).toBe(false);
  });

  it('is idempotent and ignores case, spacing and punctuation added anywhere', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(' ', '  ', '.', ',', '-', "'", '\t'), fc.nat(), (name, noise, at) => {
        const key = clientKey(name);
        expect(clientKey(key)).toBe(key);
        const i = name.length ? at % (name.length + 1) : 0;
        expect(clientKey(name.slice(0, i) + noise + name.slice(i))).toBe(key);
        expect(clientKey(name.toUpperCase())).toBe(clientKey(name.toLowerCase()));
      }),
      { numRuns: 300 },
    );
  });
});
