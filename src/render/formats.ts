// The output formats, listed once. Each is one module with one signature,
// `(assessment, context) -> string` (batch formats: a writer fed one record at
// a time). `--format` choices, the help and docs/output-formats.md come from
// these lists; a test checks the docs name each one.
import type { Answers, Assessment, Pack, Question, ScriptOutput, Verdict } from '../engine/types.js';
import type { Messages } from '../i18n/en.js';
import type { LocalFormats } from '../i18n/format.js';
import type { BatchWriter } from './batch-writers.js';
import { renderJson } from './json.js';
import type { Style } from './style.js';
import type { PreviousJson } from '../history/views.js';

/** All a renderer may use besides the assessment. Renderers are pure: they return text, and cli writes it. */
export interface RenderContext {
  verdicts: Pack['verdicts'];
  messages?: Messages;
  /** The pack's questions, to name answers ("what would change the verdict"). */
  questions?: ReadonlyMap<string, Question>;
  /** The words to use, for the formats that say them. */
  script?: ScriptOutput[];
  /** Colour functions at the level cli decided (plain unless a terminal wants colour). */
  style?: Style;
  /** Terminal width in columns; text wraps to it. */
  width?: number;
  /** Dates, money and decimals in the user's language (for the formats people read). */
  formats?: LocalFormats;
  /** The day the assessment was made as of (ISO). */
  assessedOn?: string;
  /** The answers it was made from, to list them. */
  answers?: Answers;
  /** For words the user asked for (`script --verdict fire`): the verdict fire-check itself gave. */
  assessedVerdict?: Verdict;
  /** Last time's assessment of this client, and how this one compares (issue 15). */
  previous?: PreviousJson;
}

export type Render = (a: Assessment, context: RenderContext) => string;

export interface Format {
  load(): Promise<Render>;
  /**
   * What the output is for. `terminal`: shown to a person (data escaped,
   * coloured, wrapped to the width); `document`: text to keep or paste (data
   * escaped); `data`: for programs, exact.
   */
  medium: 'terminal' | 'document' | 'data';
  /** Needs the words to use (the script), which cost time to build. */
  script: boolean;
}

/** The report of one assessment (`fire-check --format …`). JSON, the scripts' hot path, is in the entry bundle. */
export const REPORT_FORMATS = {
  text: { medium: 'terminal', script: false, load: async () => (await import('./text.js')).renderText },
  json: { medium: 'data', script: false, load: async () => (a: Assessment) => renderJson(a) },
  markdown: { medium: 'document', script: true, load: async () => (await import('./markdown.js')).renderMarkdown },
} as const satisfies Record<string, Format>;

/** The words to use when ending it (`fire-check script --format …`). */
export const SCRIPT_FORMATS = {
  text: { medium: 'terminal', script: true, load: async () => (await import('./script.js')).renderScriptText },
  json: { medium: 'data', script: true, load: async () => (await import('./script.js')).renderScriptJson },
  markdown: { medium: 'document', script: true, load: async () => (await import('./script.js')).renderScriptMarkdown },
} as const satisfies Record<string, Format>;

/**
 * Batch output (`fire-check batch --format …`): a writer per run, fed record by
 * record, given the verdicts' titles for people (the data formats keep the ids).
 */
export const BATCH_FORMATS = {
  ndjson: { load: async () => (await import('./batch-writers.js')).ndjsonWriter },
  csv: { load: async () => (await import('./batch-csv.js')).csvWriter },
  table: { load: async () => (await import('./batch-table.js')).tableWriter },
} as const satisfies Record<string, { load(): Promise<(m: Messages, source: string, verdictTitle: (verdict: string) => string) => BatchWriter> }>;

export type ReportFormat = keyof typeof REPORT_FORMATS;
export type ScriptFormat = keyof typeof SCRIPT_FORMATS;
export type BatchFormat = keyof typeof BATCH_FORMATS;
