import { fileURLToPath } from 'node:url';
import type { Pack } from '../engine/types.js';

// The build validates rules/default.yaml and embeds the result here, so the
// common case (no --rules) loads neither yaml nor zod at run time.
declare const __FIRE_CHECK_DEFAULT_PACK__: Pack | undefined;

export const DEFAULT_PACK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));

/** The embedded default pack, when running from the build; undefined in development. */
export function embeddedDefaultPack(): Pack | undefined {
  return typeof __FIRE_CHECK_DEFAULT_PACK__ !== 'undefined' ? __FIRE_CHECK_DEFAULT_PACK__ : undefined;
}

export async function defaultPack(): Promise<Pack> {
  if (typeof __FIRE_CHECK_DEFAULT_PACK__ !== 'undefined') return __FIRE_CHECK_DEFAULT_PACK__;
  const { loadPack } = await import('./load.js');
  return loadPack(DEFAULT_PACK_PATH);
}
