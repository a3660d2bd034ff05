// Dates, money and decimals as a letter in each language writes them, by Intl
// (no hand-made month tables). Made only for the formats people read: setting
// up Intl costs ~10 ms, which the JSON path does not pay.
import type { Lang } from './index.js';

export interface LocalFormats {
  /** `2026-12-22` → "22 December 2026", "22 dicembre 2026", "2026. december 22.", "22 ธันวาคม 2569". */
  date(iso: string): string;
  /** An amount with its currency, grouped as the language groups ("2.000 €", "2 000 Ft"); whole amounts without decimals. */
  money(amount: number, currency: string): string;
  /** A number with at most `digits` decimals, in the language's way ("8,4"). */
  decimal(value: number, digits?: number): string;
  /** An amount whose currency is not known, grouped as money() groups it ("2.840,50", "1.200"); whole amounts without decimals. */
  amount(value: number): string;
}

/** The locale Intl formats each language in; Thai letters count years in the Buddhist era. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', it: 'it-IT', hu: 'hu-HU', th: 'th-TH-u-ca-buddhist' };

export function localFormats(lang: Lang): LocalFormats {
  const locale = LOCALES[lang];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const money = new Map<string, Intl.NumberFormat>();
  const decimals = new Map<number, Intl.NumberFormat>();
  const amounts = new Map<number, Intl.NumberFormat>();
  return {
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    money(amount, currency) {
      const whole = Number.isInteger(amount);
      const key = `${currency}:${whole}`;
      let format = money.get(key);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, useGrouping: 'always', ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) } as unknown as Intl.NumberFormatOptions);
        money.set(key, format);
      }
      return format.format(amount);
    },
    decimal(value, digits = 1) {
      let format = decimals.get(digits);
      if (!format) decimals.set(digits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return format.format(value);
    },
    amount(value) {
      // Grouped always, as money() is: Italian and Hungarian leave a four-digit number ungrouped otherwise ("1200" beside "1.200 €").
      const digits = Number.isInteger(value) ? 0 : 2;
      let format = amounts.get(digits);
      if (!format) amounts.set(digits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions)));
      return format.format(value);
    },
  };
}

/** Whether a code is an ISO 4217 currency this Node.js knows. */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}
