import { en, type Messages } from './en.js';
import { problem } from './problems.js';

export const LANGUAGES = ['en', 'it', 'hu', 'th'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(code: string): code is Lang {
  return (LANGUAGES as readonly string[]).includes(code);
}

/**
 * The language from the environment, as POSIX orders it: LC_ALL, then
 * LC_MESSAGES, then LANG (`it_IT.UTF-8` → it). Anything unknown, C or POSIX
 * means English.
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const code = value?.split(/[_.@-]/)[0]?.toLowerCase() ?? 'en';
  return isLang(code) ? code : 'en';
}

/** --lang wins over the environment; an unknown code is an error that lists the ones there are. */
export function resolveLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === undefined) return languageFromEnv(env);
  const code = flag.trim().toLowerCase();
  if (isLang(code)) return code;
  throw problem(en, 'cli/unknown-language', flag, LANGUAGES.join(', '));
}

/** The value of --lang in raw arguments, read before commander so --help can be translated too. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** The interface strings of a language; English is built in, the others load when asked for. */
export async function messagesFor(lang: Lang): Promise<Messages> {
  switch (lang) {
    case 'en':
      return en;
    case 'it':
      return (await import('./it.js')).it;
    case 'hu':
      return (await import('./hu.js')).hu;
    case 'th':
      return (await import('./th.js')).th;
  }
}
