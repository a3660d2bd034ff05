// The export formats, listed once. Detection tries them in this order, the most
// particular header first: Invoicely's six plain names would match a header of
// many another tool, so it comes last.
import { freshbooks } from './freshbooks.js';
import { harvest } from './harvest.js';
import { invoice2go } from './invoice2go.js';
import { invoicely } from './invoicely.js';
import { invoiceninja } from './invoiceninja.js';
import { quickbooks } from './quickbooks.js';
import { stripe } from './stripe.js';
import type { FormatName, FormatSpec } from './types.js';
import { wave } from './wave.js';
import { xero } from './xero.js';
import { zoho } from './zoho.js';

export type KnownFormat = Exclude<FormatName, 'columns'>;

export const FORMATS = {
  wave,
  quickbooks,
  xero,
  invoice2go,
  zoho,
  freshbooks,
  harvest,
  stripe,
  invoiceninja,
  invoicely,
} satisfies Record<KnownFormat, FormatSpec>;

export const DETECTION_ORDER = Object.keys(FORMATS) as KnownFormat[];

export { columnsFormat, missingColumns } from './columns.js';
export { FORMAT_NAMES, normaliseHeader, type FormatName, type FormatSpec } from './types.js';
