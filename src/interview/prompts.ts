// inquirer's prompts as the interview uses them: in the user's language, and
// with their text wrapped between words to the terminal's width (see wrap.ts).
import { styleText } from 'node:util';
import { confirm, input, select } from '@inquirer/prompts';
import type { Messages } from '../i18n/en.js';
import { escapeLine } from '../render/escape.js';
import { displayWidth, truncateToWidth, wrapWords } from '../render/wrap.js';

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** "? " or "✔ " before a message, "❯ " before a choice: continuation lines are indented as far. */
const PREFIX = 2;
/** Room kept after an input prompt's message for what is typed (a number, a short name). */
const TYPING_ROOM = 10;

export type Prompts = ReturnType<typeof promptsFor>;

export function promptsFor(m: Messages, locale: string, ctx: PromptContext) {
  // Read at every render, so a resized terminal re-wraps. No output given, or no columns (not a
  // terminal): no wrapping. The last column stays free: after a line that fills the terminal,
  // inquirer's redraw leaves an empty line.
  const columns = () => {
    const c = (ctx.output ?? {}) as { columns?: number };
    return typeof c.columns === 'number' && c.columns > 1 ? c.columns - 1 : Infinity;
  };
  const wrap = (text: string, width: number) => wrapWords(text, width, locale);
  const yes = capitalise(m.words.yes);
  const no = capitalise(m.words.no);
  const keywords = { yes, no, error: () => m.interview.yesOrNo(yes, no) };
  return {
    /** Text for outside any prompt, wrapped like the prompts. */
    wrapLine: (text: string) => wrap(text, columns()).join('\n'),
    /** One line of a choice list: the start is cut to fit, `end` (the answer) stays whole. */
    choiceLine: (start: string, end: string) => `${truncateToWidth(start, columns() - PREFIX - displayWidth(end))}${end}`,
    select: <Value>(config: Parameters<typeof select<Value>>[0]) => {
      // Nothing follows the message on its line: the choices start below it.
      const { style } = wrappedTheme(columns, wrap, 0);
      return select<Value>({ ...config, theme: { style: { ...style, ...selectStyle(m, columns, wrap) } } }, ctx);
    },
    input: (config: Parameters<typeof input>[0]) => input({ ...config, theme: { ...wrappedTheme(columns, wrap, TYPING_ROOM), ...config.theme } }, ctx),
    confirm: (config: Parameters<typeof confirm>[0]) => {
      const hint = ` (${yes.charAt(0)}/${no.charAt(0)})`;
      return confirm({ ...config, theme: { ...wrappedTheme(columns, wrap, displayWidth(hint)), keywords } }, ctx);
    },
  };
}

/**
 * Wraps the message under the prompt's prefix, and puts what follows it (the
 * answer once given, `tail` columns of typing or hint before) on a line of its
 * own when the message's last line has no room for it.
 */
function wrappedTheme(columns: () => number, wrap: (text: string, width: number) => string[], tail: number) {
  let lastLineEnd = 0;
  const indent = ' '.repeat(PREFIX);
  const fitsAfter = (width: number) => lastLineEnd + 1 + width <= columns();
  return {
    style: {
      message: (text: string, status: string) => {
        const lines = wrap(text, columns() - PREFIX);
        lastLineEnd = PREFIX + displayWidth(lines[lines.length - 1] ?? '');
        // inquirer joins what follows with a space: "\n " then indents it like the message.
        const room = status === 'idle' && tail > 0 && !fitsAfter(tail) ? '\n ' : '';
        return styleText('bold', lines.join(`\n${indent}`)) + room;
      },
      // The answer echoed once given (a client's name, a file name): escaped like all data on screen (see render/escape.ts).
      answer: (given: string) => {
        const text = escapeLine(given);
        return `${fitsAfter(displayWidth(text)) ? '' : `\n${indent}`}${styleText('cyan', text)}`;
      },
      // inquirer's own "> " before a validation message, its lines indented under it.
      error: (text: string) => styleText('red', `> ${wrap(text, columns() - PREFIX).join(`\n${indent}`)}`),
    },
  };
}

/** The select prompt's own texts: the help under the choices, and its key hint translated. */
function selectStyle(m: Messages, columns: () => number, wrap: (text: string, width: number) => string[]) {
  const actions: Record<string, string> = { navigate: m.interview.keys.navigate, select: m.interview.keys.select };
  return {
    description: (text: string) => styleText('cyan', wrap(text, columns()).join('\n')),
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', actions[action] ?? action)}`).join(styleText('dim', ' • ')),
  };
}

export function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}
