// Speed and memory figures for fire-check, each as a ratio against a baseline
// measured in the same run on the same machine. Not a test: it prints figures,
// and exits non-zero only if something failed to run. Linux (reads /proc).
//
//   npm run bench                 every section
//   node scripts/bench.mjs NAME   one of them: startup, rules, throughput (with the 3,000-record batch), linear, memory, history, evidence
//   BENCH_RUNS=31 npm run bench   more runs for steadier medians
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/fire-check.cjs`;
const work = `${root}.bench/`;
const runs = Number(process.env.BENCH_RUNS ?? 15);
mkdirSync(work, { recursive: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `env`: the environment to run in, or a function that readies and returns it before each run. */
function time(args, input, expected = 0, env = process.env) {
  const runEnv = typeof env === 'function' ? env() : env;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, cwd: root, env: runEnv, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
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

if (!only || only === 'rules') {
  // A custom pack: the validated pack is cached (src/cli/pack-cache.ts) in a folder of the bench's own.
  const home = mkdtempSync(join(os.tmpdir(), 'fire-check-bench-'));
  const env = { ...process.env, FIRE_CHECK_HOME: home };
  const answers = readFileSync(`${root}examples/late-payer.json`);
  const args = [bin, '--rules', 'examples/agency-strict.yaml', '--format', 'json'];
  time(args, answers, 0, env);
  const warm = compare([['-e', '0']], [args, answers, 0, env]);
  console.log(
    `single piped assessment with --rules examples/agency-strict.yaml, cache warm: ${warm.subject.toFixed(1)} ms vs node -e 0 ${warm.baseline.toFixed(1)} ms → ` +
      `${warm.ratio.toFixed(2)}x the time (target ≤ 1.60x)`,
  );
  const empty = () => {
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    return env;
  };
  const cold = compare([['-e', '0']], [args, answers, 0, empty], Math.max(5, Math.round(runs / 3)));
  console.log(`  the same, cache cold (every run checks the pack): ${cold.subject.toFixed(1)} ms → ${cold.ratio.toFixed(2)}x (for comparison)`);
  rmSync(home, { recursive: true, force: true });
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

if (!only || only === 'history') {
  // Issue 15: `history "Acme"` reads that client's records only, and `due` the
  // index, never every record: with 10,000 clients × 24 assessments each,
  // history "Acme" ≤ 1.5x and due ≤ 4x the time of one piped assessment.
  // The history is made once (scripts/bench-history/generate.ts) and kept in .bench/.
  const { build } = await import('esbuild');
  const out = `${work}history-bin/`;
  // The generator is not timed, and loads the pack from YAML (import.meta.url): ESM.
  await build({
    entryPoints: [`${root}scripts/bench-history/generate.ts`],
    outfile: `${out}generate.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // yaml is CommonJS, and requires Node's built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    target: 'node20',
    logLevel: 'warning',
  });
  const clients = 10_000;
  const each = 24;
  const home = `${work}history-${clients}x${each}/`;
  if (!existsSync(`${home}complete`)) {
    const made = spawnSync(process.execPath, [`${out}generate.mjs`, home, String(clients), String(each), `${root}rules/default.yaml`], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (made.status !== 0) throw new Error(`generating the history failed (${made.status})`);
    process.stdout.write(`history: made ${made.stdout}`);
    writeFileSync(`${home}complete`, '');
  }
  const answers = readFileSync(`${root}examples/late-payer.json`);
  const piped = [[bin, '--format', 'json'], answers];
  process.env.FIRE_CHECK_HOME = home;
  try {
    const one = compare(piped, [[bin, 'history', 'Acme', '--format', 'json']]);
    // due exits 3 when any re-check has come, as it has by then for many of them.
    const due = compare(piped, [[bin, 'due', '--format', 'json', '--today', '2027-01-20'], undefined, 3]);
    console.log(
      `history "Acme", ${clients.toLocaleString('en-US')} clients × ${each}: ${one.subject.toFixed(1)} ms vs one piped assessment ${one.baseline.toFixed(1)} ms → ` +
        `${one.ratio.toFixed(2)}x the time (target ≤ 1.5x)`,
    );
    console.log(
      `due, ${clients.toLocaleString('en-US')} clients × ${each}: ${due.subject.toFixed(1)} ms vs one piped assessment ${due.baseline.toFixed(1)} ms → ` +
        `${due.ratio.toFixed(2)}x the time (target ≤ 4x)`,
    );
  } finally {
    delete process.env.FIRE_CHECK_HOME;
  }
}

if (!only || only === 'evidence') {
  // Issue 16: the export is streamed, and reading it costs little more than
  // parsing the CSV: 1,000,000 invoice rows at ≥ 0.5x the throughput of
  // csv-parse alone reading the same file (start-up included in both).
  const n = 1_000_000;
  const file = `${work}stripe-${n}.csv`;
  if (!existsSync(file)) {
    const lines = ['id,Customer Name,Number,Date (UTC),Due Date (UTC),Paid At (UTC),Status,Total,Amount Due,Amount Paid,Currency'];
    const day = (d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < n; i++) {
      const issued = (i * 7) % 600;
      const paid = i % 9 === 0 ? '' : `${day(issued + 20 + (i % 50))} 10:00`;
      const total = (100 + (i % 997)).toFixed(2);
      lines.push(`in_${i},Client ${i % 5000},INV-${i},${day(issued)} 09:00,${day(issued + 30)} 00:00,${paid},${paid ? 'paid' : 'open'},${total},${paid ? '0.00' : total},${paid ? total : '0.00'},eur`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  const floor = `${work}csv-floor.mjs`;
  writeFileSync(
    floor,
    `import { createReadStream } from 'node:fs';\nimport { parse } from '${root}node_modules/csv-parse/lib/index.js';\n` +
      'let rows = 0;\nfor await (const record of createReadStream(process.argv[2]).pipe(parse({ bom: true, relax_column_count: true, info: true }))) rows += record.record.length > 0 ? 1 : 0;\n' +
      'process.stdout.write(`${rows}\\n`);\n',
  );
  const r = compare([[floor, file]], [[bin, 'evidence', file, '--format', 'json', '--today', '2026-11-22']], Math.max(3, Math.round(runs / 5)));
  const rate = (ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  console.log(
    `evidence, ${n.toLocaleString('en-US')} Stripe invoice rows: ${rate(r.subject)}/s vs csv-parse alone ${rate(r.baseline)}/s → ` +
      `${(1 / r.ratio).toFixed(2)}x the throughput (target ≥ 0.50x)`,
  );
}
