import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { ON_TIME_RATE } from '../../src/functions/commitments';
import { zoneCalendar } from '../../src/domain/calendar';
import { loadExamplePartnership } from '../../src/workbook/load-example';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  vi.useRealTimers();
});

const wallDay = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/** The script runs in UTC (appsscript.json); the spreadsheets below do not. */
function workbookIn(timeZone: string): AppsScriptDouble {
  const double = createAppsScriptDouble({ timeZone });
  uninstall = double.install(globalThis);
  api.setUpWorkbook({ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic' });
  api.saveIdentity({ displayName: 'Ana', side: 'Acme' });
  return double;
}

describe.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland'])('a spreadsheet in %s', (timeZone) => {
  it('stores a due date from the sidebar on the day typed, and shows it back unchanged', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-15T12:00:00Z'));
    const double = workbookIn(timeZone);
    api.addCommitment({ commitment: 'Ship', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-03-01' });
    const stored = double.inspect.values('Shared Commitments Log')[1][6] as Date;
    expect(wallDay(stored, timeZone)).toBe('2026-03-01');
    expect(api.loadCommitments().commitments[0].dueDate).toBe('2026-03-01');
  });

  it('shows a date typed into a cell as that day', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-15T12:00:00Z'));
    const double = workbookIn(timeZone);
    api.addCommitment({ commitment: 'Ship', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-03-01' });
    double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('G2').setValue('2026-03-10');
    expect(api.loadCommitments().commitments[0].dueDate).toBe('2026-03-10');
  });

  it('lets an open commitment due today still be kept, whatever the hour', () => {
    workbookIn(timeZone);
    const calendar = zoneCalendar(timeZone);
    const due = calendar.startOfDay(2026, 3, 10);
    for (const hour of [1, 12, 23]) {
      const asOf = new Date(due.getTime() + hour * 3_600_000);
      expect(ON_TIME_RATE([[due]], [['']], asOf), `${hour}:00`).toBe('');
      expect(ON_TIME_RATE([[due]], [[due]], asOf)).toBe(1);
    }
  });

  it('loads the example on whole days of that zone', () => {
    const double = createAppsScriptDouble({ timeZone });
    uninstall = double.install(globalThis);
    loadExamplePartnership(new Date('2026-11-24T12:00:00Z'));
    const dates = double.inspect.values('Shared Commitments Log').slice(1).map((row) => row[6] as Date);
    expect(dates.length).toBeGreaterThan(25);
    const hourThere = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const date of dates) expect(hourThere.format(date)).toBe('00:00');
  });
});
