import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS } from '../../src/sidebar/server';
import { BACKFILL_RECORDER } from '../../src/workbook/cycle-backfill';
import { legacyOpenCycleOf } from '../../src/workbook/cycle-repair';
import { locateTable } from '../../src/workbook/layout';
import { setUpWorkbook } from '../../src/workbook/setup';
import { appendRows, readRows } from '../../src/workbook/table';
import { ASSESSMENTS, CYCLES, PARTNERSHIP } from '../../src/workbook/templates';
import { asAna, double, useWorkbookDouble } from '../support/workbook-double';
import { LEGACY_OPEN_CYCLE_PROPERTY, CYCLES_RECORDED_PROPERTY } from '../../src/workbook/property-keys';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const answer = (cycle: string, date: string, side: string, participant: string, ratings: [number, number, number, number], responses = 1) => ({
  cycle, date: day(date), side, participant, responses,
  competence: ratings[0], reliability: ratings[1], transparency: ratings[2], alignment: ratings[3],
});

/** A workbook as it was before cycles were records: answers in three cycles, no Cycles rows, no "recorded" mark. */
function olderWorkbook(legacyOpen?: object): void {
  setUpWorkbook();
  appendRows(locateTable(double.spreadsheet, PARTNERSHIP), [{ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic', startDate: day('2025-06-01') }]);
  appendRows(locateTable(double.spreadsheet, ASSESSMENTS), [
    // Q1: Transparency weakest (4.5), so it is the focus.
    answer('2026-Q1', '2026-01-10', 'Acme', 'Ana', [7, 7, 5, 8]),
    answer('2026-Q1', '2026-01-12', 'Beta', 'Ben', [7, 6, 4, 7]),
    // Q2: Transparency up by 1 only (5.5): the focus stays, though Reliability (5) is lower now.
    answer('2026-Q2', '2026-04-10', 'Acme', 'Ana', [7, 5, 6, 8]),
    answer('2026-Q2', '2026-04-11', 'Beta', 'Ben', [7, 5, 5, 7]),
    // A sealed side's means (three people in one row), answered in the cycle the old property keeps open.
    answer('2026-Q3 sealed', '2026-07-10', 'Acme', '', [8, 6, 7, 8], 3),
  ]);
  const properties = double.globals.PropertiesService.getDocumentProperties();
  properties.deleteProperty(CYCLES_RECORDED_PROPERTY);
  if (legacyOpen) properties.setProperty(LEGACY_OPEN_CYCLE_PROPERTY, JSON.stringify(legacyOpen));
  double.endExecution();
  double.calls.reset();
}

const cycleRows = () => readRows(locateTable(double.spreadsheet, CYCLES)).map((row) => row.values);
const property = (key: string) => double.globals.PropertiesService.getDocumentProperties().getProperty(key);

useWorkbookDouble({ now: '2026-08-01T12:00:00Z', partnership: false });

describe('Repair records the cycles of a workbook from before the Cycles sheet', () => {
  it('records past cycles closed with the +2 rule\'s focus, keeps the old open sealed cycle open, and drops its property in the same save', () => {
    olderWorkbook({ cycle: '2026-Q3 sealed', sealed: true, minimumPerSide: 3 });
    const report = setUpWorkbook();
    const counts = double.roundTrips.counts();
    expect(report.recordedCycles).toEqual(['2026-Q1', '2026-Q2', '2026-Q3 sealed']);
    const rows = cycleRows();
    expect(rows.map((row) => [row.name, row.anonymity, row.closedBy, row.focus])).toEqual([
      ['2026-Q1', 'Named', BACKFILL_RECORDER, 'Transparency'],
      ['2026-Q2', 'Named', BACKFILL_RECORDER, 'Transparency'],
      ['2026-Q3 sealed', 'Sealed', '', ''],
    ]);
    expect(rows[2].sealedMinimum).toBe(3);
    expect(rows[2].closedOn).toBe('');
    expect(rows[1].closedOn).toEqual(day('2026-04-11'));
    expect(property(LEGACY_OPEN_CYCLE_PROPERTY)).toBeNull();
    expect(property(CYCLES_RECORDED_PROPERTY)).not.toBeNull();
    // Repair's reads all come before its writes, recording cycles included; the one commit is the
    // flush before the lock is released, so the other side's next save sees the new rows.
    expect(counts.commits).toBe(1);
    expect(double.lock.holder()).toBeNull();

    // The sidebar sees the sealed cycle as the open one, and the focus the rule kept.
    asAna();
    const home = SIDEBAR_HANDLERS.loadHome();
    expect(home.openCycle?.name).toBe('2026-Q3 sealed');
    expect(home.openCycle?.minimumPerSide).toBe(3);
  });

  it('closes an old open named cycle like the rest, and records nothing twice', () => {
    olderWorkbook({ cycle: '2026-Q2', sealed: false, minimumPerSide: 3 });
    setUpWorkbook();
    expect(cycleRows().every((row) => row.closedOn !== '')).toBe(true);
    expect(property(LEGACY_OPEN_CYCLE_PROPERTY)).toBeNull();
    const before = cycleRows();
    double.endExecution();
    const again = setUpWorkbook();
    expect(again.recordedCycles).toBeUndefined();
    expect(cycleRows()).toEqual(before);
  });

  it('costs an intact workbook no read of the Assessments sheet: its cost does not grow with the answers', () => {
    olderWorkbook();
    setUpWorkbook();
    const repairCost = () => {
      double.endExecution();
      double.calls.reset();
      setUpWorkbook();
      double.endExecution();
      return double.roundTrips.counts();
    };
    const before = repairCost();
    appendRows(locateTable(double.spreadsheet, ASSESSMENTS), Array.from({ length: 500 }, () => answer('2026-Q2', '2026-04-12', 'Beta', 'Bo', [6, 6, 6, 6])));
    const after = repairCost();
    expect(after).toEqual(before);
    expect(after.commits).toBe(0);
    expect(after.roundtrips).toBeLessThanOrEqual(20);
  });

  it('writes nothing and keeps the old property when the other side is saving', () => {
    olderWorkbook({ cycle: '2026-Q3 sealed', sealed: true, minimumPerSide: 4 });
    double.lock.holdByOther();
    const report = setUpWorkbook();
    expect(report.recordedCycles).toBeNull();
    expect(cycleRows()).toEqual([]);
    expect(property(LEGACY_OPEN_CYCLE_PROPERTY)).not.toBeNull();
    expect(property(CYCLES_RECORDED_PROPERTY)).toBeNull();
  });

  it('records the cycles again when the Cycles sheet was deleted', () => {
    olderWorkbook();
    setUpWorkbook();
    double.spreadsheet.deleteSheet(locateTable(double.spreadsheet, CYCLES).sheet);
    double.endExecution();
    const report = setUpWorkbook();
    expect(report.createdSheets).toContain('Cycles');
    expect(cycleRows().map((row) => row.name)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3 sealed']);
  });
});

describe('the old open-cycle property', () => {
  it('reads the record sealed.ts kept, and nothing from what it could not have written', () => {
    expect(legacyOpenCycleOf('{"cycle":"2026-Q3","sealed":true,"minimumPerSide":5}')).toEqual({ cycle: '2026-Q3', sealed: true, minimumPerSide: 5 });
    expect(legacyOpenCycleOf('{"cycle":"2026-Q3"}')).toEqual({ cycle: '2026-Q3', sealed: false, minimumPerSide: 3 });
    expect(legacyOpenCycleOf('{"cycle":""}')).toBeNull();
    expect(legacyOpenCycleOf('not json')).toBeNull();
    expect(legacyOpenCycleOf(undefined)).toBeNull();
  });
});
