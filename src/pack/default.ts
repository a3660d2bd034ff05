import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../engine/types.js';
import type { PackTranslation } from './overlay.js';

// The build validates rules/default.yaml and embeds the result here as JSON text,
// so the common case (no --rules) loads neither yaml nor zod at run time; it is
// parsed on first use (JSON.parse is faster than an equivalent object literal).
declare const __FIRE_CHECK_DEFAULT_PACK__: string | undefined;
let embedded: Pack | undefined;

export const DEFAULT_PACK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));

/** The embedded default pack, when running from the build; undefined in development. */
export function embeddedDefaultPack(): Pack | undefined {
  if (typeof __FIRE_CHECK_DEFAULT_PACK__ === 'undefined') return undefined;
  embedded ??= JSON.parse(__FIRE_CHECK_DEFAULT_PACK__) as Pack;
  return embedded;
}

export async function defaultPack(): Promise<Pack> {
  const built = embeddedDefaultPack();
  if (built) return built;
  const { loadPack } = await import('./load.js');
  return loadPack(DEFAULT_PACK_PATH);
}

/** The default pack's translation into `lang` (rules/default.<lang>.yaml), if there is one. */
export async function defaultTranslation(lang: string): Promise<PackTranslation | undefined> {
  const built = (await import('./default-translations.js')).embeddedTranslations();
  if (built) return built[lang];
  const file = fileURLToPath(new URL(`../../rules/default.${lang}.yaml`, import.meta.url));
  if (!existsSync(file)) return undefined;
  const { loadTranslation } = await import('./load.js');
  return loadTranslation(file, await defaultPack());
}
