/**
 * The Apps Script double's FormulaEvaluator hook (runtime/apps-script/types.ts) on top of the engine:
 * the double hands over the whole workbook, we return every sheet's computed values, errors as
 * the strings getValues returns for error cells ('#N/A', '#ERROR!', ...).
 */
import type { CellValue, EvaluatedWorkbook, FormulaEvaluator, WorkbookContents } from '../apps-script/types';
import {
  createSheetsFormulaEngine,
  FormulaError,
  type CellContent,
  type CustomFunctionDecl,
  type SheetsFormulaEngine,
  type SheetsFormulaEngineOptions,
} from './engine';

export interface RecordingFormulaEvaluator extends FormulaEvaluator {
  /** Error cells of the last evaluation, with messages (getValues only shows the code). */
  lastErrors(): ReturnType<SheetsFormulaEngine['errors']>;
}

export function createFormulaEvaluator(
  customFunctions: CustomFunctionDecl[],
  options: Omit<SheetsFormulaEngineOptions, 'timeZone'> = {},
): RecordingFormulaEvaluator {
  // One engine per time zone, reused across revisions: its learned spill sizes stay warm.
  const engines = new Map<string, SheetsFormulaEngine>();
  let last: SheetsFormulaEngine | undefined;
  return {
    evaluate(contents: WorkbookContents): EvaluatedWorkbook {
      let engine = engines.get(contents.timeZone);
      if (!engine) {
        engine = createSheetsFormulaEngine(customFunctions, { ...options, timeZone: contents.timeZone });
        engines.set(contents.timeZone, engine);
      }
      const sheets: Record<string, CellContent[][]> = {};
      for (const s of contents.sheets) {
        sheets[s.name] = s.values.map((row, r) => row.map((v, c) => s.formulas[r]?.[c] || v));
      }
      engine.load(sheets);
      last = engine;
      const result: EvaluatedWorkbook = new Map();
      for (const s of contents.sheets) {
        result.set(
          s.name,
          engine.getSheetValues(s.name).map((row) => row.map((v): CellValue => (v instanceof FormulaError ? v.code : v))),
        );
      }
      return result;
    },
    lastErrors: () => last?.errors() ?? [],
  };
}
