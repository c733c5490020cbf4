/**
 * Calendar-day arithmetic in the runtime's local time zone. Apps Script runs custom functions in
 * the script's time zone and hands over cell dates as midnight there, so "the same day" must be
 * compared by calendar date, never by milliseconds (a 23- or 25-hour DST day would break that).
 */
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const floor = Math.floor;

/** Days since 1970-01-01 of the date's local calendar day (shifting by the offset keeps DST days whole). */
export function dayNumber(date: Date): number {
  return floor((date.getTime() - date.getTimezoneOffset() * MS_PER_MINUTE) / MS_PER_DAY);
}

export function addDays(date: Date, days: number): Date {
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate() + days,
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
}

/** Days between reassessments (DOMAIN.md rule 6). */
export const REASSESSMENT_INTERVAL_DAYS = 90;

export function reassessBy(assessedOn: Date, days = REASSESSMENT_INTERVAL_DAYS): Date {
  return addDays(assessedOn, days);
}

/** Action due dates fall 30–60 days out (DOMAIN.md rule 5). */
export const ACTION_DUE_MIN_DAYS = 30;
export const ACTION_DUE_MAX_DAYS = 60;
