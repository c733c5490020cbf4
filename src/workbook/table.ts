import { type Calendar, RUNTIME_CALENDAR } from '../domain/calendar';
import { isDate } from '../domain/dates';
import type { ColumnSpec, TableSpec } from './schema';
import { CachedTableLayout, type TableLayout } from './layout';
import { extentSources, memory, spanMemory } from './read-memory';

import { columnLetters } from './a1';
import { type Extent, readEndOf } from './extent';
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
  /**
   * Rows the sheet's grid is known to have (rows after it can only be written once the grid grows):
   * all of them after a read to the grid's end, the rows read after a read that stopped at the
   * table's recorded extent (the grid may have more).
   */
  gridRows: number;
  /** The read went to the grid's end (no extent was recorded, or the margin's last row held data). */
  toGridEnd: boolean;
  /** The last row with anything in the columns read (the header row counts): appends go below it. */
  lastUsedRow: number;
  /** Only the table's first rows were read (TableSpec.rowsRead): gridRows is not the grid's size. */
  bounded?: boolean;
}

/**
 * Reads every data row of a table in one round trip: the header row and every row down to the
 * table's recorded extent plus a margin (extent.ts; to the grid's end, open-ended, when none is
 * recorded, so no getLastRow is asked first), and the columns from the first to the last of `only`
 * (default: all of the table's). When the last row read holds data, one more read takes the rest of
 * the grid. A layout from the cache is checked against the header row of that read. Wholly blank
 * rows are skipped; values hold at least the columns asked for (every column of the table within
 * the span read).
 *
 * Reads are remembered per layout object (a Workbook makes its layouts per request), so a view
 * built after a save reads the rows the save read under the lock, with the save's writes applied
 * (noteUpdate, noteAppend), instead of reading the sheet again. Taking the lock forgets them
 * (forgetRead): a save works only from what it read inside the lock.
 */
export function readRows(layout: TableLayout, only?: readonly string[]): TableRow[] {
  return readTable(layout, only).rows;
}

export function readTable(layout: TableLayout, only?: readonly string[]): TableRead {
  const remembered = memory.get(layout);
  if (remembered && remembered.fromRow <= 2 && (only ?? layout.table.columns.map((column) => column.key)).every((key) => remembered.keys.has(key))) {
    return remembered.read;
  }
  const extent = layout.table.rowsRead === undefined ? (extentSources.get(layout)?.() ?? null) : null;
  // The rows the read asks for, when known: few rows make a wide gap cheaper to read than to split around.
  const rows = layout.table.rowsRead !== undefined ? layout.table.rowsRead + 1 : extent ? readEndOf(extent) : null;
  if (layout instanceof CachedTableLayout && !layout.isChecked) {
    const unchecked = layout.unchecked();
    const span = columnSpan(layout.table, unchecked.columnOf, only, rows);
    const read = readRowsOf(unchecked.sheet, span, layout.table.rowsRead, extent);
    if (layout.acceptHeader(read.grid[0] ?? [], span.first, span.runs)) return remember(layout, span, read);
    // The cache was stale: the table was found again by its metadata, so read it where it is now.
  }
  const span = columnSpan(layout.table, layout.columnOf, only, rows);
  return remember(layout, span, readRowsOf(layout.sheet, span, layout.table.rowsRead, extent));
}

/**
 * The rows of a table from `fromRow` down (to its recorded extent plus the margin, and on to the
 * grid's end when the margin's last row holds data, as readTable reads), the columns of `only`, in
 * one round trip: for a table whose earlier rows are summed up elsewhere (settled.ts). The header
 * row is not read, so a cached layout stays unchecked: the caller checks what it read against a
 * row it knows (settled.ts, the mark), and a write through the layout checks the header first
 * (CachedTableLayout.columnOf). Remembered like readTable (writes apply to it) for reads from
 * `fromRow` or later; a whole read remembered already serves it.
 */
