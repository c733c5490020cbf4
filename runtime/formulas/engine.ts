/**
 * A HyperFormula bridge that evaluates a workbook the way Google Sheets does, with the add-on's
 * custom functions called through Apps Script's argument marshaling (see marshal.ts, plugins.ts).
 * Dev-only: never imported by src/ and never bundled into build/.
 *
 * GOOGLE SHEETS FUNCTIONS THAT HYPERFORMULA 3.5 LACKS OR TREATS DIFFERENTLY (formula authors: avoid
 * the missing ones; the engine fixes the starred differences so tests see Sheets behaviour)
 * Missing (#NAME? here): AVERAGEIFS, QUERY, SORTN, LET, LAMBDA, MAP, BYROW, JOIN, REGEXMATCH,
 *   INDIRECT, FLATTEN, LOOKUP, XMATCH, TOCOL, TOROW, CHOOSECOLS. Instead of AVERAGEIFS use
 *   AVERAGE(FILTER(...)) or SUMIFS(...)/COUNTIFS(...).
 * Present (most exercised in test/formula.test.ts): FILTER*, MAX, MIN, COUNTIFS, COUNTIF,
 *   SUMIFS, SUMPRODUCT*, IFERROR*, IF, AND, OR, TODAY*, NOW*, DATEDIF, DATE, INDEX, MATCH, AVERAGE, ROUND, TEXT, ARRAYFORMULA, UNIQUE, SORT.
 * Different:
 *   * FILTER: HyperFormula filters only 1-D ranges element by element; Sheets keeps rows (or
 *     columns) of a 2-D range. Replaced by a Sheets-faithful FILTER (plugins.ts).
 *   * SUMPRODUCT: HyperFormula does not evaluate its arguments as arrays, so (A2:A="x")*1 is
 *     #VALUE!. Replaced with array evaluation on, as in Sheets.
 *   * TODAY/NOW: HyperFormula uses the process's local zone; replaced to use the spreadsheet zone
 *     and an injectable clock.
 *   * IFERROR: HyperFormula's takes scalars, so IFERROR(FILTER(...), "") keeps only the first
 *     value and =IFERROR(F(...), "") around a row-returning F does not spill. Replaced with
 *     Sheets' behaviour: an array passes through (spills, or reaches a custom function whole),
 *     its error elements replaced by the fallback.
 *   * Array literals: HyperFormula does not count references inside {...} as dependencies
 *     (it could evaluate a formula before the cells it reads, and not recompute it after they
 *     change); patched in dependencies.ts.
 *   * Array formulas: HyperFormula throws (`Unknown array`) when a formula reads a range equal to
 *     the spill range of an array formula whose result is an error (`=F(B7:E7)`, B7 a failed row
 *     function), and (`Resizing to smaller array`) when an array formula's value outgrows the
 *     predicted spill. Patched in arrays.ts: the read gives the error, the value is cropped (only
 *     before the sizes settle, see SizeLearner in plugins.ts).
 *   - Open-ended ranges `G2:J` do not parse and whole columns `A:A` stop at the last row with
 *     data; both are rewritten to end at the sheet's last row (ranges.ts).
 *   - ARRAYFORMULA exists and turns on array arithmetic inside it, as in Sheets. Outside it, range
 *     arithmetic like `=A2:A5*2` is #VALUE! (Sheets would also refuse to spill it).
 *   - UNIQUE compares case-insensitively (Sheets' UNIQUE is case-sensitive); `=`/COUNTIF are
 *     case-insensitive in both.
 *   - Spill blocked by data: HyperFormula #SPILL!, Sheets #REF!; circular reference: #CYCLE! vs
 *     #REF!. FormulaError reports the Sheets code.
 *   - TEXT supports only a subset of Sheets' number-format patterns.
 *   - Bare TRUE/FALSE are unknown names in HyperFormula (it has only TRUE()/FALSE()); the engine
 *     defines them as named expressions. Results are not rounded to 10 digits (smartRounding off),
 *     since getValues returns full doubles.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { serialToDate, dateToSerial } from './dates';
import { FormulaError, isDateType, toFormulaError, type AppsScriptValue } from './marshal';
import { customFunctionsPlugin, sheetsCompatPlugins, SizeLearner, type CustomFunctionDecl } from './plugins';
import { boundOpenRanges } from './ranges';
import { patchDependencyGraph } from './dependencies';
import './arrays';

export { FormulaError } from './marshal';
export type { AppsScriptValue } from './marshal';
export type { AppsScriptCustomFunction, CustomFunctionDecl } from './plugins';

/** What a cell can be given: an Apps Script value, '' or null for empty, or a formula ('=...'). */
export type CellContent = string | number | boolean | Date | null;
export type EvaluatedValue = AppsScriptValue | FormulaError;

