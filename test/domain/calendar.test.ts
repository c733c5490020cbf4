import { describe, expect, it } from 'vitest';
import { quarterOf, startOfDayOf, zoneCalendar } from '../../src/domain/calendar';

const wallClock = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

describe('calendar days in the spreadsheet\'s time zone', () => {
  it('starts a day at that zone\'s midnight, DST included', () => {
    const la = zoneCalendar('America/Los_Angeles');
    expect(wallClock(la.startOfDay(2026, 3, 8), 'America/Los_Angeles')).toBe('2026-03-08 00:00');
    expect(wallClock(la.startOfDay(2026, 11, 1), 'America/Los_Angeles')).toBe('2026-11-01 00:00');
    const tokyo = zoneCalendar('Asia/Tokyo');
    expect(tokyo.startOfDay(2026, 3, 10).toISOString()).toBe('2026-03-09T15:00:00.000Z');
  });

  it('names the day an instant falls on there, not in UTC', () => {
    const tokyo = zoneCalendar('Asia/Tokyo');
    const instant = new Date('2026-03-09T15:30:00Z'); // 00:30 on the 10th in Tokyo
    expect(tokyo.isoDay(instant)).toBe('2026-03-10');
    expect(tokyo.dayNumber(instant)).toBe(Date.UTC(2026, 2, 10) / 86_400_000);
    expect(quarterOf(tokyo, new Date('2026-03-31T16:00:00Z'))).toBe('2026-Q2');
  });

  it('counts days right next to DST changes, in half-hour zones too', () => {
    for (const timeZone of ['America/St_Johns', 'Australia/Adelaide', 'Europe/Berlin', 'Pacific/Chatham']) {
      const calendar = zoneCalendar(timeZone);
      for (const [y, m, d] of [[2026, 3, 8], [2026, 3, 29], [2026, 4, 5], [2026, 10, 4], [2026, 11, 1]]) {
        const start = calendar.startOfDay(y, m, d);
        const expected = Date.UTC(y, m - 1, d) / 86_400_000;
        expect(calendar.dayNumber(start), `${timeZone} ${y}-${m}-${d}`).toBe(expected);
        expect(calendar.dayNumber(new Date(start.getTime() - 1))).toBe(expected - 1);
        expect(calendar.isoDay(start)).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
  });

  it('adds calendar days across a DST change and keeps the wall-clock time', () => {
    const la = zoneCalendar('America/Los_Angeles');
    const start = la.startOfDay(2026, 3, 1);
    expect(wallClock(la.addDays(start, 90), 'America/Los_Angeles')).toBe('2026-05-30 00:00');
    const nine = new Date(la.startOfDay(2026, 10, 30).getTime() + 9 * 3_600_000);
    expect(wallClock(la.addDays(nine, 3), 'America/Los_Angeles')).toBe('2026-11-02 09:00');
    expect(wallClock(startOfDayOf(la, nine), 'America/Los_Angeles')).toBe('2026-10-30 00:00');
  });
});
