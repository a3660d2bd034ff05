// Issue 12, mechanism 8: the environment's failures are not bugs. A full disk,
// an unreadable file, a name too long: one translated line that names the path
// or stream and the cause, exit 2, no stack trace, no "report a bug".
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, STACK, type CliResult } from '../helpers/cli.js';
import { root } from '../helpers/packs.js';

/** Runs the built binary with its stdout on `/dev/full`, where every write fails with ENOSPC. */
function intoFullDisk(args: string[], env: Record<string, string> = {}): CliResult {
  const full = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, stdio: ['pipe', full, 'pipe'], input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: result.status, stdout: '', stderr: result.stderr };
  } finally {
    closeSync(full);
  }
}

/** One line on stderr, exit 2, and nothing of a bug about it. */
function expectOneLine(result: CliResult, line: RegExp): void {
  expect(result.stderr).toMatch(line);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stderr).not.toMatch(/bug|unexpected/i);
  expect(result.code).toBe(2);
}

const late = JSON.parse(readFileSync(`${root}examples/late-payer.json`, 'utf8'));
let dir: string;
let ndjson: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fire-check-env-'));
  ndjson = join(dir, 'clients.ndjson');
  writeFileSync(ndjson, `${JSON.stringify(late)}\n`.repeat(200));
});

const NO_SPACE = /^fire-check: cannot write to stdout: no space left on the device \[io\/write-failed\]\n$/;

describe.skipIf(!existsSync('/dev/full'))('stdout on a full disk (/dev/full)', () => {
  it.each([
    ['text report', ['--answers', 'examples/late-payer.json']],
    ['JSON report', ['--answers', 'examples/late-payer.json', '--format', 'json']],
    ['Markdown report', ['--answers', 'examples/late-payer.json', '--format', 'markdown']],
    ['script', ['script', '--answers', 'examples/abusive-client.json']],
    ['questions', ['questions']],
    ['questions as JSON', ['questions', '--json']],
    ['template', ['template']],
    ['rules validate', ['rules', 'validate', 'rules/default.yaml']],
    ['--help', ['--help']],
    ['batch NDJSON', ['batch', '<ndjson>']],
    ['batch CSV', ['batch', '<ndjson>', '--format', 'csv']],
    ['batch table', ['batch', '<ndjson>', '--format', 'table']],
  ])('%s: one line naming stdout and the cause, exit 2', (_, args) => {
    expectOneLine(intoFullDisk(args.map((a) => (a === '<ndjson>' ? ndjson : a))), NO_SPACE);
  });

  it.each([
    ['it', /^fire-check: impossibile scrivere su stdout: spazio esaurito sul dispositivo \[io\/write-failed\]\n$/],
    ['hu', /^fire-check: nem írható stdout: nincs több hely az eszközön \[io\/write-failed\]\n$/],
    ['th', /^fire-check: เขียนไปยัง stdout ไม่ได้: พื้นที่บนอุปกรณ์เต็มแล้ว \[io\/write-failed\]\n$/],
  ])('in the user\'s language: %s', (lang, line) => {
    expectOneLine(intoFullDisk(['questions', '--lang', lang]), line);
  });

  it('--debug adds the stack trace, and still no bug', () => {
    const result = intoFullDisk(['questions', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fire-check: cannot write to stdout: no space left on the device \[io\/write-failed\]\n/);
    expect(result.stderr).toMatch(STACK);
  });
});

describe('a closed pipe stays quiet', () => {
  it.each([['questions'], ['--help'], ['template']])('%s | head -1', (command) => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('');
  });
});

describe('files that cannot be read', () => {
  const root0 = process.getuid?.() === 0;
  const tooLong = `${'a'.repeat(300)}.json`;
  const cases: [string, string, string][] = [
    ['a name too long', tooLong, 'the name is too long'],
    ['a folder', 'examples', 'it is a directory'],
    ['a path through a file', 'examples/late-payer.json/x', 'a part of the path is not a folder'],
    ['a missing file', 'nope.json', 'no such file'],
    // Reading /proc/self/mem from its start fails: the first page is never mapped.
    ...(existsSync('/proc/self/mem') ? [['an input/output error', '/proc/self/mem', 'input/output error'] as [string, string, string]] : []),
  ];

  it.each(cases)('--answers with %s: one line naming it and why, exit 2', (_, file, why) => {
    expectOneLine(runCli(['--answers', file]), new RegExp(`^fire-check: cannot read answers file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${why}`));
  });

  it.each(cases.filter(([, file]) => file !== '/proc/self/mem'))('batch with %s: one line naming it and why, exit 2', (_, file, why) => {
    expectOneLine(runCli(['batch', file, '--input-format', 'ndjson']), new RegExp(`^fire-check: cannot read batch input .*: ${why}`));
  });

  it.skipIf(root0)('a file without read permission (chmod 000)', () => {
    const file = join(dir, 'private.json');
    writeFileSync(file, JSON.stringify(late));
    chmodSync(file, 0o000);
    expectOneLine(runCli(['--answers', file]), /^fire-check: cannot read answers file .*private\.json: permission denied \[io\/not-readable\]\n$/);
    expectOneLine(runCli(['batch', file]), /^fire-check: cannot read batch input .*private\.json: permission denied \[io\/not-readable\]\n$/);
  });

  // As root, chmod 000 stops nothing; a write-only file of the kernel's refuses root too.
  it.skipIf(!root0 || !existsSync('/proc/sys/vm/drop_caches'))('a file without read permission, as root (a write-only file in /proc/sys)', () => {
    expectOneLine(runCli(['--answers', '/proc/sys/vm/drop_caches']), /^fire-check: cannot read answers file \/proc\/sys\/vm\/drop_caches: permission denied \[io\/not-readable\]\n$/);
    expectOneLine(runCli(['batch', '/proc/sys/vm/drop_caches']), /^fire-check: cannot read batch input \/proc\/sys\/vm\/drop_caches: permission denied \[io\/not-readable\]\n$/);
  });

  it('stdin that is a folder', () => {
    const folder = openSync(root, 'r');
    try {
      const result = spawnSync(process.execPath, [BIN], { cwd: root, stdio: [folder, 'pipe', 'pipe'], encoding: 'utf8' });
      expectOneLine({ code: result.status, stdout: result.stdout, stderr: result.stderr }, /^fire-check: cannot read answers file stdin: it is a directory \[io\/not-readable\]\n$/);
    } finally {
      closeSync(folder);
    }
  });
});
