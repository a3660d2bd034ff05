// The terminal front end: asks the pack's questions with @inquirer/prompts and
// returns the same answers object piped JSON gives. Nothing about scoring here.
import { Separator } from '@inquirer/prompts';
import { normaliseAnswer } from '../answers/parse.js';
import { holds } from '../engine/conditions.js';
import { displayValue, isSignal, questionOrder, severity } from '../engine/evaluate.js';
import { type AnswerSet, type Answers, type AnswerValue, type Category, type Pack, type Question } from '../engine/types.js';
import { allowedValues } from '../answers/allowed.js';
import { en, type Messages } from '../i18n/en.js';
import { FIRE_NOW, floorOf } from '../engine/prepare.js';
import { FIVE_STEP_SHARES, kindOf } from '../engine/kinds/index.js';

/** What a "sometimes" weighs: from there on, a signal counts as trouble reported. */
const SOMETIMES = FIVE_STEP_SHARES[2];
import { progressOf, type Progress } from './progress.js';
import { capitalise, promptsFor, type PromptContext, type Prompts } from './prompts.js';

export interface InterviewOptions {
  /** The client's name, when --client gave it: then it is not asked. */
  client?: string;
  /** Where prompts read and draw; the process's terminal when left out. */
  context?: PromptContext;
  /** Writes a line outside any prompt (the intro). */
  say(text: string): void;
  messages?: Messages;
  /** The language's code (en, th...): where lines may break depends on it. */
  lang?: string;
  /**
   * Answers to start from, once the client is named: last time's (issue 15) or
   * the facts of its invoices (issue 16). Each is the default of its question,
   * kept with one key; `note` says where they come from.
   */
  defaultsFor?: (client: string) => Promise<{ answers: Answers; note: string } | undefined>;
}

// The offers after a verdict load with the interview: one bundle, one copy of inquirer.
export { offerAfterVerdict } from './offers.js';

const DONE = '\u0000done';

/** What asking one question needs: the words, the prompts, and the verdict a hard stop leads to (for its confirmation). */
interface Asking {
  m: Messages;
  prompts: Prompts;
  hardStopVerdict: string;
}

/** Context categories hold no signal: they only shape the plan, so they are asked only when something is wrong. */
function isContextCategory(pack: Pack, category: Category): boolean {
  return pack.questions.filter((q) => q.category === category.id).every((q) => !isSignal(q));
}

export async function runInterview(pack: Pack, options: InterviewOptions): Promise<AnswerSet> {
  const m = options.messages ?? en;
  const prompts = promptsFor(m, options.lang ?? 'en', options.context ?? {});
  const asking: Asking = { m, prompts, hardStopVerdict: pack.verdicts['fire-now'].title };
  const say = (text: string) => options.say(prompts.wrapLine(text));
  const order = questionOrder(pack);
  const byId = new Map(pack.questions.map((q) => [q.id, q]));
  const answers: Record<string, AnswerValue> = {};

  const applies = (q: Question) => !q.askIf || holds(q.askIf, answers, byId);
  // Context only shapes a plan for ending it or repairing it; a client with at most a rare hiccup has none,
  // so a healthy client is done in a handful of prompts. A "yes" at any gate counts as trouble reported.
  let troubleReported = false;
  const anyRedFlag = () =>
    troubleReported ||
    order.some((q) => isSignal(q) && answers[q.id] !== null && answers[q.id] !== undefined && severity(q, answers[q.id] as Exclude<AnswerValue, null>) >= SOMETIMES);

  say(m.interview.intro);
  const client = options.client ?? (await prompts.input({ message: m.interview.clientName, theme: { prefix: '?' } })).trim();
  const prior = client && options.defaultsFor ? await options.defaultsFor(client) : undefined;
  if (prior) say(prior.note);
  const defaults: Answers = prior?.answers ?? {};
  /** Whether a default of the category's is a red flag: then its gate starts on "Yes". */
  const flagged = (questions: Question[]) =>
    questions.some((q) => isSignal(q) && defaults[q.id] !== undefined && defaults[q.id] !== null && severity(q, defaults[q.id] as Exclude<AnswerValue, null>) > 0);

  const askCategory = async (category: Category) => {
    const questions = order.filter((q) => q.category === category.id);
    for (const q of questions) {
      if (!applies(q)) continue;
      answers[q.id] = await ask(q, progressLabel(category.title, progressOf(questions, q), m), defaults[q.id], asking);
    }
  };

  let contextAsked = false;
  const askContext = async () => {
    contextAsked = true;
    say(m.interview.contextIntro);
    for (const category of pack.categories.filter((c) => isContextCategory(pack, c))) await askCategory(category);
  };

  for (const category of pack.categories) {
    if (isContextCategory(pack, category)) continue;
    const questions = order.filter((q) => q.category === category.id);
    if (category.gate && questions.filter(isSignal).length > 1) {
      const gate = await prompts.select({
        message: `${category.title}: ${category.gate}`,
        choices: [
          { name: m.interview.gateNo, value: 'no', description: m.interview.gateNoHelp },
          { name: m.interview.gateYes, value: 'yes', description: m.interview.gateYesHelp },
          { name: m.interview.notSure, value: 'unsure', description: m.interview.gateUnsureHelp },
        ],
        ...(flagged(questions) ? { default: 'yes' } : {}),
      });
      if (gate !== 'no') troubleReported = true;
      if (gate === 'no') {
        // "No trouble here" answers every signal in the category at its best.
        for (const q of questions) if (isSignal(q)) answers[q.id] = kindOf(q).best(q);
        continue;
      }
    }
    await askCategory(category);
  }
  if (anyRedFlag()) await askContext();

  // Review: change any answer, then score.
  for (;;) {
    const answered = order.filter((q) => q.id in answers && applies(q));
    const choice = await prompts.select({
      message: m.interview.review,
      pageSize: 14,
      loop: false,
      choices: [
        { name: m.interview.reviewDone, value: DONE },
        // Grouped under their category's title, so each line has the room for its own label.
        ...pack.categories.flatMap((category) => {
          const inCategory = answered.filter((q) => q.category === category.id);
          if (!inCategory.length) return [];
          return [
            new Separator(prompts.choiceLine(`── ${category.title}`, '')),
            ...inCategory.map((q) => ({
              // One line each, whatever the width: the answer is what matters, so the label gives way.
              name: prompts.choiceLine(q.label, `: ${showAnswer(q, answers[q.id] ?? null, m)}`),
              value: q.id,
            })),
          ];
        }),
      ],
    });
    if (choice === DONE) break;
    const q = byId.get(choice) as Question;
    answers[q.id] = await ask(q, m.interview.change, answers[q.id] ?? null, asking);
    // A changed answer can bring in questions that now apply, or context that now matters.
    for (const other of order) {
      if (!applies(other)) delete answers[other.id];
      else if (!(other.id in answers) && other.askIf && (contextAsked || isSignal(other))) {
        answers[other.id] = await ask(other, m.interview.followUp, undefined, asking);
      }
    }
    if (!contextAsked && anyRedFlag()) await askContext();
  }

  const result: Record<string, AnswerValue> = {};
  for (const q of order) if (q.id in answers && applies(q)) result[q.id] = answers[q.id] ?? null;
  return client ? { client, answers: result } : { answers: result };
}

