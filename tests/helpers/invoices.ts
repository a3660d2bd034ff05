import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createEvidence, type EvidenceOptions, type EvidenceOutcome } from '../../src/evidence/index.js';
import { fixture } from './packs.js';

export const TODAY = '2026-11-22';

/** The records of a CSV text as the CLI will hand them over: ragged rows allowed, the line each ends on. */
export function records(text: string, options: { bom?: boolean } = {}): { row: string[]; line: number }[] {
  const parsed = parse(text, { bom: options.bom ?? true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return parsed.map(({ record, info }) => ({ row: record, line: info.lines }));
}

/** Streams rows into an accumulator, one at a time, and finishes as of `today`. */
export function evidenceOf(rows: { row: string[]; line?: number }[], options: EvidenceOptions = {}, today = TODAY): EvidenceOutcome {
  const acc = createEvidence(options);
  for (const { row, line } of rows) acc.add(row, line);
  return acc.finish(today);
}

export function invoiceFixture(name: string, options: EvidenceOptions = {}, read: { bom?: boolean } = {}): EvidenceOutcome {
  return evidenceOf(records(readFileSync(fixture('invoices', `${name}.csv`), 'utf8'), read), options);
}