export interface SheetsFormulaEngineOptions {
  /** Spreadsheet/script time zone for Date <-> serial and TODAY(). Default 'Etc/UTC'. */
  timeZone?: string;
  /** Clock for TODAY()/NOW(). Default: the real clock. */
  now?: () => Date;
  /** Rows of a sheet (Sheets' new-sheet default is 1000); open-ended ranges end there. */
  defaultRowCount?: number;
  /** Date constructor of the realm the custom functions run in (e.g. a node:vm context's). */
  dateConstructor?: DateConstructor;
}

export interface FormulaErrorCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  error: FormulaError;
}

export interface SheetsFormulaEngine {
  /** Load or replace the whole workbook; cells as Apps Script values or '=' formulas. */
  load(sheets: Record<string, CellContent[][]>): void;
  /** 1-based row/col, as in Apps Script. */
  setCell(sheet: string, row: number, col: number, content: CellContent): void;
  /** Apps Script–style: dates as Date, blanks as '', errors as FormulaError. */
  getValue(sheet: string, row: number, col: number): EvaluatedValue;
  /** Every cell from A1 to the last row/column holding content or spilled values. */
  getSheetValues(sheet: string): EvaluatedValue[][];
  /** Every formula cell that evaluated to an error. */
  errors(): FormulaErrorCell[];
}

/** Sheets accepts bare TRUE and FALSE; HyperFormula only knows the functions TRUE() and FALSE(). */
const LITERALS = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** Most array sizes settle after one re-parse; more means a size that keeps changing. */
const MAX_SIZE_PASSES = 5;

