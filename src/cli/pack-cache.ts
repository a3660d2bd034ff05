// A custom pack (--rules) costs YAML and zod on every run, ~250 ms (issue 13).
// Once validated, it is kept as JSON in the user's cache folder and used again
// while the content of the pack, of every file it extends and of its
// translation is what it was: a hit reads and hashes those files and parses
// JSON, and loads neither yaml nor zod (they come in with ../pack/load.js, on a
// miss only). The cache is a convenience: an entry that cannot be read or does
// not check out is a miss, and a folder that cannot be written is left alone.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PACK_FORMAT, type Pack } from '../engine/types.js';
import type { PackTranslation } from '../pack/overlay.js';
import { translationFile, type PackFiles } from './pack-files.js';

declare const __FIRE_CHECK_VERSION__: string | undefined;
const VERSION = typeof __FIRE_CHECK_VERSION__ === 'string' ? __FIRE_CHECK_VERSION__ : '0.0.0-dev';
/** The shape of an entry; a change to it makes every older entry a miss. */
const ENTRY_FORMAT = 1;

export interface CustomPack {
  pack: Pack;
  /** The pack's own translation into the run's language (my-pack.it.yaml), when it has one. */
  translation?: PackTranslation;
}

export interface CacheContext {
  /** The run's language: the pack's own translation into it is part of the entry. */
  lang: string;
  /** Where the cache folder is (see packCacheDir). */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The default pack this build embeds (its JSON text), which a pack may extend:
   * given by the caller, whose bundle holds it already, rather than copied into this one.
   */
  embeddedDefault: string | undefined;
}

/**
 * The --rules pack, validated, with its own translation into the run's
 * language: from the cache when the files it was made from are unchanged,
 * else loaded (through `files`) and stored.
 */
export async function customPack(file: string, files: PackFiles, { lang, env, embeddedDefault }: CacheContext): Promise<CustomPack> {
  const dir = packCacheDir(env);
  const name = dir === undefined ? undefined : entryName(file, lang, embeddedDefault);
  const hit = dir && name ? readEntry(join(dir, `${name}.json`), name, files) : undefined;
  if (hit) return hit;
  const { loadPack, loadTranslation } = await import('../pack/load.js');
  const pack = loadPack(file, files);
  const own = lang === 'en' ? undefined : translationFile(file, lang);
  const found: CustomPack = { pack };
  if (own !== undefined && !isMissing(files.read(own))) found.translation = loadTranslation(own, pack, files);
  if (dir && name) writeEntry(dir, name, files, found);
  return found;
}

/**
 * Where cached packs go: $FIRE_CHECK_HOME/cache/packs when it is set, else the
 * XDG cache folder ($XDG_CACHE_HOME, or ~/.cache) under fire-check/packs;
 * undefined when there is no home to put it in.
 */
export function packCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.FIRE_CHECK_HOME) return resolve(env.FIRE_CHECK_HOME, 'cache', 'packs');
  // The XDG spec: a relative path in XDG_CACHE_HOME is invalid, and ignored.
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'fire-check', 'packs');
  if (env.HOME && isAbsolute(env.HOME)) return join(env.HOME, '.cache', 'fire-check', 'packs');
  if (env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA)) return join(env.LOCALAPPDATA, 'fire-check', 'cache', 'packs');
  return undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One entry per pack file, language, version of the tool and of the pack format
 * (and the default pack this build embeds, which a pack may extend): a pack
 * edited again and again replaces its entry instead of piling up new ones.
 * Whether an entry may be used is then decided by the content of its files.
 */
function entryName(file: string, lang: string, embeddedDefault: string | undefined): string {
  return sha256(JSON.stringify([ENTRY_FORMAT, VERSION, PACK_FORMAT, embeddedDefault === undefined ? null : sha256(embeddedDefault), lang, resolve(file)]));
}

/** Each file the pack was made from, and the hash of its content; null for a translation file that was not there. */
type Sources = [path: string, sha: string | null][];

interface Header {
  format: number;
  name: string;
  sources: Sources;
  /** The hash of the JSON line that follows: a torn or corrupt entry is a miss. */
  sum: string;
}

/**
 * An entry is two lines: a header with the sources to check, then the pack.
 * The sources are checked first, so a stale entry costs no parse of the pack.
 */
function readEntry(path: string, name: string, files: PackFiles): CustomPack | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const cut = text.indexOf('\n');
    if (cut < 0) return undefined;
    const header = JSON.parse(text.slice(0, cut)) as Header;
    if (header.format !== ENTRY_FORMAT || header.name !== name || !Array.isArray(header.sources)) return undefined;
    for (const [source, sha] of header.sources) {
      const content = files.read(source);
      if (typeof content === 'string' ? sha256(content) !== sha : !(content.reason === 'missing' && sha === null)) return undefined;
    }
    const body = text.slice(cut + 1);
    if (sha256(body) !== header.sum) return undefined;
    const entry = JSON.parse(body) as CustomPack;
    return typeof entry.pack === 'object' && entry.pack !== null ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written to a file of its own in the same folder, then renamed over the
 * entry: a run reading it meanwhile sees the old entry or the new, whole, and
 * two runs writing it at once each put a whole entry in place.
 */
function writeEntry(dir: string, name: string, files: PackFiles, found: CustomPack): void {
  const sources: Sources = [];
  for (const [path, content] of files.seen) {
    if (typeof content === 'string') sources.push([path, sha256(content)]);
    else if (content.reason === 'missing') sources.push([path, null]);
    else return; // a file that could not be read yet gave a pack: nothing to key it on
  }
  const body = JSON.stringify(found);
  const header: Header = { format: ENTRY_FORMAT, name, sources, sum: sha256(body) };
  const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
    renameSync(temporary, join(dir, `${name}.json`));
  } catch {
    // A read-only or full disk, a folder we may not write: the run goes on without the cache.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written, or it cannot be removed either
    }
  }
}

const isMissing = (read: string | { reason: string }) => typeof read !== 'string' && read.reason === 'missing';
