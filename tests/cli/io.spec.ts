import { describe, expect, it } from 'vitest';
import { environmentFailure } from '../../src/cli/io.js';
import { en } from '../../src/i18n/en.js';
import { messagesFor } from '../../src/i18n/index.js';

/** A system error as Node makes one: a code, the system call, and the path when there was one. */
const systemError = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(path === undefined ? {} : { path }) });

describe('environmentFailure: what the system refused, in one line', () => {
  it.each([
    ['ENOSPC', 'write', '/data/out.json', 'cannot write to /data/out.json: no space left on the device'],
    ['EDQUOT', 'write', '/data/out.json', 'cannot write to /data/out.json: the disk quota is used up'],
    ['EACCES', 'open', '/etc/shadow', 'cannot access /etc/shadow: permission denied'],
    ['EPERM', 'open', '/x', 'cannot access /x: the operation is not permitted'],
    ['ENAMETOOLONG', 'open', 'aaaa', 'cannot access aaaa: the name is too long'],
    ['EISDIR', 'read', 'examples', 'cannot access examples: it is a directory'],
    ['ENOTDIR', 'open', 'a.json/b', 'cannot access a.json/b: a part of the path is not a folder'],
    ['ENOENT', 'open', 'nope.json', 'cannot access nope.json: no such file'],
    ['EIO', 'read', '/mnt/usb/a.json', 'cannot access /mnt/usb/a.json: input/output error (a failing disk, or a lost connection)'],
    ['EROFS', 'open', '/ro/a.json', 'cannot access /ro/a.json: the file system is read-only'],
    ['EPIPE', 'write', '/tmp/fifo', 'cannot write to /tmp/fifo: the program reading from the pipe has closed it'],
    ['ELOOP', 'open', '/loop', 'cannot access /loop: too many symbolic links'],
    ['EMFILE', 'open', '/a', 'cannot access /a: too many files are open'],
    ['EBADF', 'write', undefined, 'it is not open (closed before fire-check started?)'],
  ])('%s in %s', (code, syscall, path, line) => {
    const failure = environmentFailure(systemError(code, syscall, path), en);
    expect(failure?.code).toBe(syscall === 'write' ? 'io/write-failed' : 'io/not-accessible');
    expect(failure?.message).toBe(line);
  });

  it('names the stream io marked, which a write to a descriptor does not name itself', () => {
    expect(environmentFailure(Object.assign(systemError('ENOSPC', 'write'), { stream: 'stdout' }), en)).toMatchObject({ code: 'io/write-failed', message: 'cannot write to stdout: no space left on the device' });
  });

  it.each([
    ['a TypeError', new TypeError('x is not a function')],
    ['an error with a code of its own', Object.assign(new Error('no'), { code: 'ERR_INVALID_ARG_TYPE' })],
    ['a look-alike without a system call', Object.assign(new Error('no'), { code: 'ENOENT' })],
    ['a system error Node has no words for here', systemError('ECONNRESET', 'read')],
    ['not an error at all', 'ENOSPC'],
    ['nothing', undefined],
  ])('is undefined for %s: a bug stays a bug', (_, error) => {
    expect(environmentFailure(error, en)).toBeUndefined();
  });

  it.each(['it', 'hu', 'th'] as const)('speaks %s', async (lang) => {
    const m = await messagesFor(lang);
    const line = environmentFailure(Object.assign(systemError('ENOSPC', 'write'), { stream: 'stdout' }), m)?.message;
    expect(line).toContain('stdout');
    expect(line).toContain(m.errors.noSpace);
    expect(m.errors.noSpace).not.toBe(en.errors.noSpace);
  });
});
