// "What would change the verdict": for each better verdict within reach, the
// fewest answer changes that reach it, found by exact search over the pack.
//
// Only answers to signals move, and only to better values: a fact about the
// situation (a contract, a problem already raised) is not something the client
// can change. Feasibility is monotone (a better answer never gives a worse
// verdict; validate.ts and the property tests hold the pack to that), so a set
// of signals can reach a verdict exactly when moving all of them to their best
// answers does. The search tries sets by size, smallest first, and among the
// smallest sets that work keeps the one whose answers move least; each answer
// moves only as far as it must.
//
// Batch scoring runs this for every fix and fire, so a trial is a few
// additions and the pack's rules, not a whole tally (each value's points and
// floor are known from prepare()), and the search allocates next to nothing.
// Signals that every set must hold (a floor, or a rule that holds unless they
// change) are found first, so that the sets without them are never tried.
import type { AnswerVector } from './conditions.js';
import type { Value } from './kinds/index.js';
import { FIRE, FIX, KEEP, type PreparedPack, type PreparedRule, type PreparedSignal, type Severity } from './prepare.js';
import { rulesOver, verdictFrom } from './score.js';
import { VERDICTS, type Question, type VerdictChange } from './types.js';

/**
 * Bounds for pathological inputs (dozens of signals, each half-way bad). The
 * fewest changes are always exact, and each answer always moves no further
 * than it must; past these bounds only the choice among equally small sets,
 * or among ways to share the steps, may not be the one that moves least.
 */
const MAX_SETS_COMPARED = 6;
/** Steps beyond one per answer that are tried in every way to share them. */
const MAX_EXTRA_STEPS = 6;

/** Points and most severe floor of the answered signals that stay as they are. */
interface Rest {
  /** In hundredths, as every figure of points here (see Worth). */
  points: number;
  floor: Severity;
}

/** An answered signal that could be better. */
interface Candidate {
  signal: PreparedSignal;
  /** The current answer, and its place among the signal's values (the better ones are below it). */
  value: Value;
  at: number;
  points: number;
  floor: Severity;
  /** Whether a rule that holds reads it: then leaving it as it is may keep that rule holding. */
  readByRule: boolean;
}

/** The state of one search: the answers (changed in place for a trial and put back), and what does not move. */
class Search {
  readonly candidates: Candidate[] = [];
  /** Points and most severe floor of every answered signal, as answered. */
  private points = 0;
  private floor: Severity = KEEP;
  private answered = 0;
  private readonly zeros: Int32Array;
  /**
   * The rules that hold as answered. Better answers can only make a rule stop
   * holding (validate.ts allows a rule to look only at bad answers to a
   * signal), so a trial needs to check these alone.
   */
  private readonly held: PreparedRule[];

  constructor(
    private readonly p: PreparedPack,
    private readonly answers: AnswerVector,
    excluded: Question[] | undefined,
    held: PreparedRule[],
  ) {
    for (const signal of p.signals) {
      if (signal.conditional && excluded?.includes(signal.question)) continue;
      const value = answers[signal.slot];
      if (value === null || value === undefined) continue;
      this.answered += 1;
      const worth = signal.worth(value);
      this.points += worth.cents;
      const at = indexIn(signal, value);
      if (at > 0) this.candidates.push({ signal, value, at, points: worth.cents, floor: worth.floor, readByRule: held.some((rule) => rule.reads.includes(signal.slot)) });
      else this.floor = Math.max(this.floor, worth.floor);
    }
    this.zeros = new Int32Array(this.candidates.length);
    this.held = held;
  }

  /** What the answered signals outside `set` give, as answered: their points and most severe floor. */
  rest(set: readonly number[]): Rest {
    let points = this.points;
    let floor = this.floor;
    // `set` is in ascending order: walk it alongside the candidates.
    for (let c = 0, s = 0; c < this.candidates.length; c++) {
      const cand = this.candidates[c] as Candidate;
      if (set[s] === c) {
        points -= cand.points;
        s++;
      } else if (cand.floor > floor) floor = cand.floor;
    }
    return { points, floor };
  }

  /**
   * The verdict with candidate `set[i]` at value index `indexes[i]`, and the
   * others (whose share is `rest`) as answered. With a `target`, it stops early
   * when the signals alone already give a verdict above it (rules only add):
   * that verdict is enough to know the target is out of reach.
   */
  verdict(set: readonly number[], indexes: ArrayLike<number>, rest: Rest = this.rest(set), target = Infinity): Severity {
    const { candidates, answers } = this;
    let points = rest.points;
    let floor = rest.floor;
    for (let i = 0; i < set.length; i++) {
      const { signal } = candidates[set[i] as number] as Candidate;
      points += signal.centsAt[indexes[i] as number] as number;
      floor = Math.max(floor, signal.floorAt[indexes[i] as number] as number);
    }
    const signalsAlone = verdictFrom(this.p, points, floor, this.answered).verdict;
    if (signalsAlone > target) return signalsAlone;
    for (let i = 0; i < set.length; i++) {
      const { signal } = candidates[set[i] as number] as Candidate;
      answers[signal.slot] = signal.values[indexes[i] as number];
    }
    const rules = rulesOver(this.held, answers);
    for (let i = 0; i < set.length; i++) {
      const cand = candidates[set[i] as number] as Candidate;
      answers[cand.signal.slot] = cand.value;
    }
    return verdictFrom(this.p, points + rules.cents, Math.max(floor, rules.floor), this.answered).verdict;
  }

