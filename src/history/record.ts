// The history's records (issue 15): one JSON line per assessment, written once
// and never changed. The shape is defined here, once; the TS type is inferred
// from it. zod/mini, not zod: it loads in ~3 ms rather than ~25 ms, and
// `history "Acme"` is held to 1.5x the time of one piped assessment.
//
// A record carries its own format version (`v`): a record from a newer
// fire-check is refused, never misread; unknown fields of a known version are
// kept (loose objects), so a newer minor addition survives a read and export.
import * as z from 'zod/mini';
import { FREQ_LEVELS, VERDICTS, type AnswerValue, type Answers, type Assessment } from '../engine/types.js';
import { clientKey } from '../clients/key.js';

/** The record format this version writes and reads. */
export const HISTORY_VERSION = 1;

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Named = z.string().check(z.minLength(1));
const Verdict = z.enum(VERDICTS);
const Answer = z.union([z.boolean(), z.number(), z.enum(FREQ_LEVELS), z.null()]);
const Target = z.union([z.boolean(), z.number(), z.enum(FREQ_LEVELS)]);

export const HistoryRecordSchema = z.looseObject({
  v: z.literal(HISTORY_VERSION),
  /** The client's name as first recorded: the name shown, however it is typed later. */
  client: Named,
  /** clientKey(client): what records are matched and filed by. */
  key: Named,
  assessedOn: IsoDate,
  verdict: Verdict,
  score: z.number(),
  confidence: z.number(),
  recheckOn: z.nullable(IsoDate),
  /** The answers given, by question id, normalised (not sure is null). */
  answers: z.record(z.string(), Answer),
  pack: z.looseObject({ id: z.string(), version: z.string() }),
  /** The targets a re-check is judged by: each better verdict, and the answers that reach it. */
  whatWouldChange: z.array(z.looseObject({ verdict: Verdict, answers: z.record(z.string(), Target) })),
  /** The ids of the reasons for the verdict, most decisive first (`recheck` when a re-check escalated it). */
  reasons: z.array(z.string()),
});

export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/**
 * The record of an assessment made on `assessedOn` (ISO date) for `client`, from
 * the answers it was made from. The client must have a name to match by
 * (clientKey(client) not empty); the CLI asks for one before recording.
 */
export function historyRecord(assessment: Assessment, answers: Answers, assessedOn: string, client: string): HistoryRecord {
  const key = clientKey(client);
  if (key === '') throw new RangeError('A history record needs a client name with something to match by');
  const given: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(answers)) if (value !== undefined) given[id] = value;
  // `v` first: a line is recognised as a record by how it starts (see parseLine).
  return {
    v: HISTORY_VERSION,
    client,
    key,
    assessedOn,
    verdict: assessment.verdict,
    score: assessment.score,
    confidence: assessment.confidence,
    recheckOn: assessment.recheckOn,
    answers: given,
    pack: { id: assessment.pack.id, version: assessment.pack.version },
    whatWouldChange: assessment.whatWouldChange.map((c) => ({ verdict: c.verdict, answers: { ...c.answers } })),
    reasons: assessment.reasons.map((r) => r.id),
  };
}

/** One line of JSON, without its line break. JSON.stringify never writes a raw line break inside. */
export function serializeRecord(record: HistoryRecord): string {
  return JSON.stringify(record);
}

/** Every line this version writes, a record or an index entry, starts so. */
const LINE_START = `{"v":`;

/** What one line of a history file holds. */
export type LineResult<T> =
  | { kind: 'blank' }
  /** `recovered`: the line began with a half line (a crash mid-write) that was dropped. */
  | { kind: 'ok'; value: T; recovered: boolean }
  /** Not JSON: a half line left by a crash, or text from elsewhere. */
  | { kind: 'corrupt' }
  /** JSON, but not of this shape: `path` names the first field that is wrong. */
  | { kind: 'invalid'; path: string }
  /** Written by a newer fire-check: refused, never misread. */
  | { kind: 'newer'; version: number };

/** A parser of one line into `T`, gated by the format version. */
export type LineParser<T> = (text: string) => LineResult<T>;

/**
 * One line read as `schema`'s shape: blank, a value, a half line, a wrong
 * shape, or a newer version. A crash mid-append leaves a half line that the
 * next append may have been written onto (the writer starts a new line when
 * it can tell, see the store); such a line is read from the last place a line
 * of ours starts.
 */
export function lineParser<S extends z.ZodMiniType>(schema: S): LineParser<z.infer<S>> {
  const parse = (text: string, recovered: boolean): LineResult<z.infer<S>> => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const start = text.lastIndexOf(LINE_START);
      return start > 0 ? withRecovery(parse(text.slice(start), true)) : { kind: 'corrupt' };
    }
    const version = typeof json === 'object' && json !== null ? (json as { v?: unknown }).v : undefined;
    if (typeof version === 'number' && Number.isInteger(version) && version > HISTORY_VERSION) return { kind: 'newer', version };
    const checked = schema.safeParse(json);
    if (checked.success) return { kind: 'ok', value: checked.data as z.infer<S>, recovered };
    return { kind: 'invalid', path: checked.error.issues[0]?.path.join('.') ?? '' };
  };
  return (text) => (text.trim() === '' ? { kind: 'blank' } : parse(text, false));
}

/** A recovered line that still is not ours is as corrupt as it was. */
function withRecovery<T>(result: LineResult<T>): LineResult<T> {
  return result.kind === 'ok' ? result : { kind: 'corrupt' };
}

export const parseRecordLine: LineParser<HistoryRecord> = lineParser(HistoryRecordSchema);

/** Records in the order they were made: by date, and in the order written on the same date. */
export function chronological<T extends { assessedOn: string }>(records: readonly T[]): T[] {
  // Array.prototype.sort is stable.
  return [...records].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
}

/** The latest of a client's records, by date (the last written among those of the latest date); undefined with none. */
export function latestOf<T extends { assessedOn: string }>(records: readonly T[]): T | undefined {
  return chronological(records).at(-1);
}
