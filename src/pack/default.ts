import { fileURLToPath } from 'node:url';
import type { Pack } from '../engine/types.js';

// The build validates rules/default.yaml and embeds the result here, so the
// common case (no --rules) loads neither yaml nor zod at run time.
declare const __FIRE_CHECK_DEFAULT_PACK__: Pack | undefined;

export const DEFAULT_PACK_PATH = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));

export async function defaultPack(): Promise<Pack> {
  if (typeof __FIRE_CHECK_DEFAULT_PACK__ !== 'undefined') return __FIRE_CHECK_DEFAULT_PACK__;
  const { loadPack } = await import('./load.js');
  return loadPack(DEFAULT_PACK_PATH);
}
