import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble, pricedMs } from '../../runtime/apps-script';
import { CallCounter } from '../../runtime/apps-script/counting';
import { zoneCalendar } from '../../src/domain/calendar';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { saveIdentity } from '../../src/workbook/identity';
import { setUpWorkbook } from '../../src/workbook/setup';
import { stampEdit } from '../../src/workbook/stamp';
import { verifyHistory } from '../../src/workbook/verify-history';
import { COMMITMENTS, HISTORY } from '../../src/workbook/templates';

/** Adds commitments through the sidebar's handler (one save each), as the saved identity; returns their ids. */
function addCommitments(inputs: ReadonlyArray<{ commitment: string; ownerSide: string; ownerPerson: string }>): string[] {
  return inputs.map((input) => {
    const before = new Set(api.loadCommitments().commitments.map((item) => item.id));
    const after = api.addCommitment({ ...input, corner: '', dueDate: '2027-06-30' }).commitments;
    return after.find((item) => !before.has(item.id))!.id;
  });
}

/** A zone far from the script's UTC, so "today" there is often another day. */
const ZONE = 'Pacific/Kiritimati';
let double: AppsScriptDouble;
let uninstall: () => void;

beforeEach(() => {
  double = createAppsScriptDouble({ timeZone: ZONE });
  uninstall = double.install(globalThis);
  setUpWorkbook();
  double.spreadsheet.getSheetByName('Partnership')!.getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
  saveIdentity({ displayName: 'Ana', side: 'Acme' });
});
afterEach(() => uninstall());

const column = (key: string) => COMMITMENTS.columns.findIndex((spec) => spec.key === key);
const log = () => double.inspect.values(COMMITMENTS.title);
/** The Change History as an open sidebar shows it: its poll first chains the edits onEdit held. */
const history = () => {
  api.changesSince(null);
  return double.inspect.values(HISTORY.title).slice(1);
};
const logSheet = () => double.spreadsheet.getSheetByName(COMMITMENTS.title)!;
/** The event Sheets sends after a person typed or pasted into `range`. */
const eventFor = (range: GoogleAppsScript.Spreadsheet.Range, oldValue?: string) =>
  ({ range, value: range.getNumRows() === 1 && range.getNumColumns() === 1 ? String(range.getValue()) : undefined, oldValue }) as unknown as GoogleAppsScript.Events.SheetsOnEdit;
const edit = (range: GoogleAppsScript.Spreadsheet.Range, oldValue?: string) => stampEdit(eventFor(range, oldValue));
/** Service calls of one onEdit, counted from the trigger's first call. */
function countedEdit(range: GoogleAppsScript.Spreadsheet.Range, oldValue?: string): Record<string, number> {
  const event = eventFor(range, oldValue);
  double.calls.reset();
  double.roundTrips.reset();
  stampEdit(event);
  const counts = double.calls.byMethod();
  const trips = double.roundTrips.counts();
  console.log(`onEdit: round trips`, JSON.stringify(trips), `${Math.round(pricedMs(trips))} ms at Sheets prices`);
  // Every read happens before the first write: no read waits for queued writes to be committed.
  expect(trips.commits).toBe(0);
  expect(trips.roundtrips).toBeLessThanOrEqual(25);
  return counts;
}

