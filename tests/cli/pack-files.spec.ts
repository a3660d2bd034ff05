import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFiles, readPackText } from '../../src/cli/pack-files.js';
import { checkPackFile, formatProblem } from '../../src/pack/load.js';
import { namedPipe } from '../helpers/files.js';

const dir = mkdtempSync(join(tmpdir(), 'fire-check-pack-files-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe('readPackText: a pack file from disk, or what stood in the way', () => {
  it('gives UTF-8 text, without a byte-order mark', () => {
    expect(readPackText(file('bom.yaml', '\uFEFFformat: 2\n'))).toBe('format: 2\n');
  });

  it.each([
    ['no such file', () => join(dir, 'nope.yaml'), { reason: 'missing', error: expect.objectContaining({ code: 'ENOENT' }) }],
    ['a folder (the system error kept, for --rules to say "it is a directory")', () => dir, { reason: 'not-a-file', error: expect.objectContaining({ code: 'EISDIR' }) }],
    ['a named pipe, without waiting for a writer', () => namedPipe(dir, 'pipe.yaml'), { reason: 'not-a-file' }],
    ['a file over 1 MiB, not read', () => { const big = file('big.yaml', ''); truncateSync(big, 2 * 1024 * 1024); return big; }, { reason: 'too-large', bytes: 2 * 1024 * 1024 }],
    ['Windows-1252 bytes, at the line and column of the first', () => file('cp1252.yaml', Buffer.from('format: 2\nname: Caff\xe8 pack\n', 'latin1')), { reason: 'not-utf8', line: 2, column: 11 }],
    ['a UTF-8 character cut short at the end', () => file('cut.yaml', Buffer.from([0x61, 0x0a, 0xe2, 0x82])), { reason: 'not-utf8', line: 2, column: 1 }],
  ])('%s', (_name, path, expected) => {
    expect(readPackText(path())).toEqual(expected);
  });

  it('the loader says a file that is not UTF-8 at its place', () => {
    const result = checkPackFile(file('latin.yaml', Buffer.from('format: 2\nid: caf\xe9\n', 'latin1')), packFiles());
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${formatProblem({ ...p, file: 'F' })}`)).toEqual(['pack/not-utf8 F:2:8: not UTF-8 text: save the file as UTF-8']);
  });
});

describe('packFiles: the reader the CLI gives the pack loader', () => {
  it('reads each file once, however often it is asked for', () => {
    const reader = packFiles();
    const path = file('once.yaml', 'format: 2\n');
    expect(reader.read(path)).toBe('format: 2\n');
    writeFileSync(path, 'changed: yes\n');
    expect(reader.read(path)).toBe('format: 2\n');
    expect([...reader.seen.keys()]).toEqual([path]);
  });

  it('resolves extends against the extending file, and follows links to the real path', () => {
    const reader = packFiles();
    const real = file('real.yaml', 'format: 2\n');
    symlinkSync(real, join(dir, 'link.yaml'));
    expect(reader.resolve(join(dir, 'sub', 'pack.yaml'), '../link.yaml')).toBe(join(dir, 'link.yaml'));
    expect(reader.realPath(join(dir, 'link.yaml'))).toBe(reader.realPath(real));
    expect(reader.realPath(join(dir, 'missing.yaml'))).toBeUndefined();
  });
});
