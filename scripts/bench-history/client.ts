// What `fire-check history "Acme" --format json` does once wired, less
// commander: the folder from the environment, the one client's records, the
// view with the pack's targets, one write. The real command reaches this
// through main() and commander (see the bench's note on that overhead).
//
//   node client.cjs <name> <pack.json>
import { readFileSync, writeSync } from 'node:fs';
import { historyFolder } from '../../src/cli/history-home.js';
import { readClient } from '../../src/cli/history-store.js';
import { prepare } from '../../src/engine/prepare.js';
import { clientKey } from '../../src/clients/key.js';
import { clientHistoryView } from '../../src/history/views.js';

const [name, packFile] = process.argv.slice(2) as [string, string];
const read = readClient(historyFolder(process.env), clientKey(name));
if (!read.ok) {
  process.stderr.write(`${read.problem.code}: ${read.problem.file}:${read.problem.line}\n`);
  process.exit(2);
}
// The CLI has the default pack embedded as JSON text; here it is read from a file.
const view = clientHistoryView(read.values, prepare(JSON.parse(readFileSync(packFile, 'utf8'))));
if (!view) process.exit(3);
writeSync(1, `${JSON.stringify(view, null, 2)}\n`);
