import { parseAnswers } from '../answers/parse.js';
import { evaluate, prepare, type PreparedPack } from '../engine/evaluate.js';
import { buildScript } from '../engine/script.js';
import type { AnswerSet, Assessment, Pack, Verdict } from '../engine/types.js';
import { CancelledError, FireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { colourLevel } from './colour.js';
import { escapeData, escapeLine } from '../render/escape.js';
import { renderJson } from '../render/json.js';
import { formatOf, packFor, styleFor, terminalWidth, todayFor } from './context.js';
import { readInput, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export interface AssessOptions extends CommonOptions {
  answers?: string;
  client?: string;
  exitCode?: boolean;
  today?: string;
  saveAnswers?: string;
  /** The longest answers document read, in characters (--max-record-size). */
  maxRecordSize?: number;
}

export interface Scored {
  pack: Pack;
  prepared: PreparedPack;
  set: AnswerSet;
  assessment: Assessment;
  today: string;
  /** The answers came from the interview, at a terminal. */
  interviewed: boolean;
}

/** Reads the pack and the answers (file, stdin or interview) and scores them. */
export async function score(options: AssessOptions, io: Io): Promise<Scored> {
  const m = options.messages ?? en;
  const today = todayFor(options, io);
  const pack = await packFor(options, io);
  const prepared = prepare(pack);
  const interviewed = options.answers === undefined && io.stdinIsTTY();
  const set = interviewed ? await interview(options, pack, io) : await answersGiven(options, prepared, io);
  if (options.client !== undefined) set.client = options.client.trim() || undefined;
  if (options.saveAnswers !== undefined) await saveAnswers(options.saveAnswers, set, options.messages ?? en, io);
  return { pack, prepared, set, assessment: evaluate(prepared, set, { today, words: m.words }), today, interviewed };
}

/** The verdicts that end the relationship: after them the interview offers the words to use. */
const ENDS_IT: readonly Verdict[] = ['fire', 'fire-now'];

export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const scored = await score(options, io);
  if (answersOnStdout(options)) return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
  io.writeOut(await render(scored, options, io));
  // Only with the report on the terminal: one redirected to a file must stay the report alone.
  if (scored.interviewed && io.stdout.isTTY && scored.assessment.verdict !== 'keep') await offerNextSteps(scored, options, io);
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

export async function script(options: AssessOptions, io: Io): Promise<number> {
  const scored = await score(options, io);
  if (!answersOnStdout(options)) io.writeOut(await renderScript(scored, options, io));
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

/**
 * `--save-answers -`: stdout carries the answers in place of the report, so that it
 * holds one document that `--answers` reads back (`fire-check --save-answers - > acme.json`
 * after an interview); two documents one after the other would be neither.
 */
function answersOnStdout(options: AssessOptions): boolean {
  return options.saveAnswers === '-';
}

async function renderScript(scored: Scored, options: AssessOptions, io: Io): Promise<string> {
  const m = options.messages ?? en;
  const format = formatOf(options);
  const { renderScriptJson, renderScriptMarkdown, renderScriptText } = await import('../render/script.js');
  if (format === 'json') return renderScriptJson(scored.assessment, scriptOf(scored, m));
  const { assessment, script, verdicts } = textInput(scored, m, true);
  return format === 'markdown'
    ? renderScriptMarkdown(assessment, script, { verdicts, messages: m })
    : renderScriptText(assessment, script, { verdicts, style: await styleFor(options, io), width: terminalWidth(io), messages: m });
}

/** Answers from --answers FILE, or piped in. */
async function answersGiven(options: AssessOptions, prepared: PreparedPack, io: Io): Promise<AnswerSet> {
  const m = options.messages ?? en;
  if (options.answers !== undefined) {
    const { text, source } = await readInput(options.answers, io, m.errors.answersFile, m, options.maxRecordSize);
    return parseAnswers(text, prepared, source, m);
  }
  // Checked before any prompt: inquirer on a closed or empty stdin would fail obscurely or hang.
  const { text, source } = await readInput('-', io, m.errors.answersFile, m, options.maxRecordSize);
  if (text.trim() === '') throw new FireCheckError(m.interview.noTerminal);
  return parseAnswers(text, prepared, source, m);
}

async function interview(options: AssessOptions, pack: Pack, io: Io): Promise<AnswerSet> {
  // inquirer colours through node:util styleText, which reads NO_COLOR when the
  // prompt modules load: so the colour decision reaches it through the environment.
  if (colourLevel(io.env, io.stdout, options.color) === 0) process.env.NO_COLOR = '1';
  const { runInterview } = await import('../interview/interview.js');
  // Prompts draw on stdout when it is the terminal; with stdout redirected, on stderr, so the file gets only the report.
  const output = io.stdout.isTTY ? io.stdout : io.stderr;
  return cancellable(options, () =>
    // The pack's texts reach the screen escaped, as in a report (see render/escape.ts).
    runInterview(escapeData(pack), {
      ...(options.client === undefined ? {} : { client: options.client }),
      context: { input: io.stdin, output },
      say: (line) => output.write(`${line}\n`),
      messages: options.messages ?? en,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
    }),
  );
}

/** After the report, the words to use (for an ending) and, unless --save-answers did, saving the answers, offered at the terminal. */
async function offerNextSteps(scored: Scored, options: AssessOptions, io: Io): Promise<void> {
  const m = options.messages ?? en;
  const { offerAfterVerdict } = await import('../interview/interview.js');
  const { isRegularFile, writeErrorReason } = await import('./safe-write.js');
  const saveAnswers = async (file: string) => {
    try {
      await writeAnswers(file, scored.set, io);
      return undefined;
    } catch (error) {
      return writeErrorReason(error, m);
    }
  };
  await cancellable(options, () =>
    offerAfterVerdict({
      context: { input: io.stdin, output: io.stdout },
      messages: m,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
      say: (line) => io.stdout.write(`${line}\n`),
      ...(ENDS_IT.includes(scored.assessment.verdict) ? { showScript: async () => io.writeOut(await renderScript(scored, options, io)) } : {}),
      ...(options.saveAnswers === undefined ? { saveAnswers } : {}),
      // Only a regular file is worth the question "Replace it?": anything else is refused when saving.
      exists: isRegularFile,
    }),
  );
}

/** Ctrl-C at a prompt: "Cancelled." and exit 130, the same at every prompt. */
async function cancellable<T>(options: AssessOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError((options.messages ?? en).interview.cancelled);
    throw error;
  }
}

/** --save-answers FILE. */
async function saveAnswers(file: string, set: AnswerSet, m: Messages, io: Io): Promise<void> {
  try {
    await writeAnswers(file, set, io);
  } catch (error) {
    const { writeErrorReason } = await import('./safe-write.js');
    throw new FireCheckError(m.errors.cannotWrite(file, writeErrorReason(error, m)));
  }
}

/** The answers as piped JSON, which --answers reads back; `-` is stdout. */
async function writeAnswers(file: string, set: AnswerSet, io: Io): Promise<void> {
  const data = { client: set.client ?? '', answers: set.answers };
  // Loaded only to save: scoring piped answers, the hot path, never writes a file.
  const { writeFileSafely } = await import('./safe-write.js');
  await writeFileSafely(file, `${JSON.stringify(data, null, 2)}\n`, (text) => io.writeOut(text));
}

/** JSON is the scripts' hot path and needs nothing more; the other renderers load on demand. */
export async function render(scored: Scored, options: CommonOptions, io: Io): Promise<string> {
  const m = options.messages ?? en;
  const format = formatOf(options);
  if (format === 'json') return renderJson(scored.assessment);
  const { assessment, questions, script, verdicts } = textInput(scored, m, format === 'markdown');
  if (format === 'markdown') {
    const { renderMarkdown } = await import('../render/markdown.js');
    return renderMarkdown(assessment, { verdicts, questions, messages: m, script });
  }
  const { renderText } = await import('../render/text.js');
  return renderText(assessment, { verdicts, questions, style: await styleFor(options, io), width: terminalWidth(io), messages: m });
}

const scriptOf = ({ prepared, set, assessment, today }: Scored, m: Messages) => buildScript(prepared, set, assessment, { today, words: m.words });

/**
 * All a text or Markdown report is made from, with every string from data
 * escaped for the terminal (see render/escape.ts): here, where data enters
 * text rendering, so that no renderer has to remember it. The client's name
 * is one line; the pack's texts keep their line breaks.
 */
function textInput(scored: Scored, m: Messages, withScript: boolean) {
  const { assessment, pack, prepared } = scored;
  return escapeData({
    assessment: { ...assessment, client: assessment.client === null ? null : escapeLine(assessment.client) },
    verdicts: pack.verdicts,
    questions: prepared.byId,
    script: withScript ? scriptOf(scored, m) : [],
  });
}
