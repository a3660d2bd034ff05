import type { PackTranslation } from './overlay.js';

// The build embeds the default pack's translations here, validated. A module of
// its own, loaded only when a language other than English is asked for, so that
// English runs do not read and parse them at start-up.
declare const __FIRE_CHECK_DEFAULT_TRANSLATIONS__: string | undefined;

export function embeddedTranslations(): Record<string, PackTranslation> | undefined {
  return typeof __FIRE_CHECK_DEFAULT_TRANSLATIONS__ === 'undefined' ? undefined : (JSON.parse(__FIRE_CHECK_DEFAULT_TRANSLATIONS__) as Record<string, PackTranslation>);
}
