// `fire-check config`: the profile, read and changed one key at a time.
import { en } from '../i18n/en.js';
import { escapeLine } from '../render/escape.js';
import type { Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';
import { checkValue, profileFile, readProfile, writeProfile, type Profile } from './profile.js';
import { PROFILE_KEYS } from './profile-schema.js';
import { problem } from '../i18n/problems.js';

const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

export async function listConfig(options: CommonOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  const file = profileFile(io.env);
  const profile = await readProfile(file, m);
  if (options.format === 'json') {
    io.writeOut(json({ schemaVersion: 1, file, settings: Object.fromEntries(PROFILE_KEYS.map((k) => [k, profile[k] ?? null])) }));
    return EXIT.ok;
  }
  const width = Math.max(...PROFILE_KEYS.map((k) => k.length)) + 2;
  const lines = PROFILE_KEYS.map((k) => `${k.padEnd(width)}${profile[k] === undefined ? m.config.notSet : escapeLine(String(profile[k]))}`);
  io.writeOut(`${lines.join('\n')}\n\n${escapeLine(file)}\n`);
  return EXIT.ok;
}

export async function getConfig(key: string, options: CommonOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  if (!(PROFILE_KEYS as string[]).includes(key)) throw problem(m, 'config/unknown-key', key, PROFILE_KEYS.join(', '));
  const value = (await readProfile(profileFile(io.env), m))[key as keyof Profile];
  if (options.format === 'json') io.writeOut(json({ schemaVersion: 1, key, value: value ?? null }));
  // Nothing at all for a key not set, as `git config` does, so `$(fire-check config get name)` is empty.
  else if (value !== undefined) io.writeOut(`${escapeLine(String(value))}\n`);
  return EXIT.ok;
}

export async function setConfig(key: string, value: string, options: CommonOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  const file = profileFile(io.env);
  const change = await checkValue(key, value, m);
  const profile = { ...(await readProfile(file, m)), ...change };
  await writeProfile(file, profile, io, m);
  report(options, io, key, profile, file);
  return EXIT.ok;
}

export async function unsetConfig(key: string, options: CommonOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  if (!(PROFILE_KEYS as string[]).includes(key)) throw problem(m, 'config/unknown-key', key, PROFILE_KEYS.join(', '));
  const file = profileFile(io.env);
  const profile: Profile = { ...(await readProfile(file, m)) };
  delete profile[key as keyof Profile];
  await writeProfile(file, profile, io, m);
  report(options, io, key, profile, file);
  return EXIT.ok;
}

export async function configPath(options: CommonOptions, io: Io): Promise<number> {
  const file = profileFile(io.env);
  io.writeOut(options.format === 'json' ? json({ schemaVersion: 1, file }) : `${escapeLine(file)}\n`);
  return EXIT.ok;
}

/** After a change: the setting as it is now (JSON), or where it was saved (text, on stderr: stdout stays for data). */
function report(options: CommonOptions, io: Io, key: string, profile: Profile, file: string): void {
  const m = options.messages ?? en;
  if (options.format === 'json') io.writeOut(json({ schemaVersion: 1, key, value: profile[key as keyof Profile] ?? null, file }));
  else io.stderr.write(`${escapeLine(m.config.saved(file))}\n`);
}
