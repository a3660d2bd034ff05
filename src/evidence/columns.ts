// `--columns client=…,number=…,issued=…,due=…,paid=…,total=…,balance=…,currency=…`:
// the column names of an export no format knows. Pure: the text in, a map or a
// problem out. Names may contain spaces and commas ("Amount, incl. VAT"): a
// comma only separates fields when a known field name and "=" follow it.

export const COLUMN_FIELDS = ['client', 'number', 'issued', 'due', 'paid', 'total', 'balance', 'currency', 'status'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export type ColumnMap = Partial<Record<ColumnField, string>> & { client: string; total: string };

export type ColumnsResult =
  | { ok: true; columns: ColumnMap }
  | { ok: false; code: 'evidence/bad-columns'; params: { spec: string; reason: 'syntax' | 'unknown-field' | 'twice' | 'missing'; field?: string; allowed: string } };

const SPLIT = new RegExp(`,(?=\\s*(?:${COLUMN_FIELDS.join('|')})\\s*=)`, 'i');

export function parseColumns(spec: string): ColumnsResult {
  const allowed = COLUMN_FIELDS.join(', ');
  const fail = (reason: 'syntax' | 'unknown-field' | 'twice' | 'missing', field?: string): ColumnsResult => ({
    ok: false,
    code: 'evidence/bad-columns',
    params: { spec, reason, ...(field === undefined ? {} : { field }), allowed },
  });
  const map: Partial<Record<ColumnField, string>> = {};
  for (const part of spec.split(SPLIT)) {
    const eq = part.indexOf('=');
    if (eq < 0) return fail('syntax', part.trim());
    const field = part.slice(0, eq).trim().toLowerCase();
    const name = part.slice(eq + 1).trim();
    if (!(COLUMN_FIELDS as readonly string[]).includes(field)) return fail('unknown-field', field);
    if (name === '') return fail('syntax', field);
    // "issued=Date,amount=Total": a misspelt field would otherwise become part of a name.
    const stray = /,\s*([a-z_]+)\s*=/i.exec(name);
    if (stray) return fail('unknown-field', (stray[1] as string).toLowerCase());
    if (map[field as ColumnField] !== undefined) return fail('twice', field);
    map[field as ColumnField] = name;
  }
  if (map.client === undefined) return fail('missing', 'client');
  if (map.total === undefined) return fail('missing', 'total');
  if (map.issued === undefined && map.due === undefined) return fail('missing', 'issued');
  return { ok: true, columns: map as ColumnMap };
}
