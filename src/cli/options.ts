// Shared by every command module: exit codes and the options all commands take.
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/index.js';

/**
 * Node flags batch runs under. V8 grows its young generation to 16 MiB per
 * semi-space over a long run, which made memory for 1,000,000 records ~1.6x
 * that for 10,000; a 2 MiB cap keeps it flat at no cost in throughput (npm run
 * bench). V8 only honours it from process start, so batch runs itself once
 * more under Node with it.
 */
export const BATCH_NODE_FLAGS = ['--max-semi-space-size=2'];

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
