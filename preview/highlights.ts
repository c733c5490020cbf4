/**
 * Highlights from conditional format rules, computed by the formula engine itself. Each
 * CUSTOM_FORMULA rule of a sheet is copied, relocated for each row with content (each cell when a
 * column reference is relative), into a scratch sheet next to the workbook's sheets, and evaluated
 * by a second instance of the same HyperFormula evaluator: TODAY(), text comparison and blanks
 * behave as in the cells themselves. Only the sheets the rules name are loaded, unless one of
 * them holds formulas (then every sheet, since those may read any). Rows past the sheet's last
 * row with content are not evaluated (an empty row is not highlighted by our rules). Other
 * criteria (TEXT_CONTAINS, NUMBER_GREATER_THAN, ...) are not evaluated; the add-on uses none.
 */
import { parseA1 } from '../runtime/apps-script/a1';
import type { CellValue, FormulaEvaluator, WorkbookContents } from '../runtime/apps-script';
import { hasRelativeColumn, relocate } from './cf-formula';

export const SCRATCH_SHEET = '__preview_conditional_formats__';

export interface Highlight {
  background?: string;
  color?: string;
  bold?: boolean;
}

export interface RuleInfo {
  ranges: string[];
  criteria: string;
  args: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
}

const truthy = (v: CellValue | undefined): boolean => v === true || (typeof v === 'number' && v !== 0);

/** "row,col" (1-based) -> the first matching rule's style, for the cells of `sheetName`. */
export interface WorkbookReader {
  timeZone: string;
  sheetNames: string[];
  /** Formula text per cell ('' for none); reading it never evaluates anything. */
  formulas(name: string): string[][];
  /** Cell values (formula cells may be computed; the engine gets their formulas anyway). */
  values(name: string): CellValue[][];
}

export function computeHighlights(
  workbook: WorkbookReader,
  sheetName: string,
  rules: RuleInfo[],
  evaluator: FormulaEvaluator,
): Map<string, Highlight> {
  const values = workbook.values(sheetName);
  const lastRow = new Map([[sheetName, values.length]]);
  const lastCol = new Map([[sheetName, Math.max(0, ...values.map((row) => row.length))]]);
  const formulas: string[][] = [];
  // What each scratch row decides: which cells of which sheet, styled how. Rules earlier in the
  // list win over later ones, as in Sheets.
  const targets: Array<{ row: number; cols: number[]; style: Highlight }> = [];
  const sheet = { name: sheetName };
  {
    for (const rule of rules) {
      if (rule.criteria !== 'CUSTOM_FORMULA' || typeof rule.args[0] !== 'string') continue;
      const formula = rule.args[0];
      const style: Highlight = {};
      if (rule.background) style.background = rule.background;
      if (rule.fontColor) style.color = rule.fontColor;
      if (rule.bold) style.bold = true;
      const perCell = hasRelativeColumn(formula);
      for (const a1 of rule.ranges) {
        const ref = parseA1(a1);
        if (!ref || ref.startRow === undefined || ref.startCol === undefined) continue;
        const last = Math.min(ref.endRow ?? Infinity, lastRow.get(sheet.name) ?? 0);
        const endCol = Math.min(ref.endCol ?? Infinity, Math.max(lastCol.get(sheet.name) ?? 0, ref.startCol));
        for (let row = ref.startRow; row <= last; row++) {
          const cols = Array.from({ length: endCol - ref.startCol + 1 }, (_, i) => ref.startCol! + i);
          if (perCell) {
            for (const col of cols) {
              formulas.push([relocate(formula, sheet.name, row - ref.startRow, col - ref.startCol)]);
              targets.push({ row, cols: [col], style });
            }
          } else {
            formulas.push([relocate(formula, sheet.name, row - ref.startRow, 0)]);
            targets.push({ row, cols, style });
          }
        }
      }
    }
  }
  const out = new Map<string, Highlight>();
  if (formulas.length === 0) return out;
  const scratch = { name: SCRATCH_SHEET, formulas, values: formulas.map(() => [''] as CellValue[]) };
  const contents: WorkbookContents = { timeZone: workbook.timeZone, sheets: [...sheetsNeeded(workbook, sheetName, formulas), scratch] };
  const results = evaluator.evaluate(contents).get(SCRATCH_SHEET) ?? [];
  targets.forEach((target, index) => {
    if (!truthy(results[index]?.[0])) return;
    for (const col of target.cols) {
      const key = `${target.row},${col}`;
      // Rules are in priority order: the first that holds decides the cell's look, as in Sheets.
      if (!out.has(key)) out.set(key, target.style);
    }
  });
  return out;
}

/** The rule's own sheet and those its formulas name; every sheet if any of them holds formulas. */
function sheetsNeeded(workbook: WorkbookReader, sheetName: string, formulas: string[][]): WorkbookContents['sheets'] {
  const text = formulas.map((row) => row[0]).join('\n');
  const named = workbook.sheetNames.filter(
    (name) => name === sheetName || text.includes(`'${name.replace(/'/g, "''")}'!`) || text.includes(`${name}!`),
  );
  const hasFormulas = named.some((name) => workbook.formulas(name).some((row) => row.some(Boolean)));
  return (hasFormulas ? workbook.sheetNames : named).map((name) => ({ name, formulas: workbook.formulas(name), values: workbook.values(name) }));
}
