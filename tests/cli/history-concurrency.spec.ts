// Twenty processes recording at once (issue 15: "two processes recording at
// once (a cron job and a person, or 20 parallel --record runs) lose nothing").
// Each child is the store itself, bundled by esbuild from the source (the repo
// has no TS runner for child processes), and all start writing at the same moment.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClient, readIndex } from '../../src/cli/history-store.js';
import { clientKey } from '../../src/history/client-key.js';
import { SHARDS } from '../../src/history/layout.js';
import { tempFolder } from '../helpers/history.js';
import { root } from '../helpers/packs.js';

const PROCESSES = 20;

const CHILD = `
import { appendRecords } from './src/cli/history-store.ts';
import { recordOf } from './tests/helpers/history.ts';
const [folder, id, each, start, mode] = process.argv.slice(2);
const spellings = ['Acme S.r.l.', 'ACME  s.r.l.', 'acm\u00e9 s.r.l.'];
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(start) - Date.now()));
const options = mode === 'burst' ? { lockTimeout: 0, durable: false } : {};
let notices = 0;
for (let i = 0; i < Number(each); i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const shared = recordOf(spellings[Number(id) % 3], '2026-10-' + day, { score: Number(id) * 1000 + i });
  const own = recordOf('Client ' + id, '2026-10-' + day, { score: i });
  notices += appendRecords(folder, [shared, own], options).notices.length;
}
process.stdout.write(String(notices));
`;

let temp: ReturnType<typeof tempFolder>;
let child: string;
beforeAll(async () => {
  temp = tempFolder();
  child = join(temp.path, 'child.mjs');
  await build({ stdin: { contents: CHILD, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'warning' });
});
afterAll(() => temp.remove());

/** Runs the children, all starting at the same moment; resolves to what each printed (its count of index notices). */
async function race(folder: string, each: number, mode: 'burst' | 'indexed'): Promise<string[]> {
  const start = Date.now() + 1500;
  const children = Array.from({ length: PROCESSES }, (_, id) => spawn(process.execPath, [child, folder, String(id), String(each), String(start), mode], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const outputs = children.map((c) => {
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    return () => out;
  });
  const codes = await Promise.all(children.map(async (c) => (await once(c, 'exit'))[0]));
  expect(codes).toEqual(Array(PROCESSES).fill(0));
  return outputs.map((o) => o());
}

/** Every record of every child there exactly once, whole, under the first spelling, and the index agrees. */
function expectNothingLost(folder: string, each: number): void {
  const shared = readClient(folder, clientKey('Acme S.r.l.'));
  expect(shared.ok).toBe(true);
  if (!shared.ok) return;
  expect(shared.warnings).toEqual([]);
  expect(shared.values).toHaveLength(PROCESSES * each);
  expect(new Set(shared.values.map((r) => r.score)).size).toBe(PROCESSES * each);
  expect(new Set(shared.values.map((r) => r.client)).size).toBe(1);
  const file = join(folder, 'clients', readdirSync(join(folder, 'clients')).find((n) => n.startsWith('acme-s-r-l.')) as string);
  expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(PROCESSES * each + 1);

  const index = readIndex(folder);
  expect(index.ok).toBe(true);
  if (!index.ok) return;
  const entries = new Map(index.values.map((e) => [e.key, e]));
  expect(entries.size).toBe(PROCESSES + 1);
  expect(entries.get(clientKey('Acme S.r.l.'))?.assessments).toBe(PROCESSES * each);
  for (let id = 0; id < PROCESSES; id++) {
    const own = readClient(folder, clientKey(`Client ${id}`));
    expect(own.ok && own.values.map((r) => r.score)).toEqual(Array.from({ length: each }, (_, i) => i));
    expect(entries.get(clientKey(`Client ${id}`))?.assessments).toBe(each);
  }
}

describe('20 processes appending at once', () => {
  it('appends racing each other lose nothing (the index held busy, so nothing else slows them)', async () => {
    const folder = join(temp.path, 'burst');
    const each = 30;
    mkdirSync(join(folder, 'index'), { recursive: true });
    // Held, and dated ahead so that no child takes them for the locks of a dead process.
    const ahead = new Date(Date.now() + 3_600_000);
    for (const shard of SHARDS) {
      writeFileSync(join(folder, 'index', `${shard}.lock`), 'held by the test\n');
      utimesSync(join(folder, 'index', `${shard}.lock`), ahead, ahead);
    }
    // Every call found the index busy, and said so.
    for (const notices of await race(folder, each, 'burst')) expect(Number(notices)).toBeGreaterThanOrEqual(each);
    // Readers see every record through the pending marks, with the index never updated.
    expectNothingLost(folder, each);
    for (const shard of SHARDS) rmSync(join(folder, 'index', `${shard}.lock`));
  });

  it('records with the index kept up to date lose nothing either, and leave nothing behind', async () => {
    const folder = join(temp.path, 'indexed');
    const each = 5;
    expect(await race(folder, each, 'indexed')).toEqual(Array(PROCESSES).fill('0'));
    expectNothingLost(folder, each);
    expect(readdirSync(join(folder, 'pending'))).toEqual([]);
    expect(readdirSync(join(folder, 'index')).filter((n) => !/^[0-9a-f]\.jsonl$/.test(n))).toEqual([]);
  });
});
