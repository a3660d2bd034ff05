import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/clients/key.js';
import { clientStem, shardOf, SHARDS, stemOfPending, stemOfRecords } from '../../src/history/layout.js';

describe('file names', () => {
  it('a readable slug and a hash of the key', () => {
    expect(clientStem(clientKey('ACME  s.r.l.'))).toMatch(/^acmesrl\.[0-9a-f]{16}$/);
    expect(clientStem(clientKey('Acme S.r.l.'))).toBe(clientStem(clientKey('ACME  s.r.l.')));
    expect(clientStem('บริษัท ไทย')).toMatch(/^client\.[0-9a-f]{16}$/);
  });

  it('keys with the same slug get different files', () => {
    expect(clientStem('acme s.r.l.')).not.toBe(clientStem('acme-s-r-l'));
    expect(clientStem('บริษัท ไทย')).not.toBe(clientStem('บริษัท'));
  });

  it('any key gives a short, portable name that is read back as the same stem', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (name) => {
        const stem = clientStem(name);
        expect(stem).toMatch(/^[a-z0-9-]{1,40}\.[0-9a-f]{16}$/);
        expect(stemOfRecords(`${stem}.jsonl`)).toBe(stem);
        expect(stemOfPending(`${stem}.0123abcd`)).toBe(stem);
        expect(SHARDS).toContain(shardOf(stem));
      }),
    );
  });

  it('anything else in the folders is not taken for a client', () => {
    for (const name of ['.acme.jsonl.swp', 'acme.jsonl', 'notes.txt', 'acme.0123456789abcdef.json', '.0123456789abcdef.jsonl']) expect(stemOfRecords(name)).toBeUndefined();
    expect(stemOfPending('acme.0123456789abcdef')).toBeUndefined();
  });
});
