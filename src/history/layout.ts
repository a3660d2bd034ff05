// Where each thing lives inside the history folder (see docs/history.md):
//
//   clients/<stem>.jsonl     one client's records, appended, never rewritten
//   index/<shard>.jsonl      one line per client: its latest two verdicts (a cache)
//   index/<shard>.lock       held while a shard is rewritten
//   pending/<stem>.<nonce>   a write under way, or left by one that crashed
//
// A stem is made from the client key alone: a readable slug, and a hash that
// keeps apart keys with the same slug. File names never carry the key itself:
// it may hold anything a name can, and no file system is then asked to hold
// more than ASCII letters, digits, "-" and ".".
import { createHash } from 'node:crypto';

export const CLIENTS = 'clients';
export const INDEX = 'index';
export const PENDING = 'pending';
export const RECORDS_EXT = '.jsonl';
/** The index is split in this many shards by the stem's hash: a record rewrites one, ~1/16 of it. */
export const SHARDS = '0123456789abcdef';

const SLUG_MAX = 40;
const HASH_LENGTH = 16;
const STEM = /^[a-z0-9-]{1,40}\.[0-9a-f]{16}$/;

/** The file stem of a client: "acme-s-r-l.3f9a1c2b7e10d4e5". */
export function clientStem(key: string): string {
  const slug = key.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, SLUG_MAX).replace(/-+$/, '') || 'client';
  return `${slug}.${createHash('sha256').update(key).digest('hex').slice(0, HASH_LENGTH)}`;
}

/** The index shard a client's entry is in. */
export function shardOf(stem: string): string {
  return stem.charAt(stem.length - HASH_LENGTH);
}

/** The stem of a file in clients/, or undefined for anything else there. */
export function stemOfRecords(name: string): string | undefined {
  if (!name.endsWith(RECORDS_EXT)) return undefined;
  const stem = name.slice(0, -RECORDS_EXT.length);
  return STEM.test(stem) ? stem : undefined;
}

/** The stem a file in pending/ stands for, or undefined for anything else there. */
export function stemOfPending(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  return dot > 0 && STEM.test(stem) ? stem : undefined;
}
