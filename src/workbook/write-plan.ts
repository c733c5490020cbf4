import { planChangeCount } from './change-counter';
import { type LockRelease, withDocumentLock } from './lock';
import { utf8Bytes } from './sha256';
import { hasHeldEntries, planHistoryEntries } from './history';
import { MissingTableError, type TableLayout } from './layout';
import { type Workbook } from './workbook';
import { type CellValue, cellForWrite, extentAfter, noteAppend, noteUpdate, rememberedGridRows, rowFor } from './table';
import { extentPropertyOf, extentText } from './extent';

type Changes = Record<string, CellValue | null | undefined>;

/** Apps Script refuses a property value over about 8 KB (9 KB in practice): stay inside the documented figure. */
export const MAX_PROPERTY_BYTES = 8 * 1024;

/** Up to this many rows, appendAtEnd writes a row per call rather than reading where the sheet ends. */
const APPEND_ROW_AT_MOST = 20;

/**
 * Everything one save will change, computed before anything is written. A save holds the document
 * lock, re-reads what it depends on, adds each change here (every cell value is converted and
 * checked as it is added, so a value Sheets would refuse fails before the first write), and then
 * commits: a refused lock or any error before `commit` leaves every cell and property as it was.
 * Reads happen while planning, writes only in `commit`, so no read waits for pending writes.
 */
export class WritePlan {
  private readonly writes: Array<() => void> = [];
  private readonly properties: Record<string, string> = {};
  private readonly deletedProperties: string[] = [];
  private readonly nextFreeRow = new Map<string, number>();
  /** Per table appended to: the rows the grid surely has once the appends so far are applied. */
  private readonly gridKnown = new Map<string, number>();
  /** Per table written: the layout and the last row written (for the table's extent, extent.ts). */
  private readonly reach = new Map<string, { layout: TableLayout; lastRow: number }>();
  /** Per table: the rows this plan updates (a settlement stops before them: settled.ts). */
  private readonly updatedRows = new Map<string, Set<number>>();

  private reached(layout: TableLayout, lastRow: number): void {
    const before = this.reach.get(layout.table.key)?.lastRow ?? 0;
    this.reach.set(layout.table.key, { layout, lastRow: Math.max(before, lastRow) });
  }

  /**
   * Rows to add below the table's last used row, as it is now (the caller holds the lock, so it
   * cannot move). Several appends to one table in one plan go one after another. Returns the row
   * number of the first.
   */
  append(layout: TableLayout, records: ReadonlyArray<Changes>): number {
    const sheet = layout.sheet;
    const firstRow = this.nextFreeRow.get(layout.table.key) ?? sheet.getLastRow() + 1;
    if (records.length === 0) return firstRow;
    const rows = records.map((record) => rowFor(layout, record));
    this.nextFreeRow.set(layout.table.key, firstRow + rows.length);
    const lastRow = firstRow + rows.length - 1;
    // The read under the lock says how many rows the grid surely has (all of them when it read to
    // the grid's end); only rows past those that a read stopping at the table's extent saw ask the
    // sheet. Rows after the last used one are blank, so new rows go in after both.
    let known = this.gridKnown.get(layout.table.key);
    if (known === undefined) {
      const remembered = rememberedGridRows(layout);
      known = remembered && (remembered.all || lastRow <= remembered.rows) ? remembered.rows : sheet.getMaxRows();
    }
    const after = Math.max(known, firstRow - 1);
    this.gridKnown.set(layout.table.key, Math.max(after, lastRow));
    this.reached(layout, lastRow);
    this.writes.push(() => {
      if (lastRow > after) sheet.insertRowsAfter(after, lastRow - after);
      sheet.getRange(firstRow, 1, rows.length, layout.width).setValues(rows);
      noteAppend(layout, firstRow, rows);
    });
    return firstRow;
  }

  /**
   * Rows to add at the end of a sheet only the add-on appends to (the Change History). A few rows go
   * one appendRow each: queued like any write, placed by Sheets below the last row and growing the
   * grid, so planning them reads nothing. A batch (a paste's entries) goes in one write below the
   * last row, as append does. Rows added this way are not remembered for later reads.
   */
  appendAtEnd(layout: TableLayout, records: ReadonlyArray<Changes>): void {
    if (records.length > APPEND_ROW_AT_MOST) {
      this.append(layout, records);
      return;
    }
    const rows = records.map((record) => rowFor(layout, record));
    const sheet = layout.sheet;
    this.writes.push(() => {
      for (const row of rows) sheet.appendRow(row);
    });
  }

