/** Spreadsheet (the active workbook) and the SpreadsheetApp service. */
import { newCfBuilder } from './conditional';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  WrapStrategy,
  describeArg,
  enumKey,
} from './enums';
import type { Env } from './env';
import { assertInteger, assertString } from './env';
import { addMetadata, makeFinder, metadataFacade } from './metadata';
import { newSheetState } from './model';
import { protectionFacade } from './protection';
import { RangeImpl, makeRangeFromGrid } from './range';
import { assertCellLimit, assertSheetName, rangeFromA1, SheetImpl, sheetFacade } from './sheet';
import { assertTimeZone } from './timezone';
import { uiFacade } from './ui';
import { newValidationBuilder } from './validation';
import { userFacade } from './services';

export function spreadsheetFacade(env: Env): SpreadsheetImpl {
  return env.cached('spreadsheet', () => new SpreadsheetImpl(env), 'Spreadsheet');
}

// Sheets' rule for range names: letters, digits, underscores and dots, not starting with a digit,
// not looking like a cell reference or TRUE/FALSE, at most 250 characters.
function assertRangeName(name: unknown, method: string): string {
  const n = assertString(name, method);
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,249}$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^(true|false)$/i.test(n) || /^[rR]\d*[cC]\d*$/.test(n)) {
    throw new Error(`Invalid range name: ${n}`);
  }
  return n;
}

export class SpreadsheetImpl {
  constructor(private readonly env: Env) {}

  private get st() {
    return this.env.wb.state;
  }

