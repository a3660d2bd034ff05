// Currencies as exports write them: "USD", "eur", "United States Dollar - USD"
// (Harvest). Figures are kept per currency and never added across them.

/**
 * The lower-case ISO code a currency cell names ("United States Dollar - USD"
 * → "usd"); '' when the cell is empty. Anything else is kept as written (lower
 * case), so two different notations are never taken for one currency.
 */
export function currencyCode(text: string | undefined): string {
  const value = (text ?? '').trim();
  if (value === '') return '';
  const code = /(?:^|[^A-Za-z])([A-Za-z]{3})$/.exec(value);
  return (code ? (code[1] as string) : value).toLowerCase();
}
