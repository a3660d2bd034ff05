// The history store: the files behind `--record`, `history`, `due`, `forget`
// and `history --export` (issue 15). The format and its rules are in
// src/history/ (pure); this is the file access, given the folder
// (historyFolder(io.env)). Synchronous: a command does a handful of these,
// and a lock waits with a plain sleep. docs/history.md has the layout and the
// safety argument; in short:
//
// - A client's records are appended to its own file, each batch of lines in
//   ONE write to a file opened with O_APPEND: the system moves to the end and
//   writes as one step, so appenders on a local file system never overwrite or
//   interleave each other, and lines already written are never touched. A
//   crash mid-write leaves at worst a half line at the end, which readers skip
//   with a warning, and the next append starts on a new line.
// - The index (one line per client: its latest two verdicts) is a cache,
//   derived from the client files and rewritten whole, by rename, under a lock:
//   `history` and `due` read 16 small files, never every record. A write under
//   way is marked in pending/, so that readers see it even if the process dies
//   before the index has it.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENTS, clientStem, INDEX, PENDING, RECORDS_EXT, shardOf, SHARDS, stemOfPending, stemOfRecords } from '../history/layout.js';
import { readLines, type HistoryWarning, type NewerVersion, type ReadResult } from '../history/read.js';
import { HistoryRecordSchema, parseRecordLine, serializeRecord, type HistoryRecord } from '../history/record.js';
import { parseIndexLine, summarize, type IndexEntry } from '../history/summary.js';

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
// Not on Windows, where there are no symbolic links to refuse in this way.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** A lock held this long belongs to a process that died: an index update takes milliseconds. */
const STALE_LOCK_MS = 10_000;
/** A pending mark this old is from a write that ended or died: the next index update of its client drops it. */
const STALE_PENDING_MS = 60_000;

export interface StoreOptions {
  /** fsync each file written before going on (default true): a record survives a power cut once recorded. */
  durable?: boolean;
  /** How long to wait for an index shard's lock, in ms (default 5000). */
  lockTimeout?: number;
  /** Milliseconds since the epoch; tests set it to age locks and marks. */
  now?: () => number;
}

/** Something the index could not be brought up to date with; the records are written, and readers still see them (pending/). */
export interface IndexNotice {
  code: 'history/index-busy' | 'history/newer-version';
  shard: string;
}

export type ForgetResult = { status: 'forgotten' | 'unknown' } | { status: 'busy' } | { status: 'refused'; problem: NewerVersion };

/**
 * Appends records to their clients' files, and brings the index up to date.
 * Each client's records go in one write; the name stored is the client's first
 * spelling (the first record of its file), whatever this record's spelling.
 * Throws what the system refuses (a full disk, permission denied), with the path.
 */
export function appendRecords(folder: string, records: readonly HistoryRecord[], options: StoreOptions = {}): { notices: IndexNotice[] } {
  if (records.length === 0) return { notices: [] };
  // Nothing is written that would not be read back: a record that fails its own schema is a bug of the caller's.
  for (const record of records) {
    const checked = HistoryRecordSchema.safeParse(record);
    if (!checked.success) throw new Error(`Not a history record (${checked.error.issues[0]?.path.join('.') || 'the record'}): ${JSON.stringify(record).slice(0, 200)}`);
  }
  makeFolders(folder);
  const byKey = new Map<string, HistoryRecord[]>();
  for (const record of records) {
    const group = byKey.get(record.key);
    if (group) group.push(record);
    else byKey.set(record.key, [record]);
  }
  const byShard = new Map<string, { stems: string[]; marks: string[] }>();
  let failure: { error: unknown } | undefined;
  for (const [key, group] of byKey) {
    const stem = clientStem(key);
    // Marked before the write: a reader that finds the mark reads this client's file itself.
    const mark = join(folder, PENDING, `${stem}.${nonce()}`);
    try {
      closeSync(openSync(mark, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE));
      try {
        appendLines(recordsFile(folder, stem), group, options.durable !== false, () => lock(folder, shardOf(stem), options));
      } catch (error) {
        // Nothing whole was written (at most a half line, which the index has no use for).
        rmSync(mark, { force: true });
        throw error;
      }
    } catch (error) {
      // The clients written so far still get their index entries; then the failure is told.
      failure = { error };
      break;
    }
    const shard = byShard.get(shardOf(stem)) ?? { stems: [], marks: [] };
    shard.stems.push(stem);
    shard.marks.push(mark);
    byShard.set(shardOf(stem), shard);
  }
  const notices = updateIndex(folder, byShard, options);
  if (failure) throw failure.error;
  return { notices };
}