  getId(): string {
    return this.st.id;
  }
  getName(): string {
    return this.st.name;
  }
  rename(name: unknown): void {
    this.st.name = assertString(name, 'SpreadsheetApp.Spreadsheet.rename');
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.st.id}/edit`;
  }
  getOwner(): unknown {
    return userFacade(this.env, this.env.owner);
  }
  getSpreadsheetTimeZone(): string {
    return this.st.timeZone;
  }
  setSpreadsheetTimeZone(tz: unknown): void {
    const zone = assertString(tz, 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone');
    assertTimeZone(zone);
    this.st.timeZone = zone;
    this.env.wb.touch();
  }
  getSpreadsheetLocale(): string {
    return this.st.locale;
  }

  // ---- sheets ----

  getSheets(): SheetImpl[] {
    return this.st.sheets.map((s) => sheetFacade(this.env, s.id));
  }
  getNumSheets(): number {
    return this.st.sheets.length;
  }
  getSheetByName(name: unknown): SheetImpl | null {
    const s = this.env.wb.sheetByName(assertString(name, 'SpreadsheetApp.Spreadsheet.getSheetByName'));
    return s ? sheetFacade(this.env, s.id) : null;
  }
  getSheetById(id: unknown): SheetImpl | null {
    const s = this.env.wb.sheetById(assertInteger(id, 'SpreadsheetApp.Spreadsheet.getSheetById', 'id'));
    return s ? sheetFacade(this.env, s.id) : null;
  }
  /** insertSheet(), (index), (name), (name, index); the new sheet becomes the active one. */
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (b !== undefined && typeof b !== 'object') index = assertInteger(b, 'SpreadsheetApp.Spreadsheet.insertSheet', 'sheetIndex');
    } else if (a !== undefined) {
      index = assertInteger(a, 'SpreadsheetApp.Spreadsheet.insertSheet', 'sheetIndex');
    }
    const sheets = this.st.sheets;
    if (name === undefined) {
      let n = sheets.length + 1;
      while (sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertSheetName(this.env, name, 'SpreadsheetApp.Spreadsheet.insertSheet');
    if (index !== undefined && (index < 0 || index > sheets.length)) throw new Error('Invalid argument: sheetIndex');
    assertCellLimit(this.env, 1000 * 26);
    const state = newSheetState(this.env.wb.nextId(), name);
    sheets.splice(index ?? sheets.length, 0, state);
    this.st.activeSheetId = state.id;
    this.env.wb.touch();
    return sheetFacade(this.env, state.id);
  }
  deleteSheet(sheet: unknown): void {
    const s = this.env.unwrap(sheet, SheetImpl, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    this.env.wb.liveSheet(s.sheetId);
    if (this.st.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.env.wb.removeSheet(s.sheetId);
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    const s = this.env.unwrap(sheet, SheetImpl, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.env.wb.liveSheet(s.sheetId);
    this.st.activeSheetId = s.sheetId;
    return sheetFacade(this.env, s.sheetId);
  }
  getActiveSheet(): SheetImpl {
    return sheetFacade(this.env, this.st.activeSheetId);
  }
  moveActiveSheet(pos: unknown): void {
    const p = assertInteger(pos, 'SpreadsheetApp.Spreadsheet.moveActiveSheet', 'pos');
    const sheets = this.st.sheets;
    if (p < 1 || p > sheets.length) throw new Error('Invalid argument: pos');
    const i = sheets.findIndex((s) => s.id === this.st.activeSheetId);
    const [moved] = sheets.splice(i, 1);
    sheets.splice(p - 1, 0, moved!);
  }

  // ---- ranges and named ranges ----

  /** A1 notation; without a sheet prefix it refers to the active sheet. */
  getRange(a1: unknown): RangeImpl {
    return rangeFromA1(this.env, this.env.wb.liveSheet(this.st.activeSheetId), assertString(a1, 'SpreadsheetApp.Spreadsheet.getRange'));
  }
  getRangeByName(name: unknown): RangeImpl | null {
    const n = assertString(name, 'SpreadsheetApp.Spreadsheet.getRangeByName');
    const nr = this.st.namedRanges.find((x) => x.name === n);
    return nr ? makeRangeFromGrid(this.env, nr.range) : null;
  }
  setNamedRange(name: unknown, range: unknown): void {
    const n = assertRangeName(name, 'SpreadsheetApp.Spreadsheet.setNamedRange');
    const r = this.env.unwrap(range, RangeImpl, 'SpreadsheetApp.Spreadsheet.setNamedRange');
    const existing = this.st.namedRanges.find((x) => x.name === n);
    if (existing) existing.range = r.grid();
    else this.st.namedRanges.push({ name: n, range: r.grid() });
    this.env.wb.touch();
  }
  getNamedRanges(): unknown[] {
    return this.st.namedRanges.map((nr) => namedRangeFacade(this.env, nr.name));
  }
  removeNamedRange(name: unknown): void {
    const n = assertString(name, 'SpreadsheetApp.Spreadsheet.removeNamedRange');
    const before = this.st.namedRanges.length;
    this.st.namedRanges = this.st.namedRanges.filter((x) => x.name !== n);
    if (before === this.st.namedRanges.length) throw new Error(`Named range "${n}" not found.`);
    this.env.wb.touch();
  }

  // ---- metadata, protections, toast ----

  addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown): this {
    addMetadata(this.env, { type: 'SPREADSHEET' }, [key, a, b], 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata');
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    return this.st.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => metadataFacade(this.env, m.id));
  }
  createDeveloperMetadataFinder(): unknown {
    return makeFinder(this.env, { all: true });
  }
  getProtections(type: unknown): unknown[] {
    const key = enumKey(ProtectionType, type, 'SpreadsheetApp.Spreadsheet.getProtections');
    return this.st.protections.filter((p) => p.type === key).map((p) => protectionFacade(this.env, p.id));
  }
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.env.toasts.push({
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
}

export function namedRangeFacade(env: Env, name: string): NamedRangeImpl {
  return env.wrap(new NamedRangeImpl(env, name), 'NamedRange');
}

export class NamedRangeImpl {
  constructor(
    private readonly env: Env,
    private name: string,
  ) {}
  private spec() {
    const nr = this.env.wb.state.namedRanges.find((x) => x.name === this.name);
    if (!nr) throw new Error(`Named range "${this.name}" no longer exists.`);
    return nr;
  }
  getName(): string {
    return this.spec().name;
  }
  setName(name: unknown): this {
    const spec = this.spec();
    spec.name = assertRangeName(name, 'SpreadsheetApp.NamedRange.setName');
    this.name = spec.name;
    return this;
  }
  getRange(): unknown {
    return makeRangeFromGrid(this.env, this.spec().range);
  }
  setRange(range: unknown): this {
    this.spec().range = this.env.unwrap(range, RangeImpl, 'SpreadsheetApp.NamedRange.setRange').grid();
    return this;
  }
  remove(): void {
    this.spec();
    this.env.wb.state.namedRanges = this.env.wb.state.namedRanges.filter((x) => x.name !== this.name);
  }
}

export class SpreadsheetAppImpl {
  readonly ProtectionType = ProtectionType;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;

  constructor(private readonly env: Env) {}

  getActiveSpreadsheet(): SpreadsheetImpl {
    return spreadsheetFacade(this.env);
  }
  getActive(): SpreadsheetImpl {
    return spreadsheetFacade(this.env);
  }
  getActiveSheet(): SheetImpl {
    return sheetFacade(this.env, this.env.wb.state.activeSheetId);
  }
  getUi(): unknown {
    return uiFacade(this.env);
  }
  /** Writes are applied immediately in the double, so flush has nothing to do (but is counted). */
  flush(): void {}
  newDataValidation(): unknown {
    return newValidationBuilder(this.env);
  }
  newConditionalFormatRule(): unknown {
    return newCfBuilder(this.env);
  }
  /** The add-on uses spreadsheets.currentonly, under which opening other files is not allowed. */
  openById(id: unknown): never {
    throw new Error(`You do not have permission to call SpreadsheetApp.openById (${describeArg(id)}). Required permissions: https://www.googleapis.com/auth/spreadsheets`);
  }
}
