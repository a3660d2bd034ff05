// Fitting text to the terminal, by the words of its language: the interview's
// prompts and the text reports alike.
//
// Inquirer cuts a long line at the terminal's last column, mid-word. wrap-ansi
// alone would not do either: it breaks only at spaces, and Thai writes no
// spaces between words, so a Thai sentence would still be cut mid-word.
// Intl.Segmenter knows where words end (with a dictionary for Thai), and
// displayWidth measures what the terminal shows.
import stringWidth from 'string-width';

interface Unit {
  /** The spaces before the unit: kept inside a line, dropped where the line breaks. */
  gap: string;
  text: string;
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

/**
 * Breaks plain text (no ANSI codes) into lines of at most `width` columns,
 * only between words; a word wider than a whole line is cut by character.
 * Line breaks in the text are kept.
 */
export function wrapWords(text: string, width: number, locale: string): string[] {
  if (!(width >= 1) || width === Infinity) return text.split('\n');
  return text.split('\n').flatMap((paragraph) => fillLines(units(paragraph, locale), Math.floor(width)));
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

/**
 * The paragraph as units a line may break between. A break may come at a space,
 * or between two words that touch (Thai); never next to punctuation ("late?",
 * "(e.g."), and never before ๆ, the Thai repetition mark, which belongs to the
 * word before it.
 */
function units(paragraph: string, locale: string): Unit[] {
  const out: Unit[] = [];
  let gap = '';
  let previousWordLike = false;
  for (const { segment, isWordLike } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(paragraph)) {
    const last = out[out.length - 1];
    if (/^\s+$/.test(segment)) {
      gap += segment;
      previousWordLike = false;
      continue;
    }
    const breakable = last === undefined || (segment !== 'ๆ' && (gap !== '' || (previousWordLike && isWordLike === true)));
    if (breakable) out.push({ gap, text: segment });
    else last.text += gap + segment;
    gap = '';
    previousWordLike = isWordLike === true;
  }
  return out;
}

/** Greedy filling: each line takes as many units as fit. */
function fillLines(parts: Unit[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { gap, text } of parts) {
    if (line !== '' && displayWidth(line + gap + text) <= width) {
      line += gap + text;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of cutToWidth(text, width)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  lines.push(line);
  return lines;
}

/** A word that no line can hold, cut into pieces that fit (most words give one piece). */
function cutToWidth(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const pieces = [''];
  for (const { segment } of graphemes.segment(word)) {
    const last = pieces[pieces.length - 1] as string;
    if (last !== '' && displayWidth(last + segment) > width) pieces.push(segment);
    else pieces[pieces.length - 1] = last + segment;
  }
  return pieces;
}