  /** The verdict with every candidate of `set` at its best answer (value index 0). */
  atBest(set: readonly number[], rest?: Rest, target?: Severity): Severity {
    return this.verdict(set, this.zeros, rest, target);
  }

  /** The lowest score that gives a verdict above the target: the next band's start. */
  ceiling(target: Severity): number {
    const next = this.p.bands.find((b) => b.severity > target);
    return next ? next.from : Infinity;
  }

  /** Points the answered signals that are not candidates give. */
  get fixedPoints(): number {
    return this.candidates.reduce((sum, c) => sum - c.points, this.points);
  }
}

const NONE: readonly VerdictChange[] = Object.freeze([]);

/**
 * `held`: the rules that hold as answered (the tally has just found them).
 * `share`: frozen, as evaluate() shares it between assessments of one answer pattern.
 */
export function whatWouldChange(p: PreparedPack, answers: AnswerVector, excluded: Question[] | undefined, verdict: Severity, held: PreparedRule[], share = false): readonly VerdictChange[] {
  if (verdict !== FIX && verdict !== FIRE) return NONE;
  const search = new Search(p, answers, excluded, held);
  const changes: VerdictChange[] = [];
  for (let target = verdict - 1; target >= KEEP; target--) {
    const found = fewestChanges(search, target);
    if (!found) continue;
    // When the fewest changes to reach this verdict reach a better one, that one's entry says so.
    if (search.verdict(found.set, found.indexes) !== target) continue;
    // The set is in candidate order, which is asking order. Without a prototype, as
    // answers from outside are kept: and each set of ids would otherwise make V8 a
    // new hidden class, which lives in the old generation (varied records make many).
    const entry: Record<string, Value> = Object.create(null);
    found.set.forEach((c, i) => {
      const { signal } = search.candidates[c] as Candidate;
      entry[signal.question.id] = signal.values[found.indexes[i] as number] as Value;
    });
    const change: VerdictChange = { verdict: VERDICTS[target] as VerdictChange['verdict'], answers: share ? Object.freeze(entry) : entry };
    changes.push(share ? Object.freeze(change) : change);
  }
  if (!changes.length) return NONE;
  return share ? Object.freeze(changes) : changes;
}

/** Where a value sits among the signal's values: for a number, the band it falls in. */
function indexIn(signal: PreparedSignal, value: Value): number {
  const exact = signal.values.indexOf(value);
  if (exact >= 0 || signal.question.kind !== 'number') return exact;
  // Values of a number are its bands' lowest numbers, by points: find the value worth as much.
  const share = signal.worth(value).share;
  return signal.values.findIndex((v) => signal.worth(v).share >= share);
}

/** The smallest set of candidates (by index, in pack order) and the values they move to, or undefined if none reaches the target. */
function fewestChanges(search: Search, target: Severity): { set: number[]; indexes: number[] } | undefined {
  const { candidates } = search;
  const n = candidates.length;
  const all: number[] = [];
  for (let i = 0; i < n; i++) all.push(i);
  if (search.atBest(all) > target) return undefined;
  // A signal whose answer alone brings a floor above the target must change; so
  // must one without which even all the others at their best stay above it (a
  // rule that holds unless it changes). Every set that reaches the target holds
  // these: the sets without them, which cannot, are never built, and the sets
  // with them come in the same order as before.
  const forced: number[] = [];
  const others: number[] = [];
  const allBut: number[] = [];
  for (let i = 0; i < n; i++) {
    const cand = candidates[i] as Candidate;
    let must = cand.floor > target;
    if (!must && cand.readByRule) {
      allBut.length = 0;
      for (let j = 0; j < n; j++) if (j !== i) allBut.push(j);
      must = search.atBest(allBut, undefined, target) > target;
    }
    (must ? forced : others).push(i);
  }
  // The others, the answers that give most points first. Rules only add points,
  // so the signals left as they are must give fewer than the target's band
  // allows: taking the largest away first gives a lower bound on how many must change.
  sortBy(others, (c) => -(candidates[c] as Candidate).points);
  const pointsOf = others.map((i) => (candidates[i] as Candidate).points);
  let total = 0;
  for (const x of pointsOf) total += x;
  // In hundredths: a score stays under the ceiling while its points stay under it by more than .5.
  const need = total - (100 * search.ceiling(target) - 50 - search.fixedPoints);
  let k = 0;
  for (let taken = 0; taken <= need && k < others.length; k++) taken += pointsOf[k] as number;

  for (; k <= others.length; k++) {
    let best: { moves: number; set: number[]; indexes: number[] } | undefined;
    let compared = 0;
    heavySubsets(pointsOf, k, need, (chosen) => {
      const set = forced.slice();
      for (const j of chosen) set.push(others[j] as number);
      if (chosen.length) sortBy(set, (c) => c);
      const rest = search.rest(set);
      if (search.atBest(set, rest, target) > target) return false;
      const least = leastMoves(search, set, rest, target, best ? best.moves - 1 : Infinity);
      if (least && (!best || least.moves < best.moves)) best = { moves: least.moves, indexes: least.indexes, set };
      // Each answer moves at least one step: a set that moves no more cannot be beaten.
      return (best !== undefined && best.moves === set.length) || ++compared >= MAX_SETS_COMPARED;
    });
    if (best) return best;
  }
  return undefined;
}

