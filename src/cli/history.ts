// Each client's history (issue 15): `history`, `due`, `forget`, and recording
// an assessment with its comparison to last time. The store is history-store.ts;
// the record and views are src/history's; the re-check is the engine's.
import { clientKey } from '../clients/key.js';
import type { PreparedPack } from '../engine/prepare.js';
import { recheck } from '../engine/recheck.js';
import type { Answers, Assessment } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';
import { problem } from '../i18n/problems.js';
import { escapeData, escapeLine } from '../render/escape.js';
import { historyRecord, latestOf, type HistoryRecord } from '../history/record.js';
import { clientHistoryView, dueView, historyListView, previousView, type PreviousJson } from '../history/views.js';
import { packFor, todayFor, verdictTitles } from './context.js';
import { historyFolder } from './history-home.js';
import { appendRecords, exportHistory, forgetClient, readClient, readIndex } from './history-store.js';
import type { Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';
import type { HistoryWarning, ReadResult } from '../history/read.js';

export interface HistoryOptions extends CommonOptions {
  today?: string;
  export?: boolean;
}

/** Warnings (a half line left by a crash) are said, once each, on stderr; a newer history is refused. */
function valuesOf<T>(result: ReadResult<T>, io: Io, m: Messages): T[] {
  if (!result.ok) throw problem(m, 'history/newer-version', result.problem.file, String(result.problem.version));
  for (const warning of result.warnings) io.stderr.write(`${escapeLine(warningLine(warning, m))}\n`);
  return result.values;
}

function warningLine(w: HistoryWarning, m: Messages): string {
  return `fire-check: ${m.history.skipped(w.file, w.line)} [${w.code}]`;
}

export async function historyCommand(client: string | undefined, options: HistoryOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  const folder = historyFolder(io.env);
  if (options.export) {
    const { warnings } = exportHistory(folder, (text) => io.writeOut(text));
    for (const warning of warnings) io.stderr.write(`${escapeLine(warningLine(warning, m))}\n`);
    return EXIT.ok;
  }
  if (client === undefined) {
    const view = historyListView(valuesOf(readIndex(folder), io, m));
    if (options.format === 'json') io.writeOut(`${JSON.stringify(view, null, 2)}\n`);
    else {
      const { renderHistoryList } = await import('../render/history.js');
      io.writeOut(renderHistoryList(escapeData(escapeNames(view)), { ...(await textContext(options)), verdictTitle: verdictTitles(await packFor(options, io)) }));
    }
    return EXIT.ok;
  }
  const key = clientKey(client);
  const records = key === '' ? [] : valuesOf(readClient(folder, key), io, m);
  const prepared = (await import('../engine/prepare.js')).prepare(await packFor(options, io));
  const view = clientHistoryView(records, prepared);
  if (!view) throw problem(m, 'history/unknown-client', client);
  if (options.format === 'json') io.writeOut(`${JSON.stringify(view, null, 2)}\n`);
  else {
    const { renderClientHistory } = await import('../render/history.js');
    // The pack's labels and units, and what the store kept, are data: escaped as the reports escape theirs (see assess.ts).
    const shown = escapeData({ ...view, client: escapeLine(view.client) });
    io.writeOut(renderClientHistory(shown, { ...(await textContext(options)), questions: escapeData(prepared.byId), verdictTitle: verdictTitles(prepared.pack) }));
  }
  return EXIT.ok;
}

/** `due`: the clients whose re-check date has come; exit 3 when there is any (for cron), 0 when none. */
export async function dueCommand(options: HistoryOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  const today = todayFor(options, io);
  const view = dueView(valuesOf(readIndex(historyFolder(io.env)), io, m), today);
  if (options.format === 'json') io.writeOut(`${JSON.stringify(view, null, 2)}\n`);
  else {
    const { renderDue } = await import('../render/history.js');
    io.writeOut(renderDue(escapeData({ ...view, due: view.due.map((d) => ({ ...d, client: escapeLine(d.client) })) }), await textContext(options)));
  }
  return view.due.length ? EXIT.due : EXIT.ok;
}

export async function forgetCommand(client: string, options: HistoryOptions, io: Io): Promise<number> {
  const m = options.messages ?? en;
  const result = forgetClient(historyFolder(io.env), clientKey(client));
  const shown = escapeLine(client);
  switch (result.status) {
    case 'forgotten':
      io.stderr.write(`${m.history.forgotten(shown)}\n`);
      return EXIT.ok;
    case 'unknown':
      io.stderr.write(`${m.history.nothingKept(shown)}\n`);
      return EXIT.ok;
    case 'busy':
      throw problem(m, 'history/busy', shown);
    case 'refused':
      throw problem(m, 'history/newer-version', result.problem.file, String(result.problem.version));
  }
}

/** A client's latest record as a run read it from the store, and whose it is (its key). */
export interface LastRecord {
  key: string;
  record: HistoryRecord | undefined;
}

/**
 * A client's latest record; none with no history or no name. Read once a run:
 * the interview starts from it and the re-check after scoring is against it
 * (withHistory), so both see the same record and a damaged line is said once.
 */
export function readLastRecord(client: string, io: Io, m: Messages): LastRecord {
  const key = clientKey(client);
  return { key, record: key === '' ? undefined : latestOf(valuesOf(readClient(historyFolder(io.env), key), io, m)) };
}

/** What a run records and shows about last time. */
export interface WithHistory {
  assessment: Assessment;
  previous?: PreviousJson;
  /** Records the assessment; returns a line saying where. */
  record(): string;
}

/**
 * Last time's assessment of this client, as input to this one: the re-check
 * (a fix whose targets were missed moves to fire, A§4) and the comparison.
 * The engine stays pure: the store is read here and handed over, unless the
 * run has read this client's already (`read`, for the interview's defaults).
 * `date` writes last time's date in the re-check's reason: as the report
 * writes its dates for people; ISO, as JSON keeps dates, without it.
 */
export function withHistory(p: PreparedPack, assessment: Assessment, answers: Answers, client: string | undefined, today: string, io: Io, m: Messages, read?: LastRecord, date?: (iso: string) => string): WithHistory {
  const folder = historyFolder(io.env);
  const key = client === undefined ? '' : clientKey(client);
  // A client with no name cannot be found again: nothing is recorded or compared.
  if (key === '') return { assessment, record: () => m.history.noName };
  const last = (read?.key === key ? read : readLastRecord(client as string, io, m)).record;
  const result = recheck(p, assessment, answers, last, today, { words: m.words, reasonText: (on) => m.history.escalated(date ? date(on) : on) });
  return {
    assessment: result.assessment,
    ...(last ? { previous: previousView(last, result, answers, p) } : {}),
    record() {
      const record: HistoryRecord = historyRecord(result.assessment, answers, today, client as string);
      appendRecords(folder, [record]);
      return m.history.recorded(folder);
    },
  };
}

/** Records a batch's scored clients at once (grouped by the store); those with no name are left out. */
export function recordAll(entries: { assessment: Assessment; answers: Answers; client: string | undefined }[], today: string, io: Io): void {
  const records = entries.filter((e) => e.client && clientKey(e.client) !== '').map((e) => historyRecord(e.assessment, e.answers, today, e.client as string));
  if (records.length) appendRecords(historyFolder(io.env), records);
}

async function textContext(options: CommonOptions) {
  const { localFormats } = await import('../i18n/format.js');
  return { messages: options.messages ?? en, formats: localFormats(options.lang ?? 'en') };
}

function escapeNames<T extends { clients: { client: string }[] }>(view: T): T {
  return { ...view, clients: view.clients.map((c) => ({ ...c, client: escapeLine(c.client) })) };
}

