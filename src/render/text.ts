import { previousLine } from './history.js';
import { displayWidth, wrapWords } from './wrap.js';
import type { Assessment, Verdict } from '../engine/types.js';
import { answerRows, localDate, localDecimal, type AnswerRow } from './answers.js';
import { changeSentences, floorOnly, FLOOR_ONLY, hardStopLabels } from './changes.js';
import { numberedPlan } from './plan.js';
import { plainStyle, type Style } from './style.js';

import { en, type Messages } from '../i18n/en.js';
import type { RenderContext } from './formats.js';

const BAR_CELLS = 20;
const LOW_CONFIDENCE = 0.5;

export function verdictColour(style: Style, verdict: Verdict): (text: string) => string {
  return { keep: style.green, fix: style.yellow, fire: style.red, 'fire-now': (t: string) => style.bold(style.red(t)) }[verdict];
}

/** A fixed-width bar; `█` and `░` are one column each in every terminal we target. */
export function bar(share: number, cells = BAR_CELLS): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * cells);
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

/** The width a report is laid out for: the terminal's, kept between 40 and 100 columns. */
export function reportWidth(columns: number | undefined): number {
  return Math.max(40, Math.min(columns ?? 80, 100));
}

/**
 * Wraps text to `width` by display width, indenting the first line by `indent`
 * and the rest by `hanging`. It breaks between words as the language has them
 * (Thai too: see wrap.ts), with or without colour codes in it.
 */
export function wrapper(width: number): (text: string, indent: number, hanging?: number) => string {
  return (text, indent, hanging = indent) =>
    wrapWords(text, width - hanging, 'und')
      .map((line, i) => ' '.repeat(i === 0 ? indent : hanging) + line)
      .join('\n');
}

/** Pads by display width, so Thai or CJK labels line up too. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function renderText(a: Assessment, options: RenderContext): string {
  const style = options.style ?? plainStyle;
  const m = options.messages ?? en;
  const width = reportWidth(options.width);
  const wrap = wrapper(width);
  const colour = verdictColour(style, a.verdict);
  const verdict = options.verdicts[a.verdict];
  const lines: string[] = [];

  lines.push(style.bold(a.client ? `${m.report.title} · ${a.client}` : m.report.title));
  if (options.assessedOn) lines.push(style.dim(wrap(`${m.report.assessedOn}: ${localDate(options.formats, options.assessedOn)}`, 0, 2)));
  lines.push('');
  lines.push(wrap(`${colour(` ${verdict.title.toUpperCase()} `)}  ${verdict.summary}`, 2, 4), '');
  if (options.previous) lines.push(wrap(previousLine(options.previous, a, { ...options, verdictTitle: (v) => options.verdicts[v as Verdict].title }), 2, 4), '');
  const labelWidth = Math.max(displayWidth(m.report.score), displayWidth(m.report.confidence)) + 2;
  const narrow = width < 64;
  const cells = narrow ? 10 : BAR_CELLS;
  lines.push(`  ${padEnd(m.report.score, labelWidth)}${colour(bar(a.score / 100, cells))}  ${style.bold(`${a.score}/100`)}`);
  const pct = Math.round(a.confidence * 100);
  const confidenceBar = a.confidence < LOW_CONFIDENCE ? style.yellow(bar(a.confidence, cells)) : style.dim(bar(a.confidence, cells));
  const answered = style.dim(`(${m.report.signalsAnswered(a.answered, a.applicable)})`);
  lines.push(`  ${padEnd(m.report.confidence, labelWidth)}${confidenceBar}  ${pct}%${narrow ? '' : ` ${answered}`}`);
  if (narrow) lines.push(wrap(answered, 4));
  if (a.answered === 0) lines.push('', style.yellow(wrap(`! ${m.report.nothingAnswered}`, 2, 4)));
  else if (a.confidence < LOW_CONFIDENCE) lines.push('', style.yellow(wrap(`! ${m.report.lowConfidence(pct)}`, 2, 4)));

  lines.push('', style.bold(m.report.why));
  if (a.reasons.length === 0) lines.push(`  ${style.dim(m.report.noReasons)}`);
  const hardStop = (r: Assessment['reasons'][number]) => r.floor === 'fire-now';
  const tagOf = (r: Assessment['reasons'][number]) => (hardStop(r) ? m.report.hardStop.toUpperCase() : floorOnly(r) ? FLOOR_ONLY : `+${localDecimal(options.formats, r.points)}`);
  const tagWidth = Math.max(0, ...a.reasons.map((r) => displayWidth(tagOf(r)))) + 2;
  for (const r of a.reasons) {
    const tag = tagOf(r);
    const painted = hardStop(r) ? style.bold(style.red(tag)) : style.bold(tag);
    const floor = r.floor && !hardStop(r) ? ` (${m.report.floorNote(options.verdicts[r.floor].title)})` : '';
    lines.push(`  ${painted}${' '.repeat(tagWidth - displayWidth(tag))}${wrap(`${r.text}${floor}`, 0, tagWidth + 2).trimStart()}`);
  }

  const changes = changeSentences(a, options.questions, options.verdicts, m, undefined, options.formats);
  if (changes.length) {
    lines.push('', style.bold(wrap(m.report.whatWouldChange, 0, 2)));
    for (const change of changes) lines.push(wrap(change, 2, 4));
    if (a.verdict === 'fix') lines.push(style.dim(wrap(m.report.targets, 2)));
  }
  if (a.verdict === 'fire-now') lines.push('', wrap(`${style.bold(m.report.decidedBy)}: ${hardStopLabels(a).join('; ')}`, 2, 4));

  lines.push('', style.bold(m.report.plan));
  if (a.steps.length === 0) lines.push(`  ${style.dim(m.report.noSteps)}`);
  // Numbered through the whole plan, as in the Markdown report.
  for (const { phase, steps } of numberedPlan(a)) {
    lines.push(`  ${style.cyan(m.phases[phase])}`);
    for (const { n, step } of steps) lines.push(`   ${`${n}.`.padStart(3)} ${wrap(step.text, 0, 7).trimStart()}`);
  }
  if (a.recheckOn) lines.push('', `  ${m.report.recheckOn}: ${style.bold(localDate(options.formats, a.recheckOn))}`);
  lines.push(...answerLines(answerRows(options, m), m, style, width));
  lines.push('', style.dim(`  ${m.report.rulePack}: ${a.pack.id} ${a.pack.version}`));
  return `${lines.join('\n')}\n`;
}

/**
 * The answers it was made from, compact: one per line, the red flags and then
 * the facts about the situation, the answers in one column where the labels
 * leave room for it at this width, or after the label ("Pays late: often")
 * where they do not.
 */
function answerLines(rows: { signals: AnswerRow[]; facts: AnswerRow[] }, m: Messages, style: Style, width: number): string[] {
  const wrap = wrapper(width);
  const all = [...rows.signals, ...rows.facts];
  if (all.length === 0) return [];
  const column = Math.max(...all.map((r) => displayWidth(r.label))) + 2;
  const fits = 2 + column + Math.max(...all.map((r) => displayWidth(r.answer))) <= width;
  const line = (r: AnswerRow) => (fits ? `  ${padEnd(r.label, column)}${r.answer}` : wrap(`${r.label}: ${r.answer}`, 2, 4));
  const out: string[] = [];
  if (rows.signals.length) out.push('', style.bold(m.report.answers), ...rows.signals.map(line));
  if (rows.facts.length) out.push('', style.bold(m.report.facts), ...rows.facts.map(line));
  return out;
}
