// The only layer that touches the process: parses arguments with commander,
// loads the pack and answers, calls the engine and renderers, writes output,
// and returns an exit code (it never calls process.exit itself).
import { Command, CommanderError, Option } from 'commander';
import { didYouMean, FireCheckError, isFireCheckError } from '../errors.js';
import { processIo, type Io } from './io.js';
// Scoring piped answers is the hot path: it is part of the entry chunk, and
// everything heavier (text layout, colour, yaml, zod, inquirer, csv) loads on demand.
import { assess } from './assess.js';

declare const __FIRE_CHECK_VERSION__: string | undefined;
const VERSION = typeof __FIRE_CHECK_VERSION__ === 'string' ? __FIRE_CHECK_VERSION__ : '0.0.0-dev';

export const EXIT = { ok: 0, failure: 1, usage: 2, keep: 0, fix: 10, fire: 11, 'fire-now': 12, cancelled: 130 } as const;

export interface CommonOptions {
  rules?: string;
  format: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--debug') || Boolean(io.env.FIRE_CHECK_DEBUG));
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and --version end here too, with code 0; commander has already written them.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isFireCheckError(error) && error.exitCode === EXIT.cancelled) {
    // One line, on a line of its own (a prompt may have been half drawn).
    io.stderr.write(`\n${error.message}\n`);
    return error.exitCode;
  }
  if (isFireCheckError(error)) {
    io.stderr.write(`fire-check: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`${line}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`fire-check: unexpected error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('This is a bug in fire-check. Run again with --debug for details, and report it.\n');
  return EXIT.failure;
}

function commonOptions(command: Command, formats: string[]): Command {
  return command
    .option('--rules <file>', 'use this rule pack (YAML or JSON) instead of the default one')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
    .option('--json', 'same as --format json')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--debug', 'print stack traces for errors');
}

/** How a scoring command gets its answers and reports its verdict. */
function answerOptions(command: Command): Command {
  return command
    .option('--answers <file>', 'read answers from a JSON file (- for stdin); stdin is read anyway when it is not a terminal')
    .option('--client <name>', "the client's name (overrides the one in the answers)")
    .option('--exit-code', 'exit with the verdict: 0 keep, 10 fix, 11 fire, 12 fire-now')
    .option('--today <date>', 'assess as of this date, YYYY-MM-DD (sets the re-check date of a fix, the last working day)')
    .option('--save-answers <file>', 'also write the answers as JSON, so --answers FILE gives the same verdict again');
}

/**
 * Options given before a command (`fire-check --rules X questions`) count for it
 * too, unless the command repeats them; only --format stays per command.
 */
function withInherited<T extends CommonOptions>(command: Command, options: T): T {
  const merged: T = { ...options };
  for (const key of ['rules', 'color', 'debug'] as const) {
    if (command.getOptionValueSource(key) === 'cli') continue;
    // The nearest command above that was given this option on the command line.
    for (let parent = command.parent; parent; parent = parent.parent) {
      if (parent.getOptionValueSource(key) === 'cli') {
        merged[key] = parent.getOptionValue(key);
        break;
      }
    }
  }
  return merged;
}

export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('fire-check');
  program
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`fire-check: ${text.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\)/, ' (did you mean $1)')}`),
    })
    .exitOverride()
    // Options after a command belong to that command (`questions --format json`).
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .description(
      'Decide whether to end a client relationship, and how to end it well.\n\n' +
        'In a terminal it interviews you about one client. Piped JSON answers (or --answers FILE)\n' +
        'are scored without questions, for scripts.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      '\nExit codes:\n  0 ran fine   1 unexpected failure   2 bad input, rule pack or usage   130 cancelled\n' +
        '  with --exit-code: 0 keep, 10 fix, 11 fire, 12 fire-now\n\n' +
        'Examples:\n  fire-check                                  interview about one client\n' +
        '  fire-check --answers answers.json           score a saved answers file\n' +
        '  cat answers.json | fire-check --format json\n  fire-check template > mine.json             a file to fill in',
    );

  answerOptions(commonOptions(program, ['text', 'json', 'markdown']))
    .allowExcessArguments()
    .action(async (options, command: Command) => {
      // The default command takes no arguments, so a stray word is a mistyped command.
      const [word] = command.args;
      if (word !== undefined) {
        const names = program.commands.map((c) => c.name());
        throw new FireCheckError(`unknown command "${word}"${didYouMean(word, names)}; commands: ${names.join(', ')} (see --help)`);
      }
      setExitCode(await assess(options, io));
    });

  answerOptions(commonOptions(program.command('script'), ['text', 'json', 'markdown']))
    .description('the words to use when ending it: talking points for the call and a written confirmation (for fire and fire-now)')
    .action(async (options, command: Command) => {
      const { script } = await import('./assess.js');
      setExitCode(await script(withInherited(command, options), io));
    });

  commonOptions(program.command('batch').argument('[file]', 'NDJSON or CSV answers, one client per line; - or nothing for stdin'), ['ndjson', 'csv', 'table'])
    .description('score many clients in one go: NDJSON or CSV in, one verdict per line out (streamed), or a ranked table')
    .addOption(new Option('--input-format <format>', 'input format (default: from the file name; stdin: ndjson)').choices(['ndjson', 'csv']))
    .option('--fail-fast', 'stop at the first bad line')
    .option('--today <date>', 'assess as of this date, YYYY-MM-DD')
    .action(async (file: string | undefined, options, command: Command) => {
      const { batch } = await import('./batch.js');
      const merged = withInherited(command, options);
      setExitCode(await batch(file, { ...merged, format: merged.json ? 'ndjson' : merged.format }, io));
    });

  commonOptions(program.command('questions'), ['text', 'json'])
    .description("list every question: id, kind, allowed values, category")
    .action(async (options, command: Command) => {
      const { listQuestions } = await import('./questions.js');
      setExitCode(await listQuestions(withInherited(command, options), io));
    });

  commonOptions(program.command('template'), ['json'])
    .description('print an answers file with every question set to null (not sure); valid input as it is')
    .action(async (options, command: Command) => {
      const { printTemplate } = await import('./questions.js');
      setExitCode(await printTemplate(withInherited(command, options), io));
    });

  const rules = program.command('rules').description('check, inspect and document rule packs');
  rules.copyInheritedSettings(program);
  commonOptions(rules.command('validate').argument('<file...>', 'rule pack files (YAML or JSON)'), ['text', 'json'])
    .description('check rule packs: every problem in every file, as file:line:col: message')
    .action(async (files: string[], options, command: Command) => {
      const { validateRules } = await import('./rules.js');
      setExitCode(await validateRules(files, withInherited(command, options), io));
    });
  commonOptions(rules.command('schema'), ['json'])
    .description('print the JSON Schema of a rule pack (for editors and CI)')
    .action(async (options) => {
      const { printSchema } = await import('./rules.js');
      setExitCode(await printSchema(options, io));
    });
  commonOptions(rules.command('show').argument('[file]', 'a rule pack (default: the built-in pack, or --rules)'), ['yaml', 'json'])
    .description('print the effective pack, with extends resolved')
    .action(async (file: string | undefined, options, command: Command) => {
      const { showRules } = await import('./rules.js');
      setExitCode(await showRules(file, withInherited(command, options), io));
    });

  return program;
}
