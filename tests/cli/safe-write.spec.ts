import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, messagesFor } from '../../src/i18n/index.js';
import { isRegularFile, NotAFileError, writeErrorReason, writeFileSafely, type NotAFile } from '../../src/cli/safe-write.js';
import { en } from '../../src/i18n/en.js';
import { harmlessDevice, namedPipe } from '../helpers/files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fire-check-safe-write-'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const noStdout = (): void => {
  throw new Error('wrote to stdout');
};
const mode = (file: string) => statSync(file).mode & 0o7777;

/** The error writeFileSafely rejects with, for a table of refusals. */
async function refusal(file: string): Promise<unknown> {
  return writeFileSafely(file, 'new\n', noStdout).then(
    () => 'written',
    (error: unknown) => error,
  );
}

describe('writeFileSafely', () => {
  it('writes a new file with the mode any new file gets here (the umask applies)', async () => {
    writeFileSync(join(dir, 'reference'), '');
    await writeFileSafely(join(dir, 'a.json'), '{"a": 1}\n', noStdout);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a": 1}\n');
    expect(mode(join(dir, 'a.json'))).toBe(mode(join(dir, 'reference')));
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'reference']);
  });

  it.each([0o600, 0o664, 0o640])('replaces a %o file with the new text and keeps its mode', async (kept) => {
    const file = join(dir, 'a.json');
    writeFileSync(file, 'old\n');
    chmodSync(file, kept);
    await writeFileSafely(file, 'new\n', noStdout);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    // 0664 would come out 0644 under umask 022 without an explicit chmod.
    expect(mode(file)).toBe(kept);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('refuses a symlink, and neither the link nor the file it points to changes', async () => {
    const other = join(dir, 'other.txt');
    const link = join(dir, 'a.json');
    writeFileSync(other, 'not yours\n');
    symlinkSync(other, link);
    expect(await refusal(link)).toMatchObject({ name: 'NotAFileError', kind: 'symlink', path: link });
    expect(readFileSync(other, 'utf8')).toBe('not yours\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(other);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'other.txt']);
  });

  it('refuses a dangling symlink too: creating the file it names is just as much a write elsewhere', async () => {
    const link = join(dir, 'a.json');
    symlinkSync(join(dir, 'elsewhere.json'), link);
    expect(await refusal(link)).toMatchObject({ kind: 'symlink' });
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('refuses a named pipe without opening it (opening one would wait for a reader)', async () => {
    const fifo = namedPipe(dir, 'a.json');
    expect(await refusal(fifo)).toMatchObject({ kind: 'namedPipe', path: fifo });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['a.json']);
  }, 5_000);

  it('refuses a device, /dev/null or one like it', async (context) => {
    const device = harmlessDevice(dir);
    if (device === undefined) return context.skip('cannot make a device that a failing test could not harm');
    expect(await refusal(device)).toMatchObject({ kind: 'device', path: device });
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a directory', async () => {
    mkdirSync(join(dir, 'sub'));
    expect(await refusal(join(dir, 'sub'))).toMatchObject({ kind: 'directory' });
    expect(lstatSync(join(dir, 'sub')).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it('fails in a folder that does not exist, leaving nothing behind', async () => {
    const error = await refusal(join(dir, 'no', 'such', 'a.json'));
    expect(writeErrorReason(error, en)).toBe('no such folder');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that fails half-way leaves the old file whole and no temporary file', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    // A FileHandle's class is not exported: take it from a handle.
    const probe = await open(file, 'r');
    const handleMethods = Object.getPrototypeOf(probe) as { writeFile(data: string): Promise<void> };
    await probe.close();
    vi.spyOn(handleMethods, 'writeFile').mockImplementationOnce(async function (this: FileHandle, data: string) {
      await this.write(data.slice(0, 5));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    await expect(writeFileSafely(file, 'a much longer new text\n', noStdout)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('does not write through a link planted under the name a pid-based temporary file would have', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched\n');
    symlinkSync(victim, join(dir, `.a.json.${process.pid}.tmp`));
    await writeFileSafely(join(dir, 'a.json'), 'new\n', noStdout);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new\n');
  });

  it('writes `-` to stdout and touches no file', async () => {
    const out: string[] = [];
    await writeFileSafely('-', 'to stdout\n', (text) => out.push(text));
    expect(out).toEqual(['to stdout\n']);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('isRegularFile (whether the interview asks "Replace it?")', () => {
  it('is true only for a regular file, not for what points to one or cannot be replaced', () => {
    writeFileSync(join(dir, 'file'), '');
    symlinkSync(join(dir, 'file'), join(dir, 'link'));
    mkdirSync(join(dir, 'sub'));
    expect(['file', 'link', 'sub', 'missing'].map((name) => isRegularFile(join(dir, name)))).toEqual([true, false, false, false]);
    expect(isRegularFile('-')).toBe(false);
    expect(isRegularFile('/dev/null')).toBe(false);
  });
});

describe.each(LANGUAGES)('writeErrorReason in %s', (lang) => {
  it('names what the path is and asks for a regular file, a different text for each kind', async () => {
    const m = await messagesFor(lang);
    const kinds: NotAFile[] = ['symlink', 'directory', 'namedPipe', 'device', 'socket'];
    const reasons = kinds.map((kind) => writeErrorReason(new NotAFileError('a.json', kind), m));
    expect(new Set(reasons).size).toBe(kinds.length);
    const regular = m.errors.giveRegularFile('');
    for (const reason of reasons) expect(reason).toContain(regular.trim());
    if (lang !== 'en') expect(reasons).not.toEqual(kinds.map((kind) => writeErrorReason(new NotAFileError('a.json', kind), en)));
  });
});
