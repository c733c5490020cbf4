import { prepareChangeCount } from './change-counter';
import { type Change, historyRecords, recordChanges } from './history';
import { actorLabel } from './identity';
import { Workbook } from './layout';
import { LOCK_WAIT_MS } from './lock';
import type { Calendar } from '../domain/calendar';
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
  // cleared), so the edited rows are read from the sheet itself: new values, ids and whether a
  // row is now empty, in one call.
  const width = Math.max(layout.width, ...columns);
  const rowValues = sheet.getRange(firstRow, 1, rows, width).getValues() as CellValue[][];
  const idColumn = layout.columnOf.get('id');
  const who = actorLabel();
  const now = new Date();
  const changes: Change[] = [];
  for (let row = 0; row < rows; row++) {
    for (const column of columns) {
      const spec = layout.table.columns.find((candidate) => candidate.key === keyOfColumn.get(column));
      changes.push({
        sheet: sheet.getName(),
        rowId: idColumn !== undefined ? textOf(rowValues[row][idColumn - 1]) : `row ${firstRow + row}`,
        field: spec?.header ?? '',
        oldValue: single ? oldValueOf(event.oldValue, spec, workbook.calendar) : '(not known for multi-cell edits)',
        newValue: rowValues[row][column - 1],
      });
    }
  }
  // A row someone just cleared stays empty: stamping it would leave a commitment with no content.
  const isEmptyRow = (values: CellValue[]): boolean =>
    [...layout.columnOf].every(([key, column]) => stampKeys.has(key) || values[column - 1] === '' || values[column - 1] === null);

  const lock = LockService.getDocumentLock();
  const locked = lock.tryLock(LOCK_WAIT_MS);
  try {
    // Read before any write is queued; written last (src/workbook/change-counter.ts: open sidebars poll it).
    const countChange = prepareChangeCount();
    if (table.key === COMMITMENTS.key) {
      const stampRange = (key: string) => sheet.getRange(firstRow, layout.columnOf.get(key) as number, rows, 1);
      // Rows left as they are get their own values back, text kept literal as everywhere else.
      const current = (key: string) =>
        rowValues.map((values) => {
          const value = values[(layout.columnOf.get(key) as number) - 1];
          return [typeof value === 'string' && value !== '' ? `'${value}` : value];
        });
      const by = current('updatedBy');
      const at = current('updatedAt');
      rowValues.forEach((values, row) => {
        if (isEmptyRow(values)) return;
        by[row] = [`'${who}`];
        at[row] = [now];
      });
      stampRange('updatedBy').setValues(by);
      stampRange('updatedAt').setValues(at);
    }
    if (locked) {
      recordChanges(workbook, who, changes, now);
    } else {
      // Without the lock a batched append could land on rows another save is writing; appendRow is atomic.
      const history = workbook.layout(HISTORY);
      for (const change of historyRecords(who, changes, now, workbook.calendar)) appendRowAtomically(history, change);
    }
    countChange();
  } finally {
    if (locked) lock.releaseLock();
  }
}