export function createSheetsFormulaEngine(
  customFunctions: CustomFunctionDecl[],
  options: SheetsFormulaEngineOptions = {},
): SheetsFormulaEngine {
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const DateCtor = options.dateConstructor ?? Date;
  const defaultRowCount = options.defaultRowCount ?? 1000;
  const sizes = new SizeLearner();
  const ctx = { timeZone, DateCtor, now: options.now ?? (() => new Date()), sizes };

  const builtIns = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const d of customFunctions) {
    const name = d.name.toUpperCase();
    if (builtIns.has(name)) throw new Error(`Custom function ${name} would be shadowed by the built-in of that name`);
    if (!/^[A-Z_][A-Z0-9_.]*$/.test(name)) throw new Error(`Invalid custom function name: ${d.name}`);
  }
  // The parser only knows names that have a translation in the formula language.
  HyperFormula.getLanguage('enGB').extendFunctions(
    Object.fromEntries(customFunctions.map((d) => [d.name.toUpperCase(), d.name.toUpperCase()])),
  );
  const config = {
    licenseKey: 'gpl-v3',
    // Instance-level plugin list: all built-ins, then our overrides (later entries win), so the
    // global HyperFormula registry is never touched.
    functionPlugins: [
      ...HyperFormula.getAllFunctionPlugins(),
      ...sheetsCompatPlugins(ctx),
      customFunctionsPlugin(customFunctions, ctx),
    ],
    nullDate: { year: 1899, month: 12, day: 30 },
    // Date cells are handed to HyperFormula as ISO text so it tracks them as date-typed numbers.
    dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY', 'MM/DD/YY'],
    timeFormats: ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'],
    // getValues returns full doubles (0.1+0.2 is 0.30000000000000004, date-times keep their
    // milliseconds); HyperFormula would round results to 10 significant digits.
    smartRounding: false,
  };

  // Our own copy of the contents: formulas as written (before range rewriting) and row counts.
  let order: string[] = [];
  let contents = new Map<string, CellContent[][]>();
  let rowCounts = new Map<string, number>();
  let hf = HyperFormula.buildEmpty(config);
  patchDependencyGraph(hf);

  const rowCountOf = (name: string) => rowCounts.get(name);

  function toHf(content: CellContent, sheet: string): RawCellContent {
    if (content === null || content === '') return null;
    if (typeof content === 'string') {
      if (content.startsWith('=')) return boundOpenRanges(content, sheet, rowCountOf);
      // A getValues string is text even when it looks like a number or a date: keep it text.
      return `'${content}`;
    }
    if (Object.prototype.toString.call(content) === '[object Date]') {
      const serial = dateToSerial(content as Date, timeZone);
      const iso = new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString(); // wall clock
      return Number.isInteger(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    }
    return content as number | boolean;
  }

  function sheetId(name: string): number {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`No sheet named '${name}'`);
    return id;
  }

  function build(): void {
    hf.destroy();
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const name of order) sheets[name] = contents.get(name)!.map((row) => row.map((c) => toHf(c, name)));
    hf = HyperFormula.buildFromSheets(sheets, config, LITERALS);
    patchDependencyGraph(hf);
  }

  /**
   * Re-parse until every array-returning call site was told its real size (see SizeLearner).
   * From our own copy: HyperFormula's rebuildAndRecalculate would re-read spilled values as data.
   */
  function settle(): void {
    for (let pass = 0; sizes.changed; pass++) {
      if (pass === MAX_SIZE_PASSES) throw new Error('Array result sizes did not settle');
      sizes.changed = false;
      build();
    }
  }

  function rebuild(): void {
    build();
    settle();
  }

  function getValue(sheet: string, row: number, col: number): EvaluatedValue {
    const address = { sheet: sheetId(sheet), row: row - 1, col: col - 1 };
    const v = hf.getCellValue(address);
    if (v instanceof DetailedCellError) return toFormulaError(v.type, v.message);
    if (v === null) return '';
    if (typeof v === 'number' && isDateType(hf.getCellValueDetailedType(address))) {
      return new DateCtor(serialToDate(v, timeZone).getTime());
    }
    return v;
  }

  return {
    load(sheets) {
      order = Object.keys(sheets);
      contents = new Map(order.map((name) => [name, sheets[name]!.map((row) => [...row])]));
      rowCounts = new Map(order.map((name) => [name, Math.max(defaultRowCount, sheets[name]!.length)]));
      // Learned spill sizes are kept: they are only first guesses, and reloading the same
      // workbook (as the Apps Script double does on every revision) then needs no extra pass.
      rebuild();
    },

    setCell(sheet, row, col, content) {
      const grid = contents.get(sheet);
      if (!grid) throw new Error(`No sheet named '${sheet}'`);
      while (grid.length < row) grid.push([]);
      const cells = grid[row - 1]!;
      while (cells.length < col) cells.push(null);
      cells[col - 1] = content;
      if (row > rowCounts.get(sheet)!) {
        // The sheet grew: every open-ended range on it ends lower now, so re-bound them all.
        rowCounts.set(sheet, row);
        rebuild();
        return;
      }
      hf.setCellContents({ sheet: sheetId(sheet), row: row - 1, col: col - 1 }, toHf(content, sheet));
      settle();
    },

    getValue,

    getSheetValues(sheet) {
      const dims = hf.getSheetDimensions(sheetId(sheet));
      const grid = contents.get(sheet)!;
      const height = Math.max(dims.height, grid.length);
      const width = Math.max(dims.width, ...grid.map((r) => r.length));
      return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => getValue(sheet, r + 1, c + 1)));
    },

    errors() {
      const out: FormulaErrorCell[] = [];
      for (const name of order) {
        contents.get(name)!.forEach((cells, r) =>
          cells.forEach((c, k) => {
            if (typeof c !== 'string' || !c.startsWith('=')) return;
            const v = getValue(name, r + 1, k + 1);
            if (v instanceof FormulaError) out.push({ sheet: name, row: r + 1, col: k + 1, formula: c, error: v });
          }),
        );
      }
      return out;
    },
  };
}
