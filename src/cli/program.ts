// Commander, built from the command and option tables in options.ts: loaded by
// main() for anything but plain scoring.
import { Command, Option } from 'commander';
import { didYouMean } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/index.js';
import { problem } from '../i18n/problems.js';
import { escapeText } from '../render/escape.js';
import { commandWord } from './argv.js';
import type { Io } from './io.js';
import { COMMANDS, EXIT, FORMATS, GROUPS, OPTIONS, flagsOf, formatFor, type CommandName, type CommonOptions } from './options.js';

declare const __FIRE_CHECK_VERSION__: string | undefined;
const VERSION = typeof __FIRE_CHECK_VERSION__ === 'string' ? __FIRE_CHECK_VERSION__ : '0.0.0-dev';

/** What a command does with its arguments and options; each loads its module only when it runs. */
type Run = (args: string[], options: CommonOptions & Record<string, unknown>, io: Io) => Promise<number>;

const RUN: Record<CommandName, Run> = {
  assess: async (_, options, io) => (await import('./assess.js')).assess(options, io),
  script: async (_, options, io) => (await import('./assess.js')).script(options, io),
  batch: async ([file], options, io) => (await import('./batch.js')).batch(file, options, io),
  questions: async (_, options, io) => (await import('./questions.js')).listQuestions(options, io),
  template: async (_, options, io) => (await import('./questions.js')).printTemplate(options, io),
  'rules validate': async ([...files], options, io) => (await import('./rules.js')).validateRules(files, options, io),
  'rules schema': async (_, options, io) => (await import('./rules.js')).printSchema(options, io),
  'rules show': async ([file], options, io) => (await import('./rules.js')).showRules(file, options, io),
  history: async ([client], options, io) => (await import('./history.js')).historyCommand(client, options, io),
  due: async (_, options, io) => (await import('./history.js')).dueCommand(options, io),
  forget: async ([client], options, io) => (await import('./history.js')).forgetCommand(client as string, options, io),
  evidence: async ([file], options, io) => (await import('./evidence.js')).evidenceCommand(file as string, options, io),
  'config list': async (_, options, io) => (await import('./config.js')).listConfig(options, io),
  'config get': async ([key], options, io) => (await import('./config.js')).getConfig(key as string, options, io),
  'config set': async ([key, value], options, io) => (await import('./config.js')).setConfig(key as string, value as string, options, io),
  'config unset': async ([key], options, io) => (await import('./config.js')).unsetConfig(key as string, options, io),
  'config path': async (_, options, io) => (await import('./config.js')).configPath(options, io),
};

/** A command line as the command gets it. */
export interface Parsed {
  command: CommandName;
  args: string[];
  options: CommonOptions & Record<string, unknown>;
}

export async function runProgram(argv: string[], io: Io, lang: Lang, m: Messages): Promise<number> {
  const parsed = await parseCommandLine(argv, io, lang, m);
  // Nothing to run: help was asked for and shown.
  if (!parsed) return EXIT.ok;
  return RUN[parsed.command](parsed.args, parsed.options, io);
}

/**
 * The command line read by commander: the command, its arguments and options,
 * and nothing run (help and --version are written, as commander does). Throws
 * a problem for a command line that is not right.
 */
export async function parseCommandLine(argv: readonly string[], io: Io, lang: Lang, m: Messages): Promise<Parsed | undefined> {
  let parsed: Parsed | undefined;
  await buildProgram(io, lang, m, argv, (p) => (parsed = p)).parseAsync([...argv], { from: 'user' });
  return parsed;
}

/**
 * Commander's own complaints, said as our problems (a stable code, the
 * user's language): these are the methods where commander makes them. Any
 * other commander error reaches main() with commander's words.
 */
class FireCheckCommand extends Command {
  messages!: Messages;
  /** The command's name in the table, once built from it. */
  tableName?: CommandName;

  override createCommand(name?: string): FireCheckCommand {
    const command = new FireCheckCommand(name);
    command.messages = this.messages;
    return command;
  }

  unknownOption(flag: string): never {
    const flags = OPTIONS.filter((o) => this.tableName && o.commands.includes(this.tableName)).flatMap((o) => {
      const f = flagsOf(o);
      return f.short ? [f.long, f.short] : [f.long];
    });
    throw problem(this.messages, 'cli/unknown-option', flag, didYouMean(flag, [...flags, '--help'], this.messages.commander.didYouMean));
  }

  missingArgument(name: string): never {
    throw problem(this.messages, 'cli/missing-argument', name);
  }

