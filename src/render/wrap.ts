// Fitting text to the terminal, by the words of its language: the interview's
// prompts and the text reports alike.
//
// Inquirer cuts a long line at the terminal's last column, mid-word. wrap-ansi
// would not do either: it breaks only at spaces, and Thai writes no spaces
// between words, so it cut a Thai sentence mid-word wherever the column fell.
// Intl.Segmenter knows where words end (ICU's dictionary for Thai), and
// displayWidth measures what the terminal shows. Breaks come only from it.
import stringWidth from 'string-width';

interface Unit {
  /** The spaces before the unit: kept inside a line, dropped where the line breaks. */
  gap: string;
  text: string;
  /** The unit's words as the Segmenter gives them, with the punctuation they touch: where it breaks when no line holds it. */
  words: string[];
}

/**
 * Columns a terminal gives the text: string-width's count (Thai vowel and tone
 * marks above and below take none), plus one for each SARA AM (ำ). string-width
 * counts a grapheme once, and กำ is one grapheme, but terminals (wcwidth, tmux)
 * give its ำ a column of its own: without it a Thai line runs past the edge.
 */
export function displayWidth(text: string): number {
  return stringWidth(text) + (text.match(/[\u0E33\u0EB3]/g)?.length ?? 0);
}

/** The colour and weight codes our styles write: they take no column, and a line never breaks inside one. */
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Breaks text into lines of at most `width` columns, only between words as
 * Intl.Segmenter gives them; a word wider than a whole line is cut by
 * character. Line breaks in the text are kept. Colour codes (SGR) stay where
 * they are, and take no width.
 */
export function wrapWords(text: string, width: number, locale: string): string[] {
  if (!(width >= 1) || width === Infinity) return text.split('\n');
  const fill = (plain: string) => fillLines(units(plain, locale), Math.floor(width));
  return text.split('\n').flatMap((paragraph) => (paragraph.includes('\u001b') ? withCodes(paragraph, fill) : fill(paragraph)));
}

/**
 * Wraps a paragraph with colour codes in it: its text without them, then each
 * code put back where it was, or at the start of the next line when it stood
 * in the spaces a break dropped.
 */
function withCodes(paragraph: string, fill: (plain: string) => string[]): string[] {
  const codes: { at: number; code: string }[] = [];
  let plain = '';
  let from = 0;
  for (const match of paragraph.matchAll(SGR)) {
    plain += paragraph.slice(from, match.index);
    codes.push({ at: plain.length, code: match[0] });
    from = match.index + match[0].length;
  }
  plain += paragraph.slice(from);
  const lines = fill(plain);
  let at = 0;
  let next = 0;
  return lines.map((line, i) => {
    while (at < plain.length && /\s/.test(plain[at] as string) && !plain.startsWith(line, at)) at++;
    const end = at + line.length;
    let out = '';
    let taken = at;
    for (; next < codes.length && (i === lines.length - 1 || (codes[next] as { at: number }).at <= end); next++) {
      const { at: where, code } = codes[next] as { at: number; code: string };
      const to = Math.min(Math.max(where, taken), end);
      out += plain.slice(taken, to) + code;
      taken = to;
    }
    at = end;
    return out + plain.slice(taken, end);
  });
}

/** Cuts text to `width` columns, ending with an ellipsis when anything was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (displayWidth(kept + segment) > width - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The spaces that join what they stand between: no-break (1\u00a0200 in Hungarian amounts, 1.200\u00a0€ in Italian), figure and narrow no-break. */
const NO_BREAK = /^[\u00a0\u2007\u202f]+$/;

/**
 * The paragraph as units a line may break between. A break may come at a space,
 * or between two words that touch (Thai); never next to punctuation ("late?",
 * "(e.g."), never at a no-break space, and never before ๆ, the Thai repetition
 * mark, which belongs to the word before it. A unit keeps its words, to break
 * between them when no line can hold it whole.
 */
function units(paragraph: string, locale: string): Unit[] {
  const out: Unit[] = [];
  let gap = '';
  let previousWordLike = false;
  for (const { segment, isWordLike } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(paragraph)) {
    const last = out[out.length - 1];
    if (/^\s+$/.test(segment) && !NO_BREAK.test(segment)) {
      gap += segment;
      previousWordLike = false;
      continue;
    }
    const breakable = last === undefined || (segment !== 'ๆ' && (gap !== '' || (previousWordLike && isWordLike === true)));
    if (breakable) out.push({ gap, text: segment, words: [segment] });
    else {
      last.text += gap + segment;
      // ๆ goes with the word it repeats, a no-break space with the words on both sides; punctuation
      // is a word of its own, a place to break if need be.
      const word = last.words[last.words.length - 1] as string;
      if (segment === 'ๆ' || NO_BREAK.test(segment) || /[\u00a0\u2007\u202f]$/.test(word)) last.words[last.words.length - 1] = word + gap + segment;
      else last.words.push(gap + segment);
    }
    gap = '';
    previousWordLike = isWordLike === true;
  }
  return out;
}

/** Greedy filling: each line takes as many units as fit. */
function fillLines(parts: Unit[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of parts) {
    const { gap, text } = unit;
    if (line !== '' && displayWidth(line + gap + text) <= width) {
      line += gap + text;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of cutToWidth(unit, width)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A unit that no line can hold, in pieces that fit (most units give one
 * piece): broken between its words, and a word cut by character only when
 * it alone is wider than a line.
 */
function cutToWidth(unit: Unit, width: number): string[] {
  if (displayWidth(unit.text) <= width) return [unit.text];
  const pieces = [''];
  for (const word of unit.words) {
    for (const part of displayWidth(word) <= width ? [word] : [...graphemes.segment(word)].map((g) => g.segment)) {
      const last = pieces[pieces.length - 1] as string;
      if (last !== '' && displayWidth(last + part) > width) pieces.push(part);
      else pieces[pieces.length - 1] = last + part;
    }
  }
  return pieces;
}