  /**
   * The changed cells of one row: one write per run of neighbouring columns, never the whole row,
   * so a partner's edit to another cell of the row is kept.
   */
  update(layout: TableLayout, rowNumber: number, changes: Changes): void {
    const byColumn = new Map<number, CellValue>();
    const byKey = new Map<string, CellValue>();
    for (const column of layout.table.columns) {
      if (!(column.key in changes)) continue;
      const at = layout.columnOf.get(column.key);
      if (at === undefined) continue;
      const cell = cellForWrite(column, changes[column.key]);
      byColumn.set(at, cell);
      byKey.set(column.key, cell);
    }
    if (byKey.size > 0) {
      this.reached(layout, rowNumber);
      const rows = this.updatedRows.get(layout.table.key) ?? new Set<number>();
      this.updatedRows.set(layout.table.key, rows.add(rowNumber));
      this.writes.push(() => noteUpdate(layout, rowNumber, byKey));
    }
    const columns = [...byColumn.keys()].sort((a, b) => a - b);
    let start = 0;
    while (start < columns.length) {
      let end = start;
      while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
      const first = columns[start];
      const values = [columns.slice(start, end + 1).map((column) => byColumn.get(column) as CellValue)];
      this.writes.push(() => layout.sheet.getRange(rowNumber, first, 1, values[0].length).setValues(values));
      start = end + 1;
    }
  }

  /** The rows of a table this plan updates so far (a table's settled rows stop before them: settled.ts). */
  updatedRowsOf(tableKey: string): ReadonlySet<number> {
    return this.updatedRows.get(tableKey) ?? new Set<number>();
  }

  /** A document property; too large a value fails here, before any write. */
  setDocumentProperty(key: string, value: string): void {
    if (utf8Bytes(value).length > MAX_PROPERTY_BYTES) {
      throw new Error(`Too much to keep in one document property (${key}); nothing was saved.`);
    }
    this.properties[key] = value;
  }

  /** The extents (extent.ts) of the tables this request read or this plan writes, where they changed. */
  private extentProperties(workbook: Workbook): Record<string, string> {
    const out: Record<string, string> = {};
    const properties = workbook.documentProperties();
    const layouts = new Map<string, TableLayout>(workbook.layoutsInUse().map((layout) => [layout.table.key, layout]));
    for (const { layout } of this.reach.values()) layouts.set(layout.table.key, layout);
    for (const [key, layout] of layouts) {
      const extent = extentAfter(layout, this.reach.get(key)?.lastRow ?? 0);
      if (!extent) continue;
      const name = extentPropertyOf(key);
      const text = extentText(extent);
      if (properties[name] !== text && !(name in this.properties)) out[name] = text;
    }
    return out;
  }

  deleteDocumentProperty(key: string): void {
    this.deletedProperties.push(key);
  }

  get empty(): boolean {
    return this.writes.length === 0 && Object.keys(this.properties).length === 0 && this.deletedProperties.length === 0;
  }

  /**
   * Properties first, in one call (each property call is a round trip, and a full store refuses
   * the whole call), then the cells, which were all converted and checked while planning.
   */
  commit(workbook?: Workbook): void {
    if (Object.keys(this.properties).length > 0 || this.deletedProperties.length > 0) {
      // Where each table read or written now ends rides along in the same call (never a call of its own).
      if (workbook) Object.assign(this.properties, this.extentProperties(workbook));
      const properties = PropertiesService.getDocumentProperties();
      if (Object.keys(this.properties).length > 0) properties.setProperties(this.properties);
      for (const key of this.deletedProperties) properties.deleteProperty(key);
      workbook?.notePropertiesWritten(this.properties, this.deletedProperties);
    }
    for (const write of this.writes.splice(0)) write();
  }
}

/**
 * Edits held by onEdit (history-held.ts) go into the chain with the first save after them; with
 * the Change History sheet gone they wait for Repair, and the save goes ahead.
 */
function planHeldEdits(plan: WritePlan, workbook: Workbook): boolean {
  if (!hasHeldEntries(workbook.documentProperties())) return false;
  try {
    planHistoryEntries(plan, workbook, []);
    return true;
  } catch (error) {
    if (!(error instanceof MissingTableError)) throw error;
    return false;
  }
}

/**
 * Writes the edits onEdit held into the Change History, when there are any (an open sidebar's
 * poll calls this). The edits moved the change counter already, so this does not.
 */
export function writeHeldEdits(workbook: Workbook): void {
  if (!hasHeldEntries(workbook.documentProperties())) return;
  withDocumentLock('Record edits in the Change History', () => {
    workbook.forgetReads();
    const plan = new WritePlan();
    if (planHeldEdits(plan, workbook)) plan.commit(workbook);
  });
}

/**
 * One save, all or nothing: takes the document lock once, lets `build` read what it depends on and
 * plan every change, then writes. A refused lock or an error while planning writes nothing.
 * `workbook` forgets whatever it read before the lock (the save works from what it reads under
 * it) and, after the commit, holds what was read with the save's writes applied, so the view the
 * handler returns is built without reading the sheets again. `release`: see lock.ts.
 */
export function saveAtomically<T>(workbook: Workbook, action: string, build: (plan: WritePlan) => T, release: LockRelease = 'after the writes'): T {
  return withDocumentLock(action, () => {
    workbook.forgetReads();
    const plan = new WritePlan();
    const result = build(plan);
    planHeldEdits(plan, workbook);
    // Every successful save moves the counter once, even one that changed nothing, so a sidebar
    // that counts its own saves can tell them from the partner's (README: the sidebar stays current).
    planChangeCount(plan, workbook.documentProperties());
    for (const [key, value] of Object.entries(workbook.propertiesToKeep())) plan.setDocumentProperty(key, value);
    plan.commit(workbook);
    return result;
  }, release);
}
