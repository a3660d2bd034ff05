// Fills a history folder for `npm run bench -- history`: `clients` clients with
// `each` monthly assessments, scored by the real engine against the default
// pack and recorded through the store's one append path. One client is "Acme".
// Also writes <FIRE_CHECK_HOME>/pack.json, the pack as JSON for client.cjs.
//
//   node generate.mjs <FIRE_CHECK_HOME> <clients> <each> <rules/default.yaml>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFolder } from '../../src/cli/history-home.js';
import { appendRecords } from '../../src/cli/history-store.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { prepare } from '../../src/engine/prepare.js';
import type { AnswerValue, FreqLevel } from '../../src/engine/types.js';
import { historyRecord, type HistoryRecord } from '../../src/history/record.js';
import { loadPack } from '../../src/pack/load.js';
import { packFiles } from '../../src/cli/pack-files.js';

const [home, clients, each, packFile] = process.argv.slice(2) as [string, string, string, string];
const p = prepare(loadPack(packFile, packFiles()));
const LEVELS: FreqLevel[] = ['never', 'rarely', 'sometimes', 'often', 'always'];
const folder = historyFolder({ FIRE_CHECK_HOME: home });

/** Varied answers, as the late-payer example's 32: deterministic for a client and month. */
function answers(client: number, month: number): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  let i = 0;
  for (const q of p.order) {
    const n = (client * 31 + month * 7 + i++ * 13) % 97;
    if (q.kind === 'freq') out[q.id] = LEVELS[n % 5 < 3 ? 0 : n % 5 === 3 ? 1 : 2] as FreqLevel;
    else if (q.kind === 'bool') out[q.id] = n % 23 === 0;
    else if (q.kind === 'scale') out[q.id] = 1 + (n % 3);
    else out[q.id] = q.max !== undefined ? n % (q.max + 1) : n * 50;
  }
  return out;
}

const started = Date.now();
const CHUNK = 250;
for (let from = 0; from < Number(clients); from += CHUNK) {
  const records: HistoryRecord[] = [];
  for (let c = from; c < Math.min(Number(clients), from + CHUNK); c++) {
    const name = c === 0 ? 'Acme' : `Client ${c}`;
    for (let m = 0; m < Number(each); m++) {
      const on = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`;
      const given = answers(c, m);
      records.push(historyRecord(evaluate(p, { client: name, answers: given }, { today: on }), given, on, name));
    }
  }
  appendRecords(folder, records, { durable: false });
}
// For client.cjs: the pack as the CLI embeds it, JSON.
writeFileSync(join(home, 'pack.json'), JSON.stringify(p.pack));
process.stdout.write(`${clients} clients × ${each} assessments in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
