// Amounts as invoicing tools write them (issue 16): "1020.00", "1,020.00",
// "$1,020.00", "104,40", "1.234,56", "20 160,0" (Harvest, Swedish), "1'234.50",
// "(50.00)" and "-$50.00" for a credit, "1580.9400" (Xero), "EUR 12,50".
// Pure: text in, number (or undefined for "not an amount") out.

/** How a lone separator is read; `undefined` decides from the value itself. */
export type DecimalSeparator = '.' | ',';

// Thousands may be grouped by spaces (also no-break and narrow no-break) or
// apostrophes; currency symbols and codes may stand on either side.
const GROUPING = /[\s\u00a0\u202f'’]/g;
const CURRENCY = /[\p{L}\p{Sc}]/gu;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const FIGURE = /^(\()?([+\-\u2212])?([\d.,]+)([+\-\u2212])?(\))?$/;

/**
 * The amount a cell holds, or undefined when it holds none ("", "n/a", "1.2.3").
 *
 * Separators: with both "." and ",", the last one is the decimal mark. With one
 * kind only, repeated means thousands ("1,234,567"); once with one, two or four
 * or more digits after it means decimals ("104,40", "1580.9400"); once with
 * exactly three digits after a non-zero figure is the one ambiguous case:
 * "1,020" reads as one thousand and twenty (as en-US tools write it) and
 * "1.020" as one point zero two, unless `decimal` says which mark the file uses.
 */
export function parseAmount(text: string, decimal?: DecimalSeparator): number | undefined {
  // Most exports write plain figures ("1020.00", "-50"): read those without the general path.
  if (PLAIN.test(text) && (decimal !== ',' || !text.includes('.'))) return Number(text);
  const compact = text.replace(GROUPING, '');
  // A code or symbol inside the figure ("12abc34") makes it no amount.
  if (/[\d.,][\p{L}\p{Sc}]+[\d.,]/u.test(compact)) return undefined;
  const match = FIGURE.exec(compact.replace(CURRENCY, ''));
  if (!match) return undefined;
  const [, open, before, body = '', after, close] = match;
  if (Boolean(open) !== Boolean(close) || (before && after) || !/\d/.test(body)) return undefined;
  const plain = withDotDecimal(body, decimal);
  if (plain === undefined || !/^\d+(\.\d+)?$/.test(plain)) return undefined;
  const minus = [before, after].some((s) => s === '-' || s === '\u2212');
  const value = Number(plain);
  return Boolean(open) !== minus ? -value : value;
}

/** The figure with thousands marks removed and "." as the decimal mark. */
function withDotDecimal(body: string, decimal: DecimalSeparator | undefined): string | undefined {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = lastDot > lastComma ? '.' : ',';
    if (decimal && decimal !== mark) return undefined;
    return dropThousands(body, mark);
  }
  if (lastDot < 0 && lastComma < 0) return body;
  const mark: DecimalSeparator = lastDot >= 0 ? '.' : ',';
  const count = body.split(mark).length - 1;
  if (decimal) return decimal === mark ? (count === 1 ? dropThousands(body, mark) : undefined) : groupedOnly(body, mark);
  if (count > 1) return groupedOnly(body, mark);
  const [whole = '', fraction = ''] = body.split(mark);
  const looksGrouped = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  return looksGrouped && mark === ',' ? whole + fraction : `${whole}.${fraction}`;
}

/** `mark` is the decimal mark; the other separator may only group thousands. */
function dropThousands(body: string, mark: DecimalSeparator): string | undefined {
  const at = body.lastIndexOf(mark);
  const whole = groupedOnly(body.slice(0, at), mark === '.' ? ',' : '.');
  const fraction = body.slice(at + 1);
  if (whole === undefined || !/^\d+$/.test(fraction)) return undefined;
  return `${whole}.${fraction}`;
}

/** Digits grouped by threes with `mark` ("1,234,567"), or plain digits. */
function groupedOnly(body: string, mark: string): string | undefined {
  if (!body.includes(mark)) return /^\d+$/.test(body) ? body : undefined;
  const groups = body.split(mark);
  const [head = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(head) || rest.some((g) => !/^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

/** Whole cents, so that sums of many amounts do not drift. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}
