// One client, however its name is typed (issue 15): "ACME  s.r.l." is
// "Acme S.r.l.", "Café Noir" is "CAFE NOIR". The key is what records are
// matched and filed by; the name shown stays the first spelling recorded.
//
// Kept to one exported function on purpose: the invoice-evidence work has its
// own, and the two are to become one.

/**
 * The matching key of a client name: case folded, accents dropped,
 * compatibility forms made plain (full-width letters, ligatures), invisible
 * format characters removed, runs of white space made one space,
 * and trimmed. Punctuation stays: "A.B." and "AB" are different clients.
 * An empty key means the name had nothing to match by.
 */
export function clientKey(name: string): string {
  return (
    name
      // Compatibility forms first: they may hold capitals ("㎩" is "Pa").
      .normalize('NFKD')
      // Lower, upper, lower: the nearest JS has to full case folding ("ß" and "ẞ" → "ss", final sigma → sigma).
      .toLowerCase()
      .toUpperCase()
      .toLowerCase()
      // Again, since a case mapping may itself bring composed letters back.
      .normalize('NFKD')
      // Accents (the combining diacritics: "é" is "e" and U+0301 now, the dot of "İ"), and format
      // characters (zero-width spaces and joiners, soft hyphens, bidi marks). Not every mark: a Thai
      // or Devanagari vowel sign is a letter of the word, not an accent on it.
      .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\p{Cf}]/gu, '')
      // Control characters read as space: a tab or line break from a CRM field is a gap between words.
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim()
      // Composed again: Hangul and Thai keys read as they were typed.
      .normalize('NFC')
  );
}
