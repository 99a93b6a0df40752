/**
 * A publication date as the corpus stores it: YYYY-MM-DD naming a day that exists. `Date.parse`
 * is not the check: V8 reads 2026-02-31 as March 3 and would show it so, and 0000-00-00 only
 * fails it. A module of its own (like lib/base/doc-id.ts) so the import form and the CLI check dates with
 * the same rule as meta.json, without loading the ingest.
 */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A source dated only by month (a report of "December 2024") keeps that precision. */
const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (the one ISO 8601 dates use). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `value` is YYYY-MM-DD and a real day: month 01–12, a day the month has, year 0001 or later. */
export function isCalendarDate(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Whether `value` is YYYY-MM naming a real month, year 0001 or later. */
function isCalendarMonth(value: string): boolean {
  const m = MONTH_SHAPE.exec(value);
  if (!m) return false;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= 1 && month >= 1 && month <= 12;
}

/**
 * Why a publication date is refused, in words a person understands (no paths, no flags): a day
 * (YYYY-MM-DD) or, for a source dated by month, a month (YYYY-MM).
 */
export function calendarDateProblem(value: string): string | null {
  if (isCalendarDate(value) || isCalendarMonth(value)) return null;
  if (!SHAPE.test(value) && !MONTH_SHAPE.test(value))
    return `"${value.slice(0, 40)}" is not a date in the form YYYY-MM-DD (e.g. 2026-05-20), or YYYY-MM for a source dated by month`;
  if (MONTH_SHAPE.test(value))
    return `${value} is not a month of the calendar (a date is YYYY-MM-DD, or YYYY-MM for a source dated by month)`;
  return `${value} is not a day of the calendar (no such month or day)`;
}
