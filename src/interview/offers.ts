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
  /** What the words to use need of the profile and it does not have yet: asked once, before they are shown. */
  profile?: ProfileQuestions;
}

/** The profile questions, asked the first time the words to use need them; cli checks and keeps the answers. */
export interface ProfileQuestions {
  missing: readonly ('name' | 'currency' | 'voice')[];
  /** Why a currency code is not one (undefined when it is). */
  checkCurrency(code: string): string | undefined;
  /** Keeps what was answered (empty answers left out); says where, or why it could not. */
  save(profile: { name?: string; currency?: string; voice?: 'male' | 'female' | 'neutral' }): Promise<string>;
}

export async function offerAfterVerdict(options: OfferOptions): Promise<void> {
  const m = options.messages ?? en;
  const prompts = promptsFor(m, options.lang ?? 'en', options.context ?? {});
  if (options.showScript && (await prompts.confirm({ message: m.interview.offerScript, default: true }))) {
    if (options.profile?.missing.length) await askProfile(options.profile, options, prompts, m);
    await options.showScript();
  }
  if (options.saveAnswers && (await prompts.confirm({ message: m.interview.offerSave, default: false }))) {
    await saveWhereAsked(options.saveAnswers, options, prompts, m);
  }
}

/** The first time letters are written: who signs them, the currency of their amounts, the Thai voice. */
async function askProfile(questions: ProfileQuestions, options: OfferOptions, prompts: Prompts, m: Messages): Promise<void> {
  const answers: { name?: string; currency?: string; voice?: 'male' | 'female' | 'neutral' } = {};
  if (questions.missing.includes('name')) {
    const name = (await prompts.input({ message: m.config.askName })).trim();
    if (name) answers.name = name;
  }
  if (questions.missing.includes('currency')) {
    const currency = (
      await prompts.input({ message: m.config.askCurrency, validate: (code) => (code.trim() === '' ? true : (questions.checkCurrency(code.trim().toUpperCase()) ?? true)) })
    ).trim();
    if (currency) answers.currency = currency.toUpperCase();
  }
  if (questions.missing.includes('voice')) {
    answers.voice = await prompts.select({
      message: m.config.askVoice,
      choices: (['neutral', 'female', 'male'] as const).map((value) => ({ value, name: m.config.voices[value] })),
    });
  }
  if (Object.keys(answers).length) options.say(prompts.wrapLine(await questions.save(answers)));
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
