import { type Calendar, RUNTIME_CALENDAR } from '../domain/calendar';
import { isDate } from '../functions/cells';
import type { ColumnSpec } from './schema';
import type { TableLayout } from './layout';
import { asLiteralText, cleanUserText } from './safe-text';

export type CellValue = string | number | boolean | Date;

/** One data row as read: values by column key, plus its sheet row number (for updates). */
export interface TableRow {
  rowNumber: number;
  values: Record<string, CellValue>;
}

/** Reads every data row of a table in one call; wholly blank rows are skipped. */
export function readRows(layout: TableLayout): TableRow[] {
  const lastRow = layout.sheet.getLastRow();
  if (lastRow < 2) return [];
  const grid = layout.sheet.getRange(2, 1, lastRow - 1, layout.width).getValues() as CellValue[][];
  const rows: TableRow[] = [];
  grid.forEach((cells, index) => {
    const values: Record<string, CellValue> = {};
    let blank = true;
    for (const [key, column] of layout.columnOf) {
      const value = cells[column - 1];
      values[key] = value;
      if (value !== '' && value !== null) blank = false;
    }
    if (!blank) rows.push({ rowNumber: index + 2, values });
  });
  return rows;
}

export const textOf = (value: CellValue | undefined, calendar: Calendar = RUNTIME_CALENDAR): string =>
  value === undefined || value === null ? '' : isDate(value) ? isoDayOf(value, calendar) : String(value).trim();

export const dateOf = (value: CellValue | undefined): Date | null => (isDate(value) && !Number.isNaN(value.getTime()) ? value : null);

/** yyyy-mm-dd of the day a date cell holds, in the spreadsheet's calendar (Workbook.calendar). */
export function isoDayOf(date: Date, calendar: Calendar): string {
  return calendar.isoDay(date);
}

/**
 * Parses yyyy-mm-dd from the sidebar into the instant that day starts in the spreadsheet's time
 * zone, which is what Sheets stores for a date typed into a cell.
 */
export function parseIsoDay(text: string, field: string, calendar: Calendar): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? calendar.startOfDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!date || !match || calendar.isoDay(date) !== match.slice(1, 4).join('-')) {
    throw new Error(`${field} "${text}" is not a date; expected yyyy-mm-dd`);
  }
  return date;
}

/**
 * Converts a value for writing into a column of `kind`. Strings are always written as literal
 * text (see safe-text.ts): whatever a person typed comes back exactly, never as a formula.
 */
export function cellForWrite(column: ColumnSpec, value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return asLiteralText(cleanUserText(value, column.header));
  return value;
}

/** A full-width row for `layout` with `values` placed by column key; other cells blank. */
export function rowFor(layout: TableLayout, values: Record<string, CellValue | null | undefined>): CellValue[] {
  const row: CellValue[] = new Array(layout.width).fill('');
  for (const column of layout.table.columns) {
    const at = layout.columnOf.get(column.key);
    if (at !== undefined && column.key in values) row[at - 1] = cellForWrite(column, values[column.key]);
  }
  return row;
}

/**
 * Appends rows below the last used row in one write (callers hold the document lock, so the last
 * row cannot move underneath). Grows the grid first when the sheet is full.
 */
export function appendRows(layout: TableLayout, records: ReadonlyArray<Record<string, CellValue | null | undefined>>): number {
  if (records.length === 0) return 0;
  const sheet = layout.sheet;
  const firstRow = sheet.getLastRow() + 1;
  const needed = firstRow + records.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(firstRow, 1, records.length, layout.width).setValues(records.map((record) => rowFor(layout, record)));
  return firstRow;
}

/** Appends one row with Sheet.appendRow, which Sheets applies atomically: for writes made without the lock. */
export function appendRowAtomically(layout: TableLayout, record: Record<string, CellValue | null | undefined>): void {
  layout.sheet.appendRow(rowFor(layout, record));
}
