// The JSON report, defined once: the field tables below are the keys, in
// order, that `--format json` writes, and the batch NDJSON encoder
// (render/json-bytes.ts) walks the same tables to write the same report as
// bytes, so a key added here is in both (issue 13).
import type { Assessment, PlannedStep, Reason, VerdictChange } from '../engine/types.js';

/** 2: `score` is evidence points (no longer an average), reasons carry `floor`, and `whatWouldChange` is new. See CHANGELOG.md. */
export const JSON_SCHEMA_VERSION = 2;

/**
 * One key of a JSON object and how to get its value from the source. A value
 * is written as JSON.stringify writes it; undefined leaves the key out.
 * `fields` reports an object value, or each item of an array value, by a
 * table of its own. `own` marks a value that is the record's own, not shared
 * with other records (the client, the plan, a step's text with the client's
 * name in it): the batch encoder writes it each time, and the fields between
 * own values from bytes it keeps.
 */
export interface Field<T> {
  key: string;
  value: (source: T, verdictTitle?: string) => unknown;
  fields?: readonly Field<never>[];
  own?: boolean;
}

/** A field whose value is the source's property of the same name. */
function same<T, K extends keyof T & string>(key: K, more: Omit<Field<T>, 'key' | 'value'> = {}): Field<T> {
  return { key, value: (source) => source[key], ...more };
}

export const REASON_FIELDS: readonly Field<Reason>[] = [same('id'), same('type'), same('points'), same('floor'), same('text'), same('sources')];

export const STEP_FIELDS: readonly Field<PlannedStep>[] = [same('id'), same('phase'), same('text', { own: true }), same('sources')];

export const CHANGE_FIELDS: readonly Field<VerdictChange>[] = [same('verdict'), same('answers')];

export const PACK_FIELDS: readonly Field<Assessment['pack']>[] = [same('id'), same('version')];

/** The documented, stable JSON shape (see README, "JSON output"). Keys are always in this order. */
export const REPORT_FIELDS: readonly Field<Assessment>[] = [
  { key: 'schemaVersion', value: () => JSON_SCHEMA_VERSION },
  same('client', { own: true }),
  same('verdict'),
  { key: 'verdictTitle', value: (_, verdictTitle) => verdictTitle },
  same('score'),
  same('confidence'),
  same('answered'),
  same('applicable'),
  same('hardStops'),
  same('reasons', { fields: REASON_FIELDS }),
  same('steps', { fields: STEP_FIELDS, own: true }),
  same('whatWouldChange', { fields: CHANGE_FIELDS }),
  same('recheckOn'),
  same('assessedOn'),
  // Only when the client's history was read: last time, and how this compares.
  same('previous', { own: true }),
  same('pack', { fields: PACK_FIELDS }),
];

/** A value as a field with this table (see Field.fields) reports it. */
export function reported(fields: readonly Field<never>[] | undefined, value: unknown): unknown {
  if (!fields || value === null || typeof value !== 'object') return value;
  return Array.isArray(value) ? value.map((item: unknown) => reportOf(fields, item as never)) : reportOf(fields, value as never);
}

/** The object a field table makes of a source: its keys in order, without those whose value is undefined. */
export function reportOf<T>(fields: readonly Field<T>[], source: T, verdictTitle?: string): Record<string, unknown> {
  const report: Record<string, unknown> = {};
  for (const field of fields) {
    const value = field.value(source, verdictTitle);
    if (value !== undefined) report[field.key] = reported(field.fields, value);
  }
  return report;
}

export function toJsonReport(a: Assessment, verdictTitle?: string): Record<string, unknown> {
  return reportOf(REPORT_FIELDS, a, verdictTitle);
}

export function renderJson(a: Assessment, verdictTitle?: string): string {
  return `${JSON.stringify(toJsonReport(a, verdictTitle), null, 2)}\n`;
}
