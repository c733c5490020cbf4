/**
 * Public types of the Apps Script double.
 *
 * FORMULA EVALUATION HOOK
 * -----------------------
 * The double stores formulas as text and never computes them itself. A `FormulaEvaluator`
 * (e.g. the HyperFormula bridge in runtime/formulas/) is handed the whole workbook and returns the
 * computed values of every sheet. The double calls it lazily: only when a read (getValue(s),
 * getDisplayValue(s), inspect.values) touches a formula cell, or any cell while the workbook holds
 * formulas (to see spilled array results), and only once per workbook revision (any content write
 * bumps the revision). Without an evaluator, formula cells read as '' (what Apps Script returns
 * for a formula whose result is empty) and nothing spills.
 *
 * Contract for `evaluate(contents)`:
 * - `contents.sheets[i].formulas[r][c]` is the formula text (starting with '=') of the cell at
 *   row r+1, column c+1, or '' when the cell holds no formula.
 * - `contents.sheets[i].values[r][c]` is the literal value of a non-formula cell ('' for empty and
 *   for formula cells). Dates are JS `Date`s (an instant; midnight in `contents.timeZone` for
 *   typed dates). Both arrays cover rows 1..lastRow and columns 1..lastColumn with content.
 * - Return, per sheet name, a 2-D array of computed values indexed the same way ([row-1][col-1]).
 *   It may be larger than the input (array results spill into neighbouring empty cells, as in
 *   Sheets) or ragged/short (missing entries read as ''). Error results should be the Sheets error
 *   strings ('#DIV/0!', '#N/A', '#NAME?', '#REF!', '#VALUE!', '#ERROR!'), which is what Apps Script's
 *   getValues returns for error cells. Sheets missing from the result read as ''.
 */

/** What a cell can hold, as Apps Script's getValues returns it. '' means empty. */
export type CellValue = number | string | boolean | Date;

export interface SheetContents {
  name: string;
  values: CellValue[][];
  formulas: string[][];
}

export interface WorkbookContents {
  timeZone: string;
  sheets: SheetContents[];
}

export type EvaluatedWorkbook = Map<string, CellValue[][]>;

export interface FormulaEvaluator {
  evaluate(contents: WorkbookContents): EvaluatedWorkbook;
}

export interface AppsScriptDoubleOptions {
  /** Spreadsheet and script time zone. Default 'Etc/UTC'. */
  timeZone?: string;
  /**
   * Who is using the spreadsheet (their user properties, their edits). Default 'ana@acme.example'.
   * Session.getActiveUser().getEmail() reveals it only with the userinfo.email scope (`oauthScopes`)
   * and never in a simple trigger.
   */
  activeUserEmail?: string;
  /** OAuth scopes the script was granted (the manifest's oauthScopes). Default: none. */
  oauthScopes?: readonly string[];
  /** The spreadsheet's id (Spreadsheet.getId()). Give two doubles different ids to model two files. */
  spreadsheetId?: string;
  /**
   * User properties of every user, by email. They belong to the user, not to a spreadsheet: pass
   * the same object to two doubles (two spreadsheets) and a user sees one store in both.
   */
  userProperties?: UserPropertyStores;
  /** Owner of the spreadsheet (always allowed to edit protected ranges). Default: the first active user. */
  ownerEmail?: string;
  /** Files for HtmlService.createHtmlOutputFromFile(name) / createTemplateFromFile(name), name without '.html'. */
  htmlFiles?: Record<string, string>;
  formulaEvaluator?: FormulaEvaluator;
  /** Title of SpreadsheetApp.getUi().createAddonMenu(). Default 'Trust Corners'. */
  addonName?: string;
  /** Clock used for "current year" when parsing typed dates like '1/2'. Default: real clock. */
  now?: () => Date;
  /**
   * Date constructor of the realm the add-on code runs in (e.g. `vm.runInContext('Date', ctx)`), so
   * that `value instanceof Date` holds inside a node:vm context. Default: this realm's Date.
   */
  dateConstructor?: DateConstructor;
  /** Error constructor of that realm: errors thrown by services are made with it (name 'Exception'). */
  errorConstructor?: ErrorConstructor;
}

/** Each user's user-property store, by email. */
export type UserPropertyStores = Record<string, Record<string, string>>;

/** A rectangle on one sheet, 1-based, inclusive sizes. */
export interface GridRange {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}
