// --save-answers through the built binary: what is at the path named is replaced
// whole, or refused and left as it was (issue 12, mechanism 3).
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli, STACK } from '../helpers/cli.js';
import { harmlessDevice, namedPipe } from '../helpers/files.js';
import { root } from '../helpers/packs.js';

const ANSWERS = 'examples/late-payer.json';
/** The answers of ANSWERS as saved: parsed ("no" is false), every question kept. */
const expected = () => ({ client: 'Brightside Studio', answers: expect.objectContaining({ pays_late: 'often', unpaid_work: false, notice_days: 30, raised_issue: false }) });
const save = (target: string, ...more: string[]) => runCli(['--answers', ANSWERS, '--format', 'json', '--save-answers', target, ...more]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fire-check-save-answers-'));
});

describe('--save-answers FILE refuses what is not a regular file, and leaves it as it was', () => {
  it('a symlink: exit 2, the link and the file it points to unchanged', () => {
    const other = join(dir, 'other.json');
    const link = join(dir, 'answers.json');
    writeFileSync(other, 'not yours\n');
    symlinkSync(other, link);
    const run = save(link);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fire-check: cannot write --save-answers ${link}: it is a symbolic link; give a regular file [io/not-writable]\n`);
    expect(run.stdout).toBe('');
    expect(readFileSync(other, 'utf8')).toBe('not yours\n');
    expect(readlinkSync(link)).toBe(other);
    expect(readdirSync(dir).sort()).toEqual(['answers.json', 'other.json']);
  });

  it('a named pipe: exit 2 at once (opening it would wait for a reader forever)', () => {
    const fifo = namedPipe(dir, 'answers.json');
    const run = save(fifo);
    // A hang would end in runCli's timeout, with no exit code.
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fire-check: cannot write --save-answers ${fifo}: it is a named pipe; give a regular file [io/not-writable]\n`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a device such as /dev/null: exit 2', (context) => {
    const device = harmlessDevice(dir);
    if (device === undefined) return context.skip('cannot make a device that a failing test could not harm');
    const run = save(device);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fire-check: cannot write --save-answers ${device}: it is a device; give a regular file [io/not-writable]\n`);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('a directory: exit 2, in the language asked for', () => {
    mkdirSync(join(dir, 'answers'));
    const run = save(join(dir, 'answers'), '--lang', 'it');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fire-check: impossibile scrivere --save-answers ${join(dir, 'answers')}: è una cartella; indica un file normale [io/not-writable]\n`);
    expect(readdirSync(join(dir, 'answers'))).toEqual([]);
  });

  it('a folder that does not exist: "no such folder"', () => {
    const run = save(join(dir, 'no', 'answers.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fire-check: cannot write --save-answers ${join(dir, 'no', 'answers.json')}: no such folder [io/not-writable]\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--save-answers FILE replaces a regular file', () => {
  it('a private (0600) file stays private, with the answers in it', () => {
    const file = join(dir, 'answers.json');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    const run = save(file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'fix' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expected());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });

  it('a write that fails part-way (here: the file size limit) leaves the old file and no temporary file', () => {
    const file = join(dir, 'answers.json');
    writeFileSync(file, 'old\n');
    // ulimit -f 0: every write to a regular file fails (Node ignores SIGXFSZ, so the write returns EFBIG).
    const run = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" "$@"', process.execPath, BIN, '--answers', ANSWERS, '--save-answers', file], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^fire-check: cannot write --save-answers ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+ \\[io/not-writable\\]\n$`));
    expect(run.stderr).not.toMatch(STACK);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });
});

describe('--save-answers -', () => {
  it('prints the answers in place of the report: one document, which --answers reads back', () => {
    const run = runCli(['--answers', ANSWERS, '--save-answers', '-', '--exit-code', '--today', '2026-11-22']);
    // The verdict still sets the exit code: late-payer is a fix.
    expect(run.code).toBe(10);
    expect(JSON.parse(run.stdout)).toEqual(expected());
    const again = runCli(['--answers', '-', '--format', 'json', '--today', '2026-11-22'], { input: run.stdout });
    expect(again.stdout).toBe(runCli(['--answers', ANSWERS, '--format', 'json', '--today', '2026-11-22']).stdout);
  });

  it('does the same for `script`, and with the answers piped in', () => {
    const input = readFileSync(`${root}${ANSWERS}`, 'utf8');
    const run = runCli(['script', '--save-answers', '-'], { input });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected());
  });
});
