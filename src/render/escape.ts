/** Escapes text that came from users or packs so it cannot break a Markdown document's structure. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}
