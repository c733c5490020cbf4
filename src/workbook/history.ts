import type { Workbook } from './layout';
import type { Calendar } from '../domain/calendar';
import { type CellValue, appendRows, textOf } from './table';
import { HISTORY } from './templates';

export interface Change {
  sheet: string;
  rowId: string;
  field: string;
  oldValue: CellValue | undefined;
  newValue: CellValue | undefined;
}

const shown = (value: CellValue | undefined, calendar: Calendar): string => (value === undefined ? '' : textOf(value, calendar));

export function historyRecords(who: string, changes: readonly Change[], when: Date, calendar: Calendar): Array<Record<string, CellValue>> {
  return changes.map((change) => ({
    when,
    who,
    sheet: change.sheet,
    rowId: change.rowId,
    field: change.field,
    oldValue: shown(change.oldValue, calendar),
    newValue: shown(change.newValue, calendar),
  }));
}

/** Appends changes to the Change History in one write (every value stored as literal text). Hold the lock. */
export function recordChanges(workbook: Workbook, who: string, changes: readonly Change[], when: Date = new Date()): void {
  if (changes.length === 0) return;
  appendRows(workbook.layout(HISTORY), historyRecords(who, changes, when, workbook.calendar));
}
