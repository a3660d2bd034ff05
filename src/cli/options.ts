// The command line, declared once: every command and every option, with its
// help and the commands that take it. Commander is built from these tables
// (program.ts), and so is the fast path for plain scoring (argv.ts); a test
// runs both over a table of command lines and compares.
import { INPUT_ENCODINGS } from '../answers/decode.js';
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/index.js';
import { problem } from '../i18n/problems.js';
import { BATCH_FORMATS, REPORT_FORMATS, SCRIPT_FORMATS } from '../render/formats.js';

/** The speaker's forms a profile can choose (see profile.ts, which loads only when needed). */
export const VOICES = ['male', 'female', 'neutral'] as const;

export const EXIT = { ok: 0, failure: 1, usage: 2, due: 3, keep: 0, fix: 10, fire: 11, 'fire-now': 12, cancelled: 130 } as const;

type HelpKey = keyof Messages['help'];

/** Every command; `assess` is the root command (`fire-check` with no command word). */
export const COMMANDS = {
  assess: { summary: 'description', args: [] },
  script: { summary: 'script', args: [] },
  batch: { summary: 'batch', args: [['[file]', 'batchFile']] },
  questions: { summary: 'questions', args: [] },
  template: { summary: 'template', args: [] },
  'rules validate': { summary: 'validate', args: [['<file...>', 'validateFiles']] },
  'rules schema': { summary: 'schema', args: [] },
  'rules show': { summary: 'show', args: [['[file]', 'showFile']] },
  evidence: { summary: 'evidence', args: [['<file>', 'evidenceFile']] },
  history: { summary: 'history', args: [['[client]', 'historyClient']] },
  due: { summary: 'due', args: [] },
  forget: { summary: 'forget', args: [['<client>', 'historyClient']] },
  'config list': { summary: 'configList', args: [] },
  'config get': { summary: 'configGet', args: [['<key>', 'configKey']] },
  'config set': { summary: 'configSet', args: [['<key>', 'configKey'], ['<value>', 'configValue']] },
  'config unset': { summary: 'configUnset', args: [['<key>', 'configKey']] },
  'config path': { summary: 'configPath', args: [] },
} as const satisfies Record<string, { summary: HelpKey; args: readonly (readonly [string, HelpKey])[] }>;

export type CommandName = keyof typeof COMMANDS;

/** Commands grouped under a word of their own (`fire-check rules validate`), with the group's help. */
export const GROUPS = { rules: 'rulesGroup', config: 'configGroup' } as const satisfies Record<string, HelpKey>;

/** The formats each command writes; the first is its default. Assessments' formats come from the registry. */
export const FORMATS: Record<CommandName, readonly string[]> = {
  assess: Object.keys(REPORT_FORMATS),
  script: Object.keys(SCRIPT_FORMATS),
  batch: Object.keys(BATCH_FORMATS),
  questions: ['text', 'json'],
  template: ['json'],
  'rules validate': ['text', 'json'],
  'rules schema': ['json'],
  'rules show': ['yaml', 'json'],
  evidence: ['text', 'json'],
  history: ['text', 'json'],
  due: ['text', 'json'],
  forget: ['text'],
  'config list': ['text', 'json'],
  'config get': ['text', 'json'],
  'config set': ['text', 'json'],
  'config unset': ['text', 'json'],
  'config path': ['text', 'json'],
};

const ALL = Object.keys(COMMANDS) as CommandName[];
/** The commands that read a rule pack: all but the profile's and the history store's. */
const WITH_PACK = ALL.filter((c) => !c.startsWith('config ') && c !== 'due' && c !== 'forget');
const SCORING: CommandName[] = ['assess', 'script'];

export interface OptionSpec {
  /** As commander writes them: `-f, --format <format>`, `--no-color`. */
  flags: string;
  help: HelpKey;
  commands: readonly CommandName[];
  /** The values it takes, for the command it is given to. */
  choices?: (command: CommandName) => readonly string[];
  /** The value as the command gets it; throws a problem when it is not one. */
  parse?: (value: string, m: Messages) => unknown;
  /** Given before a command word (`fire-check --rules X questions`), it counts for that command. */
  inherited?: boolean;
}

