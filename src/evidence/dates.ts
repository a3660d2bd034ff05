// Dates as invoicing tools write them (issue 16): ISO ("2021-01-28"), ISO with
// a time ("2021-01-28T11:04:09+00:00", Stripe's "2021-01-28 11:04"), numeric
// day-first or month-first ("28/01/2021", "01/28/2021", "28.01.2021"), and
// English month names ("Jan 28 2021" from Invoicely, "Jan 28, 2021",
// "28 Jan 2021", "Thursday, January 28, 2021"). Pure.
//
// A numeric date whose first two parts are both 12 or less ("03/04/2021")
// cannot be read alone: readDate says so, and the file decides (a day above
// 12 somewhere in it), or the caller's date order does. Nothing is guessed.

/** A calendar day, as the number of days since 1970-01-01: differences are day counts. */
export type Day = number;

/** The order of day and month in a numeric date. */
export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

export type DateReading =
  | { kind: 'day'; day: Day }
  /** Day and month in an order the value alone does not tell. */
  | { kind: 'numeric'; first: number; second: number; year: number }
  | { kind: 'invalid' };

const MS_PER_DAY = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/;
const FAST_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s.*)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T\s,].*)?$/;
const TIME = /[\sT,]+\d{1,2}:\d{2}.*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day of a calendar date, or undefined when there is no such date (31 February). */
export function dayOf(year: number, month: number, day: number): Day | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1000 && year <= 9999)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** "YYYY-MM-DD" of a day. */
export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A strict "YYYY-MM-DD" (as `today` is given), or undefined. */
export function dayFromIso(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** What a date cell says; undefined for an empty cell. A time of day is ignored: the date is taken as written. */
export function readDate(text: string): DateReading | undefined {
  // Most exports write ISO dates: read those without the general path.
  const fast = FAST_ISO.exec(text);
  if (fast) return known(dayOf(Number(fast[1]), Number(fast[2]), Number(fast[3])));
  const value = text.trim().replace(WEEKDAY, '');
  if (value === '') return undefined;
  const iso = ISO.exec(value) ?? YEAR_FIRST.exec(value);
  if (iso) return known(dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const reading = { kind: 'numeric' as const, first: Number(numeric[1]), second: Number(numeric[2]), year: fullYear(numeric[3] as string) };
    return asDmy(reading) === undefined && asMdy(reading) === undefined ? { kind: 'invalid' } : reading;
  }
  return known(withMonthName(value.replace(TIME, '')));
}

type Numeric = Extract<DateReading, { kind: 'numeric' }>;
const asDmy = (r: Numeric) => dayOf(r.year, r.second, r.first);
const asMdy = (r: Numeric) => dayOf(r.year, r.first, r.second);

/** The order a numeric date proves, if any: a part above 12 is the day. */
export function orderShownBy(reading: DateReading): DateOrder | undefined {
  if (reading.kind !== 'numeric') return undefined;
  const [dmy, mdy] = [asDmy(reading), asMdy(reading)];
  if (dmy !== undefined && mdy === undefined) return 'dmy';
  if (mdy !== undefined && dmy === undefined) return 'mdy';
  return undefined;
}

/** Whether only the file's date order can tell what the value means ("03/04/2021", not "04/04/2021"). */
export function isAmbiguous(reading: DateReading): boolean {
  if (reading.kind !== 'numeric') return false;
  const [dmy, mdy] = [asDmy(reading), asMdy(reading)];
  return dmy !== undefined && mdy !== undefined && dmy !== mdy;
}

/**
 * The day a reading means in a file with the given order (undefined: not known
 * yet); undefined when it has none, or when the order is needed and not given.
 */
export function resolveDate(reading: DateReading, order: DateOrder | undefined): Day | undefined {
  if (reading.kind === 'day') return reading.day;
  if (reading.kind === 'invalid') return undefined;
  if (order) return order === 'dmy' ? asDmy(reading) : asMdy(reading);
  return isAmbiguous(reading) ? undefined : (asDmy(reading) ?? asMdy(reading));
}

function known(day: Day | undefined): DateReading {
  return day === undefined ? { kind: 'invalid' } : { kind: 'day', day };
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** "Jan 28 2021", "28 Jan 2021", "January 28, 2021", "28-Jan-21". */
function withMonthName(value: string): Day | undefined {
  const tokens = value.split(/[\s,./-]+/).filter(Boolean);
  if (tokens.length !== 3) return undefined;
  const at = tokens.findIndex((t) => /^[a-z]{3,}$/i.test(t));
  const month = at < 0 ? -1 : MONTHS.indexOf((tokens[at] as string).slice(0, 3).toLowerCase()) + 1;
  if (month <= 0 || !isMonthWord((tokens[at] as string).toLowerCase())) return undefined;
  const rest = tokens.filter((_, i) => i !== at);
  if (!rest.every((t) => /^\d+$/.test(t))) return undefined;
  const yearAt = rest.findIndex((t) => t.length === 4);
  // With a two-digit year: "Jan 28 21" (month first) or "28-Jan-21" (day first), year last either way.
  const [dayText, yearText] = yearAt >= 0 ? [rest[1 - yearAt], rest[yearAt]] : [rest[0], rest[1]];
  if (!dayText || dayText.length > 2 || !yearText || (yearText.length !== 4 && yearText.length !== 2)) return undefined;
  return dayOf(fullYear(yearText), month, Number(dayText));
}

function isMonthWord(word: string): boolean {
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return full.some((m) => m === word || m.slice(0, 3) === word || (word.length >= 3 && m.startsWith(word))) || word === 'sept';
}
