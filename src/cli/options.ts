// Shared by every command module: exit codes and the options all commands take.
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/index.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, keep: 0, fix: 10, fire: 11, 'fire-now': 12, cancelled: 130 } as const;

export interface CommonOptions {
  rules?: string;
  format: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
  /** The run's language and its strings: set by main() for every command. */
  lang?: Lang;
  messages?: Messages;
}
