/**
 * What the page draws for one sheet, read from the double after the add-on ran: values as Sheets
 * would display them, header styling, dropdowns from data validation, conditional-format
 * highlights and charts. Reads go through the double's uncounted `inspect` views and its Range
 * API (display values, formats), never through the add-on. Built once per revision and sheet.
 */
import { parseA1 } from '../runtime/apps-script/a1';
import type { CellValue, FormulaEvaluator } from '../runtime/apps-script';
import type { WorkbookHost } from './host';
import { computeHighlights, type Highlight, type WorkbookReader } from './highlights';
import { chartView } from './chart-data';
import type { CellView, SheetView } from './protocol';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const DEFAULT_FORMATS = new Set(['', 'General', '0.###############', '@']);
const ERROR_VALUE = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!)$/;

/** yyyy-mm-dd (with hh:mm when not midnight) in the spreadsheet's time zone. */
function isoDate(d: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return parts.hour === '00' && parts.minute === '00' ? day : `${day} ${parts.hour}:${parts.minute}`;
}

export class ViewBuilder {
  private revision = -1;
  private views = new Map<string, SheetView>();
  private highlightProblem: string | null = null;
  // A second instance of the same evaluator (same custom functions from the same Code.js, since
  // a rule may call one), so the scratch sheet never enters the double's workbook.
  private readonly cfEvaluator: FormulaEvaluator;

  constructor(private readonly host: WorkbookHost) {
    this.cfEvaluator = host.newEvaluator();
  }

  problem(): string | null {
    return this.host.evaluator.problem() ?? this.highlightProblem;
  }

  sheet(name: string): SheetView {
    if (this.revision !== this.host.revision) {
      this.revision = this.host.revision;
      this.views.clear();
    }
    let view = this.views.get(name);
    if (!view) this.views.set(name, (view = this.build(name)));
    return view;
  }

  private reader(): WorkbookReader {
    const inspect = this.host.double.inspect;
    return { timeZone: inspect.timeZone(), sheetNames: inspect.sheetNames(), formulas: inspect.formulas, values: inspect.values };
  }

  private highlightsOf(name: string): Map<string, Highlight> {
    const rules = this.host.double.inspect.conditionalFormats(name);
    if (rules.length === 0) return new Map();
    try {
      const highlights = computeHighlights(this.reader(), name, rules, this.cfEvaluator);
      this.highlightProblem = null;
      return highlights;
    } catch (error) {
      this.highlightProblem = `conditional formats could not be evaluated (${(error as Error).message})`;
      return new Map();
    }
  }