export function readTableFrom(layout: TableLayout, only: readonly string[], fromRow: number): TableRead {
  if (fromRow <= 2) return readTable(layout, only);
  const remembered = memory.get(layout);
  if (remembered && remembered.fromRow <= fromRow && only.every((key) => remembered.keys.has(key))) {
    return { ...remembered.read, rows: remembered.read.rows.filter((row) => row.rowNumber >= fromRow) };
  }
  const extent = extentSources.get(layout)?.() ?? null;
  const source = layout instanceof CachedTableLayout && !layout.isChecked ? layout.uncheckedForRead() : { sheet: layout.sheet, columnOf: layout.columnOf };
  const rows = extent ? Math.max(readEndOf(extent) - fromRow + 1, 1) : null;
  const span = columnSpan(layout.table, source.columnOf, only, rows);
  let gridRead: GridRead;
  try {
    gridRead = readRowsOf(source.sheet, span, undefined, extent, fromRow);
  } catch (error) {
    if (!OUTSIDE_GRID.test(String((error as Error).message))) throw error;
    gridRead = { grid: [], toGridEnd: true }; // the table ends above fromRow
  }
  // tableReadOf skips its first row as the header: a blank row stands in for it.
  const shifted = tableReadOf([[], ...gridRead.grid], span);
  // The probe counts the rows this read carried; the read knows the grid down to where it ended.
  const read: TableRead = probed(layout.table.key, {
    rows: shifted.rows.map((row) => ({ rowNumber: row.rowNumber + fromRow - 2, values: row.values })),
    gridRows: gridRead.grid.length,
    toGridEnd: gridRead.toGridEnd,
    lastUsedRow: Math.max(shifted.lastUsedRow > 1 ? shifted.lastUsedRow + fromRow - 2 : 0, fromRow - 1),
  });
  read.gridRows = gridRead.grid.length + fromRow - 1;
  memory.set(layout, { keys: new Set(span.keys.keys()), read, allColumns: false, fromRow });
  return read;
}


/**
 * Rows fromRow..toRow of a table, the columns of `only` (their span, as readRows reads them), in
 * one round trip, for a caller that already knows which rows it wants (read-model.ts reads the
 * Cycle column first, then only the rows of the cycles whose answers it needs). The layout must
 * have been checked (a readRows of the same layout first does that with its header row). Wholly
 * blank rows are skipped. Remembered for the rest of the request until a write to the table or the
 * lock forgets it; a read of rows the table does not have reads nothing.
 */
export function readRowSpan(layout: TableLayout, only: readonly string[], fromRow: number, toRow: number): TableRow[] {
  if (toRow < fromRow) return [];
  const remembered = spanMemory.get(layout);
  if (remembered && remembered.fromRow <= fromRow && remembered.toRow >= toRow && only.every((key) => remembered.keys.has(key))) {
    return remembered.rows.filter((row) => row.rowNumber >= fromRow && row.rowNumber <= toRow);
  }
  const span = columnSpan(layout.table, layout.columnOf, only, toRow - fromRow + 1);
  let grid: CellValue[][];
  try {
    grid = readGrid(layout.sheet, span, fromRow, toRow);
  } catch (error) {
    if (!OUTSIDE_GRID.test(String((error as Error).message))) throw error;
    grid = [];
  }
  // tableReadOf skips its first row as the header: a blank row stands in for it.
  const read = probed(`${layout.table.key} (rows ${fromRow}–${toRow})`, tableReadOf([[], ...grid], span));
  const rows = read.rows.map((row) => ({ rowNumber: row.rowNumber + fromRow - 2, values: row.values }));
  spanMemory.set(layout, { keys: new Set(span.keys.keys()), fromRow, toRow, rows });
  return rows;
}

/** The extent recorded for `layout`'s table (null: none, or the layout did not come from a Workbook). */
export function recordedExtent(layout: TableLayout): Extent | null {
  return extentSources.get(layout)?.() ?? null;
}

/** A grid as read: its cells, whether it reached the grid's end, and the rows the grid surely has. */
interface GridRead {
  grid: CellValue[][];
  toGridEnd: boolean;
}

/** Sheets' refusal of a range past the grid (it shrank, or already ends where a read would go on). */
const OUTSIDE_GRID = /outside the dimensions of the sheet|Range not found/i;

/**
 * The rows to read: the first `rowsRead` (one record), else down to the extent plus its margin and,
 * when the last of those holds data, on to the grid's end; else the whole grid.
 */
function readRowsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, span: ColumnSpan, rowsRead: number | undefined, extent: Extent | null, fromRow = 1): GridRead {
  if (rowsRead !== undefined) return { grid: readGrid(sheet, span, fromRow, rowsRead + 1), toGridEnd: false };
  if (!extent) return { grid: readGrid(sheet, span, fromRow), toGridEnd: true };
  const end = Math.max(readEndOf(extent), fromRow);
  let grid: CellValue[][];
  try {
    grid = readGrid(sheet, span, fromRow, end);
  } catch (error) {
    // The grid has fewer rows than recorded (rows were deleted): read all it has.
    if (!OUTSIDE_GRID.test(String((error as Error).message))) throw error;
    return { grid: readGrid(sheet, span, fromRow), toGridEnd: true };
  }
  if (!holdsData(grid[grid.length - 1])) return { grid, toGridEnd: false };
  // Rows go on past the margin (typed or pasted without onEdit, or pushed down by rows inserted above).
  try {
    return { grid: grid.concat(readGrid(sheet, span, end + 1)), toGridEnd: true };
  } catch (error) {
    if (!OUTSIDE_GRID.test(String((error as Error).message))) throw error;
    return { grid, toGridEnd: true }; // the grid ends at the last row read
  }
}

