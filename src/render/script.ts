import type { Assessment, ScriptOutput } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';
import { escapeMarkdown } from './escape.js';
import { distinctTags, keySection } from './sources.js';
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

/**
 * The script as Markdown sections, also used inside the full Markdown report.
 * The lines are to be read aloud or sent as they are, so no source tag goes
 * inside them (issue 14): each section ends with a line of its sources instead.
 */
export function renderScriptMarkdownSections(script: ScriptOutput[], m: Messages = en, level = 2): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  for (const section of script) {
    out.push(`${h} ${escapeMarkdown(section.title)}`, '');
    if (section.subject !== null) {
      // A message to send: quoted paragraphs, ready to copy as they are.
      out.push(`**${m.script.subject}:** ${escapeMarkdown(section.subject)}`, '');
      const paragraphs = section.parts.map((part) => [escapeMarkdown(part.text), ...part.items.map((i) => `- ${escapeMarkdown(i)}`)].map((l) => `> ${l}`).join('\n'));
      out.push(paragraphs.join('\n>\n'), '');
    } else {
      for (const part of section.parts) {
        out.push(`- ${escapeMarkdown(part.text)}`);
        for (const item of part.items) out.push(`  - ${escapeMarkdown(item)}`);
      }
      out.push('');
    }
    const tags = scriptTags([section]);
    if (tags.length) out.push(sourcesLine(tags, m), '');
  }
  return out.join('\n');
}

/** The line of sources after a section of the script: `_Sources: D, C FAQ 3_`. */
export function sourcesLine(tags: string[], m: Messages): string {
  return `_${m.report.sources}: ${tags.map(escapeMarkdown).join(', ')}_`;
}

/** Every source tag of the script's parts, each once, in the order first used. */
export function scriptTags(script: ScriptOutput[]): string[] {
  return distinctTags(script.flatMap((section) => section.parts.map((part) => part.sources)));
}

export function renderScriptMarkdown(a: Assessment, options: RenderContext): string {
  const script = options.script ?? [];
  const m = options.messages ?? en;
  const head = `# ${m.script.title}${a.client ? `: ${escapeMarkdown(a.client)}` : ''}\n\n**${m.report.verdict}: ${escapeMarkdown(options.verdicts[a.verdict].title)}** (\`${a.verdict}\`)\n\n`;
  const decided = options.assessedVerdict ? `> ${m.script.decided(escapeMarkdown(options.verdicts[options.assessedVerdict].title))}\n\n` : '';
  if (!script.length) return `${head}${m.script.noScript(a.verdict)}\n`;
  const key = keySection(scriptTags(script), m);
  return `${head}${decided}${renderScriptMarkdownSections(script, m)}\n${key.join('\n')}`.trimEnd() + '\n';
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