export const OPTIONS: readonly OptionSpec[] = [
  { flags: '--rules <file>', help: 'rules', commands: WITH_PACK, inherited: true },
  { flags: '-f, --format <format>', help: 'format', commands: ALL, choices: (command) => FORMATS[command] },
  { flags: '--json', help: 'json', commands: ALL },
  { flags: '--lang <code>', help: 'lang', commands: ALL, inherited: true },
  { flags: '--color', help: 'color', commands: ALL, inherited: true },
  { flags: '--no-color', help: 'noColor', commands: ALL, inherited: true },
  { flags: '--debug', help: 'debug', commands: ALL, inherited: true },
  { flags: '--answers <file>', help: 'answers', commands: SCORING },
  { flags: '--client <name>', help: 'client', commands: SCORING },
  { flags: '--exit-code', help: 'exitCode', commands: SCORING },
  { flags: '--today <date>', help: 'today', commands: [...SCORING, 'batch', 'evidence', 'due'] },
  { flags: '--save-answers <file>', help: 'saveAnswers', commands: SCORING },
  { flags: '--max-record-size <characters>', help: 'maxRecordSize', commands: [...SCORING, 'batch', 'evidence'], parse: positiveWhole },
  { flags: '--input-format <format>', help: 'inputFormat', commands: ['batch'], choices: () => ['ndjson', 'csv'] },
  { flags: '--encoding <name>', help: 'encoding', commands: ['batch', 'evidence'], choices: () => INPUT_ENCODINGS },
  { flags: '--fail-fast', help: 'failFast', commands: ['batch'] },
  // The profile, for this run only (fire-check config keeps it).
  { flags: '--sign-as <name>', help: 'signAs', commands: SCORING },
  { flags: '--currency <code>', help: 'currency', commands: [...SCORING, 'evidence'] },
  { flags: '--voice <voice>', help: 'voice', commands: SCORING, choices: () => VOICES },
  { flags: '--contact <name>', help: 'contact', commands: SCORING },
  { flags: '--verdict <verdict>', help: 'verdict', commands: ['script'], choices: () => ['fire', 'fire-now'] },
  // Each client's history.
  { flags: '--record', help: 'record', commands: ['assess', 'batch'] },
  { flags: '--no-history', help: 'noHistory', commands: ['assess'] },
  { flags: '--export', help: 'export', commands: ['history'] },
  // Reading invoice exports (fire-check evidence).
  { flags: '--invoices <file>', help: 'invoices', commands: ['assess', 'batch'] },
  { flags: '--columns <fields>', help: 'columns', commands: ['evidence', 'assess', 'batch'] },
  { flags: '--date-format <order>', help: 'dateFormat', commands: ['evidence', 'assess', 'batch'], choices: () => ['dmy', 'mdy'] },
  { flags: '--terms <days>', help: 'terms', commands: ['evidence', 'assess', 'batch'], parse: days },
];

function days(value: string, m: Messages): number {
  if (/^[1-9]\d{0,3}$/.test(value)) return Number(value);
  throw problem(m, 'cli/bad-days', JSON.stringify(value));
}

function positiveWhole(value: string, m: Messages): number {
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw problem(m, 'cli/bad-max-record-size', JSON.stringify(value));
}

/** The format a command writes: --json picks its JSON format (NDJSON for batch). */
export function formatFor(command: CommandName, options: { format?: unknown; json?: unknown }): string {
  const formats = FORMATS[command];
  if (options.json) return formats.includes('json') ? 'json' : 'ndjson';
  return typeof options.format === 'string' ? options.format : (formats[0] as string);
}

/** An option's flags read apart: its names, the key its value goes under, whether it takes a value. */
export interface Flags {
  short?: string;
  long: string;
  /** Commander's attribute name: `--save-answers` → saveAnswers, `--no-color` → color. */
  key: string;
  takesValue: boolean;
  negated: boolean;
}

export function flagsOf(spec: OptionSpec): Flags {
  const match = /^(?:(-\w), )?(--([\w-]+))(?: [<[]([\w.]+)[>\]])?$/.exec(spec.flags);
  if (!match) throw new Error(`malformed flags in the option table: ${spec.flags}`);
  const [, short, long, name, value] = match as unknown as [string, string | undefined, string, string, string | undefined];
  const negated = name.startsWith('no-');
  const key = (negated ? name.slice(3) : name).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { ...(short ? { short } : {}), long, key, takesValue: value !== undefined, negated };
}

/** What every command gets besides its own options: set by main() for every command. */
export interface CommonOptions {
  rules?: string;
  format: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
  lang?: Lang;
  messages?: Messages;
}
