// The file access behind rule packs: src/pack/ reads through the reader made
// here, and says in its own words what a reader found wrong.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Pack } from '../engine/types.js';
import { DEFAULT_PACK_PATH, defaultTranslationPath, embeddedDefaultPack } from '../pack/default.js';
import type { PackTranslation } from '../pack/overlay.js';
import { MAX_PACK_BYTES, type PackReader, type ReadProblem } from '../pack/reader.js';

/** A read problem, with the system's error when it was the system that refused (for --rules to say so). */
export type FileProblem = ReadProblem & { error?: NodeJS.ErrnoException };

export interface PackFiles extends PackReader {
  read(file: string): string | FileProblem;
  /** Every file read so far, by its absolute path, with what it gave. */
  readonly seen: ReadonlyMap<string, string | FileProblem>;
}

/** The pack files on disk, each read at most once (the CLI reads the --rules file before the loader does). */
export function packFiles(): PackFiles {
  const seen = new Map<string, string | FileProblem>();
  return {
    seen,
    read(file) {
      const path = resolve(file);
      let got = seen.get(path);
      if (got === undefined) seen.set(path, (got = readPackText(path)));
      return got;
    },
    resolve: (from, name) => resolve(dirname(from), name),
    realPath(file) {
      try {
        return realpathSync(file);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A pack's text, or what stood in the way. Opened without blocking, so that a
 * named pipe is refused as "not a file" instead of waiting for a writer, and
 * never read past MAX_PACK_BYTES.
 */
export function readPackText(file: string): string | FileProblem {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return systemProblem(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { reason: 'not-a-file', error: Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR', syscall: 'read' }) };
    if (!stat.isFile()) return { reason: 'not-a-file' };
    if (stat.size > MAX_PACK_BYTES) return { reason: 'too-large', bytes: stat.size };
    const bytes = readFileSync(fd);
    if (bytes.length > MAX_PACK_BYTES) return { reason: 'too-large', bytes: bytes.length };
    return utf8Text(bytes);
  } catch (error) {
    return systemProblem(error);
  } finally {
    closeSync(fd);
  }
}

function systemProblem(error: unknown): FileProblem {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'ENOENT' ? { reason: 'missing', error: e } : { reason: 'unreadable', detail: e.code ?? e.message, error: e };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, or where the first byte that is not UTF-8 is (a pack saved in a Windows code page, say). */
function utf8Text(bytes: Uint8Array): string | FileProblem {
  try {
    return UTF8.decode(bytes);
  } catch {
    const bad = firstBadByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    return { reason: 'not-utf8', line, column: UTF8.decode(bytes.subarray(lineStart, bad)).length + 1 };
  }
}

/** Where the first character that is not UTF-8 starts; found only once decoding has failed. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      UTF8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/** A pack's own translation into `lang`, beside it: my-pack.yaml → my-pack.it.yaml */
export function translationFile(packFile: string, lang: string): string {
  const ext = extname(packFile);
  return `${packFile.slice(0, packFile.length - ext.length)}.${lang}${ext || '.yaml'}`;
}

/** The default pack: embedded by the build, or read from rules/ when running from the source. */
export async function defaultPack(): Promise<Pack> {
  const built = embeddedDefaultPack();
  if (built) return built;
  const { loadPack } = await import('../pack/load.js');
  return loadPack(DEFAULT_PACK_PATH, packFiles());
}

/** The default pack's translation into `lang` (rules/default.<lang>.yaml), if there is one. */
export async function defaultTranslation(lang: string): Promise<PackTranslation | undefined> {
  const built = (await import('../pack/default-translations.js')).embeddedTranslations();
  if (built) return built[lang];
  const file = defaultTranslationPath(lang);
  if (!existsSync(file)) return undefined;
  const { loadTranslation } = await import('../pack/load.js');
  return loadTranslation(file, await defaultPack(), packFiles());
}
