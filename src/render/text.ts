import wrapAnsi from 'wrap-ansi';
import { displayWidth, wrapWords } from './wrap.js';
import { PHASES, type Assessment, type Verdict } from '../engine/types.js';
import { changeSentences, hardStopLabels } from './changes.js';
import { plainStyle, type Style } from './style.js';

import { en } from '../i18n/en.js';
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
 * and the rest by `hanging`. Plain text breaks between words as the language
 * has them (Thai too: see wrap.ts); text with colour codes goes to wrap-ansi.
 */
export function wrapper(width: number): (text: string, indent: number, hanging?: number) => string {
  return (text, indent, hanging = indent) =>
    (text.includes('\u001b') ? wrapAnsi(text, width - hanging, { hard: true, trim: true }).split('\n') : wrapWords(text, width - hanging, 'und'))
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

  lines.push(style.bold(a.client ? `${m.report.title} · ${a.client}` : m.report.title), '');
  lines.push(wrap(`${colour(` ${verdict.title.toUpperCase()} `)}  ${verdict.summary}`, 2, 4), '');
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
  const tagOf = (r: Assessment['reasons'][number]) => (hardStop(r) ? m.report.hardStop.toUpperCase() : `+${r.points.toFixed(1)}`);
  const tagWidth = Math.max(0, ...a.reasons.map((r) => displayWidth(tagOf(r)))) + 2;
  for (const r of a.reasons) {
    const tag = tagOf(r);
    const painted = hardStop(r) ? style.bold(style.red(tag)) : style.bold(tag);
    const floor = r.floor && !hardStop(r) ? ` (${m.report.floorNote(options.verdicts[r.floor].title)})` : '';
    lines.push(`  ${painted}${' '.repeat(tagWidth - displayWidth(tag))}${wrap(`${r.text}${floor}`, 0, tagWidth + 2).trimStart()}`);
  }

  const changes = changeSentences(a, options.questions, options.verdicts, m);
  if (changes.length) {
    lines.push('', style.bold(wrap(m.report.whatWouldChange, 0, 2)));
    for (const change of changes) lines.push(wrap(change, 2, 4));
    if (a.verdict === 'fix') lines.push(style.dim(wrap(m.report.targets, 2)));
  }
  if (a.verdict === 'fire-now') lines.push('', wrap(`${style.bold(m.report.decidedBy)}: ${hardStopLabels(a).join('; ')}`, 2, 4));

  lines.push('', style.bold(m.report.plan));
  if (a.steps.length === 0) lines.push(`  ${style.dim(m.report.noSteps)}`);
  let n = 0;
  for (const phase of PHASES) {
    const steps = a.steps.filter((s) => s.phase === phase);
    if (!steps.length) continue;
    lines.push(`  ${style.cyan(m.phases[phase])}`);
    for (const step of steps) {
      n += 1;
      const num = `${n}.`.padStart(3);
      lines.push(`   ${num} ${wrap(step.text, 0, 7).trimStart()}`);
    }
  }
  if (a.recheckOn) lines.push('', `  ${m.report.recheckOn}: ${style.bold(a.recheckOn)}`);
  lines.push('', style.dim(`  ${m.report.rulePack}: ${a.pack.id} ${a.pack.version}`));
  return `${lines.join('\n')}\n`;
}
