// The user's profile: who signs the letters, in which currency amounts are
// written, and, where a language marks the speaker (Thai), in which voice.
// One small JSON file in the user's config folder; the zod schema below is its
// one definition (keys, what each allows, the TypeScript type). Written by hand
// rather than with `conf`: conf validates with ajv, a second schema language
// beside zod, and brings ~10 packages for what is one file read and one safe write.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Messages } from '../i18n/en.js';
import { problem } from '../i18n/problems.js';
import { readErrorReason, type Io } from './io.js';

import { VOICES } from './options.js';
import type { Profile } from './profile-schema.js';

export type { Profile, ProfileKey } from './profile-schema.js';

/**
 * Where the profile lives: FIRE_CHECK_CONFIG names the file; else
 * FIRE_CHECK_HOME/config.json; else the user's config folder (XDG_CONFIG_HOME,
 * ~/.config; the platform's own on macOS and Windows).
 */
export function profileFile(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): string {
  if (env.FIRE_CHECK_CONFIG) return env.FIRE_CHECK_CONFIG;
  if (env.FIRE_CHECK_HOME) return join(env.FIRE_CHECK_HOME, 'config.json');
  const home = env.HOME ?? env.USERPROFILE ?? '.';
  const folder = env.XDG_CONFIG_HOME
    ? env.XDG_CONFIG_HOME
    : platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Preferences')
        : join(home, '.config');
  return join(folder, 'fire-check', 'config.json');
}

/** The profile saved, or an empty one when there is none yet; a file that is not a profile is a problem naming it. */
export async function readProfile(file: string, m: Messages): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw problem(m, 'io/not-readable', m.errors.configFile, file, readErrorReason(error, m));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw problem(m, 'config/invalid', file, m.config.notJson);
  }
  // The schema (zod) loads only when there is a profile to check: most runs have none to read.
  const { ProfileSchema } = await import('./profile-schema.js');
  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw problem(m, 'config/invalid', file, issue ? `${issue.path.join('.') || '(top)'}: ${allowedFor(issue.path[0], m) ?? issue.message}` : '');
  }
  return parsed.data;
}

/** What a key allows, in words; undefined for a key the profile does not have. */
export function allowedFor(key: unknown, m: Messages): string | undefined {
  switch (key) {
    case 'name':
      return m.config.allowedName;
    case 'currency':
      return m.config.allowedCurrency;
    case 'voice':
      return m.config.allowedVoice(VOICES.join(', '));
    default:
      return undefined;
  }
}

/** One value checked as the schema checks it; a problem saying what is allowed otherwise. */
export async function checkValue(key: string, value: string, m: Messages): Promise<Profile> {
  const { ProfileSchema, PROFILE_KEYS } = await import('./profile-schema.js');
  if (!(PROFILE_KEYS as string[]).includes(key)) throw problem(m, 'config/unknown-key', key, PROFILE_KEYS.join(', '));
  const parsed = ProfileSchema.safeParse({ [key]: value });
  if (!parsed.success) throw problem(m, 'config/bad-value', key, JSON.stringify(value), allowedFor(key, m) ?? '');
  return parsed.data;
}

/** Saves the profile whole (private to the user), creating its folder. */
export async function writeProfile(file: string, profile: Profile, io: Io, m: Messages): Promise<void> {
  // Loaded here, not with the module: every report reads the profile, and safe-write loads node:crypto (~4 ms).
  const { writeFileSafely } = await import('./safe-write.js');
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileSafely(file, `${JSON.stringify(profile, null, 2)}\n`, (text) => io.writeOut(text), { private: true });
  } catch (error) {
    const { writeErrorReason } = await import('./safe-write.js');
    throw problem(m, 'io/not-writable', m.errors.configFile, file, writeErrorReason(error, m));
  }
}
