/**
 * Calendar days in a time zone. A spreadsheet has its own time zone, which need not be the
 * script's: a date cell reaches the code as the instant its day starts in the spreadsheet's zone,
 * so "which day is this" and "midnight of that day" must be answered in that zone, never with the
 * runtime's local getters (which answer in the script's zone).
 */
export interface Calendar {
  /** Days since 1970-01-01 of the calendar day `date` falls on. */
  dayNumber(date: Date): number;
  /** yyyy-mm-dd of the day `date` falls on. */
  isoDay(date: Date): string;
  /** The instant the given day starts (month 1–12). */
  startOfDay(year: number, month: number, day: number): Date;
  /** The same wall-clock time `days` calendar days later (DST-safe). */
  addDays(date: Date, days: number): Date;
}

const MS_PER_DAY = 86_400_000;
const floor = Math.floor;
const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** The runtime's local zone: right when the script runs in the spreadsheet's zone. */
export const RUNTIME_CALENDAR: Calendar = {
  dayNumber: (date) => floor((date.getTime() - date.getTimezoneOffset() * 60_000) / MS_PER_DAY),
  isoDay: (date) => isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate()),
  startOfDay: (year, month, day) => new Date(year, month - 1, day),
  addDays: (date, days) =>
    new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()),
};

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** The wall-clock time read as if it were UTC, in milliseconds. */
  asUtc: number;
}

const zoneCalendars = new Map<string, Calendar>();

/** A calendar for an IANA zone, e.g. the spreadsheet's `getSpreadsheetTimeZone()`. */
export function zoneCalendar(timeZone: string): Calendar {
  const known = zoneCalendars.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // A log repeats a few hundred distinct days over thousands of rows: each is converted once.
  const cache = new Map<number, WallClock>();
  const wallClock = (time: number): WallClock => {
    let found = cache.get(time);
    if (!found) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(new Date(time))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
      const ms = ((time % 1000) + 1000) % 1000;
      found = {
        year: parts.year,
        month: parts.month,
        day: parts.day,
        asUtc: Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second, ms),
      };
      if (cache.size > 10_000) cache.clear();
      cache.set(time, found);
    }
    return found;
  };
  /*
   * Offsets change only on quarter-hour boundaries (every zone's transitions fall on them), so the
   * offset of one quarter hour serves every instant in it: a 100,000-row log costs a few hundred
   * time-zone look-ups and one small-integer map hit per date.
   */
  const QUARTER_HOUR = 900_000;
  const offsets = new Map<number, number>();
  const offsetAt = (time: number): number => {
    const bucket = floor(time / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * QUARTER_HOUR;
      offset = wallClock(start).asUtc - start;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(bucket, offset);
    }
    return offset;
  };
  /** The instant whose wall clock reads `asUtc`; two fixed-point steps settle next to a DST change. */
  const instantOf = (asUtc: number): Date => {
    let instant = asUtc - (wallClock(asUtc).asUtc - asUtc);
    instant = asUtc - (wallClock(instant).asUtc - instant);
    return new Date(instant);
  };
  const calendar: Calendar = {
    dayNumber: (date) => {
      const time = date.getTime();
      return floor((time + offsetAt(time)) / MS_PER_DAY);
    },
    isoDay: (date) => {
      const wall = wallClock(date.getTime());
      return isoOf(wall.year, wall.month, wall.day);
    },
    startOfDay: (year, month, day) => instantOf(Date.UTC(year, month - 1, day)),
    addDays: (date, days) => instantOf(wallClock(date.getTime()).asUtc + days * MS_PER_DAY),
  };
  zoneCalendars.set(timeZone, calendar);
  return calendar;
}

/** The instant the day containing `now` starts, in `calendar`'s zone. */
export function startOfDayOf(calendar: Calendar, now: Date): Date {
  const [year, month, day] = calendar.isoDay(now).split('-').map(Number);
  return calendar.startOfDay(year, month, day);
}

/** The quarter label (2026-Q4) of the day `date` falls on. */
export function quarterOf(calendar: Calendar, date: Date): string {
  const [year, month] = calendar.isoDay(date).split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}
