// How letters are written: the profile and the language made into what the
// engine's templates need (dates and amounts by Intl, names, the Thai voice).
// Pure: the profile comes in, read by the caller.
import type { LetterStyle } from '../engine/evaluate.js';
import type { Messages } from '../i18n/en.js';
import { localFormats } from '../i18n/format.js';
import type { Lang } from '../i18n/index.js';
import { VOICE_FORMS } from '../i18n/voices.js';
import type { Profile } from './profile.js';

export function letterStyle(profile: Profile, lang: Lang, m: Messages, contact?: string): LetterStyle {
  const formats = localFormats(lang);
  const voice = VOICE_FORMS[lang]?.[profile.voice ?? 'neutral'];
  const currency = profile.currency;
  return {
    date: formats.date,
    // With no currency known, the amount is grouped and a placeholder says what to fill in.
    money: (amount) => (currency ? formats.money(amount, currency) : `${formats.amount(amount)} ${m.script.currencyPlaceholder}`),
    me: profile.name ?? m.script.yourName,
    contact,
    pronoun: voice?.pronoun || undefined,
    particle: voice?.particle || undefined,
  };
}
