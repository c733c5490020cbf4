import { beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble, kindOf, pricedMs, SHEETS_PRICES } from '../runtime/apps-script';

describe('the round-trip cost model', () => {
  let double: AppsScriptDouble;
  let sheet: GoogleAppsScript.Spreadsheet.Sheet;
  beforeEach(() => {
    double = createAppsScriptDouble();
    sheet = double.spreadsheet.insertSheet('Data');
    double.calls.reset();
  });

  it('charges nothing for range handles, their coordinates and builders', () => {
    const range = sheet.getRange(2, 1, 5, 3);
    range.getRow();
    range.getNumColumns();
    sheet.getRange('A1:C3').offset(1, 1).getNumRows();
    double.globals.SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
    expect(double.roundTrips.counts()).toEqual({ roundtrips: 0, commits: 0, cells_read: 0, cells_written: 0 });
    expect(double.calls.total()).toBeGreaterThan(4);
  });

  it('counts a read as one round trip with its cells, and queued writes as free until read', () => {
    sheet.getRange(1, 1, 2, 3).getValues();
    expect(double.roundTrips.counts()).toEqual({ roundtrips: 1, commits: 0, cells_read: 6, cells_written: 0 });
    sheet.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    sheet.getRange(2, 1).setValue(3);
    sheet.setFrozenRows(1);
    expect(double.roundTrips.counts()).toEqual({ roundtrips: 1, commits: 0, cells_read: 6, cells_written: 3 });
  });

  it('charges a forced commit to the first read after queued writes, and only to the first', () => {
    sheet.getRange(1, 1).setValue('x');
    sheet.getLastRow();
    sheet.getLastColumn();
    expect(double.roundTrips.counts()).toMatchObject({ roundtrips: 3, commits: 1 });
  });

  it('makes a create (insertSheet, protect) wait for the queue too', () => {
    sheet.getRange(1, 1).setValue('x');
    sheet.getRange(1, 1).protect();
    expect(double.roundTrips.counts()).toMatchObject({ roundtrips: 2, commits: 1 });
    double.spreadsheet.insertSheet('More');
    expect(double.roundTrips.counts()).toMatchObject({ roundtrips: 3, commits: 1 });
  });

  it('charges one round trip per Properties, Lock and Session call, without a commit', () => {
    sheet.getRange(1, 1).setValue('x');
    const props = double.globals.PropertiesService.getDocumentProperties();
    props.setProperty('k', 'v');
    props.getProperty('k');
    double.globals.LockService.getDocumentLock()!.tryLock(10);
    double.globals.Session.getActiveUser();
    expect(double.roundTrips.counts()).toEqual({ roundtrips: 4, commits: 0, cells_read: 0, cells_written: 1 });
  });

  it('commits what is still queued at the end of the execution: a round trip, not a forced commit', () => {
    sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4]]);
    double.endExecution();
    expect(double.roundTrips.counts()).toEqual({ roundtrips: 1, commits: 0, cells_read: 0, cells_written: 4 });
    double.endExecution();
    expect(double.roundTrips.counts().roundtrips).toBe(1);
  });

  it('keeps counting calls per method beside the round trips', () => {
    sheet.getRange(1, 1).getValue();
    sheet.getRange(1, 1).getValue();
    expect(double.calls.byMethod()).toEqual({ 'Range.getValue': 2, 'Sheet.getRange': 2 });
    expect(double.roundTrips.counts().roundtrips).toBe(2);
  });

  it('classifies metadata searches and accessors as reads, the finder builder as free', () => {
    expect(kindOf('DeveloperMetadataFinder', 'withKey')).toBe('free');
    expect(kindOf('DeveloperMetadataFinder', 'find')).toBe('read');
    expect(kindOf('DeveloperMetadata', 'getValue')).toBe('read');
    expect(kindOf('DeveloperMetadataLocation', 'getColumn')).toBe('read');
    expect(kindOf('Spreadsheet', 'getSheetByName')).toBe('read');
    expect(kindOf('Sheet', 'setName')).toBe('write');
    expect(kindOf('SpreadsheetApp', 'flush')).toBe('flush');
  });

  it('prices the counts with the published figures', () => {
    const ms = pricedMs({ roundtrips: 10, commits: 2, cells_read: 1000, cells_written: 0 });
    expect(ms).toBe(10 * SHEETS_PRICES.roundTripMs + 2 * SHEETS_PRICES.commitMs + 1000 * SHEETS_PRICES.perCellReadMs);
  });

  it('prices as runtime/README.md documents: 90 ms a round trip, 300 ms a forced commit on top, 20 µs a cell read, cells written free', () => {
    // The example's Home before extents (issue 21): 10 round trips and 38,315 cells ≈ 1.7 s.
    expect(SHEETS_PRICES).toEqual({ roundTripMs: 90, commitMs: 300, perCellReadMs: 0.02 });
    expect(Math.round(pricedMs({ roundtrips: 10, commits: 0, cells_read: 38_315, cells_written: 0 }))).toBe(1666);
    expect(Math.round(pricedMs({ roundtrips: 14, commits: 1, cells_read: 1_000, cells_written: 5_000 }))).toBe(14 * 90 + 300 + 20);
  });
});
