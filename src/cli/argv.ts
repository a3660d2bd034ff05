// Reading the command line without commander, from the same option table
// (options.ts): the few things main() needs before commander would load (the
// language, --debug, the command word), and plain scoring, which scripts run
// most (`fire-check --format json < answers.json`), where loading and building
// commander would cost more than the scoring itself. Strict on purpose: any
// command line it is not sure of (a command word, --help, a typo, a value it
// cannot check) is left to commander, the one judge of the command line.
import type { Messages } from '../i18n/en.js';
import { FORMATS, OPTIONS, flagsOf, formatFor, type CommandName, type Flags, type OptionSpec } from './options.js';

interface Known {
  spec: OptionSpec;
  flags: Flags;
}

let byFlag: Map<string, Known> | undefined;

/** The options a command takes, read apart. */
function byCommand(command: CommandName): Known[] {
  return [...new Set(known().values())].filter((k) => k.spec.commands.includes(command));
}
/** Every option by each of its flags (`-f` and `--format`). */
function known(): Map<string, Known> {
  if (byFlag) return byFlag;
  byFlag = new Map();
  for (const spec of OPTIONS) {
    const flags = flagsOf(spec);
    byFlag.set(flags.long, { spec, flags });
    if (flags.short) byFlag.set(flags.short, { spec, flags });
  }
  return byFlag;
}

interface Token {
  /** The option given, or undefined for a word that is not one. */
  option?: Known;
  /** The word itself, for a word; the option's value, for an option that takes one. */
  value?: string;
}

/** The command line as options and words, `--flag=value` read as `--flag value`. Stops at `--`. */
function* tokens(argv: readonly string[]): Generator<Token> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const option = known().get(eq > 0 ? arg.slice(0, eq) : arg);
    if (!option) {
      yield arg.startsWith('-') && arg !== '-' ? {} : { value: arg };
      continue;
    }
    if (!option.flags.takesValue) yield { option };
    else if (eq > 0) yield { option, value: arg.slice(eq + 1) };
    else yield { option, ...(i + 1 < argv.length ? { value: argv[++i] as string } : {}) };
  }
}

/** The value of an option read before commander (`--lang`), wherever it is given; the last one wins. */
export function earlyValue(argv: readonly string[], key: string): string | undefined {
  let found: string | undefined;
  for (const t of tokens(argv)) if (t.option?.flags.key === key && t.value !== undefined) found = t.value;
  return found;
}

/** Whether a switch (`--debug`) is given anywhere. */
export function earlySwitch(argv: readonly string[], key: string): boolean {
  for (const t of tokens(argv)) if (t.option?.flags.key === key && !t.option.flags.takesValue) return true;
  return false;
}

/** The first word that is neither an option nor an option's value: the command word, if any. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (const t of tokens(argv)) if (!t.option && t.value !== undefined) return t.value;
  return undefined;
}

/**
 * The options of plain scoring (the root command, `assess`), when the command
 * line is one it can read for sure: only the root command's options, each
 * value present, not option-like, and allowed. Undefined for anything else.
 */
export function plainScoring(argv: readonly string[], m: Messages): Record<string, unknown> | undefined {
  const command: CommandName = 'assess';
  const options: Record<string, unknown> = { format: FORMATS[command][0] };
  // A switch declared only as `--no-x` is on unless given, as commander has it.
  const own = byCommand(command);
  for (const { flags } of own) if (flags.negated && !own.some((o) => o.flags.key === flags.key && !o.flags.negated)) options[flags.key] = true;
  for (const t of tokens(argv)) {
    if (!t.option || !t.option.spec.commands.includes(command)) return undefined;
    const { spec, flags } = t.option;
    if (!flags.takesValue) {
      options[flags.key] = !flags.negated;
      continue;
    }
    const value = t.value;
    // A value that looks like an option (other than `-` for stdin) is commander's to judge.
    if (value === undefined || (value.startsWith('-') && value !== '-')) return undefined;
    if (spec.choices && !spec.choices(command).includes(value)) return undefined;
    try {
      options[flags.key] = spec.parse ? spec.parse(value, m) : value;
    } catch {
      return undefined;
    }
  }
  options.format = formatFor(command, options);
  return options;
}
