import { previousLine } from './history.js';
import type { Assessment, Verdict } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';
import type { RenderContext } from './formats.js';
import { answerRows, localDate, localDecimal, type AnswerRow } from './answers.js';
import { changeSentences, floorOnly, FLOOR_ONLY, hardStopLabels } from './changes.js';
import { escapeMarkdown } from './escape.js';
import { numberedPlan } from './plan.js';
import { renderScriptMarkdownSections, scriptTags } from './script.js';
import { footnotes, keySection } from './sources.js';

export { escapeMarkdown };

/**
 * The report to keep: when it was made, the verdict and why, the plan, the
 * words to use, the answers it was made from, and a key to the source tags.
 * Tags go to footnotes, out of the sentences; the words to use carry none.
 */
export function renderMarkdown(a: Assessment, options: RenderContext): string {
  const m = options.messages ?? en;
  const verdict = options.verdicts[a.verdict];
  const notes = footnotes(escapeMarkdown);
  const out: string[] = [];
  out.push(`# ${m.report.title}${a.client ? `: ${escapeMarkdown(a.client)}` : ''}`, '');
  out.push(`**${m.report.verdict}: ${escapeMarkdown(verdict.title)}** (\`${a.verdict}\`). ${escapeMarkdown(verdict.summary)}`, '');
  out.push('| | |', '|---|---|');
  if (options.assessedOn) out.push(`| ${m.report.assessedOn} | ${localDate(options.formats, options.assessedOn)} |`);
  out.push(`| ${m.report.score} | ${a.score} / 100 |`);
  out.push(`| ${m.report.confidence} | ${Math.round(a.confidence * 100)}% (${m.report.signalsAnswered(a.answered, a.applicable)}) |`);
  if (a.recheckOn) out.push(`| ${m.report.recheckOn} | ${localDate(options.formats, a.recheckOn)} |`);
  out.push(`| ${m.report.rulePack} | ${escapeMarkdown(a.pack.id)} ${escapeMarkdown(a.pack.version)} |`, '');
  if (options.previous) out.push(escapeMarkdown(previousLine(options.previous, a, { ...options, verdictTitle: (v) => options.verdicts[v as Verdict].title })), '');
  if (a.answered === 0) out.push(`> ${m.report.nothingAnswered}`, '');
  else if (a.confidence < 0.5) out.push(`> ${m.report.lowConfidence(Math.round(a.confidence * 100))}`, '');

  out.push(`## ${m.report.why}`, '');
  if (a.reasons.length === 0) out.push(m.report.noReasons, '');
  else {
    out.push(`| ${m.report.points} | ${m.report.reason} |`, '|---:|---|');
    for (const r of a.reasons) {
      const floor = r.floor && r.floor !== 'fire-now' ? ` (${m.report.floorNote(escapeMarkdown(options.verdicts[r.floor].title))})` : '';
      const points = r.floor === 'fire-now' ? `**${m.report.hardStop}**` : floorOnly(r) ? FLOOR_ONLY : localDecimal(options.formats, r.points);
      out.push(`| ${points} | ${escapeMarkdown(r.text)}${floor}${notes.ref(r.sources)} |`);
    }
    out.push('');
  }
  const changes = changeSentences(a, options.questions, options.verdicts, m, escapeMarkdown, options.formats);
  if (changes.length) {
    out.push(`## ${m.report.whatWouldChange}`, '');
    for (const change of changes) out.push(`- ${change}`);
    if (a.verdict === 'fix') out.push('', m.report.targets);
    out.push('');
  }
  if (a.verdict === 'fire-now') out.push(`**${m.report.decidedBy}**: ${hardStopLabels(a).map(escapeMarkdown).join('; ')}`, '');

  out.push(`## ${m.report.plan}`, '');
  if (a.steps.length === 0) out.push(m.report.noSteps, '');
  // Numbered through the whole plan, as in the text report; a list may start at any number.
  for (const { phase, steps } of numberedPlan(a)) {
    out.push(`### ${m.phases[phase]}`, '');
    for (const { n, step } of steps) out.push(`${n}. ${escapeMarkdown(step.text)}${notes.ref(step.sources)}`);
    out.push('');
  }
  const script = options.script ?? [];
  if (script.length) out.push(`## ${m.script.title}`, '', renderScriptMarkdownSections(script, m, 3));
  out.push(...answersSection(options, m));
  out.push(...keySection([...notes.tags(), ...scriptTags(script)], m, notes.definitions()));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The answers it was made from, as tables: the red flags, then the facts about the situation. */
function answersSection(options: RenderContext, m: Messages): string[] {
  const { signals, facts } = answerRows(options, m);
  const table = (rows: AnswerRow[]) => [`| ${m.report.question} | ${m.report.answer} |`, '|---|---|', ...rows.map((r) => `| ${escapeMarkdown(r.label)} | ${escapeMarkdown(r.answer)} |`), ''];
  const out: string[] = [];
  if (signals.length) out.push(`## ${m.report.answers}`, '', ...table(signals));
  if (facts.length) out.push(`${signals.length ? '###' : '##'} ${m.report.facts}`, '', ...table(facts));
  return out;
}
