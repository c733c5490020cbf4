import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { locateTable } from '../../src/workbook/layout';
import { Workbook } from '../../src/workbook/workbook';
import { EXTENT_MARGIN } from '../../src/workbook/extent';
import { setUpWorkbook } from '../../src/workbook/setup';
import { appendRows, readRows } from '../../src/workbook/table';
import { COMMITMENTS, TABLES } from '../../src/workbook/templates';
import { LAYOUT_PROPERTY_PREFIX } from '../../src/workbook/property-keys';

/** Each table's layout cached in document properties, checked against the header row read with the data. */
let double: AppsScriptDouble;
let uninstall: () => void;
beforeEach(() => {
  double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
  setUpWorkbook();
  appendRows(locateTable(double.spreadsheet, COMMITMENTS), [
    { id: 'C-1', commitment: 'Send the report', ownerSide: 'Acme', status: 'Open' },
    { id: 'C-2', commitment: 'Weekly call', ownerSide: 'Beta', status: 'At risk' },
  ]);
  double.endExecution();
});
afterEach(() => uninstall());

const LOG = 'Shared Commitments Log';
const commitments = () => readRows(new Workbook().layout(COMMITMENTS)).map((row) => [row.values.id, row.values.commitment, row.values.status]);
const EXPECTED = [
  ['C-1', 'Send the report', 'Open'],
  ['C-2', 'Weekly call', 'At risk'],
];
const metadataCalls = () => Object.entries(double.calls.byMethod()).filter(([method]) => method.startsWith('DeveloperMetadata')).length;

describe('the layout cache', () => {
  it('after setup, a table is read in one round trip besides the properties, with no metadata search', () => {
    expect(double.inspect.properties('document')[`${LAYOUT_PROPERTY_PREFIX}${COMMITMENTS.key}`]).toBeDefined();
    double.calls.reset();
    expect(commitments()).toEqual(EXPECTED);
    double.endExecution();
    expect(metadataCalls()).toBe(0);
    expect(double.roundTrips.counts()).toMatchObject({ roundtrips: 2, commits: 0 });
  });

  it('finds the table again by metadata when a column was inserted, a header renamed or the sheet renamed, and caches it anew', () => {
    fc.assert(
      fc.property(fc.constantFrom('insert', 'renameHeader', 'renameSheet', 'none'), fc.integer({ min: 1, max: 16 }), (change, at) => {
        const sheet = double.spreadsheet.getSheetByName(LOG) ?? double.spreadsheet.getSheetByName('Commitments (renamed)')!;
        if (change === 'insert') sheet.insertColumnBefore(at);
        if (change === 'renameHeader') sheet.getRange(1, at).setValue(`'Renamed ${at}`);
        if (change === 'renameSheet') sheet.setName(sheet.getName() === LOG ? 'Commitments (renamed)' : LOG);
        expect(commitments()).toEqual(EXPECTED);
        // The next action trusts the refreshed cache: no metadata search.
        double.calls.reset();
        expect(commitments()).toEqual(EXPECTED);
        expect(metadataCalls()).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('checks a cached layout before a write that does not read first, so the row lands under the right headers', () => {
    double.spreadsheet.getSheetByName(LOG)!.insertColumnsBefore(2, 2);
    appendRows(new Workbook().layout(COMMITMENTS), [{ id: 'C-3', commitment: 'Joint roadmap', status: 'Open' }]);
    expect(commitments()).toContainEqual(['C-3', 'Joint roadmap', 'Open']);
    const values = double.inspect.values(LOG);
    const header = values[0];
    const last = values[values.length - 1];
    expect(last[header.indexOf('Commitment')]).toBe('Joint roadmap');
  });

  it('reads only the columns asked for, and vouches for only those', () => {
    double.calls.reset();
    const layout = new Workbook().layout(COMMITMENTS);
    const rows = readRows(layout, ['id', 'commitment']);
    expect(rows.map((row) => row.values)).toEqual([
      { id: 'C-1', commitment: 'Send the report' },
      { id: 'C-2', commitment: 'Weekly call' },
    ]);
    // Down to the table's recorded extent (setup: the header row) and its margin, not the grid's end.
    expect(double.roundTrips.counts().cells_read).toBe((1 + EXTENT_MARGIN) * 2);
    // The other columns were not seen, so a write still checks the whole header row first.
    double.spreadsheet.getSheetByName(LOG)!.insertColumnBefore(5);
    appendRows(layout, [{ id: 'C-3', commitment: 'Joint roadmap', status: 'Open' }]);
    expect(commitments()).toContainEqual(['C-3', 'Joint roadmap', 'Open']);
    expect(() => readRows(layout, ['nope'])).toThrow(/no column "nope"/);
  });

  it('tells onEdit from the cache which table a sheet holds, in one properties read', () => {
    double.calls.reset();
    const workbook = new Workbook();
    expect(workbook.tableOnSheet(LOG, TABLES)).toBe(COMMITMENTS);
    expect(workbook.tableOnSheet('Our notes', TABLES)).toBeNull();
    expect(double.roundTrips.counts().roundtrips).toBe(1);
  });

  it('ignores a cache entry that is not a layout', () => {
    double.globals.PropertiesService.getDocumentProperties().setProperty(`${LAYOUT_PROPERTY_PREFIX}${COMMITMENTS.key}`, '{"sheet": 3}');
    expect(commitments()).toEqual(EXPECTED);
  });
});

describe('setup and repair within the round-trip budget (runtime/README.md)', () => {
  it('repairs an intact workbook without a forced commit or a metadata search', () => {
    double.calls.reset();
    const report = setUpWorkbook();
    double.endExecution();
    expect(report).toEqual({ createdSheets: [], addedColumns: [], adoptedColumns: [], givenIds: [] });
    expect(metadataCalls()).toBe(0);
    const { roundtrips, commits } = double.roundTrips.counts();
    expect(commits).toBe(0);
    expect(roundtrips).toBeLessThanOrEqual(20);
  });

  it('sets up a blank spreadsheet reading nothing after a write', () => {
    const blank = createAppsScriptDouble();
    uninstall();
    uninstall = blank.install(globalThis);
    setUpWorkbook();
    blank.endExecution();
    const { roundtrips, commits } = blank.roundTrips.counts();
    expect(commits).toBe(0);
    expect(roundtrips).toBeLessThanOrEqual(120);
  });
});
