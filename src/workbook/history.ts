import type { Workbook } from './layout';
import { type CellValue, appendRows, isoDayOf, textOf } from './table';
import { HISTORY } from './templates';

export interface Change {
  sheet: string;
  rowId: string;
  field: string;
  oldValue: CellValue | undefined;
  newValue: CellValue | undefined;
}

const shown = (value: CellValue | undefined): string =>
  value === undefined ? '' : Object.prototype.toString.call(value) === '[object Date]' ? isoDayOf(value as Date) : textOf(value);

export function historyRecords(who: string, changes: readonly Change[], when: Date): Array<Record<string, CellValue>> {
  return changes.map((change) => ({
    when,
    who,
    sheet: change.sheet,
    rowId: change.rowId,
    field: change.field,
    oldValue: shown(change.oldValue),
    newValue: shown(change.newValue),
  }));
}

/** Appends changes to the Change History in one write (every value stored as literal text). Hold the lock. */
export function recordChanges(workbook: Workbook, who: string, changes: readonly Change[], when: Date = new Date()): void {
  if (changes.length === 0) return;
  appendRows(workbook.layout(HISTORY), historyRecords(who, changes, when));
}
