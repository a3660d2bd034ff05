// The only layer that touches the process: parses arguments with commander,
// loads the pack and answers, calls the engine and renderers, writes output,
// and returns an exit code (it never calls process.exit itself).
import { isFireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { escapeLine, escapeText } from '../render/escape.js';
import { langFlag, messagesFor, resolveLanguage, type Lang } from '../i18n/index.js';
// Scoring piped answers is the hot path: it is part of the entry bundle, and
// everything heavier (commander for anything but plain scoring, text layout,
// colour, yaml, zod, inquirer, csv) loads on demand.
import { assess } from './assess.js';
import { fastAssessOptions } from './fast-path.js';
import { environmentFailure, processIo, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export { EXIT, type CommonOptions };

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug') || Boolean(io.env.FIRE_CHECK_DEBUG);
  let lang: Lang;
  let m: Messages;
  try {
    // Known before commander runs, so that --help speaks the language too.
    lang = resolveLanguage(langFlag(argv), io.env);
    m = await messagesFor(lang);
  } catch (error) {
    return reportError(error, io, debug, en);
  }
  io.useMessages?.(m);
  try {
    // Plain scoring (`fire-check --format json < answers.json`) is what scripts run
    // most; it skips commander, whose loading and set-up cost more than the scoring.
    const fast = io.env.FIRE_CHECK_NO_FAST_PATH ? undefined : fastAssessOptions(argv);
    if (fast) return await assess({ ...fast, lang, messages: m }, io);
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, io, lang, m);
  } catch (error) {
    return reportError(error, io, debug, m);
  }
}

/**
 * Writes the error to stderr and returns the exit code. Every line is escaped
 * as a whole (see render/escape.ts): messages quote data (ids, values, file
 * names, a pack's lines), and no colour of ours is in them to keep.
 */
function reportError(error: unknown, io: Io, debug: boolean, m: Messages): number {
  const say = (text: string) => io.stderr.write(`${escapeLine(text)}\n`);
  const trace = (stack: string) => io.stderr.write(`${escapeText(stack)}\n`);
  // Commander's own errors, recognised by their code ('commander.unknownOption'...):
  // commander loads only when needed, and minifying renames its classes.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    const { exitCode } = error as Error & { exitCode: number };
    // Help and --version end here too, with code 0; commander has already written them.
    return exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isFireCheckError(error) && error.exitCode === EXIT.cancelled) {
    // One line, on a line of its own (a prompt may have been half drawn).
    io.stderr.write('\n');
    say(error.message);
    return error.exitCode;
  }
  if (isFireCheckError(error)) {
    say(`fire-check: ${error.message}`);
    for (const line of error.details) say(line);
    if (debug && error.stack) trace(error.stack);
    return error.exitCode;
  }
  // Disk full, permission denied, a closed stdout: the environment's, not a bug; one line, exit 2.
  const failure = environmentFailure(error, m);
  if (failure !== undefined) {
    say(`fire-check: ${failure}`);
    if (debug && error instanceof Error && error.stack) trace(error.stack);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`fire-check: ${m.errors.unexpected(message)}`);
  if (debug && error instanceof Error && error.stack) trace(error.stack);
  else say(m.errors.bug);
  return EXIT.failure;
}

