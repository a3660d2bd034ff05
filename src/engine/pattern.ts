// Answer patterns: the answers a verdict depends on (those to signals, and to
// the questions rules read). Batch records often repeat a few patterns, and
// evaluate() then scores each once (PatternMemo); records that are all
// different must cost next to nothing more for it.
import type { AnswerVector } from './conditions.js';
import type { PreparedPack } from './prepare.js';
import { FREQ_LEVELS, type Question } from './types.js';

/** A byte for each frequency, and for each answer that is not a number. */
const FREQ_CODE: Readonly<Record<string, number>> = Object.fromEntries(FREQ_LEVELS.map((level, i) => [level, 0x61 + i]));
const [UNANSWERED, EXCLUDED, NOT_SURE, YES, NO, WHOLE, OTHER] = [0x5f, 0x2d, 0x3f, 0x79, 0x6e, 0x23, 0x7e];

/**
 * Results remembered per pattern, at most: past this many the memo starts
 * again, so memory stays bounded however varied the records (a pattern is
 * ~40 bytes, a result a few hundred).
 */
const MAX_REMEMBERED = 4096;
/**
 * Patterns marked as seen: two bits each (by two hashes) in a bitmap of this
 * many, until it holds this many patterns; then it starts again. A pattern
 * never seen passes for seen ~1% of the time at most, and is then remembered
 * for nothing.
 */
const SEEN_BITS = 1 << 20;
const MAX_SEEN = 1 << 16;

/**
 * Results by answer pattern. A pattern is remembered the second time it is
 * seen, not the first: a set of records that are all different (answers to
 * thirty questions rarely repeat) then makes no string and keeps nothing, as
 * the first sighting is only a bit set in a bitmap, by a hash of the pattern.
 */
export class PatternMemo<T> {
  private readonly remembered = new Map<string, T>();
  private readonly seen = new Uint8Array(SEEN_BITS / 8);
  private marked = 0;
  /** The pattern find() was last asked about, when it had been seen before: what remember() keeps a result under. */
  private pending: string | undefined;

  /**
   * The result remembered for the pattern of these answers, or undefined; then
   * `shouldRemember` says whether to make one to keep (see remember()).
   */
  find(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined): T | undefined {
    const hash = readPattern(p, answers, excluded);
    // The second hash from the first (Kirsch and Mitzenmacher): its bits mixed again.
    const a = hash & (SEEN_BITS - 1);
    const b = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 12;
    if (!this.isSet(a) || !this.isSet(b)) {
      if (++this.marked > MAX_SEEN) {
        this.seen.fill(0);
        this.marked = 1;
      }
      this.set(a);
      this.set(b);
      this.pending = undefined;
      return undefined;
    }
    this.pending = patternString();
    return this.remembered.get(this.pending);
  }

  private isSet(bit: number): boolean {
    return ((this.seen[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
  }

  private set(bit: number): void {
    this.seen[bit >>> 3] = (this.seen[bit >>> 3] as number) | (1 << (bit & 7));
  }

  /** Whether the result for the pattern find() was last asked about should be made to keep (shared), and given to remember(). */
  get shouldRemember(): boolean {
    return this.pending !== undefined;
  }

  remember(result: T): void {
    if (this.pending === undefined) return;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(this.pending, result);
  }
}

/** The bytes of the pattern being read, views of their first n, and marks for the slots that do not apply: memory used again for every pattern. */
let scratch = new Uint8Array(256);
let views: Uint8Array[] = [];
let notApplying = new Uint8Array(64);
let length = 0;
let rest = '';
const decoder = new TextDecoder('latin1');

/**
 * Reads the pattern of a vector, whose `excluded` questions (see
 * dropInapplicable) do not apply, into `scratch` (and `rest`), and returns
 * its hash (FNV-1a). A byte for each answer that is not a number, and for a
 * whole number a mark and its four bytes (not its digits: a string made from
 * a number lands in V8's number-to-string cache and outlives young
 * collections; see ByteSink.number). Anything else, rare, is written out in
 * `rest`.
 */
function readPattern(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined): number {
  const slots = p.patternSlots;
  if (scratch.length < 5 * slots.length) {
    scratch = new Uint8Array(5 * slots.length);
    views = [];
  }
  const bytes = scratch;
  if (notApplying.length < p.slots.size) notApplying = new Uint8Array(p.slots.size);
  if (excluded) for (const question of excluded) notApplying[p.slots.get(question.id) as number] = 1;
  let n = 0;
  rest = '';
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    const v = answers[slot];
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= 0 && v <= 0xffffffff) {
        bytes[n] = WHOLE;
        bytes[n + 1] = v >>> 24;
        bytes[n + 2] = v >>> 16;
        bytes[n + 3] = v >>> 8;
        bytes[n + 4] = v;
        n += 5;
        continue;
      }
    } else {
      // A question that does not apply is not an unanswered one: it does not count as applicable.
      const code =
        typeof v === 'string' ? FREQ_CODE[v] : v === undefined ? (notApplying[slot] ? EXCLUDED : UNANSWERED) : v === null ? NOT_SURE : v ? YES : NO;
      if (code !== undefined) {
        bytes[n++] = code;
        continue;
      }
    }
    // Rare: a fraction, a negative number, a word no kind uses.
    bytes[n++] = OTHER;
    rest += `${i}:${JSON.stringify(v)};`;
  }
  if (excluded) for (const question of excluded) notApplying[p.slots.get(question.id) as number] = 0;
  length = n;
  let hash = 0x811c9dc5;
  for (let i = 0; i < n; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  for (let i = 0; i < rest.length; i++) hash = Math.imul(hash ^ rest.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The pattern last read, as a string that tells any two apart: its bytes as Latin-1, then `rest`. */
function patternString(): string {
  const pattern = decoder.decode((views[length] ??= scratch.subarray(0, length)));
  return rest ? `${pattern}|${rest}` : pattern;
}
