// The one rule by which two spellings of a client's name are the same client:
// invoice exports, the batch CSV, the interview's --client and the history
// store all join on it (issue 16). Pure, no I/O.
//
// What it ignores, and why:
// - case ("ACME" = "Acme"), with German ß = ss and Greek final ς = σ, which
//   lower-casing alone leaves apart;
// - accents on Latin, Greek and Cyrillic letters ("Café Müller" = "Cafe
//   Muller", Hungarian "Győr" = "Gyor"): compatibility decomposition (NFKD),
//   then the combining diacritics U+0300–U+036F are dropped. Only that block:
//   Thai vowel and tone marks are combining marks too, and dropping them would
//   merge different Thai names;
// - spaces and punctuation altogether ("ACME  s.r.l." = "Acme S.r.l." =
//   "Acme SRL" = "Acme, s. r. l."). Exports write legal forms with and without
//   dots, and names with doubled or missing spaces; a name differing from
//   another only in punctuation is, in practice, the same client. The price:
//   "Art Works" = "Artworks", and "AT&T" = "ATT".
// - NFKD also folds full-width and ligature forms ("Ａｃｍｅ" = "Acme", "ﬁ" = "fi").
//
// What it keeps: every letter, digit and non-Latin mark, so legal forms are not
// stripped ("Acme" and "Acme Ltd" stay two clients: merging them could join two
// different companies), and nothing is translated ("Acme GmbH" ≠ "Acme Ltd").

const DIACRITICS = /[\u0300-\u036f]/g;
const NOT_NAME = /[^\p{L}\p{N}\p{M}]/gu;

/**
 * The matching key of a client's name: equal keys are the same client.
 * An empty key means the name has no letter or digit at all (no client).
 */
export function clientKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .replace(NOT_NAME, '');
}

/** Whether two names are the same client by {@link clientKey}. */
export function sameClient(a: string, b: string): boolean {
  const key = clientKey(a);
  return key !== '' && key === clientKey(b);
}
