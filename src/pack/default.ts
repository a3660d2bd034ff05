import { fileURLToPath } from 'node:url';
import type { Pack } from '../engine/types.js';

// The build validates rules/default.yaml and embeds the result here as JSON text,
// so the common case (no --rules) loads neither yaml nor zod at run time; it is
// parsed on first use (JSON.parse is faster than an equivalent object literal).
declare const __FIRE_CHECK_DEFAULT_PACK__: string | undefined;
let embedded: Pack | undefined;

/** Where the default pack's source is, for development runs (from the source, not the build). */
export const DEFAULT_PACK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));

/** rules/default.<lang>.yaml: the default pack's translation into `lang`, for development runs. */
export function defaultTranslationPath(lang: string): string {
  return fileURLToPath(new URL(`../../rules/default.${lang}.yaml`, import.meta.url));
}

/** The embedded default pack as the build wrote it (undefined in development): what a cached pack that extends it was built on. */
export function embeddedDefaultPackText(): string | undefined {
  // The one place that names it: the build puts the text in at each mention.
  return typeof __FIRE_CHECK_DEFAULT_PACK__ === 'undefined' ? undefined : __FIRE_CHECK_DEFAULT_PACK__;
}

/** The embedded default pack, when running from the build; undefined in development. */
export function embeddedDefaultPack(): Pack | undefined {
  const text = embeddedDefaultPackText();
  if (text === undefined) return undefined;
  embedded ??= JSON.parse(text) as Pack;
  return embedded;
}
