// "What would change the verdict", in words, for the text and Markdown reports.
import { kindOf } from '../engine/kinds/index.js';
import type { Assessment, Pack, Question } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';

export interface ChangeLine {
  /** The better verdict's title, as the pack names it. */
  verdict: string;
  /** Each answer that would have to change: "Pays late → rarely". */
  answers: string[];
}

/** One line per better verdict within reach, nearest first; labels from the questions, values in the user's words. */
export function changeLines(a: Assessment, questions: ReadonlyMap<string, Question> | undefined, verdicts: Pack['verdicts'], m: Messages): ChangeLine[] {
  return a.whatWouldChange.map((change) => ({
    verdict: verdicts[change.verdict].title,
    answers: Object.entries(change.answers).map(([id, value]) => {
      const q = questions?.get(id);
      return q ? `${q.label} → ${kindOf(q).display(q, value, m.words)}` : `${id} → ${String(value)}`;
    }),
  }));
}

/** The labels of the hard stops that decide a fire-now. */
export function hardStopLabels(a: Assessment): string[] {
  return a.reasons.filter((r) => r.floor === 'fire-now').map((r) => r.text);
}
