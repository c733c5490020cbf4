/** Range: values, formulas, formats, notes, validations, metadata and protection of a rectangle. */
import { formatA1 } from './a1';
import { DEFAULT_NUMBER_FORMAT, applyInput, displayValue, parseTyped, toCellInput } from './cells';
import { describeArg, enumKey, WrapStrategy } from './enums';
import type { Env } from './env';
import { assertInteger } from './env';
import type { CellRecord, SheetState, ValidationSpec } from './model';
import type { CellValue, GridRange } from './types';
import { addMetadata, makeFinder, metadataFacade, metadataInScope } from './metadata';
import { newProtection, protectionFacade } from './protection';
import { sheetFacade } from './sheet';
import { DataValidationImpl, validationFacade } from './validation';

type AttrKey = 'fmt' | 'note' | 'fw' | 'fst' | 'fc' | 'bg' | 'ha' | 'va';

const ATTR_DEFAULTS: Record<AttrKey, string> = {
  fmt: DEFAULT_NUMBER_FORMAT,
  note: '',
  fw: 'normal',
  fst: 'normal',
  fc: '#000000',
  bg: '#ffffff',
  ha: 'general',
  va: 'bottom',
};

const FORMAT_KEYS: Array<keyof CellRecord> = ['fmt', 'fw', 'fst', 'fc', 'bg', 'wrap', 'ws', 'ha', 'va'];

export function makeRange(env: Env, sheetId: number, row: number, col: number, numRows: number, numCols: number): RangeImpl {
  return env.wrap(new RangeImpl(env, sheetId, row, col, numRows, numCols), 'Range');
}

export function makeRangeFromGrid(env: Env, g: GridRange): RangeImpl {
  return makeRange(env, g.sheetId, g.row, g.col, g.numRows, g.numCols);
}

/**
 * Bounds checks shared by Sheet.getRange and Range.offset, with Apps Script's messages.
 */
export function checkedRange(env: Env, sheet: SheetState, args: unknown[], method: string): RangeImpl {
  const [row, col, numRows = 1, numCols = 1] = args;
  const r = assertInteger(row, method, 'row');
  const c = assertInteger(col, method, 'column');
  const nr = assertInteger(numRows, method, 'numRows');
  const nc = assertInteger(numCols, method, 'numColumns');
  if (r < 1) throw new Error('The starting row of the range is too small.');
  if (c < 1) throw new Error('The starting column of the range is too small.');
  if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return makeRange(env, sheet.id, r, c, nr, nc);
}

export class RangeImpl {
  constructor(
    private readonly env: Env,
    readonly sheetId: number,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  // ---- internals (not Apps Script methods) ----

  grid(): GridRange {
    return { sheetId: this.sheetId, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }

  private state(): SheetState {
    return this.env.wb.liveSheet(this.sheetId);
  }

  private map<T>(fn: (sheet: SheetState, r: number, c: number) => T): T[][] {
    const sheet = this.state();
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(fn(sheet, this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  }

  /** Apps Script's dimension checks for setValues & co. */
  private check2d(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
      throw new Error(`The parameters (${describeArg(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    const rows = data as unknown[][];
    if (rows.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of rows) {
      if (r.length !== this.numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`,
        );
      }
    }
    return rows;
  }

  private writeEach(data: unknown[][] | null, fn: (cell: CellRecord, v: unknown) => void, content: boolean): this {
    this.env.assertCanEdit(this.grid());
    const sheet = this.state();
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        fn(this.env.wb.ensureCell(sheet, this.row + i, this.col + j), data ? data[i]![j] : undefined);
      }
    }
    if (content) this.env.wb.touch();
    return this;
  }

  private writeContent(cell: CellRecord, input: unknown): void {
    applyInput(cell, toCellInput(input, this.env.parseCtx, cell.fmt === '@'));
  }

  private attr(key: AttrKey): string {
    return this.env.wb.cell(this.state(), this.row, this.col)?.[key] ?? ATTR_DEFAULTS[key];
  }

