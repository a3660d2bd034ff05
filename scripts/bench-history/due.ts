// What `fire-check due --format json --today <date>` does once wired, less
// commander: the folder from the environment, the index (never every record),
// the clients due, one write.
//
//   node due.cjs <today>
import { writeSync } from 'node:fs';
import { historyFolder } from '../../src/cli/history-home.js';
import { readIndex } from '../../src/cli/history-store.js';
import { dueView } from '../../src/history/views.js';

const [today] = process.argv.slice(2) as [string];
const read = readIndex(historyFolder(process.env));
if (!read.ok) {
  process.stderr.write(`${read.problem.code}: ${read.problem.file}:${read.problem.line}\n`);
  process.exit(2);
}
writeSync(1, `${JSON.stringify(dueView(read.values, today), null, 2)}\n`);
