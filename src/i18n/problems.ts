// Problems by code: the one way a user-facing error is made. The code is the
// key of the message template in every language (en.ts `problems`), so a code
// cannot exist without its words, nor words without a code.
import { FireCheckError } from '../errors.js';
import type { en, Messages } from './en.js';

export type ProblemCode = keyof (typeof en)['problems'];

type Template = Messages['problems'][ProblemCode];
type ArgsOf<T> = T extends (...args: infer A) => string ? A : [];

/** The message of a problem, in the language of `m`. */
export function say<C extends ProblemCode>(m: Messages, code: C, ...args: ArgsOf<Messages['problems'][C]>): string {
  const template: Template = m.problems[code];
  return typeof template === 'string' ? template : (template as (...a: unknown[]) => string)(...args);
}

/** A FireCheckError for a problem: its code, and its message in the language of `m`. */
export function problem<C extends ProblemCode>(m: Messages, code: C, ...args: ArgsOf<Messages['problems'][C]>): FireCheckError {
  return new FireCheckError(code, say(m, code, ...args));
}