/** Each shard's clients' entries made again; a client's pending marks go once the index has its records. */
function updateIndex(folder: string, byShard: Map<string, { stems: string[]; marks: string[] }>, options: StoreOptions): IndexNotice[] {
  const notices: IndexNotice[] = [];
  for (const [shard, { stems, marks }] of byShard) {
    const status = updateShard(folder, shard, stems, options);
    if (status !== 'ok') {
      // The marks stay: readers go on reading these clients' files until an update succeeds.
      notices.push({ code: status === 'busy' ? 'history/index-busy' : 'history/newer-version', shard });
      continue;
    }
    for (const mark of marks) rmSync(mark, { force: true });
  }
  return notices;
}

/** One client's records, in file order (`chronological` orders them by date). */
export function readClient(folder: string, key: string): ReadResult<HistoryRecord> {
  const file = recordsFile(folder, clientStem(key));
  return readLines(readIfThere(file) ?? '', file, parseRecordLine, (r) => r.key === key);
}

/**
 * Every client's index entry: the latest two verdicts, never every record.
 * Clients with a write marked pending are read from their files; a shard that
 * is missing or damaged is made again from its clients' files.
 */
export function readIndex(folder: string, options: StoreOptions = {}): ReadResult<IndexEntry> {
  if (!isThere(join(folder, CLIENTS))) return { ok: true, values: [], warnings: [] };
  // By key, not by stem: hashing 10,000 keys would cost `due` more than reading them.
  const entries = new Map<string, IndexEntry>();
  const warnings: HistoryWarning[] = [];
  const damaged: string[] = [];
  const indexThere = isThere(join(folder, INDEX));
  for (const shard of SHARDS) {
    if (!indexThere) {
      damaged.push(shard);
      continue;
    }
    const read = readShard(folder, shard);
    if (!read.ok) return read;
    // A damaged shard is the cache's own trouble, mended here: nothing to warn the user of.
    if (read.warnings.length) {
      damaged.push(shard);
      continue;
    }
    for (const entry of read.values) entries.set(entry.key, entry);
  }
  if (damaged.length) {
    const rebuilt = rebuildShards(folder, damaged, options);
    if (!rebuilt.ok) return rebuilt;
    warnings.push(...rebuilt.warnings);
    for (const entry of rebuilt.values) entries.set(entry.key, entry);
  }
  const pending = pendingStems(folder);
  if (pending.size) {
    // A client with a write under way (or left by a crash) is read from its file.
    for (const key of [...entries.keys()]) if (pending.has(clientStem(key))) entries.delete(key);
    for (const stem of pending) {
      const derived = deriveEntry(folder, stem);
      if (!derived.ok) return derived;
      warnings.push(...derived.warnings);
      if (derived.entry) entries.set(derived.entry.key, derived.entry);
    }
  }
  return { ok: true, values: [...entries.values()], warnings };
}

/**
 * Makes the whole index again from the client files: after the folder was
 * synced or restored from elsewhere, or a client file edited by hand. Reads
 * every record once.
 */
export function rebuildIndex(folder: string, options: StoreOptions = {}): ReadResult<IndexEntry> {
  if (!isThere(join(folder, CLIENTS))) return { ok: true, values: [], warnings: [] };
  return rebuildShards(folder, [...SHARDS], options);
}

