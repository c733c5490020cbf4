/**
 * Values between HyperFormula's interpreter and Apps Script custom functions, converted the way
 * Apps Script converts them.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import { dateToSerial, serialToDate } from './dates';

export type AppsScriptValue = string | number | boolean | Date;

/** A cell that evaluated to an error. `code` is what Sheets shows and getValues returns. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
  toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

/** HyperFormula error type -> the code Sheets shows for the same failure. */
const SHEETS_CODE: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  // Sheets has no #SPILL! or #CYCLE!: both are #REF! there.
  SPILL: '#REF!',
  CYCLE: '#REF!',
  LIC: '#ERROR!',
};
const SHEETS_MESSAGE: Record<string, string> = {
  SPILL: 'Array result was not expanded because it would overwrite data.',
  CYCLE: 'Circular dependency detected.',
};

export function toFormulaError(type: string, message: string | undefined): FormulaError {
  return new FormulaError(SHEETS_CODE[type] ?? '#ERROR!', SHEETS_MESSAGE[type] ?? message ?? '');
}

export interface MarshalContext {
  timeZone: string;
  /** Date constructor of the realm the custom functions run in (node:vm contexts have their own). */
  DateCtor: DateConstructor;
  /** Wraps a serial as a date-typed number of the engine (DateNumber / DateTimeNumber). */
  typedDate(serial: number): unknown;
}

/** HyperFormula's "rich" numbers (dates, percents, currency) carry `val` and a detailed type. */
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}
function isRichNumber(v: unknown): v is RichNumberLike {
  return typeof v === 'object' && v !== null && typeof (v as RichNumberLike).getDetailedType === 'function';
}
const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

export function isDateType(detailedType: string): boolean {
  return DATE_TYPES.has(detailedType);
}

/** One evaluated cell -> what Apps Script passes for it. */
function scalarToAppsScript(v: unknown, ctx: MarshalContext): AppsScriptValue {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (v instanceof CellError) return SHEETS_CODE[v.type] ?? '#ERROR!'; // as getValues reports error cells
  if (isRichNumber(v)) {
    // Percentages arrive as decimals (0.5), currency as plain numbers, date/time types as Dates.
    if (!isDateType(v.getDetailedType())) return v.val;
    const d = serialToDate(v.val, ctx.timeZone);
    return new ctx.DateCtor(d.getTime());
  }
  return v as AppsScriptValue;
}

/**
 * An evaluated argument -> the custom function's argument: a multi-cell range is a 2-D array
 * (rows of columns, even 1xN or Nx1), anything else a scalar. (HyperFormula already unwraps 1x1
 * ranges to their value, which is what Sheets does for a single-cell range too.)
 * Judgement calls where Sheets' behaviour is not documented: an error cell inside a range
 * arrives as its code string ('#N/A'), as getValues reports it, while an argument that is itself
 * an error makes the call return that error (plugins.ts); a syntactically empty argument, as in
 * F(1,,3), arrives as '' like an empty cell.
 */
export function argumentToAppsScript(v: unknown, ctx: MarshalContext): AppsScriptValue | AppsScriptValue[][] {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map((c) => scalarToAppsScript(c, ctx)));
  return scalarToAppsScript(v, ctx);
}

function isDate(v: unknown): v is Date {
  // Cross-realm safe: a Date made inside a node:vm context is not `instanceof` this realm's Date.
  return Object.prototype.toString.call(v) === '[object Date]';
}

class ResultError extends Error {}

function scalarFromAppsScript(v: unknown, ctx: MarshalContext): unknown {
  if (v === undefined || v === null) return EmptyValue;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ResultError('#NUM!');
    return v;
  }
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new ResultError('#VALUE!');
    return ctx.typedDate(dateToSerial(v, ctx.timeZone));
  }
  // Strict on purpose: objects, functions, nested arrays have no cell representation.
  throw new ResultError(`Custom function returned a value that cannot be put in a cell: ${Object.prototype.toString.call(v)}`);
}

/**
 * A custom function's return value -> an interpreter value, with its size.
 * - scalar -> the cell's value; undefined/null -> empty cell; Date -> date-typed serial;
 * - 2-D array -> spills; a 1-D array is a column (each element one row), as in Sheets;
 * - ragged or empty arrays are rejected (strict: rectangular results are the only ones we rely on).
 */
export function resultFromAppsScript(result: unknown, ctx: MarshalContext): unknown {
  try {
    if (!Array.isArray(result)) return scalarFromAppsScript(result, ctx);
    if (result.length === 0) throw new ResultError('Custom function returned an empty array.');
    const rows: unknown[][] = result.every((r) => Array.isArray(r))
      ? (result as unknown[][])
      : result.some((r) => Array.isArray(r))
        ? (() => {
            throw new ResultError('Custom function returned an array mixing rows and scalars.');
          })()
        : result.map((v) => [v]);
    const cols = rows[0]!.length;
    if (cols === 0 || rows.some((r) => r.length !== cols)) {
      throw new ResultError('Custom function returned a ragged or empty array; rows must all have the same length.');
    }
    const data = rows.map((r) => r.map((v) => scalarFromAppsScript(v, ctx)));
    if (rows.length === 1 && cols === 1) return data[0]![0];
    return SimpleRangeValue.onlyValues(data as never);
  } catch (e) {
    if (!(e instanceof ResultError)) throw e;
    const code = e.message === '#NUM!' ? ErrorType.NUM : e.message === '#VALUE!' ? ErrorType.VALUE : ErrorType.ERROR;
    return new CellError(code, e.message.startsWith('#') ? undefined : e.message);
  }
}
