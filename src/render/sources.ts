// Source tags (A§1, C FAQ toxic #7, practice…) for the reports people keep:
// footnotes that carry them out of the sentences, and a key that says once
// what each tag means (issue 14: "source tags with no key").
import type { Messages } from '../i18n/en.js';
import { escapeMarkdown } from './escape.js';

/** The articles of the default pack's tags, in the order the key lists them (see SIGNALS.md). */
const ARTICLES = ['A', "A'", 'B', 'C', 'D'] as const;
type Article = (typeof ARTICLES)[number];

/** How a tag cites within an article, each explained once in the key when a tag of its form is used. */
const NOTATIONS = [
  { term: '§n', key: 'section', test: (tag: string) => /^[A-D]'?§/.test(tag) },
  { term: 'C FAQ n', key: 'faq', test: (tag: string) => /^C FAQ \d/.test(tag) },
  { term: 'C FAQ toxic #n', key: 'toxic', test: (tag: string) => /^C FAQ toxic\b/.test(tag) },
  { term: 'C takeaways', key: 'takeaways', test: (tag: string) => /^C takeaways\b/.test(tag) },
] as const;

const PRACTICE = 'practice';

/** The article a tag cites ("A§1" → A, "A'§2" → A', "C FAQ toxic #7" → C), or undefined for practice and tags a pack made up. */
export function articleOf(tag: string): Article | undefined {
  const match = /^([A-D]'?)(?=$|§|\s)/.exec(tag);
  const article = match?.[1];
  return (ARTICLES as readonly string[]).includes(article ?? '') ? (article as Article) : undefined;
}

export interface KeyEntry {
  /** The tag, or the form of tags, explained: "A", "§n", "practice", or a pack's own tag. */
  term: string;
  text: string;
}

/**
 * The key to the tags used, and to nothing else: the articles in A, A', B, C,
 * D order, then how tags cite inside an article, then "practice", then any
 * tag a rule pack made up (said to come from the pack), each once.
 */
export function sourceKey(tags: Iterable<string>, m: Messages): KeyEntry[] {
  const used = new Set(tags);
  if (used.size === 0) return [];
  const key = m.report.key;
  const articles = new Set([...used].map(articleOf));
  const entries: KeyEntry[] = ARTICLES.filter((a) => articles.has(a)).map((a) => ({ term: a, text: key.articles[a] }));
  for (const notation of NOTATIONS) if ([...used].some(notation.test)) entries.push({ term: notation.term, text: key[notation.key] });
  if (used.has(PRACTICE)) entries.push({ term: PRACTICE, text: key.practice });
  for (const tag of used) if (tag !== PRACTICE && articleOf(tag) === undefined) entries.push({ term: tag, text: key.other });
  return entries;
}

/** Each tag once, in the order first used. */
export function distinctTags(lists: Iterable<readonly string[]>): string[] {
  const tags = new Set<string>();
  for (const list of lists) for (const tag of list) tags.add(tag);
  return [...tags];
}

export interface Footnotes {
  /** The marker for these sources (`[^3]`), the same for the same list; empty for none. */
  ref(sources: readonly string[]): string;
  /** The footnotes referred to so far, in order: `[^1]: A§1, B`. */
  definitions(): string[];
  /** Every tag referred to so far, each once. */
  tags(): string[];
}

/**
 * Markdown footnotes, one per distinct list of sources, numbered in the order
 * they are first referred to. `escape` is applied to the tags (data from the pack).
 */
export function footnotes(escape: (text: string) => string): Footnotes {
  const numbers = new Map<string, number>();
  const lists: (readonly string[])[] = [];
  return {
    ref(sources) {
      if (sources.length === 0) return '';
      const id = sources.join('\n');
      let n = numbers.get(id);
      if (n === undefined) {
        lists.push(sources);
        numbers.set(id, (n = lists.length));
      }
      return `[^${n}]`;
    },
    definitions: () => lists.map((sources, i) => `[^${i + 1}]: ${sources.map(escape).join(', ')}`),
    tags: () => distinctTags(lists),
  };
}

/**
 * The key as a Markdown section, then the footnotes that cite the tags.
 * Markdown viewers gather footnotes at the very end anyway, so the source
 * reads in the same order as the rendered page.
 */
export function keySection(tags: string[], m: Messages, definitions: string[] = []): string[] {
  const key = sourceKey(tags, m);
  if (key.length === 0) return [];
  return [`## ${m.report.key.title}`, '', m.report.key.intro, '', ...key.map((e) => `- **${escapeMarkdown(e.term)}**: ${escapeMarkdown(e.text)}`), '', ...definitions, ''];
}
