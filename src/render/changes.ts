// "What would change the verdict", in words, for the text and Markdown reports.
import type { Assessment, Pack, Question } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';
import { displayAnswer } from './answers.js';
import type { RenderContext } from './formats.js';

/**
 * One sentence per better verdict within reach, nearest first: "Would be Keep
 * if: Pays late: at most rarely; …". Labels come from the questions, values in
 * the user's words; an ordered answer is a ceiling (any better one does too),
 * a yes/no the answer itself, numbers in the language's way (`formats`).
 * `escape` is applied to the texts from the pack.
 */
export function changeSentences(
  a: Assessment,
  questions: ReadonlyMap<string, Question> | undefined,
  verdicts: Pack['verdicts'],
  m: Messages,
  escape: (text: string) => string = (text) => text,
  formats?: RenderContext['formats'],
): string[] {
  return a.whatWouldChange.map((change) => {
    const answers = Object.entries(change.answers).map(([id, value]) => {
      const q = questions?.get(id);
      if (!q) return `${escape(id)}: ${String(value)}`;
      const shown = displayAnswer(q, value, m, formats);
      return `${escape(q.label)}: ${q.kind === 'bool' ? shown : m.report.atMost(shown)}`;
    });
    return m.report.wouldBe(escape(verdicts[change.verdict].title), answers.join('; '));
  });
}

/**
 * What stands for the points of a reason that weighs by its floor alone (no
 * points, a floor below fire-now: the re-check's): "+0.0" would read as "this
 * counts for nothing" beside the note that it decides the verdict on its own.
 */
export const FLOOR_ONLY = '–';

export function floorOnly(r: Assessment['reasons'][number]): boolean {
  return r.points === 0 && r.floor !== null && r.floor !== 'fire-now';
}

/** The labels of the hard stops that decide a fire-now. */
export function hardStopLabels(a: Assessment): string[] {
  return a.reasons.filter((r) => r.floor === 'fire-now').map((r) => r.text);
}
