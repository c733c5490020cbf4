import { type Change, historyRecords, recordChanges } from './history';
import { actorLabel } from './identity';
import { Workbook } from './layout';
import { LOCK_WAIT_MS } from './lock';
import { type ColumnSpec, METADATA_SHEET_KEY, type TableSpec } from './schema';
import { type CellValue, appendRowAtomically, textOf } from './table';
import { COMMITMENTS, HISTORY, TABLES } from './templates';

/** Which of our tables a sheet is, from its metadata; undefined for other sheets. */
function tableOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): TableSpec | undefined {
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
function oldValueOf(raw: unknown, column: ColumnSpec | undefined): CellValue {
  if (raw === undefined || raw === null) return '';
  if ((column?.kind === 'date' || column?.kind === 'timestamp') && /^\d+(\.\d+)?$/.test(String(raw))) {
    const wallClock = new Date((Number(raw) - UNIX_EPOCH_SERIAL) * 86_400_000);
    return new Date(wallClock.getUTCFullYear(), wallClock.getUTCMonth(), wallClock.getUTCDate(), wallClock.getUTCHours(), wallClock.getUTCMinutes());
  }
  return raw as CellValue;
}

/**
 * The simple onEdit trigger: stamps "last updated by/at" on edited Commitments Log rows and appends
 * every edited cell of a data table to the Change History. Runs in AuthMode.LIMITED as the editing
 * user; it sees the old value only for single-cell edits (Apps Script's rule), so a paste records
 * the new values with the old ones unknown.
 */
export function stampEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  const table = tableOf(sheet);
  if (!table || table.appendOnly) return;
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return; // header edits are not data changes
  const workbook = new Workbook(sheet.getParent());
  const layout = workbook.layout(table);
  const keyOfColumn = new Map([...layout.columnOf].map(([key, column]) => [column, key]));
  const stampKeys = new Set(['updatedBy', 'updatedAt']);
  const firstColumn = range.getColumn();
  const columns = Array.from({ length: range.getNumColumns() }, (_, i) => firstColumn + i).filter((column) => {
    const key = keyOfColumn.get(column);
    return key !== undefined && !stampKeys.has(key);
  });
  if (columns.length === 0) return;

  const rows = lastRow - firstRow + 1;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  // The event carries values as strings (a date as its serial number, nothing when a cell is
  // cleared), so the new values are read from the sheet itself.
  const newValues = sheet.getRange(firstRow, firstColumn, rows, range.getNumColumns()).getValues() as CellValue[][];
  const idColumn = layout.columnOf.get('id');
  const ids: CellValue[][] =
    idColumn !== undefined ? (sheet.getRange(firstRow, idColumn, rows, 1).getValues() as CellValue[][]) : [];
  const who = actorLabel();
  const now = new Date();
  const changes: Change[] = [];
  for (let row = 0; row < rows; row++) {
    for (const column of columns) {
      const header = layout.table.columns.find((spec) => spec.key === keyOfColumn.get(column))?.header ?? '';
      changes.push({
        sheet: sheet.getName(),
        rowId: ids.length > 0 ? textOf(ids[row][0]) : `row ${firstRow + row}`,
        field: header,
        oldValue: single ? oldValueOf(event.oldValue, layout.table.columns.find((spec) => spec.key === keyOfColumn.get(column))) : '(not known for multi-cell edits)',
        newValue: newValues[row][column - firstColumn],
      });
    }
  }

  const lock = LockService.getDocumentLock();
  const locked = lock.tryLock(LOCK_WAIT_MS);
  try {
    if (table.key === COMMITMENTS.key) {
      const stampRange = (key: string) => sheet.getRange(firstRow, layout.columnOf.get(key) as number, rows, 1);
      stampRange('updatedBy').setValues(Array.from({ length: rows }, () => [`'${who}`]));
      stampRange('updatedAt').setValues(Array.from({ length: rows }, () => [now]));
    }
    if (locked) {
      recordChanges(workbook, who, changes, now);
    } else {
      // Without the lock a batched append could land on rows another save is writing; appendRow is atomic.
      const history = workbook.layout(HISTORY);
      for (const change of historyRecords(who, changes, now)) appendRowAtomically(history, change);
    }
  } finally {
    if (locked) lock.releaseLock();
  }
}
