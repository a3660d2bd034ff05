import type { Assessment, ScriptOutput } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';
import { escapeMarkdown } from './escape.js';
import { JSON_SCHEMA_VERSION } from './json.js';
import type { RenderContext } from './formats.js';
import { plainStyle } from './style.js';
import { reportWidth, verdictColour, wrapper } from './text.js';

export function renderScriptText(a: Assessment, options: RenderContext): string {
  const script = options.script ?? [];
  const style = options.style ?? plainStyle;
  const m = options.messages ?? en;
  const width = reportWidth(options.width);
  const wrap = wrapper(width);
  const title = options.verdicts[a.verdict].title;
  const lines = [style.bold(`${m.script.title}${a.client ? ` · ${a.client}` : ''}`) + `  ${verdictColour(style, a.verdict)(` ${title.toUpperCase()} `)}`];
  if (options.assessedVerdict) lines.push('', wrap(m.script.decided(options.verdicts[options.assessedVerdict].title), 2));
  if (!script.length) return `${lines[0]}\n\n${wrap(m.script.noScript(a.verdict), 2)}\n`;
  for (const section of script) {
    lines.push('', style.bold(style.cyan(wrap(section.title, 0, 2))));
    // A written message reads as paragraphs, ready to copy; call notes as bullets.
    const message = section.subject !== null;
    if (message) lines.push(wrap(`${m.script.subject}: ${section.subject}`, 2, 4));
    for (const part of section.parts) {
      if (message) lines.push('');
      lines.push(message ? wrap(part.text, 2) : wrap(`• ${part.text}`, 2, 4));
      for (const item of part.items) lines.push(wrap(`- ${item}`, message ? 4 : 6, message ? 6 : 8));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The script as Markdown sections, also used inside the full Markdown report. */
export function renderScriptMarkdownSections(script: ScriptOutput[], m: Messages = en, level = 2): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  const cite = (sources: string[]) => (sources.length ? ` _(${sources.map(escapeMarkdown).join(', ')})_` : '');
  for (const section of script) {
    out.push(`${h} ${escapeMarkdown(section.title)}`, '');
    if (section.subject !== null) {
      // A message to send: quoted paragraphs, sources left out so it can be copied as it is.
      out.push(`**${m.script.subject}:** ${escapeMarkdown(section.subject)}`, '');
      const paragraphs = section.parts.map((part) => [escapeMarkdown(part.text), ...part.items.map((i) => `- ${escapeMarkdown(i)}`)].map((l) => `> ${l}`).join('\n'));
      out.push(paragraphs.join('\n>\n'), '');
      continue;
    }
    for (const part of section.parts) {
      out.push(`- ${escapeMarkdown(part.text)}${cite(part.sources)}`);
      for (const item of part.items) out.push(`  - ${escapeMarkdown(item)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function renderScriptMarkdown(a: Assessment, options: RenderContext): string {
  const script = options.script ?? [];
  const m = options.messages ?? en;
  const head = `# ${m.script.title}${a.client ? `: ${escapeMarkdown(a.client)}` : ''}\n\n**${m.report.verdict}: ${escapeMarkdown(options.verdicts[a.verdict].title)}** (\`${a.verdict}\`)\n\n`;
  const decided = options.assessedVerdict ? `> ${m.script.decided(escapeMarkdown(options.verdicts[options.assessedVerdict].title))}\n\n` : '';
  if (!script.length) return `${head}${m.script.noScript(a.verdict)}\n`;
  return `${head}${decided}${renderScriptMarkdownSections(script, m)}`.trimEnd() + '\n';
}

export function renderScriptJson(a: Assessment, options: Pick<RenderContext, 'script' | 'assessedVerdict'>): string {
  const script = options.script ?? [];
  const data = {
    schemaVersion: JSON_SCHEMA_VERSION,
    client: a.client,
    verdict: a.verdict,
    // Present when the words are for a verdict the user chose: the one fire-check gave.
    ...(options.assessedVerdict ? { assessedVerdict: options.assessedVerdict } : {}),
    script: script.map((s) => ({ id: s.id, title: s.title, subject: s.subject, parts: s.parts })),
    pack: a.pack,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