/** Deletes everything kept about one client: its records and its index entry. */
export function forgetClient(folder: string, key: string, options: StoreOptions = {}): ForgetResult {
  if (!isThere(join(folder, CLIENTS))) return { status: 'unknown' };
  makeFolders(folder);
  const stem = clientStem(key);
  const shard = shardOf(stem);
  const release = lock(folder, shard, options);
  if (!release) return { status: 'busy' };
  try {
    const current = currentEntries(folder, shard);
    // A newer fire-check's index or records are not ours to rewrite; nothing is deleted.
    if (!current.ok) return { status: 'refused', problem: current.problem };
    const file = recordsFile(folder, stem);
    const existed = isThere(file);
    rmSync(file, { force: true });
    const indexed = current.entries.delete(stem);
    if (indexed || current.rebuilt) writeShard(folder, shard, current.entries.values(), options.durable !== false);
    for (const name of listFolder(join(folder, PENDING))) if (stemOfPending(name) === stem) rmSync(join(folder, PENDING, name), { force: true });
    return { status: existed || indexed ? 'forgotten' : 'unknown' };
  } finally {
    release();
  }
}

/**
 * Every record of every client, one JSON line each (NDJSON), client by client
 * in file-name order, each client's in file order: for a backup or another
 * tool. `write` is called once per client file. A line from a newer fire-check
 * is passed on as it is (a copy needs no understanding of it); lines that are
 * not records are skipped with a warning.
 */
export function exportHistory(folder: string, write: (text: string) => void): { records: number; warnings: HistoryWarning[] } {
  const warnings: HistoryWarning[] = [];
  let records = 0;
  const names = listFolder(join(folder, CLIENTS))
    .filter((name) => stemOfRecords(name) !== undefined)
    .sort();
  for (const name of names) {
    const file = join(folder, CLIENTS, name);
    const text = readIfThere(file);
    if (text === undefined) continue; // forgotten since the listing
    let out = '';
    let line = 0;
    for (const raw of text.split('\n')) {
      line += 1;
      const result = parseRecordLine(raw);
      if (result.kind === 'ok') {
        if (result.recovered) warnings.push({ code: 'history/corrupt-line', file, line });
        out += `${serializeRecord(result.value)}\n`;
        records += 1;
      } else if (result.kind === 'newer') {
        out += `${raw.trim()}\n`;
        records += 1;
      } else if (result.kind === 'corrupt') warnings.push({ code: 'history/corrupt-line', file, line });
      else if (result.kind === 'invalid') warnings.push({ code: 'history/invalid-record', file, line, path: result.path });
    }
    if (out) write(out);
  }
  return { records, warnings };
}

// --- files -------------------------------------------------------------------

const recordsFile = (folder: string, stem: string) => join(folder, CLIENTS, `${stem}${RECORDS_EXT}`);
const shardFile = (folder: string, shard: string) => join(folder, INDEX, `${shard}.jsonl`);
const nonce = () => randomBytes(8).toString('hex');

/** The folders, private to the user (0700) when made here; folders that exist keep their mode (a team's shared folder). */
function makeFolders(folder: string): void {
  for (const sub of [CLIENTS, INDEX, PENDING]) mkdirSync(join(folder, sub), { recursive: true, mode: FOLDER_MODE });
}

/**
 * The safe path every record takes: one write of whole lines to the end of the
 * client's file (see the top of this file). When the file does not end with a
 * line break (a crash mid-write), the write starts with one, so the half line
 * stays alone and no record is glued to it.
 *
 * A client's first write is made under its shard's lock (`lockFirst`), so that
 * of two processes recording a new client at once, the second finds the
 * first's record and takes its spelling. Without the lock (busy), the record is
 * written all the same; readers show the spelling of the file's first line.
 */
