import { type Calendar, RUNTIME_CALENDAR } from '../domain/calendar';
import { isDate } from '../domain/dates';

/**
 * What Apps Script hands a custom function: a scalar for one cell or literal, a 2-D array for a
 * range, `''` for a blank cell, `Date` for a date cell, `undefined` for an omitted argument.
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = Cell[][];

/*
 * Built-ins read once: hot loops below touch up to 400,000 cells, and a global lookup per cell is
 * measurable wherever the global object is not a plain one (a sandboxed or VM context).
 */
const isArray = Array.isArray;

const DateConstructor = Date;


export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as a person would recognise it in an error message. */
export function describeCell(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'blank';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${isoDay(value)}`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a range';
  return 'an unsupported value';
}

function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Error thrown to the cell: Sheets shows the message, which starts with the function's name. */
export class FunctionInputError extends Error {
  constructor(functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
    this.name = 'Error';
  }
}

/** Any argument as rows of cells: a scalar is a 1×1 grid, an omitted argument an empty one. */
export function toGrid(functionName: string, argName: string, value: unknown): Grid {
  if (value === undefined) return [];
  if (!isArray(value)) return [[value as Cell]];
  for (let index = 0; index < value.length; index++) {
    if (!isArray(value[index])) {
      throw new FunctionInputError(functionName, `${argName} must be a range; row ${index + 1} is not a row of cells`);
    }
  }
  return value as Grid;
}

/**
 * Visits every cell of a range argument, row by row. `where` names the cell for an error message
 * ("ratings row 3", or "ratings row 3, column 2" for a grid) and is only built when asked for.
 */
export function forEachCell(
  functionName: string,
  argName: string,
  value: unknown,
  visit: (cell: Cell, where: () => string, rowIndex: number) => void,
): void {
  const grid = toGrid(functionName, argName, value);
  for (let rowIndex = 0; rowIndex < grid.length; rowIndex++) {
    const row = grid[rowIndex];
    for (let columnIndex = 0; columnIndex < row.length; columnIndex++) {
      const where = (): string =>
        row.length > 1 ? `${argName} row ${rowIndex + 1}, column ${columnIndex + 1}` : `${argName} row ${rowIndex + 1}`;
      visit(row[columnIndex], where, rowIndex);
    }
  }
}

/**
 * A one-column or one-row range read in place: custom functions see up to 100,000 rows, and
 * copying them into a flat list would be allocation for nothing.
 */
export class ColumnView {
  private constructor(
    private readonly grid: Grid,
    private readonly vertical: boolean,
    private readonly start: number,
    readonly length: number,
  ) {}

  static of(functionName: string, argName: string, value: unknown): ColumnView {
    const grid = toGrid(functionName, argName, value);
    if (grid.length === 0) return new ColumnView(grid, true, 0, 0);
    if (grid.length === 1) return new ColumnView(grid, false, 0, grid[0].length);
    const width = grid[0].length;
    if (width !== 1) {
      throw new FunctionInputError(
        functionName,
        `${argName} must be a single column or a single row; got ${grid.length} rows × ${width} columns`,
      );
    }
    return new ColumnView(grid, true, 0, grid.length);
  }

  /** The cell at `index` (0-based, from this view's start). */
  cell(index: number): Cell {
    return this.vertical ? this.grid[this.start + index][0] : this.grid[0][this.start + index];
  }

  /** The same column without its first `count` cells (a title row). */
  skip(count: number): ColumnView {
    return new ColumnView(this.grid, this.vertical, this.start + count, this.length - count);
  }
}

const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** A date cell, or ISO text `yyyy-mm-dd` (dates typed into text-formatted cells). */
export function isDateLike(value: Cell): boolean {
  return (isDate(value) && !Number.isNaN(value.getTime())) || (typeof value === 'string' && ISO_DAY.test(value));
}

/** Reads a date cell: a Date, or ISO text `yyyy-mm-dd` for dates typed into text-formatted cells. */
export function readDate(
  functionName: string,
  where: string,
  value: Cell,
  calendar: Calendar = RUNTIME_CALENDAR,
): Date | null {
  if (isBlank(value)) return null;
  if (isDate(value)) {
    if (!Number.isNaN(value.getTime())) return value;
  } else if (typeof value === 'string') {
    const match = ISO_DAY.exec(value);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = calendar.startOfDay(year, month, day);
      // Reject 2026-02-30 and the like: the day must come back as typed.
      if (calendar.isoDay(date) === match.slice(1, 4).join('-')) return date;
    }
  }
  throw new FunctionInputError(functionName, `${where} is ${describeCell(value)}; expected a date`);
}

/** `readDate` for a cell of a column, with the fast path inline and the location built only on error. */
export function readDateAt(functionName: string, argName: string, row: number, value: Cell, calendar?: Calendar): Date | null {
  if (value instanceof DateConstructor) {
    const time = value.getTime();
    if (time === time) return value; // not NaN
  } else if (value === '') {
    return null;
  }
  return readDate(functionName, `${argName} row ${row}`, value, calendar);
}

/** Reads a number cell; numeric text is accepted because it is unambiguous. */
export function readNumber(
  functionName: string,
  where: string,
  value: Cell,
  min: number,
  max: number,
  expected: string,
): number | null {
  if (isBlank(value)) return null;
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) number = Number(value);
  if (number === undefined || !Number.isFinite(number) || number < min || number > max) {
    throw new FunctionInputError(functionName, `${where} is ${describeCell(value)}; expected ${expected}`);
  }
  return number;
}

export function readText(functionName: string, where: string, value: Cell): string {
  if (isBlank(value)) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new FunctionInputError(functionName, `${where} is ${describeCell(value)}; expected text`);
}

/** An optional scalar argument: blank or omitted means "use the default". */
export function scalarArg(functionName: string, argName: string, value: unknown): Cell {
  if (isArray(value)) {
    const grid = toGrid(functionName, argName, value);
    if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
    throw new FunctionInputError(functionName, `${argName} must be a single cell or value, not a range`);
  }
  return value as Cell;
}
