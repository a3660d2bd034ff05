// Everything commander: the command table, options and help, loaded by main()
// for anything but plain scoring.
import { Command, Option } from 'commander';
import { INPUT_ENCODINGS } from '../answers/decode.js';
import { didYouMean, FireCheckError } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { en } from '../i18n/en.js';
import { escapeText } from '../render/escape.js';
import type { Lang } from '../i18n/index.js';
import { assess } from './assess.js';
import { commandIn } from './fast-path.js';
import type { Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

declare const __FIRE_CHECK_VERSION__: string | undefined;
const VERSION = typeof __FIRE_CHECK_VERSION__ === 'string' ? __FIRE_CHECK_VERSION__ : '0.0.0-dev';

export async function runProgram(argv: string[], io: Io, lang: Lang, m: Messages): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  }, lang, m, argv);
  await program.parseAsync(argv, { from: 'user' });
  return exitCode;
}

function commonOptions(command: Command, formats: string[], h: Messages['help']): Command {
  return command
    .option('--rules <file>', h.rules)
    .addOption(new Option('-f, --format <format>', h.format).choices(formats).default(formats[0]))
    .option('--json', h.json)
    .option('--lang <code>', h.lang)
    .option('--color', h.color)
    .option('--no-color', h.noColor)
    .option('--debug', h.debug);
}

/** --max-record-size, for every command that reads answers: the answers document, or each batch record. */
function maxRecordSize(h: Messages['help'], m: Messages): Option {
  return new Option('--max-record-size <characters>', h.maxRecordSize).argParser((value: string) => {
    if (/^[1-9]\d*$/.test(value)) return Number(value);
    throw new FireCheckError(m.errors.badMaxRecord(JSON.stringify(value)));
  });
}

/** How a scoring command gets its answers and reports its verdict. */
function answerOptions(command: Command, h: Messages['help'], m: Messages): Command {
  return command
    .addOption(maxRecordSize(h, m))
    .option('--answers <file>', h.answers)
    .option('--client <name>', h.client)
    .option('--exit-code', h.exitCode)
    .option('--today <date>', h.today)
    .option('--save-answers <file>', h.saveAnswers);
}

/**
 * Options given before a command (`fire-check --rules X questions`) count for it
 * too, unless the command repeats them; only --format stays per command.
 */
