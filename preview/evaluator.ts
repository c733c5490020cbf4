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

export function previewEvaluator(inner: FormulaEvaluator, log: (message: string) => void): PreviewEvaluator {
  let problem: string | null = null;
  const compute = (contents: WorkbookContents): EvaluatedWorkbook => {
    try {
      const result = inner.evaluate(contents);
      problem = null;
      return result;
    } catch (error) {
      const message = `the formula engine failed (${(error as Error).message}); formula cells show #ERROR!`;
      if (message !== problem) log(`preview: ${message}`);
      problem = message;
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
  };
}