  optionMissingArgument(option: Option): never {
    throw problem(this.messages, 'cli/missing-value', option.flags);
  }

  unknownCommand(): never {
    const names = this.commands.map((c) => c.name());
    const word = String(this.args[0]);
    throw problem(this.messages, 'cli/unknown-command', word, didYouMean(word, names, this.messages.commander.didYouMean), names.join(', '));
  }
}

/** The options of one command, from the table, in the user's language. */
function addOptions(command: FireCheckCommand, name: CommandName, m: Messages): FireCheckCommand {
  command.tableName = name;
  for (const spec of OPTIONS) {
    if (!spec.commands.includes(name)) continue;
    const option = new Option(spec.flags, m.help[spec.help]);
    const choices = spec.choices?.(name);
    const parse = spec.parse;
    if (choices) {
      option.choices(choices).argParser((value: string) => {
        if (choices.includes(value)) return value;
        throw problem(m, 'cli/invalid-choice', option.flags, value, choices.join(', '));
      });
    } else if (parse) option.argParser((value: string) => parse(value, m));
    if (spec.help === 'format') option.default(FORMATS[name][0]);
    command.addOption(option);
  }
  return command;
}

/**
 * The options as the command runs with them: those given before the command
 * word count too where the table says they are inherited, unless the command
 * repeats them; the language is main()'s.
 */
function optionsOf(command: Command, lang: Lang, m: Messages): CommonOptions & Record<string, unknown> {
  const options = { ...command.opts(), lang, messages: m } as CommonOptions & Record<string, unknown>;
  const name = (command as FireCheckCommand).tableName;
  if (name) options.format = formatFor(name, options);
  for (const spec of OPTIONS) {
    if (!spec.inherited) continue;
    const { key } = flagsOf(spec);
    if (key === 'lang' || command.getOptionValueSource(key) === 'cli') continue;
    for (let parent = command.parent; parent; parent = parent.parent) {
      if (parent.getOptionValueSource(key) === 'cli') {
        options[key] = parent.getOptionValue(key);
        break;
      }
    }
  }
  return options;
}

/**
 * The program. Every command is named and described (for --help and "did you
 * mean"), but options and actions are built only for the one that runs: building
 * all of them took more start-up time than scoring an answer.
 */
export function buildProgram(io: Io, lang: Lang, m: Messages, argv: readonly string[] = ['help'], found: (parsed: Parsed) => void = () => {}): Command {
  const h = m.help;
  const program = new FireCheckCommand('fire-check');
  program.messages = m;
  program
    .configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander quotes the arguments it rejects: escaped, like every error line (see render/escape.ts).
      outputError: (text, write) => write(`fire-check: ${escapeText(text.replace(/^error: /, ''))}`),
    })
    // Commander's headings, in the user's language.
    .configureHelp({ styleTitle: (title) => ({ 'Usage:': m.commander.usage, 'Arguments:': m.commander.arguments, 'Options:': m.commander.options, 'Commands:': m.commander.commands })[title] ?? title })
    .exitOverride()
    // Options after a command belong to that command (`questions --format json`).
    .enablePositionalOptions()
    .description(h.description)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .addHelpText('after', h.after);

  const run = (name: CommandName) => (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    found({ command: name, args: command.processedArgs.flat().filter((a) => a !== undefined) as string[], options: optionsOf(command, lang, m) });
  };

  addOptions(program, 'assess', m)
    .allowExcessArguments()
    .action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      // The default command takes no arguments, so a stray word is a mistyped command.
      const [word, topic] = command.args;
      if (word === 'help') {
        // `fire-check help [command]`, as git and npm have it.
        (program.commands.find((c) => c.name() === topic) ?? program).outputHelp();
        return;
      }
      if (word !== undefined) program.unknownCommand();
      run('assess')(...args);
    });

  const wanted = commandWord(argv);
  const all = wanted === 'help';
  const groups = new Map<string, Command>();
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    if (name === 'assess') continue;
    const [group, sub] = name.includes(' ') ? (name.split(' ') as [keyof typeof GROUPS, string]) : [undefined, name];
    let parent: Command = program;
    if (group) {
      parent = groups.get(group) ?? program.command(group).description(h[GROUPS[group]]);
      groups.set(group, parent);
    }
    const command = parent.command(sub).description(h[COMMANDS[name].summary]) as FireCheckCommand;
    if (!all && wanted !== (group ?? name)) continue;
    for (const [syntax, help] of COMMANDS[name].args) command.argument(syntax, h[help]);
    addOptions(command, name, m).action(run(name));
  }
  return program;
}
