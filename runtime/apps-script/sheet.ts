/** Sheet: grid size, rows/columns, appendRow, protections, rules, charts and metadata of one tab. */
import { parseA1 } from './a1';
import { applyInput, toCellInput } from './cells';
import { rawOf } from './counting';
import { chartFacade, EmbeddedChartImpl, newChartBuilder, type ChartDraft } from './charts';
import { cfRuleFacade, ConditionalFormatRuleImpl } from './conditional';
import { ProtectionType, enumKey, describeArg } from './enums';
import type { Env } from './env';
import { assertInteger, assertString } from './env';
import type { ChartSpec, SheetState } from './model';
import { addMetadata, makeFinder, metadataFacade } from './metadata';
import { newProtection, protectionFacade } from './protection';
import { checkedRange, makeRange, type RangeImpl } from './range';
import { spreadsheetFacade } from './spreadsheet';

export const MAX_CELLS = 10_000_000;

export function sheetFacade(env: Env, sheetId: number): SheetImpl {
  return env.cached(`sheet:${sheetId}`, () => new SheetImpl(env, sheetId), 'Sheet');
}

export function assertCellLimit(env: Env, extraCells: number): void {
  const total = env.wb.state.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  if (total + extraCells > MAX_CELLS) {
    throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }
}

export function assertSheetName(env: Env, name: unknown, method: string, exceptId?: number): string {
  const n = assertString(name, method);
  if (n.trim() === '' || n.length > 100) throw new Error(`Invalid sheet name: "${n}".`);
  if (env.wb.state.sheets.some((s) => s.id !== exceptId && s.name.toLowerCase() === n.toLowerCase())) {
    throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
  }
  return n;
}

/** Resolve A1 notation (with optional "Sheet!" prefix) against `sheet`, as Apps Script does. */
export function rangeFromA1(env: Env, sheet: SheetState, a1: string): RangeImpl {
  const ref = parseA1(a1);
  if (!ref) throw new Error('Range not found');
  let target = sheet;
  if (ref.sheetName !== undefined) {
    const named = env.wb.sheetByName(ref.sheetName);
    if (!named) throw new Error('Range not found');
    target = named;
  }
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? target.maxRows;
  const endCol = ref.endCol ?? target.maxCols;
  if (endRow > target.maxRows || endCol > target.maxCols || row > endRow || col > endCol) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return makeRange(env, target.id, row, col, endRow - row + 1, endCol - col + 1);
}


export class SheetImpl {
  constructor(
    private readonly env: Env,
    readonly sheetId: number,
  ) {}

  private get s(): SheetState {
    return this.env.wb.liveSheet(this.sheetId);
  }

  getName(): string {
    return this.s.name;
  }
  getSheetName(): string {
    return this.s.name;
  }
  setName(name: unknown): this {
    const s = this.s;
    s.name = assertSheetName(this.env, name, 'SpreadsheetApp.Sheet.setName', s.id);
    this.env.wb.touch();
    return this;
  }
  getSheetId(): number {
    return this.s.id;
  }
  getIndex(): number {
    return this.env.wb.state.sheets.indexOf(this.s) + 1;
  }
  getParent(): unknown {
    return spreadsheetFacade(this.env);
  }
  getMaxRows(): number {
    return this.s.maxRows;
  }
  getMaxColumns(): number {
    return this.s.maxCols;
  }
  getLastRow(): number {
    return this.env.wb.lastRow(this.s);
  }
  getLastColumn(): number {
    return this.env.wb.lastCol(this.s);
  }

