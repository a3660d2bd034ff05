// What `history` (every client) and `due` need of a client, kept in the index
// so that they never parse every record ever written (issue 15: "cost grows
// with what is asked"). An entry is derived from the client's records, never
// edited: the records are the truth, and the index can always be made again.
import * as z from 'zod/mini';
import { VERDICTS } from '../engine/types.js';
import { chronological, HISTORY_VERSION, lineParser, type HistoryRecord, type LineParser } from './record.js';

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const SummarySchema = z.looseObject({
  assessedOn: IsoDate,
  verdict: z.enum(VERDICTS),
  score: z.number(),
  recheckOn: z.nullable(IsoDate),
});

export const IndexEntrySchema = z.looseObject({
  v: z.literal(HISTORY_VERSION),
  key: z.string().check(z.minLength(1)),
  /** The first spelling. */
  client: z.string().check(z.minLength(1)),
  assessments: z.number(),
  latest: SummarySchema,
  previous: z.nullable(SummarySchema),
});

export type Summary = z.infer<typeof SummarySchema>;
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

export const parseIndexLine: LineParser<IndexEntry> = lineParser(IndexEntrySchema);

const summaryOf = (r: HistoryRecord): Summary => ({ assessedOn: r.assessedOn, verdict: r.verdict, score: r.score, recheckOn: r.recheckOn });

/**
 * A client's index entry from its records in file order: the first spelling
 * is the first written; latest and previous are by date. Null with no records.
 */
export function summarize(records: readonly HistoryRecord[]): IndexEntry | null {
  const first = records[0];
  if (!first) return null;
  const ordered = chronological(records);
  const latest = ordered[ordered.length - 1] as HistoryRecord;
  const previous = ordered[ordered.length - 2];
  return { v: HISTORY_VERSION, key: first.key, client: first.client, assessments: records.length, latest: summaryOf(latest), previous: previous ? summaryOf(previous) : null };
}