function appendLines(file: string, records: readonly HistoryRecord[], durable: boolean, lockFirst: () => (() => void) | undefined): void {
  const fd = openSync(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, FILE_MODE);
  let release: (() => void) | undefined;
  try {
    let size = fstatSync(fd).size;
    if (size === 0) {
      release = lockFirst();
      size = fstatSync(fd).size;
    }
    const client = (size > 0 ? firstSpelling(fd) : undefined) ?? (records[0] as HistoryRecord).client;
    let text = size > 0 && !endsWithNewline(fd, size) ? '\n' : '';
    for (const record of records) text += `${serializeRecord(record.client === client ? record : { ...record, client })}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const written = writeSync(fd, bytes, 0, bytes.length);
    // A regular file takes a write whole unless the disk or a quota is full; what did go in
    // is a half line that readers skip. Never write the rest separately: another appender's
    // line could come between.
    if (written !== bytes.length) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', syscall: 'write', path: file });
    if (durable) fsyncSync(fd);
  } finally {
    release?.();
    closeSync(fd);
  }
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
}

/** The client name of the first record in the file (the first whole line that is one), from its first 16 KiB. */
function firstSpelling(fd: number): string | undefined {
  const head = Buffer.allocUnsafe(16 * 1024);
  const text = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
  for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const line = parseRecordLine(text.slice(start, end));
    if (line.kind === 'ok') return line.value.client;
  }
  return undefined;
}

/** A file's text, or undefined when there is none. Links are not followed. */
function readIfThere(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

// --- the index -----------------------------------------------------------------

function readShard(folder: string, shard: string): ReadResult<IndexEntry> {
  const file = shardFile(folder, shard);
  // A shard not there has no client yet: shards are made by the first record of one of theirs.
  return readLines(readIfThere(file) ?? '', file, parseIndexLine);
}

/** Written whole to a private temporary file, then renamed over the shard: a reader sees the old shard or the new, never a mix. */
function writeShard(folder: string, shard: string, entries: Iterable<IndexEntry>, durable: boolean): void {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const temp = join(folder, INDEX, `.${shard}.${nonce()}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
  try {
    const bytes = Buffer.from(sorted.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (durable) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, shardFile(folder, shard));
}

/** A client's entry made from its file: null when it has no records (forgotten, or never written). */
function deriveEntry(folder: string, stem: string): { ok: true; entry: IndexEntry | null; warnings: HistoryWarning[] } | { ok: false; problem: NewerVersion } {
  const file = recordsFile(folder, stem);
  const read = readLines(readIfThere(file) ?? '', file, parseRecordLine);
  if (!read.ok) return read;
  // One key per file: the first record's (a line with another key is a hand edit).
  const key = read.values[0]?.key;
  return { ok: true, entry: summarize(read.values.filter((r) => r.key === key)), warnings: read.warnings };
}

/**
 * Under the shard's lock, each client's entry made again from its file (not
 * from what this process wrote: another may have written since), and the
 * shard rewritten. Pending marks of these clients old enough to be from a dead
 * write go too: their records are in the files just read.
 */
function updateShard(folder: string, shard: string, stems: readonly string[], options: StoreOptions): 'ok' | 'busy' | 'newer' {
  const release = lock(folder, shard, options);
  if (!release) return 'busy';
  try {
    const current = currentEntries(folder, shard);
    if (!current.ok) return 'newer';
    const { entries } = current;
    for (const stem of stems) {
      const derived = deriveEntry(folder, stem);
      if (!derived.ok) return 'newer';
      if (derived.entry) entries.set(stem, derived.entry);
      else entries.delete(stem);
    }
    writeShard(folder, shard, entries.values(), options.durable !== false);
    dropStalePending(folder, stems, options);
    return 'ok';
  } finally {
    release();
  }
}

type Entries = { ok: true; entries: Map<string, IndexEntry>; warnings: HistoryWarning[] } | { ok: false; problem: NewerVersion };

/** Every entry of a shard made from its clients' files (`names`: the listing of clients/, when already made). */
function deriveShard(folder: string, shard: string, names = listFolder(join(folder, CLIENTS))): Entries {
  const entries = new Map<string, IndexEntry>();
  const warnings: HistoryWarning[] = [];
  for (const name of names) {
    const stem = stemOfRecords(name);
    if (stem === undefined || shardOf(stem) !== shard) continue;
    const derived = deriveEntry(folder, stem);
    if (!derived.ok) return derived;
    warnings.push(...derived.warnings);
    if (derived.entry) entries.set(stem, derived.entry);
  }
  return { ok: true, entries, warnings };
}

/** A shard's entries as it is, or made again from the files when a line of it is damaged (`rebuilt`). */
function currentEntries(folder: string, shard: string): (Entries & { rebuilt?: boolean }) {
  const read = readShard(folder, shard);
  if (!read.ok) return read;
  if (read.warnings.length === 0) return { ok: true, entries: new Map(read.values.map((e) => [clientStem(e.key), e])), warnings: [] };
  return { ...deriveShard(folder, shard), rebuilt: true };
}

/** Shards made again from the client files, and written back when their lock can be had (a reader may be where nobody may write). */
function rebuildShards(folder: string, shards: readonly string[], options: StoreOptions): ReadResult<IndexEntry> {
  const warnings: HistoryWarning[] = [];
  const values: IndexEntry[] = [];
  const names = listFolder(join(folder, CLIENTS));
  for (const shard of shards) {
    let release: (() => void) | undefined;
    try {
      makeFolders(folder);
      release = lock(folder, shard, { ...options, lockTimeout: 0 });
    } catch {
      release = undefined; // a folder we may not write in: the index is made in memory only
    }
    try {
      const derived = deriveShard(folder, shard, names);
      if (!derived.ok) return derived;
      warnings.push(...derived.warnings);
      values.push(...derived.entries.values());
      if (release) {
        try {
          writeShard(folder, shard, derived.entries.values(), options.durable !== false);
        } catch {
          // Not written back: the next reader makes it again.
        }
      }
    } finally {
      release?.();
    }
  }
  return { ok: true, values, warnings };
}

function pendingStems(folder: string): Set<string> {
  const stems = new Set<string>();
  for (const name of listFolder(join(folder, PENDING))) {
    const stem = stemOfPending(name);
    if (stem !== undefined) stems.add(stem);
  }
  return stems;
}

function dropStalePending(folder: string, stems: readonly string[], options: StoreOptions): void {
  const now = (options.now ?? Date.now)();
  const wanted = new Set(stems);
  for (const name of listFolder(join(folder, PENDING))) {
    const stem = stemOfPending(name);
    if (stem === undefined || !wanted.has(stem)) continue;
    const path = join(folder, PENDING, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_PENDING_MS) rmSync(path, { force: true });
    } catch {
      // gone already
    }
  }
}

// --- the lock ------------------------------------------------------------------

/**
 * Takes the shard's lock: a file made with O_EXCL, which one process at a
 * time can make. Waits up to the timeout; a lock older than STALE_LOCK_MS is
 * from a process that died, and is broken. Returns the release, or undefined
 * when the lock could not be had in time.
 */
function lock(folder: string, shard: string, options: StoreOptions): (() => void) | undefined {
  const path = join(folder, INDEX, `${shard}.lock`);
  const now = options.now ?? Date.now;
  const deadline = Date.now() + (options.lockTimeout ?? 5000);
  for (let wait = 1; ; wait = Math.min(wait * 2, 8)) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
      const { ino } = fstatSync(fd);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => releaseLock(path, ino);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (breakIfStale(path, now())) continue;
    if (Date.now() >= deadline) return undefined;
    sleep(wait + Math.random() * wait);
  }
}

/** Only our own lock is removed: had it been broken as stale, the file there now is another's. */
function releaseLock(path: string, ino: number): void {
  try {
    if (lstatSync(path).ino === ino) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

/**
 * A stale lock is moved aside by rename, which only one breaker can do to a
 * given file; if what was moved is not the stale one (another breaker was
 * first and a live process has locked since), it is linked back.
 */
function breakIfStale(path: string, now: number): boolean {
  let stale;
  try {
    stale = lstatSync(path);
  } catch {
    return true; // released meanwhile: try again at once
  }
  if (now - stale.mtimeMs <= STALE_LOCK_MS) return false;
  const aside = `${path}.${nonce()}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return true;
  }
  try {
    if (lstatSync(aside).ino !== stale.ino) linkSync(aside, path);
  } catch {
    // Taken again meanwhile: that process holds it.
  }
  rmSync(aside, { force: true });
  return true;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