/** Pastes `rows` commitments typed by hand (Commitment, Owner side, Owner person, Corner) at row 2. */
function paste(rows: number, startRow = 2) {
  const range = logSheet().getRange(startRow, column('commitment') + 1, rows, 4);
  range.setValues(Array.from({ length: rows }, (_, i) => [`'Commitment ${i}`, "'Acme", `'Person ${i % 7}`, 'Reliability']));
  return countedEdit(range);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe('onEdit: a paste costs the same few calls whatever its size', () => {
  it('a 300×4 paste stamps, gives ids and records 1,200 cells in a bounded number of service calls', () => {
    const small = paste(30);
    uninstall();
    double = createAppsScriptDouble({ timeZone: ZONE });
    uninstall = double.install(globalThis);
    setUpWorkbook();
    saveIdentity({ displayName: 'Ana', side: 'Acme' });
    const large = paste(300);
    // Only growing the Change History's grid may differ (1,500 rows do not fit the default 1,000).
    const withoutGrowth = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([method]) => method !== 'Sheet.insertRowsAfter'));
    expect(withoutGrowth(large)).toEqual(withoutGrowth(small));
    expect(large['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(1);
    expect(total(large)).toBeLessThanOrEqual(60);
    expect(large['Range.setValues']).toBeLessThanOrEqual(4); // ids, stamps (adjacent: one write), history
    expect(large['Range.getValues']).toBeLessThanOrEqual(4); // the edited rows, the ID column, the two header checks of the cached layouts
    console.log(`onEdit 300×4 paste: ${total(large)} service calls`, JSON.stringify(large));

    const rows = log().slice(1, 301);
    expect(new Set(rows.map((row) => row[column('id')])).size).toBe(300);
    expect(rows[0][column('id')]).toBe('C-001');
    expect(rows[299][column('id')]).toBe('C-300');
    expect(rows.every((row) => row[column('updatedBy')] === 'Ana (Acme)')).toBe(true);
    const entries = history();
    expect(entries.length).toBe(300 * 4 + 300);
    expect(entries.filter((entry) => entry[4] === 'ID').map((entry) => entry[6])).toEqual(rows.map((row) => row[column('id')]));
    expect(entries.filter((entry) => entry[4] === 'Owner person' && entry[3] === 'C-008')[0][6]).toBe('Person 0');
    expect(verifyHistory().verified).toBe(true);
  });

  it('a single-cell edit costs about as much as a paste', () => {
    addCommitments([{ commitment: 'x', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    const cell = logSheet().getRange(2, column('recoveryPlan') + 1);
    cell.setValue("'Call weekly");
    const counts = countedEdit(cell, '');
    console.log(`onEdit single cell: ${total(counts)} service calls`, JSON.stringify(counts));
    expect(total(counts)).toBeLessThanOrEqual(55);
    expect(counts['Range.getValues']).toBeLessThanOrEqual(3); // the row has an id: the ID column is not read
    expect(history().at(-1)?.slice(3, 7)).toEqual(['C-001', 'Recovery plan', '', 'Call weekly']);
  });

  it('an edit of a sheet that is not ours costs two round trips (the layout cache, the sheet\'s name) and writes nothing', () => {
    const other = double.spreadsheet.insertSheet('Notes');
    other.getRange('A1').setValue('hello');
    const before = double.snapshot();
    const counts = countedEdit(other.getRange('A1'));
    expect(Object.keys(counts).sort()).toEqual(['Properties.getProperties', 'PropertiesService.getDocumentProperties', 'Range.getSheet', 'Sheet.getName', 'Sheet.getParent']);
    expect(double.snapshot()).toEqual(before);
    expect(history()).toEqual([]);
  });

  it('the usual edit (a row with its id) costs at most six round trips and no forced commit, and takes no lock', () => {
    addCommitments([{ commitment: 'x', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    api.changesSince(null);
    double.endExecution();
    const cell = logSheet().getRange(2, column('status') + 1);
    cell.setValue('At risk');
    const event = eventFor(cell, 'Open');
    double.calls.reset();
    stampEdit(event);
    expect(double.roundTrips.counts().roundtrips).toBeLessThanOrEqual(6);
    expect(double.roundTrips.counts().commits).toBe(0);
    expect(double.calls.byMethod()['Lock.tryLock']).toBeUndefined();
    expect(log()[1][column('updatedBy')]).toBe('Ana (Acme)');
    // The entry waits for the next save, or an open sidebar's poll, and is then in the chain.
    expect(double.inspect.values(HISTORY.title).slice(1).some((row) => row[4] === 'Status' && row[6] === 'At risk')).toBe(false);
    expect(history().filter((row) => row[4] === 'Status').map((row) => row.slice(3, 7))).toEqual([[log()[1][column('id')], 'Status', 'Open', 'At risk']]);
    expect(verifyHistory().verified).toBe(true);
  });
});

describe('onEdit on the Commitments Log', () => {
  it('a status set to Done by hand with no date gets Done on = today in the spreadsheet\'s zone; a given date is kept', () => {
    addCommitments(
      [1, 2].map((n) => ({ commitment: `c${n}`, ownerSide: 'Acme', ownerPerson: 'Ana' })));
    const status = logSheet().getRange(2, column('status') + 1);
    status.setValue('Done');
    edit(status, 'Proposed');
    const today = zoneCalendar(ZONE).isoDay(new Date());
    const doneOn = log()[1][column('doneOn')] as Date;
    expect(zoneCalendar(ZONE).isoDay(doneOn)).toBe(today);
    expect(zoneCalendar(ZONE).startOfDay(...(today.split('-').map(Number) as [number, number, number])).getTime()).toBe(doneOn.getTime());
    expect(history().slice(-2).map((entry) => entry.slice(3, 7))).toEqual([
      ['C-001', 'Status', 'Proposed', 'Done'],
      ['C-001', 'Done on', '', today],
    ]);

    logSheet().getRange(3, column('doneOn') + 1).setValue('2026-10-01');
    const second = logSheet().getRange(3, column('status') + 1);
    second.setValue('Done');
    edit(second, 'Open');
    expect(zoneCalendar(ZONE).isoDay(log()[2][column('doneOn')] as Date)).toBe('2026-10-01');
    expect(history().at(-1)?.slice(4, 7)).toEqual(['Status', 'Open', 'Done']);
  });

  it('a status change records who and when: in the row\'s stamp and in the Change History', () => {
    addCommitments([{ commitment: 'x', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    double.setActiveUser('ben@beta.example');
    saveIdentity({ displayName: 'Ben', side: 'Beta' });
    const before = Date.now();
    const status = logSheet().getRange(2, column('status') + 1);
    status.setValue('At risk');
    edit(status, 'Proposed');
    const row = log()[1];
    expect(row[column('updatedBy')]).toBe('Ben (Beta)');
    expect((row[column('updatedAt')] as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const entry = history().at(-1)!;
    expect(entry.slice(1, 7)).toEqual(['Ben (Beta)', COMMITMENTS.title, 'C-001', 'Status', 'Proposed', 'At risk']);
    expect((entry[0] as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a row typed by hand gets the next id, never one the sidebar gave or will give', () => {
    addCommitments([{ commitment: 'from the sidebar', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    const typed = logSheet().getRange(3, column('commitment') + 1);
    typed.setValue("'typed by hand");
    edit(typed);
    expect(log()[2][column('id')]).toBe('C-002');
    const [next] = addCommitments([{ commitment: 'sidebar again', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    expect(next).toBe('C-003');
  });

  it('when the lock is refused the row waits for its id (the next edit or Repair gives it); history is held, not lost', () => {
    const typed = logSheet().getRange(2, column('commitment') + 1);
    typed.setValue("'typed while the other side saves");
    double.lock.holdByOther();
    edit(typed);
    expect(log()[1][column('id')]).toBe('');
    expect(log()[1][column('updatedBy')]).toBe('Ana (Acme)');
    expect(history()).toEqual([]);
    double.lock.release();
    const owner = logSheet().getRange(2, column('ownerPerson') + 1);
    owner.setValue("'Ana");
    edit(owner, '');
    expect(log()[1][column('id')]).toBe('C-001');
    expect(history().map((entry) => [entry[3], entry[4], entry[6]])).toEqual([
      ['', 'Commitment', 'typed while the other side saves'],
      ['C-001', 'Owner person', 'Ana'],
      ['C-001', 'ID', 'C-001'],
    ]);
    expect(verifyHistory().verified).toBe(true);
  });

  it('Repair gives ids to old rows without one, in one write, and records them', () => {
    addCommitments([{ commitment: 'has an id', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    // Rows typed before onEdit gave ids (or while it could not): no id, no history.
    logSheet().getRange(3, 2, 3, 1).setValues([["'old one"], [''], ["'old two"]]);
    logSheet().getRange(4, column('updatedBy') + 1).setValue("'only a stamp left");
    const report = setUpWorkbook();
    expect(report.givenIds).toEqual(['C-002', 'C-003']);
    expect(log().slice(1, 5).map((row) => row[column('id')])).toEqual(['C-001', 'C-002', '', 'C-003']);
    expect(history().map((entry) => [entry[3], entry[4], entry[6]])).toEqual([
      ['C-001', 'Commitment proposed', 'has an id (owner Acme, Ana; due 2027-06-30; from Weekly sync)'],
      ['C-002', 'ID', 'C-002'],
      ['C-003', 'ID', 'C-003'],
    ]);
    expect(setUpWorkbook().givenIds).toEqual([]);
    logSheet().getRange(6, 2).setValue("'another");
    double.lock.holdByOther();
    expect(setUpWorkbook().givenIds).toBeNull();
    expect(log()[5][column('id')]).toBe('');
  });
});

describe('the other partner\'s edit between any two service calls of an edit', () => {
  it('every entry is recorded exactly once, ids stay unique and the chain verifies', () => {
    const A_ROWS = 5;
    const B_ROW = 40;
    const typedByA = Array.from({ length: A_ROWS }, (_, i) => [`'A commitment ${i}`, "'Acme", "'Ana", 'Reliability']);
    /** Ana pastes rows 2..6; `between` runs before the k-th service call of her onEdit. */
    const anaPastes = (between: () => void, at: number, methods: string[] = []): number => {
      const range = logSheet().getRange(2, column('commitment') + 1, A_ROWS, 4);
      range.setValues(typedByA);
      const event = eventFor(range);
      const bump = CallCounter.prototype.bump;
      let calls = 0;
      let inside = false;
      CallCounter.prototype.bump = function (this: CallCounter, key: string) {
        bump.call(this, key);
        if (inside) return;
        calls++;
        methods.push(key);
        if (calls !== at) return;
        inside = true;
        try {
          between();
        } finally {
          inside = false;
        }
      };
      try {
        stampEdit(event);
      } finally {
        CallCounter.prototype.bump = bump;
      }
      return calls;
    };
    /** Ben, in his own execution: while Ana holds the lock, his tryLock is refused. */
    const benFound = { lockHeld: 0, lockFree: 0 };
    const benTypes = () => {
      if (double.lock.holder() === 'self') {
        double.lock.failNext(1);
        benFound.lockHeld++;
      } else {
        benFound.lockFree++;
      }
      double.setActiveUser('ben@beta.example');
      saveIdentity({ displayName: 'Ben', side: 'Beta' });
      const cell = logSheet().getRange(B_ROW, column('commitment') + 1);
      cell.setValue("'typed by Ben");
      stampEdit(eventFor(cell));
      double.setActiveUser('ana@acme.example');
    };
    const fresh = () => {
      uninstall();
      double = createAppsScriptDouble({ timeZone: ZONE });
      uninstall = double.install(globalThis);
      setUpWorkbook();
      saveIdentity({ displayName: 'Ana', side: 'Acme' });
    };
    const methods: string[] = [];
    const callsOfAnasEdit = anaPastes(() => undefined, 0, methods);
    expect(callsOfAnasEdit).toBeGreaterThan(20);
    // Every call around taking and releasing the lock, and calls spread over the rest (a fresh
    // workbook per run costs a tenth of a second; all ~150 positions would take minutes here).
    const positions = new Set<number>();
    methods.forEach((method, index) => {
      if (method === 'Lock.tryLock' || method === 'Lock.releaseLock') for (let at = index; at <= index + 2; at++) positions.add(at);
    });
    for (let at = 1; at <= callsOfAnasEdit; at += Math.ceil(callsOfAnasEdit / 16)) positions.add(at);
    positions.add(callsOfAnasEdit);
    for (const at of [...positions].filter((position) => position >= 1 && position <= callsOfAnasEdit)) {
      fresh();
      anaPastes(benTypes, at);
      // A later edit of Ben's row under the lock: writes whatever was held and gives his row its id if it waited.
      const later = logSheet().getRange(B_ROW, column('source') + 1);
      later.setValue("'later");
      stampEdit(eventFor(later));

      const entries = history();
      const label = `Ben between call ${at - 1} and ${at}`;
      for (const [commitment] of typedByA) {
        expect(entries.filter((entry) => entry[4] === 'Commitment' && entry[6] === commitment.slice(1)).length, label).toBe(1);
      }
      expect(entries.filter((entry) => entry[6] === 'typed by Ben').length, label).toBe(1);
      const ids = log().slice(1).map((row) => row[column('id')]).filter((id) => id !== '');
      expect(ids.length, label).toBe(A_ROWS + 1);
      expect(new Set(ids).size, label).toBe(A_ROWS + 1);
      expect(verifyHistory().verdict?.problems, label).toEqual([]);
    }
    // Both cases were met: Ben refused while Ana held the lock, and Ben saving before or after her.
    expect(benFound.lockHeld).toBeGreaterThan(3);
    expect(benFound.lockFree).toBeGreaterThan(3);
  }, 120_000);
});
