// Speed and memory figures for fire-check, each as a ratio against a baseline
// measured in the same run on the same machine. Not a test: it prints figures,
// and exits non-zero only if something failed to run. Linux (reads /proc).
//
//   npm run bench                 every section
//   node scripts/bench.mjs throughput|linear|memory|startup   one section
//   BENCH_RUNS=31 npm run bench   more runs for steadier medians
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/fire-check.js`;
const work = `${root}.bench/`;
const runs = Number(process.env.BENCH_RUNS ?? 15);
mkdirSync(work, { recursive: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function time(args, input, expected = 0) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, cwd: root, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expected) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/**
 * Alternates baseline and subject, so drift in machine load hits both alike.
 * The ratio is the median of the ratios of back-to-back pairs, which share the
 * machine's state at that moment: steadier on a noisy machine than the ratio
 * of the two medians.
 */
function compare(baseline, subject, n = runs) {
  time(...baseline);
  time(...subject);
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < n; i++) {
    a.push(time(...baseline));
    b.push(time(...subject));
    ratios.push(b[i] / a[i]);
  }
  return { baseline: median(a), subject: median(b), ratio: median(ratios) };
}

/** A varied, valid NDJSON record; deterministic for a given index. */
const LEVELS = ['never', 'rarely', 'sometimes', 'often', 'always'];
function record(i) {
  const pick = (k) => LEVELS[(i * 7 + k * 13) % 5];
  return JSON.stringify({
    client: `Client ${i}`,
    answers: {
      pays_late: pick(1), unpaid_work: i % 11 === 0, underpays: (i % 5) + 1, disputes_fees: pick(2), scope_creep: pick(3),
      refuses_contract: i % 17 === 0, disrespect: pick(4), abuse: i % 97 === 0, disrespects_time: pick(5), dread: pick(6),
      unprofitable: i % 3 === 0, contract_active: i % 2 === 0, notice_days: i % 2 === 0 ? 30 : null, amount_owed: (i % 4) * 500, income_share: i % 60,
    },
  });
}

function writeRecords(file, count) {
  if (existsSync(file)) return;
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(record(i));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Streams `count` records into `fire-check batch -` and samples the peak
 * resident memory (VmHWM) of its process: batch runs in one process.
 */
async function peakMemory(count) {
  const child = spawn(process.execPath, [bin, 'batch', '-'], { cwd: root, stdio: ['pipe', 'ignore', 'ignore'] });
  let peak = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]));
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 20);
  for (let i = 0; i < count; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + 1000); j++) chunk += `${record(j)}\n`;
    sample();
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  }
  sample();
  child.stdin.end();
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  if (code !== 0) throw new Error(`batch exited ${code}`);
  return peak;
}

const only = process.argv[2];
console.log(`fire-check bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${runs} runs each; medians, ratios as the median of back-to-back pairs`);

if (!only || only === 'startup') {
  const answers = readFileSync(`${root}examples/late-payer.json`);
  const r = compare([['-e', '0']], [[bin, '--format', 'json'], answers]);
  console.log(`single piped assessment: ${r.subject.toFixed(1)} ms vs node -e 0 ${r.baseline.toFixed(1)} ms → ${(r.subject / r.baseline).toFixed(2)}x the time (target ≤ 1.30x)`);
}

if (!only || only === 'throughput') {
  const n = 200_000;
  const file = `${work}records-${n}.ndjson`;
  writeRecords(file, n);
  const floor = `${work}floor.mjs`;
  writeFileSync(
    floor,
    "import { createReadStream } from 'node:fs';\nimport { createInterface } from 'node:readline';\n" +
      'let out = [];\n' +
      'for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {\n' +
      "  out.push(JSON.stringify(JSON.parse(line)));\n  if (out.length === 1000) { process.stdout.write(out.join('\\n') + '\\n'); out = []; }\n}\n" +
      "process.stdout.write(out.join('\\n') + '\\n');\n",
  );
  const r = compare([[floor, file]], [[bin, 'batch', file]], Math.max(5, Math.round(runs / 3)));
  const rate = (ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  console.log(
    `batch throughput, ${n.toLocaleString('en-US')} NDJSON records: ${rate(r.subject)}/s vs bare read+parse+stringify ${rate(r.baseline)}/s → ` +
      `${(1 / r.ratio).toFixed(2)}x the throughput (target ≥ 0.40x)`,
  );

  // A batch of the size a user runs (a client list), start-up included: what the wait feels like.
  const small = 3_000;
  const smallFile = `${work}records-${small}.ndjson`;
  writeRecords(smallFile, small);
  const e = compare([[floor, smallFile]], [[bin, 'batch', smallFile]]);
  console.log(
    `batch of ${small.toLocaleString('en-US')} NDJSON records end to end: ${e.subject.toFixed(1)} ms vs bare read+parse+stringify ${e.baseline.toFixed(1)} ms → ` +
      `${e.ratio.toFixed(2)}x the time (target ≤ 1.60x)`,
  );
}

if (!only || only === 'linear') {
  // What reads text from others must take time in proportion to it: a broken
  // pack with "[ " in a comment over and over once cost seconds in a
  // backtracking hint. Four times the input should take at most four times as long.
  const broken = (n) => {
    const file = `${work}broken-${n}.yaml`;
    if (!existsSync(file)) writeFileSync(file, `format: 2\nid: x\n# ${'[ '.repeat(n)}\nbad: : :\n`);
    return file;
  };
  const small = broken(100_000);
  const large = broken(400_000);
  const r = compare([[bin, 'rules', 'validate', small], undefined, 2], [[bin, 'rules', 'validate', large], undefined, 2]);
  console.log(
    `rules validate of a broken pack, ${Math.round(statSync(large).size / 1024)} KB vs ${Math.round(statSync(small).size / 1024)} KB: ` +
      `${r.subject.toFixed(1)} ms vs ${r.baseline.toFixed(1)} ms → ${r.ratio.toFixed(2)}x the time for 4x the input (target ≤ 4x: linear)`,
  );

  // A batch line far past --max-record-size is read past, never held or scanned again.
  const longLine = (mb) => {
    const file = `${work}long-line-${mb}.ndjson`;
    if (!existsSync(file)) writeFileSync(file, `{"answers": {}}\n{"client": "${'x'.repeat(mb * 1024 * 1024)}", "answers": {}}\n{"answers": {}}\n`);
    return file;
  };
  const l = compare([[bin, 'batch', longLine(10)], undefined, 2], [[bin, 'batch', longLine(40)], undefined, 2]);
  console.log(
    `batch with one line of 40 MB vs 10 MB: ${l.subject.toFixed(1)} ms vs ${l.baseline.toFixed(1)} ms → ` +
      `${l.ratio.toFixed(2)}x the time for 4x the input (target ≤ 4x: linear)`,
  );
}

if (!only || only === 'memory') {
  const small = await peakMemory(100_000);
  const large = await peakMemory(1_000_000);
  console.log(
    `batch peak memory (one process): 1,000,000 records ${(large / 1024).toFixed(1)} MiB vs 100,000 records ${(small / 1024).toFixed(1)} MiB → ` +
      `${(large / small).toFixed(2)}x (target ≤ 1.15x)`,
  );
}
