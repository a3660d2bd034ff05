// Batch NDJSON output, written as bytes rather than returned as a string.
//
// A verdict line is ~3 KB for ~350 bytes of answers, and most of it (the steps
// with their texts and sources, most reasons) repeats from record to record. As
// strings, every record cost a long concatenation, its flattening, and then its
// UTF-8 encoding on the way out: more than the whole scoring. Here the parts
// that repeat are encoded once and copied as bytes; only what is the record's
// own (line, client, figures, texts with its answers in them) is encoded each
// time. The bytes are exactly those of JSON.stringify (a property test checks).
import type { Assessment } from '../engine/types.js';
import { REPORT_FIELDS, reported, type Field } from './json.js';

const QUOTE = 0x22;

const wordsOf = (buffer: Buffer) => new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.length >>> 2);

/** A byte that JSON.stringify might have escaped: see jsonString. */
const special = (byte: number) => byte < 0x20 || byte === 0x22 || byte === 0x5c || byte === 0xef;

/**
 * Whether bytes[from, to) hold a special byte. Four bytes at a time where it
 * can (the bit tricks of "Bit Twiddling Hacks": a byte below 0x20, and a byte
 * equal to each of the others), about three times as fast as byte by byte.
 * `words` is the same memory as `bytes`, which starts on a 4-byte boundary.
 */
export function mayNeedEscapes(bytes: Uint8Array, words: Uint32Array, from: number, to: number): boolean {
  let i = from;
  for (; i < to && (i & 3) !== 0; i++) if (special(bytes[i] as number)) return true;
  for (; i + 4 <= to; i += 4) {
    const x = words[i >>> 2] as number;
    const quote = x ^ 0x22222222;
    const backslash = x ^ 0x5c5c5c5c;
    const ef = x ^ 0xefefefef;
    const found =
      ((x - 0x20202020) & ~x) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash) | ((ef - 0x01010101) & ~ef);
    if (found & 0x80808080) return true;
  }
  for (; i < to; i++) if (special(bytes[i] as number)) return true;
  return false;
}

/**
 * Bytes to keep, in memory of their own: Buffer.from() takes small ones from
 * an 8 KiB pool, and one kept slice keeps its whole pool alive.
 */
