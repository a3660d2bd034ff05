// Every file fire-check writes goes through writeFileSafely (issue 12, mechanism 3):
// the file named is replaced whole or not at all, and nothing else is touched.
//
// Why not write-file-atomic (7.x is the Node 20 line)? It names its temporary file
// from the pid and a counter and opens it with 'w', not exclusively, so a link
// planted under a guessable name in a shared folder is written through; it
// resolves the target through symlinks, writing where a link points, which is
// what we refuse; and it installs signal-exit handlers, which would change how
// batch answers SIGINT and SIGTERM. What we need is the few lines below.
import { randomBytes } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';
import { lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Messages } from '../i18n/en.js';
import { readErrorReason } from './io.js';

/** What is at a path that fire-check refuses to replace. */
export type NotAFile = 'symlink' | 'directory' | 'namedPipe' | 'device' | 'socket';

/** The path names something other than a regular file; thrown before anything is written. */
export class NotAFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: NotAFile,
  ) {
    super(`${path}: not a regular file (${kind})`);
    this.name = 'NotAFileError';
  }
}

/**
 * Writes `text` to `file`, or to stdout (`writeOut`) for `-`. An existing regular
 * file is replaced in one rename, keeping its mode (and its owner, where allowed);
 * a new one gets the default mode (0600 with `private`). On any failure the temporary file is removed
 * and the target is as it was.
 */
export async function writeFileSafely(file: string, text: string, writeOut: (text: string) => void, options: { private?: boolean } = {}): Promise<void> {
  if (file === '-') return writeOut(text);
  const existing = await lstatIfThere(file);
  // lstat, not stat: a symlink is refused, not followed to a file the user did not name.
  const kind = existing && notAFile(existing);
  if (kind) throw new NotAFileError(file, kind);
  const folder = dirname(file);
  const temp = join(folder, tempName(file));
  // 'wx' fails on anything already there, a planted link included. A private file's
  // replacement starts private; a new file gets 0666 less the umask, as any tool's would.
  const handle = await open(temp, 'wx', existing || options.private ? 0o600 : 0o666);
  let closed = false;
  try {
    if (existing) await keepOwnerAndMode(handle, existing);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    closed = true;
    await handle.close();
    // rename replaces the name itself: had a link been swapped in since the lstat, the
    // link is replaced, never written through.
    await rename(temp, file);
  } catch (error) {
    if (!closed) await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** True when `file` names a regular file (not a link to one): one that writeFileSafely would replace. */
export function isRegularFile(file: string): boolean {
  try {
    return file !== '-' && lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Why a file could not be written, in the user's words. */
export function writeErrorReason(error: unknown, m: Messages): string {
  if (error instanceof NotAFileError) return m.errors.giveRegularFile(m.errors.notAFile[error.kind]);
  const code = (error as NodeJS.ErrnoException).code;
  // The file itself may be missing; only a missing folder stops the temporary file.
  if (code === 'ENOENT') return m.errors.noSuchFolder;
  if (code === 'ENOTDIR') return m.errors.notAFolder;
  return readErrorReason(error, m);
}

async function lstatIfThere(file: string): Promise<Stats | undefined> {
  try {
    return await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function notAFile(stats: Stats): NotAFile | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'namedPipe';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

/**
 * Hidden, next to the target (a rename cannot cross file systems), named after it so
 * a leftover from a killed run says whose it was, and unguessable so nobody can
 * plant anything under that name first. The target's name is cut short so the
 * temporary name stays within the 255-byte limit of a file name.
 */
function tempName(file: string): string {
  return `.${Array.from(basename(file)).slice(0, 40).join('')}.${randomBytes(8).toString('hex')}.tmp`;
}

async function keepOwnerAndMode(handle: FileHandle, existing: Stats): Promise<void> {
  const created = await handle.stat();
  // Only root may give a file away; for anyone else the file stays theirs, as an edit would leave it.
  if (created.uid !== existing.uid || created.gid !== existing.gid) {
    await handle.chown(existing.uid, existing.gid).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPERM') throw error;
    });
  }
  // After the chown, which clears set-id bits; explicit, since the umask applies to open's mode.
  await handle.chmod(existing.mode & 0o7777);
}

/** The rename is durable only once the folder is synced; some systems refuse that, and the file is written anyway. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Not every system can open or sync a folder (Windows cannot); the data is in place.
  }
}
