// What `history "Acme"`, `history` and `due` show, as data: the JSON shapes
// issue 15 fixes (each with schemaVersion 1), defined once here; the text and
// markdown renderers draw from the same objects.
import { checkTargets, trendOf, type Recheck, type TargetCheck, type Trend } from '../engine/recheck.js';
import type { PreparedPack } from '../engine/prepare.js';
import type { AnswerValue, Answers, Verdict } from '../engine/types.js';
import { chronological, type HistoryRecord } from './record.js';
import type { IndexEntry, Summary } from './summary.js';

/** The version of the JSON shapes below. A field may be added; none is renamed or removed. */
export const HISTORY_JSON_VERSION = 1;

/** One answer that differs between two assessments; null for not answered, or not sure. */
export interface AnswerChange {
  id: string;
  from: AnswerValue;
  to: AnswerValue;
}

export interface AssessmentView {
  assessedOn: string;
  verdict: Verdict;
  score: number;
  recheckOn: string | null;
  answers: Record<string, AnswerValue>;
  pack: { id: string; version: string };
  whatWouldChange: HistoryRecord['whatWouldChange'];
}

/** `history "Acme" --format json`. */
export interface ClientHistoryJson {
  schemaVersion: typeof HISTORY_JSON_VERSION;
  client: string;
  /** Oldest first. */
  assessments: AssessmentView[];
  /** The latest against the one before it. */
  trend: Trend;
  /** Between the last two, in the pack's question order. */
  changes: AnswerChange[];
  /** The one before's targets (its whatWouldChange) against the latest answers; null with one assessment, or none set. */
  targets: TargetCheck | null;
}

export interface LatestView {
  assessedOn: string;
  verdict: Verdict;
  score: number;
  recheckOn: string | null;
}

/**
 * The `previous` an assessment's JSON gains when the client has history: last
 * time, and how this one compares (the text says "Last time, 22 Oct 2026: fix,
 * 19. Now: fire, 44, worse: pays late often → always").
 */
export interface PreviousJson {
  assessedOn: string;
  verdict: Verdict;
  score: number;
  recheckOn: string | null;
  trend: Trend;
  /** Last time's answers → this time's, in the pack's question order. */
  changes: AnswerChange[];
  targets: TargetCheck | null;
  /** True when the re-check moved this verdict to fire. */
  escalated: boolean;
}

/** `history --format json`. */
export interface HistoryListJson {
  schemaVersion: typeof HISTORY_JSON_VERSION;
  clients: { client: string; latest: LatestView; trend: Trend; assessments: number }[];
}

/** `due --format json`. */
export interface DueJson {
  schemaVersion: typeof HISTORY_JSON_VERSION;
  today: string;
  due: { client: string; recheckOn: string; verdict: Verdict; score: number; assessedOn: string }[];
}

/**
 * The answers that differ, in `order` (question ids; the pack's asking order),
 * then any others in the order they were given.
 */
export function answerChanges(previous: Answers, now: Answers, order: readonly string[] = []): AnswerChange[] {
  const ids = new Set([...order.filter((id) => Object.hasOwn(previous, id) || Object.hasOwn(now, id)), ...Object.keys(now), ...Object.keys(previous)]);
  const changes: AnswerChange[] = [];
  for (const id of ids) {
    const from = Object.hasOwn(previous, id) ? (previous[id] as AnswerValue) : null;
    const to = Object.hasOwn(now, id) ? (now[id] as AnswerValue) : null;
    if (from !== to) changes.push({ id, from, to });
  }
  return changes;
}

/**
 * One client over time, from its records in file order (the first written
 * gives the name); null with none. With the pack, changes follow its question
 * order and the targets are judged; without it, targets are null.
 */
export function clientHistoryView(records: readonly HistoryRecord[], p?: PreparedPack): ClientHistoryJson | null {
  const first = records[0];
  if (!first) return null;
  const ordered = chronological(records);
  const latest = ordered[ordered.length - 1] as HistoryRecord;
  const previous = ordered[ordered.length - 2];
  return {
    schemaVersion: HISTORY_JSON_VERSION,
    client: first.client,
    assessments: ordered.map(assessmentView),
    trend: trendOf(previous, latest),
    changes: previous ? answerChanges(previous.answers, latest.answers, p?.order.map((q) => q.id)) : [],
    targets: previous && p && previous.pack.id === p.ref.id ? checkTargets(p, previous.whatWouldChange, latest.answers) : null,
  };
}

/** Last time against this time, from the re-check of this assessment (engine/recheck.ts) and the answers it was made from. */
export function previousView(previous: HistoryRecord, result: Recheck, answers: Answers, p?: PreparedPack): PreviousJson {
  return {
    assessedOn: previous.assessedOn,
    verdict: previous.verdict,
    score: previous.score,
    recheckOn: previous.recheckOn,
    trend: result.trend,
    changes: answerChanges(previous.answers, answers, p?.order.map((q) => q.id)),
    targets: result.targets,
    escalated: result.escalated,
  };
}

const assessmentView = (r: HistoryRecord): AssessmentView => ({
  assessedOn: r.assessedOn,
  verdict: r.verdict,
  score: r.score,
  recheckOn: r.recheckOn,
  answers: r.answers,
  pack: { id: r.pack.id, version: r.pack.version },
  whatWouldChange: r.whatWouldChange,
});

const latestView = (s: Summary): LatestView => ({ assessedOn: s.assessedOn, verdict: s.verdict, score: s.score, recheckOn: s.recheckOn });

/** Index entries in the order lists show them: by key, which is the name without case or accents. */
export function byClient(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every client: latest verdict, score, date, trend and re-check date. */
export function historyListView(entries: readonly IndexEntry[]): HistoryListJson {
  return {
    schemaVersion: HISTORY_JSON_VERSION,
    clients: byClient(entries).map((e) => ({ client: e.client, latest: latestView(e.latest), trend: trendOf(e.previous, e.latest), assessments: e.assessments })),
  };
}

/** The clients whose latest assessment set a re-check date that has come (on or before `today`), the longest due first. */
export function dueEntries(entries: readonly IndexEntry[], today: string): IndexEntry[] {
  return byClient(entries)
    .filter((e) => e.latest.recheckOn !== null && e.latest.recheckOn <= today)
    .sort((a, b) => ((a.latest.recheckOn as string) < (b.latest.recheckOn as string) ? -1 : (a.latest.recheckOn as string) > (b.latest.recheckOn as string) ? 1 : 0));
}

export function dueView(entries: readonly IndexEntry[], today: string): DueJson {
  return {
    schemaVersion: HISTORY_JSON_VERSION,
    today,
    due: dueEntries(entries, today).map((e) => ({ client: e.client, recheckOn: e.latest.recheckOn as string, verdict: e.latest.verdict, score: e.latest.score, assessedOn: e.latest.assessedOn })),
  };
}
