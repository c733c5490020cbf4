/**
 * Calendar-day arithmetic in the runtime's local time zone. Apps Script runs custom functions in
 * the script's time zone and hands over cell dates as midnight there, so "the same day" must be
 * compared by calendar date, never by milliseconds (a 23- or 25-hour DST day would break that).
 */
export function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
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
