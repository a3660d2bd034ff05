// Checks over finished reports (golden outputs), as a reader would see them.

/** The text with code left out: fenced blocks and `inline code` (where an id or a date may be meant literally). */
export function withoutCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Each ISO date (2026-12-22) outside code, with the line it is on. */
export function isoDates(text: string): { date: string; line: string }[] {
  return withoutCode(text)
    .split('\n')
    .flatMap((line) => [...line.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((match) => ({ date: match[0], line })));
}

/**
 * The lines of a Markdown script meant to be said or sent as they are: the
 * talking points and their items (`- `), a message's subject (`**Subject:** `)
 * and the quoted message (`> `),
 * between the headings `## <from>` (in a full report; the start when not
 * given) and `## <until>` (the key; else the next `## ` after `from`).
 */
export function spokenLines(markdown: string, { from, until }: { from?: string; until: string }): string[] {
  let lines = markdown.split('\n');
  if (from !== undefined) {
    const start = lines.indexOf(`## ${from}`);
    if (start < 0) return [];
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    lines = lines.slice(start + 1, end < 0 ? undefined : end);
  }
  const key = lines.indexOf(`## ${until}`);
  if (key >= 0) lines = lines.slice(0, key);
  return lines.filter((line) => /^\s*- |^>|^\*\*[^*]+:\*\* /.test(line));
}

/**
 * What in a line marks a source: a tag with a section (A§1, A'§2), the FAQ
 * and takeaways of C, "practice", a list of tags in brackets ("(D)",
 * "_(B, C§2)_"), or a footnote marker, which would be copied with the words.
 */
const SOURCE_MARKS = /[A-D]'?§\d|C FAQ|C takeaways|\bpractice\b|\((?:[A-D]'?|practice)(?:, [^)]*)?\)|\[\^/;

/** The lines that carry a source tag. */
export function linesWithTags(lines: string[]): string[] {
  return lines.filter((line) => SOURCE_MARKS.test(line));
}

/** The tags a Markdown report cites: in its footnotes (`[^1]: A§1, B`) and the sources lines after script sections. */
export function citedTags(markdown: string, sourcesLabel: string): string[] {
  const lists = markdown.split('\n').flatMap((line) => {
    const note = /^\[\^\d+\]: (.*)$/.exec(line);
    if (note) return [note[1] as string];
    const prefix = `_${sourcesLabel}: `;
    return line.startsWith(prefix) && line.endsWith('_') ? [line.slice(prefix.length, -1)] : [];
  });
  return [...new Set(lists.flatMap((list) => list.split(', ').map((tag) => tag.replace(/\\(.)/g, '$1'))))];
}

/** The terms the key explains (`- **A**: …` under `## <title>`). */
export function keyTerms(markdown: string, keyTitle: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${keyTitle}`);
  if (start < 0) return [];
  return lines
    .slice(start + 1)
    .map((line) => /^- \*\*(.+?)\*\*: /.exec(line)?.[1])
    .filter((term): term is string => term !== undefined)
    .map((term) => term.replace(/\\(.)/g, '$1'));
}

/**
 * The key terms a tag needs: its article (A, A', B, C, D), the form it cites
 * in (§n, C FAQ n, C FAQ toxic #n, C takeaways), or itself (practice, a pack's own).
 */
export function termsNeeded(tag: string): string[] {
  const article = /^([A-D]'?)(?=$|§|\s)/.exec(tag)?.[1];
  if (!article) return [tag];
  const terms = [article];
  if (tag.includes('§')) terms.push('§n');
  if (/^C FAQ \d/.test(tag)) terms.push('C FAQ n');
  if (/^C FAQ toxic\b/.test(tag)) terms.push('C FAQ toxic #n');
  if (/^C takeaways\b/.test(tag)) terms.push('C takeaways');
  return terms;
}
