/**
 * Fills `{name}` placeholders. A part written as `[[ ... ]]` is kept only when
 * every placeholder inside it has a value other than zero, so a pack can say
 * "[[ ({notice_days} days' notice)]]" without printing "undefined days" when
 * the user was not sure, or "0 days" when there is no notice.
 * A placeholder outside `[[ ]]` with no value falls back to `fallback(name)`.
 *
 * Templates are compiled once per text (batch scoring fills the same few dozen
 * texts for every record), and values are looked up only for the names used.
 */
export type TemplateValues = Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined);

type Piece = string | { name: string } | { optional: (string | { name: string })[] };

const compiled = new Map<string, Piece[]>();
const PLACEHOLDER = /\{([a-zA-Z][\w-]*)\}/g;

function splitPlaceholders(text: string): (string | { name: string })[] {
  const out: (string | { name: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1] as string });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function compile(text: string): Piece[] {
  let pieces = compiled.get(text);
  if (!pieces) {
    pieces = [];
    let last = 0;
    for (const m of text.matchAll(/\[\[([\s\S]*?)\]\]/g)) {
      pieces.push(...splitPlaceholders(text.slice(last, m.index)));
      pieces.push({ optional: splitPlaceholders(m[1] as string) });
      last = m.index + m[0].length;
    }
    pieces.push(...splitPlaceholders(text.slice(last)));
    compiled.set(text, pieces);
  }
  return pieces;
}

/**
 * The placeholders that mark the speaker where a language does (Thai: the
 * pronoun and the polite particle of a male, female or neutral voice); a
 * translation may use them where the English text has none.
 */
export const VOICE_NAMES = ['pronoun', 'particle'] as const;

export function fillTemplate(text: string, values: TemplateValues, fallback: (name: string) => string = (name) => `{${name}}`): string {
  const pieces = compile(text);
  if (pieces.length === 1 && typeof pieces[0] === 'string') return pieces[0];
  const get = typeof values === 'function' ? values : (name: string) => values[name];
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') out += piece;
    else if ('name' in piece) out += get(piece.name) ?? fallback(piece.name);
    else out += optionalPart(piece.optional, get);
  }
  return out;
}

/**
 * A `[[ ]]` part filled in, or '' when one of its placeholders has no value,
 * or a value of zero: an optional part adds a detail, and "with the 0 days'
 * notice" or "(0 outstanding)" is none.
 */
function optionalPart(parts: (string | { name: string })[], get: (name: string) => string | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else {
      const value = get(part.name);
      if (value === undefined || value === '0') return '';
      out += value;
    }
  }
  return out;
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
