import { PHASES, type Assessment, type Pack, type Question, type ScriptOutput } from '../engine/types.js';
import { changeSentences, hardStopLabels } from './changes.js';
import { escapeMarkdown } from './escape.js';
import { renderScriptMarkdownSections } from './script.js';

export { escapeMarkdown };
import { en, type Messages } from '../i18n/en.js';

export interface MarkdownOptions {
  messages?: Messages;
  verdicts: Pack['verdicts'];
  /** The words to use, for fire and fire-now: printed after the plan. */
  script?: ScriptOutput[];
  /** The pack's questions, to name the answers in "what would change the verdict". */
  questions?: ReadonlyMap<string, Question>;
}


export function renderMarkdown(a: Assessment, options: MarkdownOptions): string {
  const m = options.messages ?? en;
  const verdict = options.verdicts[a.verdict];
  const cite = (sources: readonly string[]) => (sources.length ? ` _(${sources.map(escapeMarkdown).join(', ')})_` : '');
  const out: string[] = [];
  out.push(`# ${m.report.title}${a.client ? `: ${escapeMarkdown(a.client)}` : ''}`, '');
  out.push(`**${m.report.verdict}: ${escapeMarkdown(verdict.title)}** (\`${a.verdict}\`). ${escapeMarkdown(verdict.summary)}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| ${m.report.score} | ${a.score} / 100 |`);
  out.push(`| ${m.report.confidence} | ${Math.round(a.confidence * 100)}% (${m.report.signalsAnswered(a.answered, a.applicable)}) |`);
  if (a.recheckOn) out.push(`| ${m.report.recheckOn} | ${a.recheckOn} |`);
  out.push(`| ${m.report.rulePack} | ${escapeMarkdown(a.pack.id)} ${escapeMarkdown(a.pack.version)} |`, '');
  if (a.answered === 0) out.push(`> ${m.report.nothingAnswered}`, '');
  else if (a.confidence < 0.5) out.push(`> ${m.report.lowConfidence(Math.round(a.confidence * 100))}`, '');

  out.push(`## ${m.report.why}`, '');
  if (a.reasons.length === 0) out.push(m.report.noReasons, '');
  else {
    out.push(`| ${m.report.points} | ${m.report.reason} | ${m.report.sources} |`, '|---:|---|---|');
    for (const r of a.reasons) {
      const floor = r.floor && r.floor !== 'fire-now' ? ` (${m.report.floorNote(escapeMarkdown(options.verdicts[r.floor].title))})` : '';
      out.push(`| ${r.floor === 'fire-now' ? `**${m.report.hardStop}**` : r.points.toFixed(1)} | ${escapeMarkdown(r.text)}${floor} | ${r.sources.map(escapeMarkdown).join(', ')} |`);
    }
    out.push('');
  }
  const changes = changeSentences(a, options.questions, options.verdicts, m, escapeMarkdown);
  if (changes.length) {
    out.push(`## ${m.report.whatWouldChange}`, '');
    for (const change of changes) out.push(`- ${change}`);
    if (a.verdict === 'fix') out.push('', m.report.targets);
    out.push('');
  }
  if (a.verdict === 'fire-now') out.push(`**${m.report.decidedBy}**: ${hardStopLabels(a).map(escapeMarkdown).join('; ')}`, '');

  out.push(`## ${m.report.plan}`, '');
  if (a.steps.length === 0) out.push(m.report.noSteps, '');
  for (const phase of PHASES) {
    const steps = a.steps.filter((s) => s.phase === phase);
    if (!steps.length) continue;
    out.push(`### ${m.phases[phase]}`, '');
    steps.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdown(s.text)}${cite(s.sources)}`));
    out.push('');
  }
  if (options.script?.length) out.push(`## ${m.script.title}`, '', renderScriptMarkdownSections(options.script, m, 3));
  return `${out.join('\n').trimEnd()}\n`;
}
