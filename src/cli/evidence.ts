// `fire-check evidence invoices.csv`: the money answers from an invoicing
// tool's export (issue 16). Reading is here; the facts are src/evidence's.
import type { InputEncoding } from '../answers/decode.js';
import { csvRows } from '../answers/records.js';
import { DEFAULT_MAX_RECORD } from '../answers/limits.js';
import { createEvidence, evidenceSettings, parseColumns, TOOL_NAMES, type DateOrder, type Evidence, type EvidenceProblem } from '../evidence/index.js';
import type { Pack } from '../engine/types.js';
import { FireCheckError } from '../errors.js';
import { en, type Messages } from '../i18n/en.js';
import { problem } from '../i18n/problems.js';
import { escapeData, escapeLine } from '../render/escape.js';
import { packFor, styleFor, todayFor } from './context.js';
import { openStream, type Io } from './io.js';
import { EXIT, type CommonOptions } from './options.js';

export interface EvidenceCommandOptions extends CommonOptions {
  columns?: string;
  dateFormat?: DateOrder;
  terms?: number;
  currency?: string;
  encoding?: InputEncoding;
  maxRecordSize?: number;
  today?: string;
}

/**
 * Reads an export into the facts per client, by the thresholds of the run's
 * pack (read by the caller, once a run); a problem with the file is a
 * FireCheckError naming it.
 */
export async function readEvidence(file: string, options: EvidenceCommandOptions, pack: Pack, io: Io): Promise<Evidence> {
  const m = options.messages ?? en;
  const today = todayFor(options, io);
  const columns = options.columns === undefined ? undefined : parseColumns(options.columns);
  if (columns && !columns.ok) throw problem(m, 'evidence/bad-columns', options.columns as string, columnsWhy(columns.params, m));
  const accumulator = createEvidence({
    settings: evidenceSettings(pack.evidence),
    ...(columns ? { columns: columns.columns } : {}),
    ...(options.dateFormat ? { dateOrder: options.dateFormat } : {}),
    ...(options.terms ? { termsDays: options.terms } : {}),
    ...(options.currency ? { currency: options.currency.toUpperCase() } : {}),
  });
  const source = file === '-' ? 'stdin' : file;
  const input = file === '-' ? io.stdin : openStream(file, m.errors.invoicesFile, m);
  for await (const row of csvRows(input, source, m, options.encoding, options.maxRecordSize ?? DEFAULT_MAX_RECORD)) {
    // A row that is not CSV is one the figures cannot use: skipped as the core skips its own, and said.
    if (row.ok) accumulator.add(row.cells, row.line);
    else io.stderr.write(`${escapeLine(m.batch.atLine(source, row.line, row.problem.message))}\n`);
  }
  const outcome = accumulator.finish(today);
  if (!outcome.ok) throw evidenceError(outcome.problems[0] as EvidenceProblem, source, m);
  return outcome.evidence;
}

export async function evidenceCommand(file: string, options: EvidenceCommandOptions, io: Io): Promise<number> {
  const pack = await packFor(options, io);
  const evidence = await readEvidence(file, options, pack, io);
  if (options.format === 'json') io.writeOut(`${JSON.stringify(evidence, null, 2)}\n`);
  else {
    const { renderEvidenceText } = await import('../render/evidence.js');
    const { localFormats } = await import('../i18n/format.js');
    // The pack's texts are data: escaped like the client names (see render/escape.ts).
    const questions = escapeData(new Map(pack.questions.map((q) => [q.id, q])));
    io.writeOut(renderEvidenceText(escapeClients(evidence), { messages: options.messages ?? en, formats: localFormats(options.lang ?? 'en'), style: await styleFor(options, io), questions }));
  }
  return EXIT.ok;
}

/** Client names and values from the file reach the terminal escaped (see render/escape.ts). */
function escapeClients(evidence: Evidence): Evidence {
  return { ...evidence, clients: evidence.clients.map((c) => ({ ...c, client: escapeLine(c.client) })) };
}

function toolNames(formats: unknown): string {
  const known = Array.isArray(formats) ? formats.filter((f): f is keyof typeof TOOL_NAMES => Object.hasOwn(TOOL_NAMES, f)) : [];
  return known.map((f) => TOOL_NAMES[f]).join(', ');
}

type ColumnsProblem = Extract<ReturnType<typeof parseColumns>, { ok: false }>;

/** What is wrong with --columns, in words (its reason is a code). With neither date named, either one will do. */
function columnsWhy({ reason, field = '' }: ColumnsProblem['params'], m: Messages): string {
  const why = m.evidence.badColumns;
  return reason === 'missing' && field === 'issued' ? why.missingDate : why[reason](field);
}

function evidenceError(p: EvidenceProblem, source: string, m: Messages): FireCheckError {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
  const where = p.line === undefined ? source : m.errors.fileLine(source, p.line);
  switch (p.code) {
    case 'evidence/empty':
      return problem(m, p.code, source);
    case 'evidence/unknown-format':
      // The tools by their names; the sentence goes on to say how to name the columns of any other.
      return problem(m, p.code, source, escapeLine(list(p.params.firstRow)).slice(0, 120), toolNames(p.params.formats));
    case 'evidence/missing-columns':
      return problem(m, p.code, source, list(p.params.missing) || list(p.params.format));
    case 'evidence/ambiguous-dates':
      return problem(m, p.code, source, list(p.params.columns), list(p.params.example));
    case 'evidence/mixed-date-orders':
      return problem(m, p.code, where, list(p.params.column), escapeLine(list(p.params.value)));
    case 'evidence/bad-columns':
      return problem(m, p.code, list(p.params.spec), columnsWhy(p.params as ColumnsProblem['params'], m));
    case 'evidence/bad-today':
      return problem(m, p.code, list(p.params.value));
  }
}