const holdsData = (cells: readonly CellValue[] | undefined): boolean => (cells ?? []).some((value) => value !== '' && value !== null);

/** The rows of `grid` as a read, kept for the rest of the request. */
function remember(layout: TableLayout, span: ColumnSpan, { grid, toGridEnd }: GridRead): TableRead {
  const read = probed(layout.table.key, { ...tableReadOf(grid, span), toGridEnd });
  if (layout.table.rowsRead !== undefined) read.bounded = true;
  memory.set(layout, { keys: new Set(span.keys.keys()), read, allColumns: layout.table.columns.every((column) => span.keys.has(column.key)), fromRow: 2 });
  return read;
}

/**
 * The extent a save records for `layout`'s table after this request's read of it and its own
 * writes reaching row `written` (0: none), or null when nothing was read or written through it. A
 * read of every column that went down to where the data ends may lower it (rows cleared); any
 * other read only raises it.
 */
export function extentAfter(layout: TableLayout, written: number): Extent | null {
  const remembered = memory.get(layout);
  const recorded = recordedExtent(layout);
  if (layout.table.rowsRead !== undefined) return null;
  if (!remembered && written === 0) return null;
  if (!remembered) return recorded ? { lastRow: Math.max(recorded.lastRow, written), gridRows: Math.max(recorded.gridRows, written) } : null;
  const { read, allColumns } = remembered;
  const seen = Math.max(read.lastUsedRow, 1);
  const lastRow = Math.max(allColumns || !recorded ? seen : Math.max(seen, recorded.lastRow), written);
  const gridRows = Math.max(read.toGridEnd ? read.gridRows : Math.max(read.gridRows, recorded?.gridRows ?? 0), lastRow);
  return { lastRow, gridRows };
}

/**
 * For the bench only (bench/roundtrips.ts): told of every table read from the sheet and of every
 * column whose values the action then looks at, so "cells read" can be set against the cells of
 * the columns an action needs. Null in the add-on.
 */
export interface ColumnUseProbe {
  tableRead(table: string, gridRows: number): void;
  columnUsed(table: string, key: string): void;
}

let probe: ColumnUseProbe | null = null;

export function setColumnUseProbe(next: ColumnUseProbe | null): void {
  probe = next;
}

function probed(table: string, read: TableRead): TableRead {
  if (!probe) return read;
  const watching = probe;
  watching.tableRead(table, read.gridRows);
  for (const row of read.rows) {
    row.values = new Proxy(row.values, {
      get(target, key, receiver) {
        if (typeof key === 'string') watching.columnUsed(table, key);
        return Reflect.get(target, key, receiver);
      },
    });
  }
  return read;
}

/** A read kept for the rest of the request: the column keys it holds, and the rows. */


/**
 * The rows the grid surely has, as the last read through `layout` in this request saw them (all of
 * them after a read to the grid's end, the rows read otherwise); null: not read, or only its first rows.
 */
export function rememberedGridRows(layout: TableLayout): { rows: number; all: boolean } | null {
  const remembered = memory.get(layout);
  return remembered && !remembered.read.bounded ? { rows: remembered.read.gridRows, all: remembered.read.toGridEnd } : null;
}