/** "Money 2/5", and "Fit 2/5 · Follow-up" for a question asked because of the one before it. */
function progressLabel(title: string, { n, total, followUp }: Progress, m: Messages): string {
  const count = n > 0 ? ` ${n}/${total}` : '';
  return `${title}${count}${followUp ? ` · ${m.interview.followUp}` : ''}`;
}

/** A skipped answer reads as the choice that skipped it. */
function showAnswer(q: Question, value: AnswerValue, m: Messages): string {
  return value === null ? m.interview.notSure : displayValue(q, value, m.words);
}

/**
 * One question, with "Not sure" always on offer. `current` preselects an earlier
 * answer when changing it. The answer that makes a hard stop is recorded only once
 * confirmed (Enter says no): otherwise the question is asked again.
 */
async function ask(q: Question, progress: string, current: AnswerValue | undefined, asking: Asking): Promise<AnswerValue> {
  const { m, prompts } = asking;
  for (;;) {
    const value = await askOnce(q, `${progress} · ${q.text}`, current, asking);
    // An answer that brings fire-now on its own (the pack's floor) is a hard stop.
    if (value === null || floorOf(q, value) < FIRE_NOW) return value;
    const message = m.interview.confirmHardStop(capitalise(displayValue(q, value, m.words)), asking.hardStopVerdict);
    if (await prompts.confirm({ message, default: false })) return value;
  }
}

/** A value as a choice in the list: what normaliseAnswer reads back. */
function choiceValue(value: Exclude<AnswerValue, null>): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

async function askOnce(q: Question, message: string, current: AnswerValue | undefined, { m, prompts }: Asking): Promise<AnswerValue> {
  if (q.kind === 'number') {
    const range = [q.min, q.max].every((v) => v !== undefined) ? `${q.min}–${q.max}${q.unit ? ` ${q.unit}` : ''}` : allowedValues(q);
    const raw = await prompts.input({
      message: `${message} (${range}; ${m.interview.emptyForNotSure})${q.help ? `\n${q.help}` : ''}`,
      default: typeof current === 'number' ? String(current) : undefined,
      validate: (text) => {
        const result = normaliseAnswer(q, text.trim());
        return result.ok || m.interview.numberError(range);
      },
    });
    const result = normaliseAnswer(q, raw.trim());
    return result.ok ? result.value : null;
  }
  const description = q.help;
  // The kind's values, best first, where the cursor starts: Enter alone never records a red flag.
  const kind = kindOf(q);
  const choices: { name: string; value: string; description?: string }[] = kind.values(q).map((v) => ({
    name: q.kind === 'scale' ? (m.interview.scale[Number(v) - 1] as string) : capitalise(kind.display(q, v, m.words)),
    value: choiceValue(v),
  }));
  choices.push({ name: m.interview.notSure, value: 'unsure' });
  const currentValue = current === undefined ? undefined : current === null ? 'unsure' : choiceValue(current);
  const raw = await prompts.select({ message, choices: choices.map((c) => (description ? { ...c, description } : c)), default: currentValue, loop: false });
  const result = normaliseAnswer(q, raw);
  return result.ok ? result.value : null;
}