  getRange(...args: unknown[]): RangeImpl {
    if (args.length === 1 && typeof args[0] === 'string') return rangeFromA1(this.env, this.s, args[0]);
    if (args.length < 2 || args.length > 4) {
      throw new Error(`The parameters (${args.map(describeArg).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    return checkedRange(this.env, this.s, args, 'SpreadsheetApp.Sheet.getRange');
  }
  getDataRange(): RangeImpl {
    const s = this.s;
    return makeRange(this.env, s.id, 1, 1, Math.max(1, this.env.wb.lastRow(s)), Math.max(1, this.env.wb.lastCol(s)));
  }

  /** Writes after the last row with content, growing the grid by a row (and columns) if needed. */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error(`The parameters (${describeArg(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    }
    rowContents.forEach((v) => toCellInput(v, this.env.parseCtx)); // validate before growing anything
    const s = this.s;
    const row = this.env.wb.lastRow(s) + 1;
    const width = rowContents.length;
    this.env.assertCanEdit({ sheetId: s.id, row, col: 1, numRows: 1, numCols: width });
    if (row > s.maxRows) {
      assertCellLimit(this.env, s.maxCols);
      this.env.wb.insertRows(s, s.maxRows + 1, 1);
    }
    if (width > s.maxCols) {
      assertCellLimit(this.env, (width - s.maxCols) * s.maxRows);
      this.env.wb.insertCols(s, s.maxCols + 1, width - s.maxCols);
    }
    rowContents.forEach((v, i) => {
      const cell = this.env.wb.ensureCell(s, row, i + 1);
      applyInput(cell, toCellInput(v, this.env.parseCtx, cell.fmt === '@'));
    });
    this.env.wb.touch();
    return this;
  }

  // ---- rows and columns ----

  private count(v: unknown, method: string, what: string): number {
    const n = assertInteger(v, method, what);
    if (n < 1) throw new Error(`The number of ${what} to insert or delete must be at least 1.`);
    return n;
  }

  private insertRowsAt(at: number, n: number, ref: number): this {
    const s = this.s;
    if (ref < 1 || ref > s.maxRows) throw new Error('Those rows are out of bounds.');
    assertCellLimit(this.env, n * s.maxCols);
    this.env.wb.insertRows(s, at, n);
    return this;
  }
  insertRowBefore(before: unknown): this {
    const b = assertInteger(before, 'SpreadsheetApp.Sheet.insertRowBefore', 'beforePosition');
    return this.insertRowsAt(b, 1, b);
  }
  insertRowAfter(after: unknown): this {
    const a = assertInteger(after, 'SpreadsheetApp.Sheet.insertRowAfter', 'afterPosition');
    return this.insertRowsAt(a + 1, 1, a);
  }
  insertRowsBefore(before: unknown, howMany: unknown): this {
    const b = assertInteger(before, 'SpreadsheetApp.Sheet.insertRowsBefore', 'beforePosition');
    return this.insertRowsAt(b, this.count(howMany, 'SpreadsheetApp.Sheet.insertRowsBefore', 'rows'), b);
  }
  insertRowsAfter(after: unknown, howMany: unknown): this {
    const a = assertInteger(after, 'SpreadsheetApp.Sheet.insertRowsAfter', 'afterPosition');
    return this.insertRowsAt(a + 1, this.count(howMany, 'SpreadsheetApp.Sheet.insertRowsAfter', 'rows'), a);
  }

  private insertColsAt(at: number, n: number, ref: number): this {
    const s = this.s;
    if (ref < 1 || ref > s.maxCols) throw new Error('Those columns are out of bounds.');
    assertCellLimit(this.env, n * s.maxRows);
    this.env.wb.insertCols(s, at, n);
    return this;
  }
  insertColumnBefore(before: unknown): this {
    const b = assertInteger(before, 'SpreadsheetApp.Sheet.insertColumnBefore', 'beforePosition');
    return this.insertColsAt(b, 1, b);
  }
  insertColumnAfter(after: unknown): this {
    const a = assertInteger(after, 'SpreadsheetApp.Sheet.insertColumnAfter', 'afterPosition');
    return this.insertColsAt(a + 1, 1, a);
  }
  insertColumnsBefore(before: unknown, howMany: unknown): this {
    const b = assertInteger(before, 'SpreadsheetApp.Sheet.insertColumnsBefore', 'beforePosition');
    return this.insertColsAt(b, this.count(howMany, 'SpreadsheetApp.Sheet.insertColumnsBefore', 'columns'), b);
  }
  insertColumnsAfter(after: unknown, howMany: unknown): this {
    const a = assertInteger(after, 'SpreadsheetApp.Sheet.insertColumnsAfter', 'afterPosition');
    return this.insertColsAt(a + 1, this.count(howMany, 'SpreadsheetApp.Sheet.insertColumnsAfter', 'columns'), a);
  }

  private deleteRowsAt(at: number, n: number): void {
    const s = this.s;
    if (at < 1 || at + n - 1 > s.maxRows) throw new Error('Those rows are out of bounds.');
    if (s.maxRows - n <= s.frozenRows || s.maxRows - n < 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.env.assertCanEdit({ sheetId: s.id, row: at, numRows: n, col: 1, numCols: s.maxCols });
    this.env.wb.deleteRows(s, at, n);
  }
  deleteRow(position: unknown): this {
    this.deleteRowsAt(assertInteger(position, 'SpreadsheetApp.Sheet.deleteRow', 'rowPosition'), 1);
    return this;
  }
  deleteRows(position: unknown, howMany: unknown): this {
    this.deleteRowsAt(
      assertInteger(position, 'SpreadsheetApp.Sheet.deleteRows', 'rowPosition'),
      this.count(howMany, 'SpreadsheetApp.Sheet.deleteRows', 'rows'),
    );
    return this;
  }
  private deleteColsAt(at: number, n: number): void {
    const s = this.s;
    if (at < 1 || at + n - 1 > s.maxCols) throw new Error('Those columns are out of bounds.');
    if (s.maxCols - n <= s.frozenCols || s.maxCols - n < 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.env.assertCanEdit({ sheetId: s.id, row: 1, numRows: s.maxRows, col: at, numCols: n });
    this.env.wb.deleteCols(s, at, n);
  }
  deleteColumn(position: unknown): this {
    this.deleteColsAt(assertInteger(position, 'SpreadsheetApp.Sheet.deleteColumn', 'columnPosition'), 1);
    return this;
  }
  deleteColumns(position: unknown, howMany: unknown): this {
    this.deleteColsAt(
      assertInteger(position, 'SpreadsheetApp.Sheet.deleteColumns', 'columnPosition'),
      this.count(howMany, 'SpreadsheetApp.Sheet.deleteColumns', 'columns'),
    );
    return this;
  }

  setFrozenRows(rows: unknown): this {
    const n = assertInteger(rows, 'SpreadsheetApp.Sheet.setFrozenRows', 'rows');
    if (n < 0) throw new Error('Invalid argument: rows');
    if (n >= this.s.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.s.frozenRows = n;
    return this;
  }
  getFrozenRows(): number {
    return this.s.frozenRows;
  }
  setFrozenColumns(columns: unknown): this {
    const n = assertInteger(columns, 'SpreadsheetApp.Sheet.setFrozenColumns', 'columns');
    if (n < 0) throw new Error('Invalid argument: columns');
    if (n >= this.s.maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
    this.s.frozenCols = n;
    return this;
  }
  getFrozenColumns(): number {
    return this.s.frozenCols;
  }

  // ---- sizes and appearance ----

  private col(v: unknown, method: string): number {
    const c = assertInteger(v, method, 'columnPosition');
    if (c < 1 || c > this.s.maxCols) throw new Error('Those columns are out of bounds.');
    return c;
  }
  setColumnWidth(column: unknown, width: unknown): this {
    const c = this.col(column, 'SpreadsheetApp.Sheet.setColumnWidth');
    this.s.colWidths[String(c)] = assertInteger(width, 'SpreadsheetApp.Sheet.setColumnWidth', 'width');
    return this;
  }
  setColumnWidths(start: unknown, num: unknown, width: unknown): this {
    const c = this.col(start, 'SpreadsheetApp.Sheet.setColumnWidths');
    const n = assertInteger(num, 'SpreadsheetApp.Sheet.setColumnWidths', 'numColumns');
    this.col(c + n - 1, 'SpreadsheetApp.Sheet.setColumnWidths');
    const w = assertInteger(width, 'SpreadsheetApp.Sheet.setColumnWidths', 'width');
    for (let i = 0; i < n; i++) this.s.colWidths[String(c + i)] = w;
    return this;
  }
  getColumnWidth(column: unknown): number {
    return this.s.colWidths[String(this.col(column, 'SpreadsheetApp.Sheet.getColumnWidth'))] ?? 100;
  }
  /** The double has no fonts; auto-resizing records nothing beyond the bounds check. */
  autoResizeColumns(start: unknown, num: unknown): this {
    const c = this.col(start, 'SpreadsheetApp.Sheet.autoResizeColumns');
    this.col(c + assertInteger(num, 'SpreadsheetApp.Sheet.autoResizeColumns', 'numColumns') - 1, 'SpreadsheetApp.Sheet.autoResizeColumns');
    return this;
  }
  autoResizeColumn(column: unknown): this {
    this.col(column, 'SpreadsheetApp.Sheet.autoResizeColumn');
    return this;
  }
  setRowHeight(row: unknown, height: unknown): this {
    const r = assertInteger(row, 'SpreadsheetApp.Sheet.setRowHeight', 'rowPosition');
    if (r < 1 || r > this.s.maxRows) throw new Error('Those rows are out of bounds.');
    this.s.rowHeights[String(r)] = assertInteger(height, 'SpreadsheetApp.Sheet.setRowHeight', 'height');
    return this;
  }
  getRowHeight(row: unknown): number {
    return this.s.rowHeights[String(assertInteger(row, 'SpreadsheetApp.Sheet.getRowHeight', 'rowPosition'))] ?? 21;
  }
  hideSheet(): this {
    const visible = this.env.wb.state.sheets.filter((x) => !x.hidden);
    if (visible.length === 1 && visible[0]!.id === this.sheetId) throw new Error("You can't hide all the sheets in a document.");
    this.s.hidden = true;
    return this;
  }
  showSheet(): this {
    this.s.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.s.hidden;
  }
  setTabColor(color: unknown): this {
    this.s.tabColor = color === null ? null : assertString(color, 'SpreadsheetApp.Sheet.setTabColor');
    return this;
  }
  getTabColor(): string | null {
    return this.s.tabColor;
  }
  activate(): this {
    this.env.wb.state.activeSheetId = this.s.id;
    return this;
  }

  private fullRange(): RangeImpl {
    const s = this.s;
    return makeRange(this.env, s.id, 1, 1, s.maxRows, s.maxCols);
  }
  // Internal calls go to the raw range so they are not counted as Range calls.
  clear(options?: Parameters<RangeImpl['clear']>[0]): this {
    rawOf(this.fullRange()).clear(options);
    return this;
  }
  clearContents(): this {
    rawOf(this.fullRange()).clear({ contentsOnly: true });
    return this;
  }
  clearFormats(): this {
    rawOf(this.fullRange()).clear({ formatOnly: true });
    return this;
  }
  clearNotes(): this {
    rawOf(this.fullRange()).clear({ commentsOnly: true });
    return this;
  }

  // ---- protections ----

  protect(): unknown {
    const s = this.s;
    const existing = this.env.wb.state.protections.find((p) => p.sheetId === s.id && p.type === 'SHEET');
    const spec = existing ?? newProtection(this.env, 'SHEET', { sheetId: s.id, row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols });
    return protectionFacade(this.env, spec.id);
  }
  getProtections(type: unknown): unknown[] {
    const key = enumKey(ProtectionType, type, 'SpreadsheetApp.Sheet.getProtections');
    return this.env.wb.state.protections
      .filter((p) => p.sheetId === this.s.id && p.type === key)
      .map((p) => protectionFacade(this.env, p.id));
  }

  // ---- conditional formats ----

  getConditionalFormatRules(): unknown[] {
    return this.s.cf.map((rule) => cfRuleFacade(this.env, structuredClone(rule)));
  }
  setConditionalFormatRules(rules: unknown): this {
    if (!Array.isArray(rules)) {
      throw new Error(`The parameters (${describeArg(rules)}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`);
    }
    const specs = rules.map((r) => {
      const spec = structuredClone(this.env.unwrap(r, ConditionalFormatRuleImpl, 'SpreadsheetApp.Sheet.setConditionalFormatRules').spec);
      if (spec.ranges.length === 0) throw new Error('A conditional format rule must have at least one range.');
      if (spec.ranges.some((g) => g.sheetId !== this.sheetId)) {
        throw new Error('The ranges of a conditional format rule must be on the sheet the rule is set on.');
      }
      return spec;
    });
    this.s.cf = specs;
    return this;
  }
  clearConditionalFormatRules(): void {
    this.s.cf = [];
  }

  // ---- developer metadata ----

  addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown): this {
    addMetadata(this.env, { type: 'SHEET', sheetId: this.s.id }, [key, a, b], 'SpreadsheetApp.Sheet.addDeveloperMetadata');
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    const id = this.s.id;
    return this.env.wb.state.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheetId === id)
      .map((m) => metadataFacade(this.env, m.id));
  }
  createDeveloperMetadataFinder(): unknown {
    return makeFinder(this.env, { sheetId: this.s.id });
  }

  // ---- charts ----

  newChart(): unknown {
    return newChartBuilder(this.env, this.s.id);
  }
  private toDraft(spec: ChartSpec): ChartDraft {
    return { ...structuredClone(spec), sheetId: this.sheetId };
  }
  insertChart(chart: unknown): void {
    const c = this.env.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.insertChart');
    const { sheetId: _ignored, id: _old, ...rest } = structuredClone(c.draft);
    void _ignored;
    void _old;
    const spec: ChartSpec = { ...rest, id: this.env.wb.nextId() };
    this.s.charts.push(spec);
    c.draft.id = spec.id;
    c.draft.sheetId = this.sheetId;
  }
  getCharts(): unknown[] {
    return this.s.charts.map((spec) => chartFacade(this.env, this.toDraft(spec)));
  }
  updateChart(chart: unknown): void {
    const c = this.env.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.updateChart');
    const i = this.s.charts.findIndex((x) => x.id === c.draft.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet; insert it first.');
    const { sheetId: _s, id: _i, ...rest } = structuredClone(c.draft);
    void _s;
    void _i;
    this.s.charts[i] = { ...rest, id: c.draft.id! };
  }
  removeChart(chart: unknown): void {
    const c = this.env.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.removeChart');
    const before = this.s.charts.length;
    this.s.charts = this.s.charts.filter((x) => x.id !== c.draft.id);
    if (this.s.charts.length === before) throw new Error('The chart does not exist on this sheet.');
  }
}
