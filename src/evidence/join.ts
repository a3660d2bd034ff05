// Joining answers to facts by client name (batch --invoices, the interview's
// --client): by clientKey, so case, accents, spaces and punctuation do not
// matter. Names on either side that find no partner are returned, never dropped.
import { clientKey } from '../clients/key.js';
import type { ClientFacts, Evidence } from './result.js';

export interface ClientJoin {
  /** For each name asked for (in order), the facts found: one entry per currency, or none. */
  matched: { name: string; facts: ClientFacts[] }[];
  /** Names asked for that no client in the invoices matches. */
  unmatchedNames: string[];
  /** Clients in the invoices that no name asked for matches. */
  unmatchedClients: ClientFacts[];
}

export function joinClients(names: readonly string[], evidence: Evidence): ClientJoin {
  const byKey = new Map<string, ClientFacts[]>();
  for (const facts of evidence.clients) {
    const key = clientKey(facts.client);
    byKey.set(key, [...(byKey.get(key) ?? []), facts]);
  }
  const asked = new Set<string>();
  const matched: ClientJoin['matched'] = [];
  const unmatchedNames: string[] = [];
  for (const name of names) {
    const key = clientKey(name);
    asked.add(key);
    const facts = key === '' ? undefined : byKey.get(key);
    if (facts) matched.push({ name, facts });
    else unmatchedNames.push(name);
  }
  const unmatchedClients = evidence.clients.filter((facts) => !asked.has(clientKey(facts.client)));
  return { matched, unmatchedNames, unmatchedClients };
}