/**
 * For a set that reaches the target at its best answers: the value indexes that
 * move least in all, within `limit` steps. Totals are tried from the smallest
 * up, so the first that reaches the target is the least; with too many steps to
 * share, each answer is moved back in turn as far as the target allows instead.
 */
function leastMoves(search: Search, set: number[], rest: Rest, target: Severity, limit: number): { moves: number; indexes: number[] } | undefined {
  const k = set.length;
  const at = new Array<number>(k);
  // The fewest steps each member must move for its own floor to allow the target.
  const least = new Array<number>(k);
  const indexes = new Array<number>(k);
  let most = 0;
  let fewest = 0;
  for (let i = 0; i < k; i++) {
    const { signal, at: from } = search.candidates[set[i] as number] as Candidate;
    let index = from - 1;
    while (index > 0 && (signal.floorAt[index] as number) > target) index -= 1;
    at[i] = from;
    least[i] = from - index;
    indexes[i] = from - 1;
    most += from;
    fewest += from - index;
  }
  const reaches = () => search.verdict(set, indexes, rest, target) <= target;
  if (most - fewest <= MAX_EXTRA_STEPS) {
    // Every way to share `left` more steps among members from i on, each within its range.
    const share = (i: number, left: number): boolean => {
      if (i === set.length) return left === 0 && reaches();
      const from = least[i] as number;
      for (let extra = Math.min(left, (at[i] as number) - from); extra >= 0; extra--) {
        indexes[i] = (at[i] as number) - from - extra;
        if (share(i + 1, left - extra)) return true;
      }
      return false;
    };
    for (let moves = fewest; moves <= Math.min(most, limit); moves++) if (share(0, moves - fewest)) return { moves, indexes: [...indexes] };
    return undefined;
  }
  indexes.fill(0);
  for (let moved = true; moved; ) {
    moved = false;
    for (let i = 0; i < set.length; i++) {
      const was = indexes[i] as number;
      for (let v = (at[i] as number) - 1; v > was; v--) {
        indexes[i] = v;
        if (reaches()) {
          moved = true;
          break;
        }
        indexes[i] = was;
      }
    }
  }
  const moves = most - indexes.reduce((sum, x) => sum + x, 0);
  return moves <= limit ? { moves, indexes } : undefined;
}

/**
 * Visits the k-subsets of positions 0..n-1 (weights sorted from the largest)
 * whose weights add up to more than `need`, in order, until `visit` returns
 * true. A branch stops as soon as even the largest weights left could not get
 * there: most sets are never built.
 */
function heavySubsets(weights: number[], k: number, need: number, visit: (chosen: number[]) => boolean): void {
  const chosen: number[] = [];
  const extend = (from: number, sum: number): boolean => {
    if (chosen.length === k) return sum > need && visit(chosen);
    const left = k - chosen.length;
    for (let i = from; i <= weights.length - left; i++) {
      // The best this branch can do: the next `left` weights, being the largest left.
      let reach = sum;
      for (let j = i; j < i + left; j++) reach += weights[j] as number;
      if (reach <= need) return false;
      chosen.push(i);
      const stop = extend(i + 1, sum + (weights[i] as number));
      chosen.pop();
      if (stop) return true;
    }
    return false;
  };
  extend(0, 0);
}

/**
 * Sorts a short list in place by a key, smallest first, keeping the order of
 * equal keys (as Array.prototype.sort does), by insertion: the search sorts
 * lists of a few items thousands of times, and Array.prototype.sort copies
 * each one first.
 */
function sortBy(list: number[], key: (item: number) => number): void {
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as number;
    const k = key(item);
    let j = i - 1;
    while (j >= 0 && key(list[j] as number) > k) {
      list[j + 1] = list[j] as number;
      j -= 1;
    }
    list[j + 1] = item;
  }
}