  private attrs(key: AttrKey): string[][] {
    return this.map((s, r, c) => this.env.wb.cell(s, r, c)?.[key] ?? ATTR_DEFAULTS[key]);
  }

  private static attrValue(v: unknown, method: string): string | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    throw new Error(`The parameters (${describeArg(v)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }

  private setAttr(key: AttrKey, v: unknown, method: string, allowed?: readonly string[]): this {
    const value = RangeImpl.attrValue(v, method);
    if (value !== undefined && allowed && !allowed.includes(value)) throw new Error(`Invalid argument: ${value}`);
    return this.writeEach(
      null,
      (cell) => {
        if (value === undefined || value === '' || value === ATTR_DEFAULTS[key]) delete cell[key];
        else cell[key] = value;
      },
      false,
    );
  }

  private setAttrs(key: AttrKey, data: unknown, method: string): this {
    const rows = this.check2d(data, method);
    return this.writeEach(
      rows,
      (cell, v) => {
        const value = RangeImpl.attrValue(v, method);
        if (value === undefined || value === '' || value === ATTR_DEFAULTS[key]) delete cell[key];
        else cell[key] = value;
      },
      false,
    );
  }

  // ---- values ----

  getValue(): CellValue {
    return this.env.outValue(this.env.wb.readValue(this.state(), this.row, this.col));
  }

  getValues(): CellValue[][] {
    return this.map((s, r, c) => this.env.outValue(this.env.wb.readValue(s, r, c)));
  }

  getDisplayValue(): string {
    const s = this.state();
    return displayValue(this.env.wb.readValue(s, this.row, this.col), this.env.wb.cell(s, this.row, this.col)?.fmt, this.env.wb.state.timeZone);
  }

  getDisplayValues(): string[][] {
    const tz = this.env.wb.state.timeZone;
    return this.map((s, r, c) => displayValue(this.env.wb.readValue(s, r, c), this.env.wb.cell(s, r, c)?.fmt, tz));
  }

  /** Apps Script's setValue writes the one value into every cell of the range. */
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw new Error('Cannot write an array with setValue; use setValues (strict double).');
    toCellInput(value, this.env.parseCtx); // validate before touching anything
    return this.writeEach(null, (cell) => this.writeContent(cell, value), true);
  }

  setValues(values: unknown): this {
    const rows = this.check2d(values, 'setValues');
    for (const r of rows) for (const v of r) toCellInput(v, this.env.parseCtx); // all-or-nothing
    return this.writeEach(rows, (cell, v) => this.writeContent(cell, v), true);
  }

  getFormula(): string {
    return this.env.wb.cell(this.state(), this.row, this.col)?.f ?? '';
  }

  getFormulas(): string[][] {
    return this.map((s, r, c) => this.env.wb.cell(s, r, c)?.f ?? '');
  }

  private writeFormula(cell: CellRecord, f: unknown, method: string): void {
    if (typeof f !== 'string') {
      throw new Error(`The parameters (${describeArg(f)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    // A formula without '=' is entered as if typed, which is what Sheets does with it.
    applyInput(cell, f.trimStart().startsWith('=') ? { value: '', formula: f.trimStart() } : parseTyped(f, this.env.parseCtx));
  }

  setFormula(formula: unknown): this {
    if (typeof formula !== 'string') this.writeFormula({}, formula, 'setFormula');
    return this.writeEach(null, (cell) => this.writeFormula(cell, formula, 'setFormula'), true);
  }

  setFormulas(formulas: unknown): this {
    const rows = this.check2d(formulas, 'setFormulas');
    for (const r of rows) for (const f of r) this.writeFormula({}, f, 'setFormulas');
    return this.writeEach(rows, (cell, f) => this.writeFormula(cell, f, 'setFormulas'), true);
  }

  isBlank(): boolean {
    return this.map((s, r, c) => {
      const cell = this.env.wb.cell(s, r, c);
      return !cell?.f && (cell?.v ?? '') === '';
    }).every((row) => row.every(Boolean));
  }

  // ---- formats and notes ----

  getNumberFormat(): string {
    return this.attr('fmt');
  }
  getNumberFormats(): string[][] {
    return this.attrs('fmt');
  }
  setNumberFormat(f: unknown): this {
    return this.setAttr('fmt', f, 'setNumberFormat');
  }
  setNumberFormats(f: unknown): this {
    return this.setAttrs('fmt', f, 'setNumberFormats');
  }
  getNote(): string {
    return this.attr('note');
  }
  getNotes(): string[][] {
    return this.attrs('note');
  }
  setNote(n: unknown): this {
    return this.setAttr('note', n, 'setNote');
  }
  setNotes(n: unknown): this {
    return this.setAttrs('note', n, 'setNotes');
  }
  clearNote(): this {
    return this.setAttr('note', null, 'clearNote');
  }
  getFontWeight(): string {
    return this.attr('fw');
  }
  getFontWeights(): string[][] {
    return this.attrs('fw');
  }
  setFontWeight(w: unknown): this {
    return this.setAttr('fw', w, 'setFontWeight', ['bold', 'normal']);
  }
  setFontWeights(w: unknown): this {
    return this.setAttrs('fw', w, 'setFontWeights');
  }
  getFontStyle(): string {
    return this.attr('fst');
  }
  setFontStyle(s: unknown): this {
    return this.setAttr('fst', s, 'setFontStyle', ['italic', 'normal']);
  }
  getFontColor(): string {
    return this.attr('fc');
  }
  setFontColor(c: unknown): this {
    return this.setAttr('fc', c, 'setFontColor');
  }
  setFontColors(c: unknown): this {
    return this.setAttrs('fc', c, 'setFontColors');
  }
  getBackground(): string {
    return this.attr('bg');
  }
  getBackgrounds(): string[][] {
    return this.attrs('bg');
  }
  setBackground(c: unknown): this {
    return this.setAttr('bg', c, 'setBackground');
  }
  setBackgrounds(c: unknown): this {
    return this.setAttrs('bg', c, 'setBackgrounds');
  }
  getHorizontalAlignment(): string {
    return this.attr('ha');
  }
  setHorizontalAlignment(a: unknown): this {
    return this.setAttr('ha', a, 'setHorizontalAlignment', ['left', 'center', 'right', 'normal', 'general']);
  }
  setVerticalAlignment(a: unknown): this {
    return this.setAttr('va', a, 'setVerticalAlignment', ['top', 'middle', 'bottom']);
  }
  getWrap(): boolean {
    return this.env.wb.cell(this.state(), this.row, this.col)?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this.map((s, r, c) => this.env.wb.cell(s, r, c)?.wrap ?? false);
  }
  setWrap(w: unknown): this {
    if (typeof w !== 'boolean') throw new Error(`The parameters (${describeArg(w)}) don't match the method signature for SpreadsheetApp.Range.setWrap.`);
    return this.writeEach(null, (cell) => (cell.wrap = w), false);
  }
  setWrapStrategy(strategy: unknown): this {
    const key = enumKey(WrapStrategy, strategy, 'SpreadsheetApp.Range.setWrapStrategy');
    return this.writeEach(null, (cell) => (cell.ws = key), false);
  }

  // ---- data validation ----

  private writeValidation(cell: CellRecord, rule: unknown, method: string): void {
    if (rule === null || rule === undefined) {
      delete cell.dv;
      return;
    }
    const raw = this.env.unwrap(rule, DataValidationImpl, `SpreadsheetApp.Range.${method}`);
    cell.dv = raw.spec;
  }

  setDataValidation(rule: unknown): this {
    if (rule !== null) this.env.unwrap(rule, DataValidationImpl, 'SpreadsheetApp.Range.setDataValidation');
    return this.writeEach(null, (cell) => this.writeValidation(cell, rule, 'setDataValidation'), false);
  }

  setDataValidations(rules: unknown): this {
    const rows = this.check2d(rules, 'setDataValidations');
    return this.writeEach(rows, (cell, rule) => this.writeValidation(cell, rule, 'setDataValidations'), false);
  }

  getDataValidation(): DataValidationImpl | null {
    const spec = this.env.wb.cell(this.state(), this.row, this.col)?.dv;
    return spec ? validationFacade(this.env, spec) : null;
  }

  getDataValidations(): Array<Array<DataValidationImpl | null>> {
    return this.map((s, r, c) => {
      const spec = this.env.wb.cell(s, r, c)?.dv;
      return spec ? validationFacade(this.env, spec) : null;
    });
  }

  clearDataValidations(): this {
    return this.writeEach(null, (cell) => delete cell.dv, false);
  }

  /** Checkboxes are a CHECKBOX validation plus FALSE in every cell. */
  insertCheckboxes(): this {
    const spec: ValidationSpec = { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' };
    return this.writeEach(
      null,
      (cell) => {
        cell.dv = spec;
        delete cell.f;
        cell.v = false;
      },
      true,
    );
  }

  // ---- geometry ----

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getGridId(): number {
    return this.sheetId;
  }
  getA1Notation(): string {
    const s = this.state();
    return formatA1(this.row, this.col, this.numRows, this.numCols, s.maxRows, s.maxCols);
  }
  getSheet(): unknown {
    this.state();
    return sheetFacade(this.env, this.sheetId);
  }
  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeImpl {
    const ro = assertInteger(rowOffset, 'SpreadsheetApp.Range.offset', 'rowOffset');
    const co = assertInteger(columnOffset, 'SpreadsheetApp.Range.offset', 'columnOffset');
    return checkedRange(
      this.env,
      this.state(),
      [this.row + ro, this.col + co, numRows ?? this.numRows, numColumns ?? this.numCols],
      'SpreadsheetApp.Range.offset',
    );
  }
  getCell(row: unknown, column: unknown): RangeImpl {
    const r = assertInteger(row, 'SpreadsheetApp.Range.getCell', 'row');
    const c = assertInteger(column, 'SpreadsheetApp.Range.getCell', 'column');
    if (r < 1 || c < 1 || r > this.numRows || c > this.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return makeRange(this.env, this.sheetId, this.row + r - 1, this.col + c - 1, 1, 1);
  }
  activate(): this {
    this.env.wb.state.activeSheetId = this.sheetId;
    return this;
  }

  // ---- clearing ----

  /**
   * clear() removes content and formats (not notes or validations, as in Apps Script); options
   * {contentsOnly, formatOnly, commentsOnly, validationsOnly} pick parts.
   */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    const contents = !any || !!o.contentsOnly;
    const formats = !any || !!o.formatOnly;
    return this.writeEach(
      null,
      (cell) => {
        if (contents) {
          delete cell.v;
          delete cell.f;
        }
        if (formats) for (const k of FORMAT_KEYS) delete cell[k];
        if (o.commentsOnly) delete cell.note;
        if (o.validationsOnly) delete cell.dv;
      },
      contents,
    );
  }
  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  // ---- protection and metadata ----

  protect(): unknown {
    this.state();
    const spec = newProtection(this.env, 'RANGE', this.grid());
    return protectionFacade(this.env, spec.id);
  }

  addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown): this {
    const s = this.state();
    const wholeColumns = this.row === 1 && this.numRows === s.maxRows;
    const wholeRows = this.col === 1 && this.numCols === s.maxCols;
    if (!wholeColumns && !wholeRows) {
      throw new Error(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    const location = wholeColumns
      ? { type: 'COLUMN' as const, sheetId: this.sheetId, start: this.col, count: this.numCols }
      : { type: 'ROW' as const, sheetId: this.sheetId, start: this.row, count: this.numRows };
    addMetadata(this.env, location, [key, a, b], 'SpreadsheetApp.Range.addDeveloperMetadata');
    return this;
  }

  getDeveloperMetadata(): unknown[] {
    const scope = this.grid();
    return this.env.wb.state.metadata.filter((m) => metadataInScope(this.env, m, { range: scope })).map((m) => metadataFacade(this.env, m.id));
  }

  createDeveloperMetadataFinder(): unknown {
    return makeFinder(this.env, { range: this.grid() });
  }
}
