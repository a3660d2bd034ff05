// The only layer that touches the process: reads the command line, loads the
// pack and answers, calls the engine and renderers, writes output, and returns
// an exit code (it never calls process.exit itself).
import { FireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { messagesFor, resolveLanguage, type Lang } from '../i18n/index.js';
import { say } from '../i18n/problems.js';
import { escapeLine, escapeText } from '../render/escape.js';
// Scoring piped answers is the hot path: it is part of the entry bundle, and
// everything heavier (commander for anything but plain scoring, text layout,
// colour, yaml, zod, inquirer, csv) loads on demand.
import { earlySwitch, earlyValue, plainScoring } from './argv.js';
import { assess, type AssessOptions } from './assess.js';
import { environmentFailure, processIo, stopSignalOf, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export { EXIT, stopSignalOf, type CommonOptions };

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const code = await run(argv, io);
  // A write that failed after it returned was told already; its exit code stands.
  return io.failedLate?.() ?? code;
}

async function run(argv: string[], io: Io): Promise<number> {
  const debug = earlySwitch(argv, 'debug') || Boolean(io.env.FIRE_CHECK_DEBUG);
  let lang: Lang;
  let m: Messages;
  try {
    // Known before commander runs, so that --help speaks the language too.
    lang = resolveLanguage(earlyValue(argv, 'lang'), io.env);
    m = await messagesFor(lang);
  } catch (error) {
    return reportError(error, io, debug, en);
  }
  io.useMessages?.(m);
  try {
    // Plain scoring (`fire-check --format json < answers.json`) is what scripts run
    // most; it skips commander, whose loading and set-up cost more than the scoring.
    const plain = io.env.FIRE_CHECK_NO_FAST_PATH ? undefined : plainScoring(argv, m);
    if (plain) return await assess({ ...(plain as unknown as AssessOptions), lang, messages: m }, io);
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, io, lang, m);
  } catch (error) {
    return reportError(error, io, debug, m);
  }
}

/**
 * Writes the error to stderr and returns the exit code. Every line is escaped
 * as a whole (see render/escape.ts): messages quote data (ids, values, file
 * names, a pack's lines), and no colour of ours is in them to keep. A problem
 * ends with its code, the same in every language: what to look up in
 * docs/problems.md, and what scripts can match.
 */
function reportError(error: unknown, io: Io, debug: boolean, m: Messages): number {
  const say_ = (text: string) => io.stderr.write(`${escapeLine(text)}\n`);
  const trace = (stack: string) => io.stderr.write(`${escapeText(stack)}\n`);
  // Commander's own errors, recognised by their code ('commander.help'...):
  // commander loads only when needed, and minifying renames its classes.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    const { exitCode } = error as Error & { exitCode: number };
    // Help and --version end here too, with code 0; commander has already written them.
    return exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof FireCheckError && error.exitCode === EXIT.cancelled) {
    // One line, on a line of its own (a prompt may have been half drawn).
    io.stderr.write('\n');
    say_(error.message);
    return error.exitCode;
  }
  const failure = error instanceof FireCheckError ? error : environmentFailure(error, m);
  if (failure) {
    say_(`fire-check: ${failure.message} [${failure.code}]`);
    for (const line of failure.details) say_(line);
    if (debug && error instanceof Error && error.stack) trace(error.stack);
    return failure.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  say_(`fire-check: ${say(m, 'internal/unexpected', message)} [internal/unexpected]`);
  if (debug && error instanceof Error && error.stack) trace(error.stack);
  else say_(m.errors.bug);
  return EXIT.failure;
}
