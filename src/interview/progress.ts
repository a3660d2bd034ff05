import type { Question } from '../engine/types.js';

export interface Progress {
  /** The question's number in its category; a follow-up shares the number of the question it follows. */
  n: number;
  total: number;
  followUp: boolean;
}

/**
 * Where a question stands in its category ("Fit 2/5"). Only questions asked
 * whatever the answers count: a follow-up (askIf) comes or not depending on an
 * answer, and counting it made the total jump mid-category ("1/6", then "2/5").
 */
export function progressOf(category: readonly Question[], q: Question): Progress {
  const main = category.filter((other) => other.askIf === undefined);
  const upTo = category.slice(0, category.indexOf(q) + 1).filter((other) => other.askIf === undefined);
  return { n: upTo.length, total: main.length, followUp: q.askIf !== undefined };
}
