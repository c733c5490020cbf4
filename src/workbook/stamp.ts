import { type Calendar, startOfDayOf } from '../domain/calendar';
import { parseStatus } from '../domain/commitments';
import { freeCommitmentIds, holdsCommitment } from './commitment-ids';
import { nextChangeCount, planChangeCount } from './change-counter';
import { countHeldBatches, storeHeldEntries } from './history-held';
import { type Change, historyEntries, holdPendingHistory, planHistoryEntries } from './history';
import { actorLabel } from './identity';
import { CachedTableLayout, MissingTableError, type TableLayout, sheetNameOf } from './layout';
import { Workbook } from './workbook';
import { LOCK_WAIT_MS } from './lock';
import { type ColumnSpec, type TableSpec } from './schema';
import { type CellValue, ROUND_TRIP_CELLS, textOf } from './table';
import { COMMITMENTS, TABLES } from './templates';
import { settlementAfterEdit } from './settled';
import { WritePlan } from './write-plan';
import { raisedExtent } from './extent';
import { METADATA_SHEET_KEY } from './property-keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Which of our tables a sheet is, from its metadata; undefined for other sheets. */
function tableOf(sheet: Sheet): TableSpec | undefined {
  const marked = sheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).find();
  const key = marked.length > 0 ? marked[0].getValue() : null;
  return TABLES.find((table) => table.key === key);
}

/** Days from the Sheets epoch (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The event's old value as the column holds it: Apps Script passes a string, and a date as its
 * serial number ("46000"), which means nothing to a person reading the history.
 */
function oldValueOf(raw: unknown, column: ColumnSpec | undefined, calendar: Calendar): CellValue {
  if (raw === undefined || raw === null) return '';
  if ((column?.kind === 'date' || column?.kind === 'timestamp') && /^\d+(\.\d+)?$/.test(String(raw))) {
    // A serial counts days (and fractions) of the spreadsheet's wall clock since 1899-12-30.
    const wallClock = new Date((Number(raw) - UNIX_EPOCH_SERIAL) * 86_400_000);
    const day = calendar.startOfDay(wallClock.getUTCFullYear(), wallClock.getUTCMonth() + 1, wallClock.getUTCDate());
    return new Date(day.getTime() + (wallClock.getTime() % 86_400_000));
  }
  return raw as CellValue;
}

const STAMP_KEYS = new Set(['updatedBy', 'updatedAt']);

/**
 * The edited rows firstRow..lastRow across the table's columns; checks a cached layout on the way
 * (before the add-on writes by it): when the edit is near the top, the rows above it are read with
 * it instead of a header read of its own, while they cost less than that round trip (table.ts
 * ROUND_TRIP_CELLS).
 */
function readEditedRows(layout: TableLayout, sheet: Sheet, firstRow: number, lastRow: number): CellValue[][] {
  if (layout instanceof CachedTableLayout && !layout.isChecked) {
    const { width } = layout.unchecked();
    if ((firstRow - 1) * width <= ROUND_TRIP_CELLS) {
      const grid = sheet.getRange(1, 1, lastRow, width).getValues() as CellValue[][];
      if (layout.acceptHeader(grid[0] ?? [])) return grid.slice(firstRow - 1);
      // The cache was stale: the table was found again by its metadata; read it where it is now.
    }
  }
  return sheet.getRange(firstRow, 1, lastRow - firstRow + 1, layout.width).getValues() as CellValue[][];
}

/** Held edits after which an edit takes the lock and writes them all into the Change History. */
const HELD_BATCHES_BEFORE_FLUSH = 20;

/** A value read from a cell, made ready to be written back unchanged (text stays literal). */
const asWritten = (value: CellValue): CellValue => (typeof value === 'string' && value !== '' ? `'${value}` : value);

/**
 * Writes `fills` (column -> row offset -> value) in as few calls as the columns allow: adjacent
 * columns share one write, spanning only the rows that change; rows in between get their own
 * values back. The call count depends on which columns change, never on how many rows.
 */
function writeFills(sheet: Sheet, firstRow: number, rowValues: readonly CellValue[][], fills: ReadonlyMap<number, ReadonlyMap<number, CellValue>>): void {
  const columns = [...fills.keys()].filter((column) => (fills.get(column) as ReadonlyMap<number, CellValue>).size > 0).sort((a, b) => a - b);
  for (let start = 0; start < columns.length; ) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const run = columns.slice(start, end + 1);
    const offsets = run.flatMap((column) => [...(fills.get(column) as ReadonlyMap<number, CellValue>).keys()]);
    const top = Math.min(...offsets);
    const bottom = Math.max(...offsets);
    const grid: CellValue[][] = [];
    for (let offset = top; offset <= bottom; offset++) {
      grid.push(run.map((column) => {
        const filled = (fills.get(column) as ReadonlyMap<number, CellValue>).get(offset);
        return filled !== undefined ? filled : asWritten(rowValues[offset][column - 1]);
      }));
    }
    sheet.getRange(firstRow + top, run[0], grid.length, run.length).setValues(grid);
    start = end + 1;
  }
}

