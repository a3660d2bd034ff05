// An answer pattern: the answers a verdict depends on (those to signals, and
// to the questions rules read), as a string that tells any two apart. Batch
// records repeat a few patterns over and over, so evaluate() scores each once
// (see PreparedPack.scored).
import type { AnswerVector } from './conditions.js';
import type { PreparedPack } from './prepare.js';
import { FREQ_LEVELS, type Question } from './types.js';

/** A byte for each frequency, and for each answer that is not a number. */
const FREQ_CODE: Readonly<Record<string, number>> = Object.fromEntries(FREQ_LEVELS.map((level, i) => [level, 0x61 + i]));
const [UNANSWERED, EXCLUDED, NOT_SURE, YES, NO, WHOLE, OTHER] = [0x5f, 0x2d, 0x3f, 0x79, 0x6e, 0x23, 0x7e];

/** The bytes of a pattern being made, views of their first n, and marks for the slots that do not apply: memory used again for every pattern. */
let scratch = new Uint8Array(256);
let views: Uint8Array[] = [];
let notApplying = new Uint8Array(64);
const decoder = new TextDecoder('latin1');

/**
 * The pattern of a vector, whose `excluded` questions (see dropInapplicable)
 * do not apply: a byte for each answer that is not a number, and for a whole
 * number a mark and its four bytes (not its digits: a string made from a
 * number lands in V8's number-to-string cache, and outlives young
 * collections; see ByteSink.number). Anything else, rare, is written out
 * after them. The bytes become one Latin-1 string, the only allocation.
 */
export function patternOf(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined): string {
  const slots = p.patternSlots;
  if (scratch.length < 5 * slots.length) {
    scratch = new Uint8Array(5 * slots.length);
    views = [];
  }
  const bytes = scratch;
  if (notApplying.length < p.slots.size) notApplying = new Uint8Array(p.slots.size);
  if (excluded) for (const question of excluded) notApplying[p.slots.get(question.id) as number] = 1;
  let n = 0;
  let rest = '';
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
  const pattern = decoder.decode((views[n] ??= bytes.subarray(0, n)));
  return rest ? `${pattern}|${rest}` : pattern;
}
