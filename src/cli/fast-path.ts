// The plain scoring command's options, read without commander. Strict on
// purpose: it understands only exact flags from the list below, with a value
// where one is due, and returns undefined for anything else (a subcommand,
// --help, --format=json, a typo, a value it cannot check), so that commander,
// the one authority on the command line, parses it and reports any error.
import type { AssessOptions } from './assess.js';

const SWITCHES: Record<string, (o: AssessOptions) => void> = {
  '--json': (o) => (o.json = true),
  '--exit-code': (o) => (o.exitCode = true),
  '--color': (o) => (o.color = true),
  '--no-color': (o) => (o.color = false),
  '--debug': (o) => (o.debug = true),
};

/** The root command's options that take a value; commandIn skips their values too. */
export const VALUES: Record<string, keyof AssessOptions> = {
  '--answers': 'answers',
  '--rules': 'rules',
  '--client': 'client',
  '--today': 'today',
  '--save-answers': 'saveAnswers',
  '--lang': 'lang',
  '--format': 'format',
  '-f': 'format',
};

const FORMATS = ['text', 'json', 'markdown'];

export function fastAssessOptions(argv: readonly string[]): AssessOptions | undefined {
  const options: AssessOptions = { format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const flag = SWITCHES[arg];
    if (flag) {
      flag(options);
      continue;
    }
    const key = VALUES[arg];
    const value = argv[i + 1];
    // A value that looks like an option (other than `-` for stdin) is commander's to judge.
    if (!key || value === undefined || (value.startsWith('-') && value !== '-')) return undefined;
    if (key === 'format' && !FORMATS.includes(value)) return undefined;
    (options as unknown as Record<string, string>)[key] = value;
    i += 1;
  }
  return options;
}

/**
 * The command the arguments name: the first word that is neither an option nor
 * an option's value. '*' (build them all) for `help`, so `help batch` can show
 * the options of batch.
 */
export function commandIn(argv: readonly string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return undefined;
    if (arg.startsWith('-')) {
      // The word after an option that takes a value is that value, not a command.
      if (arg in VALUES) i += 1;
      continue;
    }
    return arg === 'help' ? '*' : names.includes(arg) ? arg : undefined;
  }
  return undefined;
}
