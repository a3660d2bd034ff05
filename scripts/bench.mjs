// Speed and memory figures for fire-check, each as a ratio against a baseline
// measured in the same run on the same machine. Not a test: it prints, and
// exits non-zero only if something failed to run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/fire-check.js`;
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(args, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, cwd: root, stdio: ['pipe', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Alternates baseline and subject so drift in machine load hits both alike. */
function compare(baseline, subject) {
  const a = [];
  const b = [];
  time(...baseline);
  time(...subject);
  for (let i = 0; i < runs; i++) {
    a.push(time(...baseline));
    b.push(time(...subject));
  }
  return { baseline: median(a), subject: median(b) };
}

console.log(`fire-check bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${runs} runs each, medians`);
const answers = readFileSync(`${root}examples/late-payer.json`);
const single = compare([['-e', '0']], [[bin, '--format', 'json'], answers]);
console.log(
  `single piped assessment: ${single.subject.toFixed(1)} ms vs node -e 0 ${single.baseline.toFixed(1)} ms ` +
    `→ ratio ${(single.subject / single.baseline).toFixed(2)}x (target ≤ 1.30x)`,
);
