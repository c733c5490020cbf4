import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { EXTENT_MARGIN, extentPropertyOf, parseExtent } from '../../src/workbook/extent';
import { Workbook } from '../../src/workbook/workbook';
import { setUpWorkbook } from '../../src/workbook/setup';
import { stampEdit } from '../../src/workbook/stamp';
import { readTable } from '../../src/workbook/table';
import { COMMITMENTS } from '../../src/workbook/templates';
import { saveAtomically } from '../../src/workbook/write-plan';

/**
 * A table is read to where its data ends (extent.ts), kept in a document property that saves and
 * onEdit move; a read never misses rows that go on from the table's end, and what it cannot see
 * without a round trip of its own (a lone row far below, written without onEdit) is pinned here.
 */
let double: AppsScriptDouble;
let uninstall: () => void;
beforeEach(() => {
  double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
  setUpWorkbook();
  double.endExecution();
});
afterEach(() => uninstall());

const LOG = COMMITMENTS.title;
const WIDTH = COMMITMENTS.columns.length;
const column = (key: string) => COMMITMENTS.columns.findIndex((spec) => spec.key === key) + 1;
const sheet = () => double.spreadsheet.getSheetByName(LOG)!;
const recorded = () => parseExtent(double.inspect.properties('document')[extentPropertyOf(COMMITMENTS.key)]);

/** The commitments a view sees (a new request: a new Workbook), and the cells it read. */
function view(): { ids: string[]; cells: number } {
  double.endExecution();
  double.calls.reset();
  const ids = readTable(new Workbook().layout(COMMITMENTS)).rows.map((row) => String(row.values.id));
  return { ids, cells: double.roundTrips.counts().cells_read };
}

/** One save appending `count` commitments, as the sidebar's saves do. */
function add(count: number, from: number): void {
  const workbook = new Workbook();
  saveAtomically(workbook, 'Add', (plan) => {
    readTable(workbook.layout(COMMITMENTS));
    plan.append(
      workbook.layout(COMMITMENTS),
      Array.from({ length: count }, (_, i) => ({ id: `C-${from + i}`, commitment: `Commitment ${from + i}` })),
    );
  });
  double.endExecution();
}

/** A row written as a script or another tool writes it: no onEdit runs. */
const writeWithoutOnEdit = (row: number, id: string) => sheet().getRange(row, 1, 1, 2).setValues([[`'${id}`, `'Typed at ${row}`]]);

/** The same row typed by a person: Sheets runs the add-on's onEdit afterwards. */
function typeByHand(row: number, id: string): void {
  writeWithoutOnEdit(row, id);
  double.endExecution();
  const range = sheet().getRange(row, column('commitment'));
  stampEdit({ range, value: String(range.getValue()) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  double.endExecution();
}

describe('a table read to where its data ends', () => {
  it('setup records a new table as its header row in a 1,000-row grid, and a save moves the extent', () => {
    expect(recorded()).toEqual({ lastRow: 1, gridRows: 1000 });
    add(3, 1);
    expect(recorded()).toEqual({ lastRow: 4, gridRows: 1000 });
    const { ids, cells } = view();
    expect(ids).toEqual(['C-1', 'C-2', 'C-3']);
    // The header, three rows and the margin: not the 1,000-row grid.
    expect(cells).toBe((4 + EXTENT_MARGIN) * WIDTH);
  });

  it('a row typed by hand at row 900 is seen: onEdit moves the extent in the property write it makes anyway', () => {
    add(3, 1);
    typeByHand(900, 'C-900');
    expect(recorded()?.lastRow).toBe(900);
    expect(view().ids).toEqual(['C-1', 'C-2', 'C-3', 'C-900']);
  });

  it('rows written past the margin without onEdit (a paste by a script, an editor without the add-on) are seen: the margin’s last row holds data, so the read goes on', () => {
    add(3, 1);
    const rows = Array.from({ length: 40 }, (_, i) => [`'P-${i + 5}`, `'Pasted ${i + 5}`]);
    sheet().getRange(5, 1, rows.length, 2).setValues(rows);
    const { ids } = view();
    expect(ids).toHaveLength(3 + 40);
    expect(ids[ids.length - 1]).toBe('P-44');
  });

  it('rows inserted above push the data past the margin: still every row', () => {
    add(30, 1);
    sheet().insertRowsBefore(2, 25);
    expect(view().ids).toEqual(Array.from({ length: 30 }, (_, i) => `C-${i + 1}`));
  });

  it('a grid smaller than recorded (rows deleted) is read to its end instead of failing', () => {
    add(3, 1);
    sheet().deleteRows(10, 980);
    expect(view().ids).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('with no extent recorded (a workbook from before), the table is read to its grid’s end, row 900 included', () => {
    add(3, 1);
    double.globals.PropertiesService.getDocumentProperties().deleteProperty(extentPropertyOf(COMMITMENTS.key));
    writeWithoutOnEdit(900, 'C-900');
    expect(view()).toEqual({ ids: ['C-1', 'C-2', 'C-3', 'C-900'], cells: 1000 * WIDTH });
  });

  it('the residual risk, pinned: a lone row written far below without onEdit waits for the next save that appends to the table (it asks the sheet where it ends) or an edit below it', () => {
    add(3, 1);
    writeWithoutOnEdit(900, 'C-900');
    expect(view().ids).toEqual(['C-1', 'C-2', 'C-3']);
    add(1, 4);
    expect(recorded()?.lastRow).toBe(901);
    expect(view().ids).toEqual(['C-1', 'C-2', 'C-3', 'C-900', 'C-4']);
  });

  it('a save that appends past the grid grows it after the rows it knows, and records the new grid', () => {
    add(995, 1);
    expect(recorded()).toEqual({ lastRow: 996, gridRows: 1000 });
    add(10, 996);
    expect(sheet().getMaxRows()).toBe(1006);
    expect(recorded()).toEqual({ lastRow: 1006, gridRows: 1006 });
    const { ids } = view();
    expect(ids).toHaveLength(1005);
    expect(ids[ids.length - 1]).toBe('C-1005');
  });
});
