import { type Calendar, RUNTIME_CALENDAR } from '../domain/calendar';
import { isDate } from '../functions/cells';
import type { ColumnSpec } from './schema';
import { CachedTableLayout, type TableLayout } from './layout';
import { columnLetters } from './a1';
import { asLiteralText, cleanUserText } from './safe-text';

export type CellValue = string | number | boolean | Date;

/** One data row as read: values by column key, plus its sheet row number (for updates). */
export interface TableRow {
  rowNumber: number;
  values: Record<string, CellValue>;
}

/** What one read of a table gives: its data rows, and the grid it came from. */
export interface TableRead {
  rows: TableRow[];
  /** Rows in the sheet's grid (rows after the last one can only be written once the grid grows). */
  gridRows: number;
  /** The last row with anything in the columns read (the header row counts): appends go below it. */
  lastUsedRow: number;
}

/**
 * Reads every data row of a table in one round trip: every row of the grid, header included (an
 * open-ended A1 range needs no getLastRow first), and only the columns from the first to the last
 * of `only` (default: all of the table's). A layout from the cache is checked against the header
 * row of that read. Wholly blank rows are skipped; values hold only the columns asked for.
 */
export function readRows(layout: TableLayout, only?: readonly string[]): TableRow[] {
  return readTable(layout, only).rows;
}

export function readTable(layout: TableLayout, only?: readonly string[]): TableRead {
  if (layout instanceof CachedTableLayout && !layout.isChecked) {
    const unchecked = layout.unchecked();
    const span = columnSpan(unchecked.columnOf, only);
    const grid = readGrid(unchecked.sheet, span);
    if (layout.acceptHeader(grid[0] ?? [], span.first)) return tableReadOf(grid, span);
    // The cache was stale: the table was found again by its metadata, so read it where it is now.
  }
  const span = columnSpan(layout.columnOf, only);
  return tableReadOf(readGrid(layout.sheet, span), span);
}

interface ColumnSpan {
  first: number;
  last: number;
  keys: ReadonlyMap<string, number>;
}

/** The columns to read: those of `only` (every column of the table without it), first to last. */
function columnSpan(columnOf: ReadonlyMap<string, number>, only: readonly string[] | undefined): ColumnSpan {
  const keys = new Map<string, number>();
  for (const key of only ?? [...columnOf.keys()]) {
    const column = columnOf.get(key);
    if (column === undefined) throw new Error(`readRows: the table has no column "${key}"`);
    keys.set(key, column);
  }
  const columns = [...keys.values()];
  return { first: Math.min(...columns), last: Math.max(...columns), keys };
}

/** Every row of the grid, columns first..last (open-ended, so no round trip asks for the last row first). */
function readGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, span: ColumnSpan): CellValue[][] {
  return sheet.getRange(`${columnLetters(span.first)}1:${columnLetters(span.last)}`).getValues() as CellValue[][];
}

/** The data rows (row 2 on) of `grid` by column key, with their sheet row numbers. */
function tableReadOf(grid: CellValue[][], span: ColumnSpan): TableRead {
  const rows: TableRow[] = [];
  let lastUsedRow = 0;
  for (let index = 0; index < grid.length; index++) {
    const cells = grid[index];
    if (cells.some((value) => value !== '' && value !== null)) lastUsedRow = index + 1;
    if (index === 0) continue;
    const values: Record<string, CellValue> = {};
    let blank = true;
    for (const [key, column] of span.keys) {
      const value = cells[column - span.first];
      values[key] = value;
      if (value !== '' && value !== null) blank = false;
    }
    if (!blank) rows.push({ rowNumber: index + 1, values });
  }
  return { rows, gridRows: grid.length, lastUsedRow };
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