/** What a value written by a WritePlan reads back as: literal text without its apostrophe. */
function readBack(value: CellValue): CellValue {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** A committed write of some cells of row `rowNumber`, applied to the remembered read (if any). */
export function noteUpdate(layout: TableLayout, rowNumber: number, cells: ReadonlyMap<string, CellValue>): void {
  spanMemory.delete(layout);
  const remembered = memory.get(layout);
  // A row above a read of the unsettled rows only was not read: nothing remembered to change.
  if (!remembered || rowNumber < remembered.fromRow) return;
  let row = remembered.read.rows.find((candidate) => candidate.rowNumber === rowNumber);
  if (!row) {
    row = { rowNumber, values: Object.fromEntries([...remembered.keys].map((key) => [key, ''])) };
    remembered.read.rows.push(row);
    remembered.read.rows.sort((a, b) => a.rowNumber - b.rowNumber);
  }
  for (const [key, value] of cells) if (remembered.keys.has(key)) row.values[key] = readBack(value);
  remembered.read.lastUsedRow = Math.max(remembered.read.lastUsedRow, rowNumber);
}

/** Committed rows appended from `firstRow` on (full-width rows as rowFor made them). */
export function noteAppend(layout: TableLayout, firstRow: number, rows: readonly CellValue[][]): void {
  spanMemory.delete(layout);
  const remembered = memory.get(layout);
  if (!remembered) return;
  rows.forEach((cells, index) => {
    const values: Record<string, CellValue> = {};
    for (const key of remembered.keys) values[key] = readBack(cells[(layout.columnOf.get(key) as number) - 1] ?? '');
    remembered.read.rows.push({ rowNumber: firstRow + index, values });
  });
  const lastRow = firstRow + rows.length - 1;
  remembered.read.lastUsedRow = Math.max(remembered.read.lastUsedRow, lastRow);
  remembered.read.gridRows = Math.max(remembered.read.gridRows, lastRow);
}

interface ColumnSpan {
  first: number;
  last: number;
  /** The runs of neighbouring columns read, each [first, last]: one read each. */
  runs: ReadonlyArray<readonly [number, number]>;
  keys: ReadonlyMap<string, number>;
}

/**
 * Columns between two wanted ones that are read anyway rather than split into two reads: a round
 * trip (about 90 ms) costs what a few thousand cells do (15–31 µs each), so a one-column gap is
 * read through and a wider one splits the read (runtime/README.md: the cost model), unless the
 * rows to read are known and few: then a gap is read through while its cells cost less than the
 * round trip a second read would (ROUND_TRIP_CELLS).
 */
const GAP_READ_THROUGH = 1;
/**
 * The cells one round trip costs as much as to read: 90 ms against 20 µs a cell (runtime/README.md,
 * the cost model). A gap holding fewer is read through; every choice between one more read and more
 * cells weighs against it.
 */
export const ROUND_TRIP_CELLS = 4_500;

/**
 * The columns to read: those of `only` (every column of the table without it), in runs of
 * neighbouring columns; the keys are every column of the table inside a run, since their cells
 * come with the read anyway.
 */
function columnSpan(table: TableSpec, columnOf: ReadonlyMap<string, number>, only: readonly string[] | undefined, rows: number | null = null): ColumnSpan {
  const readThrough = rows === null ? GAP_READ_THROUGH : Math.floor(ROUND_TRIP_CELLS / Math.max(rows, 1));
  const wanted: number[] = [];
  for (const key of only ?? [...columnOf.keys()]) {
    const column = columnOf.get(key);
    if (column === undefined) throw new Error(`readRows: the table has no column "${key}"`);
    wanted.push(column);
  }
  wanted.sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const column of wanted) {
    const run = runs[runs.length - 1];
    if (run && column - run[1] - 1 <= readThrough) run[1] = Math.max(run[1], column);
    else runs.push([column, column]);
  }
  const inRun = (at: number) => runs.some(([from, to]) => at >= from && at <= to);
  const keys = new Map<string, number>();
  for (const column of table.columns) {
    const at = columnOf.get(column.key);
    if (at !== undefined && inRun(at)) keys.set(column.key, at);
  }
  return { first: runs[0][0], last: runs[runs.length - 1][1], runs, keys };
}

/**
 * Rows fromRow..toRow of the grid (open-ended without toRow, so no round trip asks for the last row
 * first), columns first..last: one read per run, the columns between runs left blank.
 */
function readGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, span: ColumnSpan, fromRow: number, toRow?: number): CellValue[][] {
  const to = toRow === undefined ? '' : String(toRow);
  if (span.runs.length === 1) {
    return sheet.getRange(`${columnLetters(span.first)}${fromRow}:${columnLetters(span.last)}${to}`).getValues() as CellValue[][];
  }
  const width = span.last - span.first + 1;
  let grid: CellValue[][] = [];
  for (const [from, last] of span.runs) {
    const part = sheet.getRange(`${columnLetters(from)}${fromRow}:${columnLetters(last)}${to}`).getValues() as CellValue[][];
    if (grid.length === 0) grid = part.map(() => new Array<CellValue>(width).fill(''));
    part.forEach((cells, index) => cells.forEach((value, offset) => (grid[index][from - span.first + offset] = value)));
  }
  return grid;
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
  return { rows, gridRows: grid.length, lastUsedRow, toGridEnd: true };
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
