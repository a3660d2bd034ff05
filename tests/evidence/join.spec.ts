import { describe, expect, it } from 'vitest';
import { joinClients } from '../../src/evidence/index.js';
import { invoiceFixture } from '../helpers/invoices.js';

describe('joining names to the facts', () => {
  const outcome = invoiceFixture('stripe');
  if (!outcome.ok) throw new Error('stripe fixture');
  const evidence = outcome.evidence;

  it('by clientKey: case, spaces, accents and punctuation do not matter; every currency comes along', () => {
    const join = joinClients(['acme srl', 'BOLT LABS', 'Nobody Ltd'], evidence);
    expect(join.matched.map((m) => [m.name, m.facts.map((f) => `${f.client} ${f.currency}`)])).toEqual([
      ['acme srl', ['Acme S.r.l. eur']],
      ['BOLT LABS', ['Bolt Labs eur', 'Bolt Labs usd']],
    ]);
  });

  it('names on either side that find no partner are returned, never dropped', () => {
    const join = joinClients(['acme srl', 'Nobody Ltd', ''], evidence);
    expect(join.unmatchedNames).toEqual(['Nobody Ltd', '']);
    expect(join.unmatchedClients.map((c) => `${c.client} ${c.currency}`)).toEqual(['Bolt Labs eur', 'Bolt Labs usd', 'ops@corvid.example usd']);
  });
});