  private build(name: string): SheetView {
    const double = this.host.double;
    const inspect = double.inspect;
    const facts = inspect.sheet(name);
    const charts = inspect.charts(name);
    // Enough empty grid around the data to type into, and room for the charts anchored in it.
    const chartCols = Math.max(0, ...charts.map((c) => c.anchorCol + 6));
    const chartRows = Math.max(0, ...charts.map((c) => c.anchorRow + 18));
    // Every used cell must be reachable by scrolling, results spilled by array formulas included.
    if (facts.lastRow > 0) inspect.values(name); // evaluates the sheet's formulas for this revision first
    const spilled = this.host.evaluator.evaluatedExtent(name);
    const usedRows = Math.max(facts.lastRow, spilled.rows);
    const usedCols = Math.max(facts.lastColumn, spilled.cols);
    const rows = Math.min(facts.maxRows, Math.max(usedRows + 15, chartRows, 30));
    const cols = Math.min(facts.maxColumns, Math.max(usedCols + 2, chartCols, 10));
    const range = double.spreadsheet.getSheetByName(name)!.getRange(1, 1, rows, cols);
    const values = range.getValues() as CellValue[][];
    const shown = range.getDisplayValues();
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const weights = range.getFontWeights();
    const backgrounds = range.getBackgrounds();
    const wraps = range.getWraps();
    const timeZone = inspect.timeZone();
    const highlights = this.highlightsOf(name);
    const errorMessages = this.host.evaluator.errorMessages(name);

    const cells: CellView[][] = values.map((row, r) =>
      row.map((value, c): CellView => {
        const dated = isDate(value) && DEFAULT_FORMATS.has(formats[r]![c]!);
        const text = dated ? isoDate(value as Date, timeZone) : shown[r]![c]!;
        const cell: CellView = { text, input: formulas[r]![c] || (isDate(value) ? isoDate(value, timeZone) : text) };
        if (weights[r]![c] === 'bold') cell.bold = true;
        if (wraps[r]![c]) cell.wrap = true;
        const bg = backgrounds[r]![c];
        if (bg && bg !== '#ffffff') cell.background = bg;
        if (typeof value === 'number' || isDate(value)) cell.numeric = true;
        if (formulas[r]![c] && typeof value === 'string' && ERROR_VALUE.test(value)) {
          cell.error = true;
          const message = errorMessages.get(`${r + 1},${c + 1}`);
          if (message) cell.errorMessage = message;
        }
        const highlight = highlights.get(`${r + 1},${c + 1}`);
        if (highlight) cell.highlight = highlight;
        return cell;
      }),
    );
    this.addDropdowns(name, cells);

    return {
      revision: this.host.revision,
      name,
      rows,
      cols,
      frozenRows: facts.frozenRows,
      columnWidths: facts.columnWidths,
      cells,
      charts: charts.map((chart) => chartView(chart, this.block(chart.ranges[0] ?? '', chart.sheet))),
    };
  }

  /** VALUE_IN_LIST choices, and VALUE_IN_RANGE choices read from their source range. */
  private addDropdowns(name: string, cells: CellView[][]): void {
    const inspect = this.host.double.inspect;
    const sheetById = new Map(inspect.sheetNames().map((n) => [inspect.sheet(n).id, n]));
    const sourceCache = new Map<string, string[]>();
    for (const rule of inspect.validations(name)) {
      const cell = cells[rule.row - 1]?.[rule.column - 1];
      if (!cell) continue;
      if (rule.helpText) cell.help = rule.helpText;
      if (rule.criteria === 'VALUE_IN_LIST' && Array.isArray(rule.values[0]) && rule.values[1] !== false) {
        cell.options = (rule.values[0] as unknown[]).map(String);
      } else if (rule.criteria === 'VALUE_IN_RANGE' && rule.values[1] !== false) {
        const source = (rule.values[0] as { $range?: { sheetId: number; row: number; col: number; numRows: number; numCols: number } }).$range;
        if (!source) continue;
        const key = JSON.stringify(source);
        let options = sourceCache.get(key);
        if (!options) {
          const sheetName = sheetById.get(source.sheetId);
          const all = sheetName ? inspect.values(sheetName) : [];
          const picked: string[] = [];
          for (let r = source.row; r < source.row + source.numRows; r++) {
            for (let c = source.col; c < source.col + source.numCols; c++) {
              const v = all[r - 1]?.[c - 1];
              if (v !== undefined && v !== '' && !picked.includes(String(v))) picked.push(String(v));
            }
          }
          sourceCache.set(key, (options = picked));
        }
        cell.options = options;
      }
    }
  }

  /** The evaluated values of an A1 range such as "Dashboard!B6:E7". */
  private block(a1: string, fallbackSheet: string): CellValue[][] {
    const ref = parseA1(a1);
    if (!ref || ref.startRow === undefined || ref.startCol === undefined) return [];
    const all = this.host.double.inspect.values(ref.sheetName ?? fallbackSheet);
    const endRow = ref.endRow ?? all.length;
    const endCol = ref.endCol ?? Math.max(0, ...all.map((r) => r.length));
    const out: CellValue[][] = [];
    for (let r = ref.startRow; r <= endRow; r++) {
      const line: CellValue[] = [];
      for (let c = ref.startCol; c <= endCol; c++) line.push(all[r - 1]?.[c - 1] ?? '');
      out.push(line);
    }
    return out;
  }
}