function withInherited<T extends CommonOptions>(command: Command, options: T, lang: Lang, messages: Messages): T {
  const merged: T = { ...options, lang, messages };
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

/** Commander's own error messages, in the user's language where we know their form. */
export function translateCommanderError(text: string, m: Messages): string {
  const body = text.replace(/^error: /, '').trimEnd();
  const hintMatch = /\n\(Did you mean (.*)\?\)$/.exec(body);
  const hint = hintMatch ? m.commander.didYouMean(hintMatch[1] as string) : '';
  const message = hintMatch ? body.slice(0, hintMatch.index) : body;
  let match: RegExpExecArray | null;
  if ((match = /^unknown option '(.+)'$/.exec(message))) return `${m.commander.unknownOption(match[1] as string, hint)}\n`;
  if ((match = /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(message))) return `${m.commander.invalidChoice(match[1] as string, match[2] as string, match[3] as string)}\n`;
  if ((match = /^missing required argument '(.+)'$/.exec(message))) return `${m.commander.missingArgument(match[1] as string)}\n`;
  if ((match = /^option '(.+)' argument missing$/.exec(message))) return `${m.commander.optionMissingArgument(match[1] as string)}\n`;
  return `${message}${hint}\n`;
}


export function buildProgram(io: Io, setExitCode: (code: number) => void, lang: Lang = 'en', m: Messages = en, argv: readonly string[] = ['help']): Command {
  const h = m.help;
  const ctx = <T extends CommonOptions>(command: Command, options: T): T => withInherited(command, options, lang, m);
  const program = new Command('fire-check');
  program
    .configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander quotes the arguments it rejects: escaped, like every error line (see render/escape.ts).
      outputError: (text, write) => write(`fire-check: ${escapeText(translateCommanderError(text, m))}`),
    })
    // Commander's headings, in the user's language.
    .configureHelp({ styleTitle: (title) => ({ 'Usage:': m.commander.usage, 'Arguments:': m.commander.arguments, 'Options:': m.commander.options, 'Commands:': m.commander.commands })[title] ?? title })
    .exitOverride()
    // Options after a command belong to that command (`questions --format json`).
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .description(h.description)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .addHelpText('after', h.after);

  answerOptions(commonOptions(program, ['text', 'json', 'markdown'], h), h, m)
    .allowExcessArguments()
    .action(async (options, command: Command) => {
      // The default command takes no arguments, so a stray word is a mistyped command.
      const [word, topic] = command.args;
      if (word === 'help') {
        // `fire-check help [command]`, as git and npm have it.
        (program.commands.find((c) => c.name() === topic) ?? program).outputHelp();
        return;
      }
      if (word !== undefined) {
        const names = program.commands.map((c) => c.name());
        throw new FireCheckError(m.errors.unknownCommand(word, didYouMean(word, names, m.commander.didYouMean), names.join(', ')));
      }
      setExitCode(await assess(ctx(command, options), io));
    });

  // The command table. Every command is named and described (for --help and
  // "did you mean"), but options and actions are built only for the one that
  // runs: building all of them took more start-up time than scoring an answer.
  const commands: Record<string, { summary: string; define(command: Command): void }> = {
    script: {
      summary: h.script,
      define: (command) =>
        answerOptions(commonOptions(command, ['text', 'json', 'markdown'], h), h, m).action(async (options, cmd: Command) => {
          const { script } = await import('./assess.js');
          setExitCode(await script(ctx(cmd, options), io));
        }),
    },
    batch: {
      summary: h.batch,
      define: (command) =>
        commonOptions(command.argument('[file]', h.batchFile), ['ndjson', 'csv', 'table'], h)
          .addOption(new Option('--input-format <format>', h.inputFormat).choices(['ndjson', 'csv']))
          .addOption(new Option('--encoding <name>', h.encoding).choices(INPUT_ENCODINGS))
          .option('--fail-fast', h.failFast)
          .addOption(maxRecordSize(h, m))
          .option('--today <date>', h.today)
          .action(async (file: string | undefined, options, cmd: Command) => {
            const { batch } = await import('./batch.js');
            const merged = ctx(cmd, options);
            setExitCode(await batch(file, { ...merged, format: merged.json ? 'ndjson' : merged.format }, io));
          }),
    },
    questions: {
      summary: h.questions,
      define: (command) =>
        commonOptions(command, ['text', 'json'], h).action(async (options, cmd: Command) => {
          const { listQuestions } = await import('./questions.js');
          setExitCode(await listQuestions(ctx(cmd, options), io));
        }),
    },
    template: {
      summary: h.template,
      define: (command) =>
        commonOptions(command, ['json'], h).action(async (options, cmd: Command) => {
          const { printTemplate } = await import('./questions.js');
          setExitCode(await printTemplate(ctx(cmd, options), io));
        }),
    },
    rules: {
      summary: h.rulesGroup,
      define: (rules) => {
        commonOptions(rules.command('validate').argument('<file...>', h.validateFiles), ['text', 'json'], h)
          .description(h.validate)
          .action(async (files: string[], options, cmd: Command) => {
            const { validateRules } = await import('./rules.js');
            setExitCode(await validateRules(files, ctx(cmd, options), io));
          });
        commonOptions(rules.command('schema'), ['json'], h)
          .description(h.schema)
          .action(async (options) => {
            const { printSchema } = await import('./rules.js');
            setExitCode(await printSchema(options, io));
          });
        commonOptions(rules.command('show').argument('[file]', h.showFile), ['yaml', 'json'], h)
          .description(h.show)
          .action(async (file: string | undefined, options, cmd: Command) => {
            const { showRules } = await import('./rules.js');
            setExitCode(await showRules(file, ctx(cmd, options), io));
          });
      },
    },
  };
  const wanted = commandIn(argv, Object.keys(commands));
  for (const [name, { summary, define }] of Object.entries(commands)) {
    const command = program.command(name).description(summary);
    if (name === wanted || wanted === '*') define(command);
  }

  return program;
}
