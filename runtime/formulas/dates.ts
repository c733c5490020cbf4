/**
 * Date <-> serial conversion as Sheets does it: a serial is days since 1899-12-30 in the
 * spreadsheet's time zone (wall clock), and Apps Script hands a date cell to a script as the
 * instant at which that wall-clock time occurs in the time zone. The zone arithmetic is the
 * double's (runtime/apps-script/timezone.ts), so both stand-ins agree on every date.
 */
import { zoneOffsetMs } from '../apps-script/timezone';

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 (days from the Sheets epoch 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

/** The wall-clock time of `instantMs` in `timeZone`, expressed as if it were UTC milliseconds. */
const wallClockMs = (instantMs: number, timeZone: string): number => instantMs + zoneOffsetMs(new Date(instantMs), timeZone);

export function dateToSerial(date: Date, timeZone: string): number {
  return wallClockMs(date.getTime(), timeZone) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function serialToDate(serial: number, timeZone: string): Date {
  // Round to the millisecond: serials are floats and 1/86400000 is not exact.
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  // Two fixed-point steps find the instant whose wall clock is `wall`, across DST changes.
  let instant = wall - (wallClockMs(wall, timeZone) - wall);
  instant = wall - (wallClockMs(instant, timeZone) - instant);
  return new Date(instant);
}
