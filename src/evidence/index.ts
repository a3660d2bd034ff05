// The evidence core's public face (issue 16): what cli calls. Pure over rows;
// reading the file, the clock and the pack is the caller's.
//
//   const columns = parseColumns('client=Customer,total=Amount,issued=Date');   // --columns
//   const acc = createEvidence({ settings: evidenceSettings(pack.evidence), dateOrder, termsDays, currency, columns });
//   for await (const [row, line] of records) acc.add(row, line);
//   const outcome = acc.finish(today);   // { ok, evidence } | { ok: false, problems }
//   joinClients(names, outcome.evidence) // batch and --client
export { createEvidence, HEADER_SEARCH_ROWS, MAX_PENDING, MAX_SKIPPED_LISTED, type EvidenceAccumulator, type EvidenceOptions, type EvidenceOutcome } from './accumulate.js';
export { impliedAnswers, paysLateLevel } from './answers.js';
export { COLUMN_FIELDS, parseColumns, type ColumnMap, type ColumnsResult } from './columns.js';
export { currencyCode } from './currency.js';
export { DATE_ORDERS, type DateOrder } from './dates.js';
export { AGING_BUCKETS, INCOME_WINDOW_DAYS } from './figures.js';
export { FORMAT_NAMES, TOOL_NAMES, type FormatName } from './formats/types.js';
export { joinClients, type ClientJoin } from './join.js';
export { parseAmount, type DecimalSeparator } from './numbers.js';
export type { ClientFacts, Evidence, EvidenceAnswers, EvidenceProblem, EvidenceProblemCode } from './result.js';
export { EVIDENCE_DEFAULTS, evidenceSettings, evidenceSettingsProblems, PAYS_LATE_LEVELS, type EvidenceSettings } from './settings.js';
export { clientKey, sameClient } from '../clients/key.js';
