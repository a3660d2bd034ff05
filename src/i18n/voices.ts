// The speaker's forms, where a language marks them in what one says: Thai has
// a pronoun and a polite particle for a male or a female speaker (ผม … ครับ,
// ดิฉัน … ค่ะ), and can leave both out. Texts mark the places with {pronoun}
// and {particle} (see engine/template.ts VOICE_NAMES); other languages need none.
import type { Lang } from './index.js';

export type Voice = 'male' | 'female' | 'neutral';

export interface SpeakerForms {
  pronoun: string;
  particle: string;
}

export const VOICE_FORMS: Partial<Record<Lang, Record<Voice, SpeakerForms>>> = {
  th: {
    male: { pronoun: 'ผม', particle: 'ครับ' },
    female: { pronoun: 'ดิฉัน', particle: 'ค่ะ' },
    neutral: { pronoun: '', particle: '' },
  },
};
