// The profile's one definition: its keys, what each allows, and its type.
import * as z from 'zod';
import { isCurrency } from '../i18n/format.js';
import { VOICES } from './options.js';

export const ProfileSchema = z.strictObject({
  /** Signs the letters. */
  name: z.string().trim().min(1).max(100).regex(/^[^\p{Cc}]*$/u).optional(),
  /** ISO 4217, for amounts in letters. */
  currency: z.string().trim().toUpperCase().refine(isCurrency).optional(),
  /** The speaker's form where a language has one (Thai ผม/ครับ, ดิฉัน/ค่ะ, or neutral). */
  voice: z.enum(VOICES).optional(),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileKey = keyof Profile;

export const PROFILE_KEYS = Object.keys(ProfileSchema.shape) as ProfileKey[];
