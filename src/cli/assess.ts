import { parseAnswers } from '../answers/parse.js';
import { evaluate } from '../engine/evaluate.js';
import { buildScript } from '../engine/script.js';
import type { AnswerSet, Assessment, Pack } from '../engine/types.js';
import { writeFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CancelledError, FireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { colourLevel } from './colour.js';
import { renderJson } from '../render/json.js';
import { formatOf, packFor, styleFor, terminalWidth } from './context.js';
import { readErrorReason, readInput, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export interface AssessOptions extends CommonOptions {
  answers?: string;
  client?: string;
  exitCode?: boolean;
  today?: string;
  saveAnswers?: string;
}

export interface Scored {
  pack: Pack;
  set: AnswerSet;
  assessment: Assessment;
  today: string;
}

/** Reads the pack and the answers (file, stdin or interview) and scores them. */
export async function score(options: AssessOptions, io: Io): Promise<Scored> {
  const m = options.messages ?? en;
  const today = checkDate(options.today, m) ?? io.today();
  const pack = await packFor(options);
  const set = await answersFor(options, pack, io);
  if (options.client !== undefined) set.client = options.client.trim() || undefined;
  if (options.saveAnswers !== undefined) await saveAnswers(options.saveAnswers, set, options.messages ?? en);
  return { pack, set, assessment: evaluate(pack, set, { today, words: m.words }), today };
}

export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const scored = await score(options, io);
  io.writeOut(await render(scored, options, io));
  return options.exitCode ? EXIT[scored.assessment.verdict] : EXIT.ok;
}

export async function script(options: AssessOptions, io: Io): Promise<number> {
  const { pack, set, assessment, today } = await score(options, io);
  const m = options.messages ?? en;
  const sections = buildScript(pack, set, assessment, { today, words: m.words });
  const format = formatOf(options);
  const { renderScriptJson, renderScriptMarkdown, renderScriptText } = await import('../render/script.js');
  io.writeOut(
    format === 'json'
      ? renderScriptJson(assessment, sections)
      : format === 'markdown'
        ? renderScriptMarkdown(assessment, sections, { verdicts: pack.verdicts, messages: m })
        : renderScriptText(assessment, sections, { verdicts: pack.verdicts, style: await styleFor(options, io), width: terminalWidth(io), messages: m }),
  );
  return options.exitCode ? EXIT[assessment.verdict] : EXIT.ok;
}

async function answersFor(options: AssessOptions, pack: Pack, io: Io): Promise<AnswerSet> {
  const m = options.messages ?? en;
  if (options.answers !== undefined) {
    const { text, source } = await readInput(options.answers, io, m.errors.answersFile, m);
    return parseAnswers(text, pack, source, m);
  }
  if (!io.stdinIsTTY()) {
    // Checked before any prompt: inquirer on a closed or empty stdin would fail obscurely or hang.
    const { text, source } = await readInput('-', io, m.errors.answersFile, m);
    if (text.trim() === '') throw new FireCheckError(m.interview.noTerminal);
    return parseAnswers(text, pack, source, m);
  }
  return interview(options, pack, io);
}

async function interview(options: AssessOptions, pack: Pack, io: Io): Promise<AnswerSet> {
  // inquirer colours through node:util styleText, which reads NO_COLOR when the
  // prompt modules load: so the colour decision reaches it through the environment.
  if (colourLevel(io.env, io.stdout, options.color) === 0) process.env.NO_COLOR = '1';
  const { runInterview } = await import('../interview/interview.js');
  // Prompts draw on stdout when it is the terminal; with stdout redirected, on stderr, so the file gets only the report.
  const output = io.stdout.isTTY ? io.stdout : io.stderr;
  try {
    return await runInterview(pack, {
      ...(options.client === undefined ? {} : { client: options.client }),
      context: { input: io.stdin, output },
      say: (line) => output.write(`${line}\n`),
      messages: options.messages ?? en,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError((options.messages ?? en).interview.cancelled);
    throw error;
  }
}

/** Writes the answers as piped JSON, whole or not at all (a temporary file renamed into place). */
async function saveAnswers(file: string, set: AnswerSet, m: Messages): Promise<void> {
  const data = { client: set.client ?? '', answers: set.answers };
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    // Writing, a missing path means a missing folder.
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? m.errors.noSuchFolder : readErrorReason(error, m);
    throw new FireCheckError(m.errors.cannotWrite(file, why));
  }
}

/** JSON is the scripts' hot path and needs nothing more; the other renderers load on demand. */
export async function render({ assessment, pack, set, today }: Scored, options: CommonOptions, io: Io): Promise<string> {
  const m = options.messages ?? en;
  switch (formatOf(options)) {
    case 'json':
      return renderJson(assessment);
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return renderMarkdown(assessment, { verdicts: pack.verdicts, messages: m, script: buildScript(pack, set, assessment, { today, words: m.words }) });
    }
    default: {
      const { renderText } = await import('../render/text.js');
      return renderText(assessment, { verdicts: pack.verdicts, style: await styleFor(options, io), width: terminalWidth(io), messages: m });
    }
  }
}

export function checkDate(date: string | undefined, m: Messages = en): string | undefined {
  if (date === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new FireCheckError(m.errors.badDate(JSON.stringify(date)));
  }
  return date;
}