/**
 * On the Commitments Log, what the add-on fills in for the person who edited: an id for a row
 * typed by hand (only under the lock, where ids are allocated), Done on = today when the status
 * was set to Done with no date, and the who/when stamp. Returns the cells to write and the
 * changes to record.
 */
function commitmentFills(
  layout: TableLayout,
  rowValues: CellValue[][],
  editedKeys: ReadonlySet<string>,
  stamp: { who: string; at: Date; calendar: Calendar },
  allocateIds: ((count: number) => string[]) | null,
): { fills: Map<number, Map<number, CellValue>>; changes: Change[]; idOf: Map<number, string> } {
  const column = (key: string): number => layout.columnOf.get(key) as number;
  const fills = new Map<number, Map<number, CellValue>>([...layout.columnOf.values()].map((at) => [at, new Map<number, CellValue>()]));
  const changes: Change[] = [];
  const idOf = new Map<number, string>();
  const sheetName = sheetNameOf(layout);
  const typed = rowValues.map((values) => holdsCommitment(layout, values));
  if (allocateIds) {
    const needing = rowValues.flatMap((values, offset) => (typed[offset] && textOf(values[column('id') - 1]) === '' ? [offset] : []));
    const ids = needing.length > 0 ? allocateIds(needing.length) : [];
    needing.forEach((offset, n) => {
      (fills.get(column('id')) as Map<number, CellValue>).set(offset, `'${ids[n]}`);
      idOf.set(offset, ids[n]);
      changes.push({ sheet: sheetName, rowId: ids[n], field: 'ID', oldValue: '', newValue: ids[n] });
    });
  }
  const today = startOfDayOf(stamp.calendar, stamp.at);
  rowValues.forEach((values, offset) => {
    if (!typed[offset]) return; // a row someone just cleared stays empty
    const rowId = idOf.get(offset) ?? textOf(values[column('id') - 1]);
    if (editedKeys.has('status') && parseStatus(textOf(values[column('status') - 1])) === 'Done' && textOf(values[column('doneOn') - 1]) === '') {
      (fills.get(column('doneOn')) as Map<number, CellValue>).set(offset, today);
      changes.push({ sheet: sheetName, rowId, field: 'Done on', oldValue: '', newValue: today });
    }
    (fills.get(column('updatedBy')) as Map<number, CellValue>).set(offset, `'${stamp.who}`);
    (fills.get(column('updatedAt')) as Map<number, CellValue>).set(offset, stamp.at);
  });
  return { fills, changes, idOf };
}

/**
 * The simple onEdit trigger: records every edited data cell in the Change History and, on the
 * Commitments Log, fills ids, Done on and the who/when stamp. A paste of any size costs the same
 * few service calls: one read of the edited rows, one write per group of adjacent filled columns,
 * one property write. Runs in AuthMode.LIMITED as the editing user; Apps Script gives the old
 * value only for single-cell edits, so a paste records the old ones as unknown. The history
 * entries of the usual edit wait in document properties for the next save to chain them (see
 * holdPendingHistory); a row typed without an id takes the lock to get one and writes the chain
 * then. When that lock is refused, nothing is lost: ids wait for the next edit of the row or Repair.
 */
