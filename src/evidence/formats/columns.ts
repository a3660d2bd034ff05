// Any other export, with its columns named by the user (`--columns`, parsed by
// ../columns.ts). "total" names the invoice total: line items repeating it under
// one invoice number count it once.
import type { ColumnMap } from '../columns.js';
import { bindMapped } from './mapped.js';
import { normaliseHeader, type FormatSpec } from './types.js';

export function columnsFormat(map: ColumnMap): FormatSpec {
  const name = (text: string | undefined) => (text === undefined ? undefined : [normaliseHeader(text)]);
  const wanted = Object.values(map).map(normaliseHeader);
  return {
    isHeader: (cells) => wanted.every((w) => cells.includes(w)),
    bind: (header, read) =>
      bindMapped(header, read, {
        names: {
          client: [normaliseHeader(map.client)],
          number: name(map.number),
          issued: name(map.issued),
          due: name(map.due),
          paid: name(map.paid),
          total: [normaliseHeader(map.total)],
          balance: name(map.balance),
          currency: name(map.currency),
          status: name(map.status),
        },
        paidDates: map.paid !== undefined,
      }),
  };
}

/** The mapped names the header lacks. */
export function missingColumns(map: ColumnMap, cells: string[]): string[] {
  return Object.values(map).filter((text) => !cells.includes(normaliseHeader(text)));
}
