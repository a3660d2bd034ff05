import { problem } from '../i18n/problems.js';
import { en, type Messages } from '../i18n/en.js';
import type { Pack, Verdict } from '../engine/types.js';
import { embeddedDefaultPackText } from '../pack/default.js';
import { escapeLine } from '../render/escape.js';
import { plainStyle, type Style } from '../render/style.js';
import { colourLevel } from './colour.js';
import { readErrorReason, type Io } from './io.js';
import type { CommonOptions } from './options.js';
import { defaultPack, defaultTranslation, packFiles, type PackFiles } from './pack-files.js';

/**
 * The pack for this run, in the run's language. The default pack's translation
 * also covers every text a user pack shares unchanged with the default; a user
 * pack can ship its own translation next to it (my-pack.it.yaml for my-pack.yaml).
 * A user pack comes from the cache when it can (see pack-cache.ts); `io.env`
 * says where the cache is, and without it there is none.
 */
export async function packFor(options: CommonOptions, io?: Pick<Io, 'env'>): Promise<Pack> {
  const lang = options.lang ?? 'en';
  if (!options.rules) {
    const pack = await defaultPack();
    const translation = lang === 'en' ? undefined : await defaultTranslation(lang);
    if (!translation) return pack;
    // Loaded only for another language: English, the common case, starts without it.
    const { localizePack } = await import('../pack/overlay.js');
    return localizePack(pack, translation);
  }
  const files = packFiles();
  readableRules(files, options.rules, options.messages ?? en);
  const { customPack } = await import('./pack-cache.js');
  const { pack, translation } = await customPack(options.rules, files, { lang, env: io?.env ?? {}, embeddedDefault: embeddedDefaultPackText() });
  if (lang === 'en') return pack;
  const { localizePack } = await import('../pack/overlay.js');
  const own = translation ? localizePack(pack, translation) : pack;
  const shared = await defaultTranslation(lang);
  return shared ? localizePack(own, shared, await defaultPack()) : own;
}

/** Verdicts named as the reports name them: the pack's titles in the run's language, escaped (a pack is data). */
export function verdictTitles(pack: Pack): (verdict: string) => string {
  return (verdict) => escapeLine(pack.verdicts[verdict as Verdict]?.title ?? verdict);
}

export function formatOf(options: CommonOptions): string {
  return options.json ? 'json' : options.format;
}

/** Colour functions at the level decided for this run; chalk is loaded only for output that is coloured text. */
export async function styleFor(options: CommonOptions, io: Io, stream: { isTTY?: boolean } = { isTTY: io.isTTY('stdout') }): Promise<Style> {
  const level = colourLevel(io.env, stream, options.color);
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

/**
 * The width to lay text out for: the terminal's, less its last column (a line
 * that fills it makes some terminals wrap the cursor onto an empty line).
 */
export function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  const columns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : io.isTTY('stdout') ? io.stdout.columns : undefined;
  return columns === undefined ? undefined : columns - 1;
}

/**
 * The day to assess as of: --today, checked to be a real calendar date (every
 * command that takes it comes through here), or the clock's date.
 */
export function todayFor(options: CommonOptions & { today?: string }, io: Io): string {
  if (options.today === undefined) return io.today();
  const date = options.today;
  // A date the calendar has: "2026-02-30" parses, as 2 March, so it must come back as written.
  // Years 1900 to 2999: a date to plan from, whose re-check and notice dates stay four-digit years.
  const time = /^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw problem(options.messages ?? en, 'cli/bad-date', JSON.stringify(date));
  }
  return date;
}

/**
 * A --rules file the system will not let us read (no such file, a folder,
 * permission denied) is the environment's refusal, said in one translated line
 * like any other; the pack loader's own messages are for what is inside a pack.
 * Read here once: the loader then gets the same text from `files`.
 */
function readableRules(files: PackFiles, file: string, m: Messages): void {
  const text = files.read(file);
  if (typeof text !== 'string' && text.error) throw problem(m, 'io/not-readable', m.errors.rulesFile, file, readErrorReason(text.error, m));
}
