// After a verdict, what the person at the terminal most likely wants next: for
// an ending, the words to use; for an ending or a fix (whose re-check asks the
// same questions again), the answers kept for later. Prompts only: the cli
// renders the script and writes the file.
import { en, type Messages } from '../i18n/en.js';
import { escapeLine } from '../render/escape.js';
import { promptsFor, type PromptContext, type Prompts } from './prompts.js';

export interface OfferOptions {
  context?: PromptContext;
  messages?: Messages;
  lang?: string;
  /** Writes a line outside any prompt. */
  say(text: string): void;
  /** Prints the words to use, as `fire-check script` does; left out when there is nothing to end. */
  showScript?: () => Promise<void>;
  /** Saves the answers to a file; the reason it could not, if it could not. Left out when they are saved already. */
  saveAnswers?: (file: string) => Promise<string | undefined>;
  exists(file: string): boolean;
}

export async function offerAfterVerdict(options: OfferOptions): Promise<void> {
  const m = options.messages ?? en;
  const prompts = promptsFor(m, options.lang ?? 'en', options.context ?? {});
  if (options.showScript && (await prompts.confirm({ message: m.interview.offerScript, default: true }))) await options.showScript();
  if (options.saveAnswers && (await prompts.confirm({ message: m.interview.offerSave, default: false }))) {
    await saveWhereAsked(options.saveAnswers, options, prompts, m);
  }
}

/** Asks for a file until the answers are saved in one, or no file is given. An existing file is replaced only when confirmed. */
async function saveWhereAsked(save: (file: string) => Promise<string | undefined>, options: OfferOptions, prompts: Prompts, m: Messages): Promise<void> {
  for (;;) {
    const file = (await prompts.input({ message: m.interview.savePath })).trim();
    if (file === '') return;
    // The name as typed, shown escaped like all data on screen (see render/escape.ts).
    const shown = escapeLine(file);
    if (options.exists(file) && !(await prompts.confirm({ message: m.interview.overwrite(shown), default: false }))) continue;
    const problem = await save(file);
    options.say(prompts.wrapLine(problem === undefined ? m.interview.saved(shown) : m.interview.cannotSave(shown, problem)));
    if (problem === undefined) return;
  }
}
