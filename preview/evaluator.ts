/**
 * The formula evaluator the preview's double uses: the project's HyperFormula bridge with the
 * add-on's custom functions, taken from the built Code.js running in the preview's VM (so a cell
 * like =WEAKEST_CORNER(...) runs exactly the code Sheets would run), marshaled as Apps Script does.
 *
 * Two additions, neither changing a value the add-on or the page sees:
 * - Lazy per sheet. The double asks for a fresh evaluation whenever any cell is read after a
 *   write while the workbook holds formulas, and a full HyperFormula rebuild costs hundreds of
 *   milliseconds; an onEdit that reads the Commitments Log would pay it several times. A sheet
 *   without formulas evaluates to its own values (array results spill only onto the sheet of
 *   their formula), so the engine runs only when a sheet holding formulas is asked for.
 * - Guarded. If the engine itself throws (a bug in the bridge, not a formula error), formula cells
 *   read as '#ERROR!' and the reason is kept for the page to show, instead of every read of the
 *   workbook, and so every add-on action, failing with it.
 */
import type { CellValue, EvaluatedWorkbook, FormulaEvaluator, WorkbookContents } from '../runtime/apps-script';
import { createFormulaEvaluator, type RecordingFormulaEvaluator } from '../runtime/formulas/evaluator';
import { customFunctionDecls } from '../runtime/bundle/custom-functions';
import type { LoadedBundle } from '../runtime/bundle/bundle';

export interface PreviewEvaluator extends FormulaEvaluator {
  /** Why the last evaluation fell back to '#ERROR!' cells, or null when it worked. */
  problem(): string | null;
  /**
   * The message of each error cell of `sheet` in the last evaluation, keyed "row,col" (1-based):
   * getValues only gives the code ('#ERROR!'), Sheets shows the message on hover.
   */
  errorMessages(sheet: string): Map<string, string>;
  /**
   * Rows and columns `sheet` covers in the last evaluation, array results spilled past the last
   * typed cell included (the double's lastRow/lastColumn count typed content only).
   */
  evaluatedExtent(sheet: string): { rows: number; cols: number };
}

export function engineFor(bundle: () => LoadedBundle, dateConstructor: DateConstructor): RecordingFormulaEvaluator {
  // The bundle is loaded after the double exists (the double needs this evaluator first), so the
  // custom functions look it up at call time.
  const lazy = { call: (name: string, ...args: unknown[]) => bundle().call(name, ...args) } as LoadedBundle;
  return createFormulaEvaluator(customFunctionDecls(lazy), { dateConstructor });
}

/** Sheets' results, computed on the first request for a sheet that holds formulas. */
class LazyResult extends Map<string, CellValue[][]> {
  private computed: EvaluatedWorkbook | null = null;

  constructor(
    private readonly contents: WorkbookContents,
    private readonly compute: (contents: WorkbookContents) => EvaluatedWorkbook,
  ) {
    super();
  }

  override get(name: string): CellValue[][] | undefined {
    const sheet = this.contents.sheets.find((s) => s.name === name);
    if (!sheet) return undefined;
    if (!sheet.formulas.some((row) => row.some(Boolean))) return sheet.values;
    this.computed ??= this.compute(this.contents);
    return this.computed.get(name);
  }

  override has(name: string): boolean {
    return this.contents.sheets.some((s) => s.name === name);
  }
}

export function previewEvaluator(inner: FormulaEvaluator & Partial<Pick<RecordingFormulaEvaluator, 'lastErrors'>>, log: (message: string) => void): PreviewEvaluator {
  let problem: string | null = null;
  let fellBack = false;
  let last: EvaluatedWorkbook | null = null;
  const compute = (contents: WorkbookContents): EvaluatedWorkbook => {
    try {
      const result = inner.evaluate(contents);
      problem = null;
      fellBack = false;
      last = result;
      return result;
    } catch (error) {
      const message = `the formula engine failed (${(error as Error).message}); formula cells show #ERROR!`;
      if (message !== problem) log(`preview: ${message}`);
      problem = message;
      fellBack = true;
      last = null;
      const fallback: EvaluatedWorkbook = new Map();
      for (const sheet of contents.sheets) {
        fallback.set(sheet.name, sheet.formulas.map((row, r) => row.map((f, c) => (f ? '#ERROR!' : sheet.values[r]![c]!))));
      }
      return fallback;
    }
  };
  return {
    evaluate: (contents) => new LazyResult(contents, compute),
    problem: () => problem,
    evaluatedExtent: (sheet) => {
      // The engine pads a sheet to its own grid size: count only cells that hold something.
      let rows = 0;
      let cols = 0;
      (last?.get(sheet) ?? []).forEach((row, r) => {
        for (let c = row.length; c > cols; c--) {
          if (row[c - 1] !== '' && row[c - 1] !== null && row[c - 1] !== undefined) {
            cols = c;
            break;
          }
        }
        if (row.some((value) => value !== '' && value !== null && value !== undefined)) rows = r + 1;
      });
      return { rows, cols };
    },
    errorMessages: (sheet) => {
      const messages = new Map<string, string>();
      if (fellBack) return messages; // every formula cell shows the same engine problem, on the page's banner
      for (const cell of inner.lastErrors?.() ?? []) {
        if (cell.sheet !== sheet) continue;
        messages.set(`${cell.row},${cell.col}`, cell.error.message || cell.error.code);
      }
      return messages;
    },
  };
}
