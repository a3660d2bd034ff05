import { displayWidth } from '../../src/render/wrap.js';

/** The offsets in `text` where Intl.Segmenter says a word (or a space, or punctuation) starts. */
export function wordBoundaries(text: string, locale: string): Set<number> {
  return new Set([...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].map((s) => s.index));
}

/** The words of `text` as Intl.Segmenter gives them, with where each starts. */
function wordsOf(text: string, locale: string): { index: number; segment: string }[] {
  return [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)];
}

/**
 * What is wrong with `lines` as `text` broken into lines between words: each line
 * must be the next piece of the text (spaces at a break may be dropped), and
 * every line after the first must start at a word boundary. With `width`, a
 * line may start inside a word only when that word alone is wider than the
 * width (it cannot be kept whole). Empty when nothing is wrong.
 */
export function wrapProblems(lines: readonly string[], text: string, locale: string, width?: number): string[] {
  const boundaries = wordBoundaries(text, locale);
  const tooWide = (at: number) => {
    if (width === undefined) return false;
    const word = wordsOf(text, locale).filter((w) => w.index < at).pop();
    return word !== undefined && displayWidth(word.segment) > width;
  };
  const problems: string[] = [];
  let at = 0;
  const skipSpaces = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
  };
  lines.forEach((line, i) => {
    skipSpaces();
    if (i > 0 && !boundaries.has(at) && !tooWide(at)) problems.push(`line ${i + 1} starts mid-word: ${JSON.stringify(line)}`);
    if (!text.startsWith(line, at)) problems.push(`line ${i + 1} is not the text's next part: ${JSON.stringify(line)} where the text goes on ${JSON.stringify(text.slice(at, at + line.length))}`);
    at += line.length;
  });
  skipSpaces();
  if (problems.length === 0 && at !== text.length) problems.push(`the lines end before the text: ${JSON.stringify(text.slice(at))} is missing`);
  return problems;
}
