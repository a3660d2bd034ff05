// The money answers from invoices, for the commands that score (issue 16):
// the export read once by `readEvidence`, joined to clients by clientKey.
import { clientKey } from '../clients/key.js';
import type { ClientFacts, Evidence } from '../evidence/index.js';
import type { PreparedPack } from '../engine/prepare.js';
import type { AnswerValue, Answers } from '../engine/types.js';
import { readEvidence, type EvidenceCommandOptions } from './evidence.js';
import type { Io } from './io.js';

export interface InvoiceFacts {
  evidence: Evidence;
  /** The answers the facts imply for a client, by the pack's question ids; undefined when the export has none of theirs. */
  answersFor(client: string | undefined): Answers | undefined;
}

/** Reads `--invoices` (with --columns, --date-format, --terms as for `evidence`); the currency of amounts is not a filter here. */
export async function invoiceFacts(file: string, options: EvidenceCommandOptions, p: PreparedPack, io: Io): Promise<InvoiceFacts> {
  const { currency: _letters, ...reading } = options;
  const evidence = await readEvidence(file, { ...reading, format: 'json' }, p.pack, io);
  const byKey = new Map<string, ClientFacts[]>();
  for (const facts of evidence.clients) byKey.set(clientKey(facts.client), [...(byKey.get(clientKey(facts.client)) ?? []), facts]);
  return {
    evidence,
    answersFor(client) {
      const all = client === undefined ? undefined : byKey.get(clientKey(client));
      if (!all?.length) return undefined;
      // Several currencies are never added up: the one with the most invoices speaks.
      const facts = all.reduce((a, b) => (b.invoices > a.invoices ? b : a));
      return Object.fromEntries(Object.entries(facts.answers).filter(([id, v]) => p.byId.has(id) && v !== undefined)) as Answers;
    },
  };
}

/** Answers given win; the facts fill what was not given or was "not sure". */
export function withFacts(given: Answers, facts: Answers | undefined): Answers {
  if (!facts) return given;
  const merged: Record<string, AnswerValue> = { ...facts };
  for (const [id, value] of Object.entries(given)) if (value !== null && value !== undefined) merged[id] = value;
  return merged;
}
