import { type Calendar, RUNTIME_CALENDAR } from './calendar';

/**
 * Calendar-day arithmetic: "the same day" is compared by calendar date in the spreadsheet's zone,
 * never by milliseconds (a 23- or 25-hour DST day would break that). The calendar defaults to the
 * runtime's zone; callers that know the spreadsheet's zone pass its calendar (calendar.ts).
 */
export function addDays(date: Date, days: number, calendar: Calendar = RUNTIME_CALENDAR): Date {
  return calendar.addDays(date, days);
}

/** Days between reassessments (DOMAIN.md rule 6). */
export const REASSESSMENT_INTERVAL_DAYS = 90;

export function reassessBy(assessedOn: Date, days = REASSESSMENT_INTERVAL_DAYS, calendar: Calendar = RUNTIME_CALENDAR): Date {
  return calendar.addDays(assessedOn, days);
}

/** Action due dates fall 30–60 days out (DOMAIN.md rule 5). */
export const ACTION_DUE_MIN_DAYS = 30;
export const ACTION_DUE_MAX_DAYS = 60;
/** The rule itself, on a count of calendar days after the day the action is agreed. */
const isActionDueOffset = (days: number): boolean => days >= ACTION_DUE_MIN_DAYS && days <= ACTION_DUE_MAX_DAYS;

/**
 * Why `due` is not a valid due date for an action agreed on `agreedOn`, or null when it is: the
 * one place the 30–60 day rule is checked, by the server and shown by the sidebar.
 */
export function actionDueProblem(agreedOn: Date, due: Date, calendar: Calendar = RUNTIME_CALENDAR): string | null {
  const days = calendar.dayNumber(due) - calendar.dayNumber(agreedOn);
  if (isActionDueOffset(days)) return null;
  const earliest = calendar.isoDay(calendar.addDays(agreedOn, ACTION_DUE_MIN_DAYS));
  const latest = calendar.isoDay(calendar.addDays(agreedOn, ACTION_DUE_MAX_DAYS));
  return `is ${days} days from today; agreed actions fall due ${ACTION_DUE_MIN_DAYS} to ${ACTION_DUE_MAX_DAYS} days out (${earliest} to ${latest})`;
}

const objectToString = Object.prototype.toString;
const DateConstructor = Date;

/**
 * `instanceof Date` fails across realms (Apps Script's arguments, a test's VM context), so the
 * brand is read from the object itself.
 */
export function isDate(value: unknown): value is Date {
  return value instanceof DateConstructor || objectToString.call(value) === '[object Date]';
}