function kept(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** Numbers other than whole ones (a confidence, points) seen so far, as JSON bytes: a run has a few hundred. */
const fractions = new Map<number, Buffer>();
const MAX_FRACTIONS = 1024;

function fractionBytes(n: number): Buffer {
  let bytes = fractions.get(n);
  if (bytes === undefined) {
    if (fractions.size >= MAX_FRACTIONS) fractions.clear();
    fractions.set(n, (bytes = kept(JSON.stringify(n))));
  }
  return bytes;
}

/**
 * Output bytes collected in one buffer and handed on in pieces: `take()` gives
 * what was written since the last take. A piece shares the buffer's memory,
 * and stays valid until `reuse()` says every piece taken is done with.
 */
export class ByteSink {
  private buffer: Buffer;
  /** The same memory as `buffer`, four bytes at a time. */
  private words: Uint32Array;
  private start = 0;
  private end = 0;

  constructor(private readonly size = 1 << 20) {
    this.buffer = ByteSink.allocate(size);
    this.words = wordsOf(this.buffer);
  }

  /** Memory that starts on a 4-byte boundary (a small Buffer may come from Node's shared pool). */
  private static allocate(size: number): Buffer {
    return Buffer.from(new ArrayBuffer(size));
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.end - this.start;
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.end);
    this.end += bytes.length;
  }

  text(text: string): void {
    // No UTF-16 unit takes more than 3 bytes in UTF-8 (a pair of them takes 4).
    this.room(text.length * 3);
    this.end += this.buffer.write(text, this.end, 'utf8');
  }

  /**
   * A string as JSON, as JSON.stringify writes it. Most texts need no escapes,
   * and checking the bytes once written costs a fraction of JSON.stringify: a
   * byte that might need one (a quote, a backslash, a control character, or
   * the first byte of U+F000 to U+FFFF, which holds the replacement character
   * a lone surrogate turns into) sends the string the slow way instead.
   */
  jsonString(text: string): void {
    this.room(text.length * 3 + 2);
    const buffer = this.buffer;
    const start = this.end;
    buffer[start] = QUOTE;
    const end = start + 1 + buffer.write(text, start + 1, 'utf8');
    if (mayNeedEscapes(buffer, this.words, start + 1, end)) {
      this.end = start;
      return this.text(JSON.stringify(text));
    }
    buffer[end] = QUOTE;
    this.end = end + 1;
  }

  byte(byte: number): void {
    this.room(1);
    this.buffer[this.end++] = byte;
  }

  /**
   * A number as JSON.stringify writes it. A whole number's digits are written
   * straight into the bytes: turning each line number into a string first
   * fills V8's number-to-string cache with strings that outlive a young
   * generation collection, and a long run's old generation with them.
   */
  number(n: number): void {
    if (!Number.isSafeInteger(n)) return this.bytes(fractionBytes(n));
    this.room(17);
    const buffer = this.buffer;
    let at = this.end;
    if (n < 0) {
      buffer[at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.end = at + digits;
    for (let i = this.end - 1; i >= at; i--) {
      buffer[i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
  }

  take(): Buffer {
    const piece = this.buffer.subarray(this.start, this.end);
    this.start = this.end;
    return piece;
  }

  /**
   * Every piece taken has been written and is not needed any more: what comes
   * next may go where they were. Filling the same memory again and again keeps
   * it in the CPU's cache, and that alone makes batch output ~5% faster.
   */
  reuse(): void {
    if (this.start !== this.end) return;
    this.start = 0;
    this.end = 0;
  }

  /** A copy, to keep, of what was written since `length` was `mark` (in memory of its own: see kept()). */
  copySince(mark: number): Buffer {
    const bytes = Buffer.allocUnsafeSlow(this.end - this.start - mark);
    this.buffer.copy(bytes, 0, this.start + mark, this.end);
    return bytes;
  }

  /** Makes room for `n` more bytes: a new buffer, with what is not yet taken moved over. */
  private room(n: number): void {
    if (this.end + n <= this.buffer.length) return;
    const pending = this.buffer.subarray(this.start, this.end);
    this.buffer = ByteSink.allocate(Math.max(this.size, 2 * (pending.length + n)));
    this.words = wordsOf(this.buffer);
    this.buffer.set(pending, 0);
    this.start = 0;
    this.end = pending.length;
  }
}

// The encoder walks the report's field tables (render/json.ts), each compiled
// once into the bytes of its keys. What the engine shares between assessments
// it freezes, all the way down (reasons, steps without placeholders, what an
// answer pattern scores, the pack), so the bytes of a frozen value are made
// once and kept by object: a frozen value is taken to be frozen all the way
// down. The fields between a record's own values (see
// Field.own) are cached as one run of bytes, found by its first frozen value
// (or its first string) and checked against every value in it. Caches are
// WeakMaps, or Maps that start again when full: nothing grows with the records.

interface CompiledField {
  field: Field<never>;
  /** `"key":` */
  key: Buffer;
  /** For a field with a table of its own: that table, compiled. */
  table?: Table;
  /** The bytes of frozen values not reported by `table`: arrays, and objects without a table. */
  shared: WeakMap<object, Buffer>;
  /** For a list: the bytes of runs of frozen items as last written, by the run's first item. */
  itemRuns: WeakMap<object, ItemRun[]>;
}

/** Frozen items in a row, and their bytes (comma-separated). */
interface ItemRun {
  items: unknown[];
  bytes: Buffer;
}

/**
 * Runs of items kept per first item, at most: the plans that start with a
 * step differ in a few ways. The first ones seen are kept, none replaced:
 * records whose plans all differ would otherwise make and drop bytes each time.
 */
const MAX_ITEM_RUNS = 8;

interface Table {
  source: readonly Field<never>[];
  /** The fields in order, as runs: each own field alone, the others together. */
  runs: Run[];
  /** The bytes of frozen objects reported by this table. */
  shared: WeakMap<object, Buffer>;
}

interface Run {
  fields: CompiledField[];
  own: boolean;
  /** The values being written, reused. */
  values: unknown[];
  /** The run's bytes as last written, by its first frozen value, or else its first string. */
  byObject: WeakMap<object, CachedRun>;
  byText: Map<string, CachedRun>;
}

interface CachedRun {
  values: unknown[];
  /** Whether a field came before the run (its bytes start with a comma), and whether it wrote one. */
  after: boolean;
  wrote: boolean;
  bytes: Buffer;
}

/** Runs kept by string, per run, at most: one per step of a pack, in practice. */
const MAX_TEXT_RUNS = 256;

function compileField(field: Field<never>): CompiledField {
  return { field, key: kept(`${JSON.stringify(field.key)}:`), table: field.fields && compileTable(field.fields), shared: new WeakMap(), itemRuns: new WeakMap() };
}

function compileTable(fields: readonly Field<never>[]): Table {
  const runs: Run[] = [];
  for (const field of fields.map(compileField)) {
    const own = field.field.own === true;
    const last = runs[runs.length - 1];
    if (last && !own && !last.own) last.fields.push(field);
    else runs.push({ fields: [field], own, values: [], byObject: new WeakMap(), byText: new Map() });
  }
  return { source: fields, runs, shared: new WeakMap() };
}

const REPORT = compileTable(REPORT_FIELDS as readonly Field<never>[]);
/** For values that no field describes: array items without a table. */
const PLAIN = compileField({ key: '', value: () => undefined });

const COMMA = 0x2c;
const NULL = Buffer.from('null');
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const EMPTY_LIST = Buffer.from('[]');
const LINE = Buffer.from('{"line":');
const END = Buffer.from('}\n');

/** The bytes of a frozen value as reported by `fields` (see Field.fields), made on first use. */
function sharedBytes(cache: WeakMap<object, Buffer>, value: object, fields: readonly Field<never>[] | undefined): Buffer {
  let bytes = cache.get(value);
  if (bytes === undefined) cache.set(value, (bytes = kept(JSON.stringify(reported(fields, value)))));
  return bytes;
}

function writeValue(sink: ByteSink, f: CompiledField, value: unknown): void {
  switch (typeof value) {
    case 'string':
      return sink.jsonString(value);
    case 'number':
      return sink.number(value);
    case 'boolean':
      return sink.bytes(value ? TRUE : FALSE);
    case 'object':
      if (value === null) return sink.bytes(NULL);
      if (Array.isArray(value)) return writeList(sink, f, value);
      if (f.table) return writeObject(sink, f.table, value);
      if (Object.isFrozen(value)) return sink.bytes(sharedBytes(f.shared, value, undefined));
  }
  sink.text(JSON.stringify(value) ?? 'null');
}

function writeList(sink: ByteSink, f: CompiledField, list: unknown[]): void {
  if (list.length === 0) return sink.bytes(EMPTY_LIST);
  if (Object.isFrozen(list)) return sink.bytes(sharedBytes(f.shared, list, f.field.fields));
  const item = f.table ? f : PLAIN;
  sink.byte(0x5b);
  for (let i = 0; i < list.length; ) {
    if (i) sink.byte(COMMA);
    if (item.table && isFrozenObject(list[i])) i = writeFrozenItems(sink, item, list, i);
    else writeValue(sink, item, list[i++]);
  }
  sink.byte(0x5d);
}

const isFrozenObject = (value: unknown): value is object => typeof value === 'object' && value !== null && Object.isFrozen(value);

/**
 * The frozen items of `list` from `from` on (a plan's steps without
 * placeholders, in a row), as one run of bytes kept by its first item and
 * used when the same items follow it. Returns where the run ends.
 */
function writeFrozenItems(sink: ByteSink, f: CompiledField, list: unknown[], from: number): number {
  let to = from + 1;
  while (to < list.length && isFrozenObject(list[to])) to++;
  const first = list[from] as object;
  let runs = f.itemRuns.get(first);
  if (runs) {
    for (const run of runs) {
      if (run.items.length === to - from && sameItems(run.items, list, from)) {
        sink.bytes(run.bytes);
        return to;
      }
    }
  }
  const mark = sink.length;
  for (let i = from; i < to; i++) {
    if (i > from) sink.byte(COMMA);
    writeObject(sink, f.table as Table, list[i] as object);
  }
  if (!runs) f.itemRuns.set(first, (runs = []));
  if (runs.length < MAX_ITEM_RUNS) runs.push({ items: list.slice(from, to), bytes: sink.copySince(mark) });
  return to;
}

function sameItems(items: unknown[], list: unknown[], from: number): boolean {
  for (let i = 0; i < items.length; i++) if (items[i] !== list[from + i]) return false;
  return true;
}

function writeObject(sink: ByteSink, t: Table, source: object): void {
  if (Object.isFrozen(source)) return sink.bytes(sharedBytes(t.shared, source, t.source));
  sink.byte(0x7b);
  writeFields(sink, t, source, false);
  sink.byte(0x7d);
}

/** Writes the fields of `source` that have a value, a comma before each but the first (`after`: one came before). */
function writeFields(sink: ByteSink, t: Table, source: object, after: boolean): void {
  const { runs } = t;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] as Run;
    after = run.own ? writeEach(sink, run.fields, source, after) : writeRun(sink, run, source, after);
  }
}

/**
 * Writes each field of `fields` that has a value (taken from `values` when
 * given, as read for a run); says whether a field has now been written.
 */
function writeEach(sink: ByteSink, fields: CompiledField[], source: object, after: boolean, values?: unknown[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as CompiledField;
    const value = values ? values[i] : f.field.value(source as never);
    if (value === undefined) continue;
    if (after) sink.byte(COMMA);
    after = true;
    sink.bytes(f.key);
    writeValue(sink, f, value);
  }
  return after;
}

/**
 * A run of fields that are not the record's own: from cached bytes when every
 * value is what it was when they were made (a frozen value is the same object;
 * a value that is neither frozen nor a primitive is never cached).
 */
function writeRun(sink: ByteSink, run: Run, source: object, after: boolean): boolean {
  const { fields, values } = run;
  let object: object | undefined;
  let text: string | undefined;
  let cacheable = true;
  for (let i = 0; i < fields.length; i++) {
    const value = (fields[i] as CompiledField).field.value(source as never);
    values[i] = value;
    if (typeof value === 'object' && value !== null) {
      if (!Object.isFrozen(value)) cacheable = false;
      else object ??= value;
    } else if (typeof value === 'string') text ??= value;
  }
  if (!cacheable || (object === undefined && text === undefined)) return writeEach(sink, fields, source, after, values);
  const cached = object !== undefined ? run.byObject.get(object) : run.byText.get(text as string);
  if (cached !== undefined && cached.after === after && sameValues(cached.values, values)) {
    sink.bytes(cached.bytes);
    return cached.wrote;
  }
  const seen = values.slice();
  const mark = sink.length;
  const wrote = writeEach(sink, fields, source, after, seen);
  const fresh: CachedRun = { values: seen, after, wrote, bytes: sink.copySince(mark) };
  if (object !== undefined) run.byObject.set(object, fresh);
  else {
    if (run.byText.size >= MAX_TEXT_RUNS) run.byText.clear();
    run.byText.set(text as string, fresh);
  }
  return wrote;
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Writes one NDJSON line: `{"line": n, ...toJsonReport(a)}` compactly, with a trailing newline. */
export function writeJsonLine(sink: ByteSink, line: number, a: Assessment): void {
  sink.bytes(LINE);
  sink.number(line);
  writeFields(sink, REPORT, a, true);
  sink.bytes(END);
}
