import { type Calendar, RUNTIME_CALENDAR, zoneCalendar } from '../domain/calendar';

/**
 * The spreadsheet's calendar, for custom functions that decide which day a date falls on. Custom
 * functions may read the spreadsheet (get* methods), and its time zone is what its date cells and
 * "today" mean. Outside Sheets (tests, the formula engine) the runtime's zone stands in.
 */
export function sheetCalendar(): Calendar {
  try {
    if (typeof SpreadsheetApp === 'undefined') return RUNTIME_CALENDAR;
    const timeZone = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone();
    return timeZone ? zoneCalendar(timeZone) : RUNTIME_CALENDAR;
  } catch {
    return RUNTIME_CALENDAR;
  }
}