export function stampEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  const workbook = new Workbook(sheet.getParent());
  // From the layout cache by the sheet's name (README: a sheet renamed is recognised again after
  // the next sidebar action); a workbook without the cache yet asks the sheet's metadata.
  const table = workbook.hasLayoutCache() ? workbook.tableOnSheet(sheet.getName(), TABLES) : tableOf(sheet);
  if (!table || table.appendOnly) return;
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return; // header edits are not data changes
  const layout = workbook.layout(table);
  // The event carries values as strings (a date as its serial number, nothing when a cell is
  // cleared), so the edited rows are read from the sheet itself: new values, ids and whether a
  // row is now empty, in one call (with the header row that checks a cached layout, when near).
  const rowValues = readEditedRows(layout, sheet, firstRow, lastRow);
  const keyOfColumn = new Map([...layout.columnOf].map(([key, column]) => [column, key]));
  const firstColumn = range.getColumn();
  const columns = Array.from({ length: range.getNumColumns() }, (_, i) => firstColumn + i).filter((column) => {
    const key = keyOfColumn.get(column);
    return key !== undefined && !STAMP_KEYS.has(key);
  });
  if (columns.length === 0) return;

  const rows = lastRow - firstRow + 1;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const idColumn = layout.columnOf.get('id');
  const who = actorLabel(workbook.id);
  const now = new Date();
  const calendar = workbook.calendar;
  const specOf = new Map(layout.table.columns.map((spec) => [layout.columnOf.get(spec.key) as number, spec]));
  const isCommitments = table.key === COMMITMENTS.key;
  const editedKeys = new Set(columns.map((column) => keyOfColumn.get(column) as string));
  const needsIds = isCommitments && idColumn !== undefined && rowValues.some((values) => holdsCommitment(layout, values) && textOf(values[idColumn - 1]) === '');

  const changesOf = (filled: ReturnType<typeof commitmentFills> | null): Change[] => {
    const changes: Change[] = [];
    const sheetName = sheetNameOf(layout);
    for (let row = 0; row < rows; row++) {
      const rowId = filled?.idOf.get(row) ?? (idColumn !== undefined ? textOf(rowValues[row][idColumn - 1]) : `row ${firstRow + row}`);
      for (const column of columns) {
        const spec = specOf.get(column);
        changes.push({
          sheet: sheetName,
          rowId,
          field: spec?.header ?? '',
          oldValue: single ? oldValueOf(event.oldValue, spec, calendar) : '(not known for multi-cell edits)',
          newValue: rowValues[row][column - 1],
        });
      }
    }
    if (filled) changes.push(...filled.changes);
    return changes;
  };

  // The usual edit (a row that has its id) takes no lock: the stamp is written and the history
  // entries wait in the document properties, in the same call as the change counter, for the
  // next save to chain them (saveAtomically; an open sidebar's poll saves within a minute).
  // A row typed without an id takes the lock to be given one, and so does an edit that finds
  // many edits waiting, so the held entries never pile up.
  if (!needsIds && countHeldBatches(workbook.documentProperties()) < HELD_BATCHES_BEFORE_FLUSH) {
    const filled = isCommitments ? commitmentFills(layout, rowValues, editedKeys, { who, at: now, calendar }, null) : null;
    const entries = historyEntries(who, changesOf(filled), now, calendar);
    let held = true;
    try {
      // The table's recorded end (extent.ts) moves down to an edit below it, in the same call.
      // An edit among a table's settled rows clears their summary (settled.ts), in the same call.
      const extent = { ...raisedExtent(table.key, workbook.extentOf(table), lastRow), ...settlementAfterEdit(table.key, workbook.documentProperties(), firstRow) };
      storeHeldEntries(entries, { ...nextChangeCount(workbook.documentProperties()), ...workbook.propertiesToKeep(), ...extent });
    } catch {
      held = false; // the property store is full: write them into the chain now, under the lock
    }
    if (held) {
      if (filled) writeFills(sheet, firstRow, rowValues, filled.fills);
      return;
    }
  }

  const lock = LockService.getDocumentLock();
  const locked = lock ? lock.tryLock(LOCK_WAIT_MS) : false;
  try {
    // The chain's end, the held entries and the counter as they are under the lock.
    if (locked) workbook.forgetReads();
    const filled = isCommitments
      ? commitmentFills(layout, rowValues, editedKeys, { who, at: now, calendar }, locked ? (count) => freeCommitmentIds(layout, count) : null)
      : null;
    const entries = historyEntries(who, changesOf(filled), now, calendar);
    // Every read (ids above, the chain's end here) before the first write.
    let history: WritePlan | null = locked ? new WritePlan() : null;
    try {
      if (history) planHistoryEntries(history, workbook, entries);
    } catch (error) {
      // The Change History sheet is gone or lacks columns: the entries wait, like under a refused
      // lock, until Repair restores it, and the edit's own cells are still filled in.
      if (!(error instanceof MissingTableError)) throw error;
      history = null;
    }
    // Open sidebars poll this count (src/workbook/change-counter.ts), and the table's recorded end
    // (extent.ts) moves down to the edit: in the same property call.
    const extent = { ...raisedExtent(table.key, workbook.extentOf(table), lastRow), ...settlementAfterEdit(table.key, workbook.documentProperties(), firstRow) };
    if (history) {
      planChangeCount(history, workbook.documentProperties());
      for (const [key, value] of Object.entries(extent)) history.setDocumentProperty(key, value);
    }
    if (filled) writeFills(sheet, firstRow, rowValues, filled.fills);
    if (history) history.commit(workbook);
    else holdPendingHistory(entries, workbook, { ...nextChangeCount(workbook.documentProperties()), ...extent });
  } finally {
    if (locked) lock.releaseLock();
  }
}
