import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientKey } from '../../src/clients/key.js';
import type { HistoryRecord } from '../../src/history/record.js';

/** A record as the CLI would write it, without scoring anything: the store does not look inside. */
export function recordOf(client: string, assessedOn: string, fields: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    v: 1,
    client,
    key: clientKey(client),
    assessedOn,
    verdict: 'fix',
    score: 19,
    confidence: 1,
    recheckOn: null,
    answers: { pays_late: 'often', raised_issue: false },
    pack: { id: 'default', version: '2.0.0' },
    whatWouldChange: [{ verdict: 'keep', answers: { pays_late: 'sometimes' } }],
    reasons: ['pays_late'],
    ...fields,
  };
}

/** A fresh folder in the system's temporary folder, and its removal. */
export function tempFolder(prefix = 'fire-check-history-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
