/**
 * Developer metadata. As in Apps Script it lives on the spreadsheet, a sheet, or whole rows or
 * columns (never an arbitrary range); row/column metadata moves when rows/columns are inserted or
 * deleted before it and is deleted with its rows/columns (see model.ts).
 */
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  EnumValue,
  enumKey,
  type LocationTypeKey,
  type VisibilityKey,
} from './enums';
import type { Env } from './env';
import { assertInteger, assertString, contains } from './env';
import type { MetadataLocation, MetadataSpec } from './model';
import type { GridRange } from './types';
import { RangeImpl, makeRange } from './range';
import { SheetImpl, sheetFacade } from './sheet';
import { spreadsheetFacade } from './spreadsheet';

/** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function addMetadata(env: Env, location: MetadataLocation, args: unknown[], method: string): MetadataSpec {
  const [rawKey, a, b] = args;
  const key = assertString(rawKey, method);
  if (key === '') throw new Error('Invalid argument: key');
  let value: string | null = null;
  let visibility: VisibilityKey = 'DOCUMENT';
  if (a instanceof EnumValue) {
    visibility = enumKey(DeveloperMetadataVisibility, a, method);
    if (b !== undefined) throw new Error(`The parameters don't match the method signature for ${method}.`);
  } else if (a !== undefined) {
    value = assertString(a, method);
    if (b !== undefined) visibility = enumKey(DeveloperMetadataVisibility, b, method);
  }
  const spec: MetadataSpec = { id: env.wb.nextId(), key, value, visibility, location };
  env.wb.state.metadata.push(spec);
  return spec;
}

/** What a finder/getter is scoped to: the whole spreadsheet, one sheet, or a range. */
export type MetadataScope = { all: true } | { sheetId: number } | { range: GridRange };

function locationRange(env: Env, loc: MetadataLocation): GridRange | null {
  if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return null;
  const sheet = env.wb.liveSheet(loc.sheetId);
  return loc.type === 'ROW'
    ? { sheetId: loc.sheetId, row: loc.start, numRows: loc.count, col: 1, numCols: sheet.maxCols }
    : { sheetId: loc.sheetId, row: 1, numRows: sheet.maxRows, col: loc.start, numCols: loc.count };
}

/** Range scope: metadata counts only if its rows/columns are wholly inside the range (Apps Script rule). */
export function metadataInScope(env: Env, m: MetadataSpec, scope: MetadataScope): boolean {
  if ('all' in scope) return true;
  if ('sheetId' in scope) return m.location.type !== 'SPREADSHEET' && m.location.sheetId === scope.sheetId;
  const lr = locationRange(env, m.location);
  return !!lr && contains(scope.range, lr);
}

function liveSpec(env: Env, id: number): MetadataSpec {
  const spec = env.wb.state.metadata.find((m) => m.id === id);
  if (!spec) throw new Error('The developer metadata has been removed or no longer exists.');
  return spec;
}

export function metadataFacade(env: Env, id: number): DeveloperMetadataImpl {
  return env.wrap(new DeveloperMetadataImpl(env, id), 'DeveloperMetadata');
}

export class DeveloperMetadataImpl {
  constructor(
    private readonly env: Env,
    readonly id: number,
  ) {}
  getId(): number {
    return liveSpec(this.env, this.id).id;
  }
  getKey(): string {
    return liveSpec(this.env, this.id).key;
  }
  getValue(): string | null {
    return liveSpec(this.env, this.id).value;
  }
  getVisibility(): EnumValue {
    return DeveloperMetadataVisibility[liveSpec(this.env, this.id).visibility];
  }
  setKey(key: unknown): this {
    const k = assertString(key, 'SpreadsheetApp.DeveloperMetadata.setKey');
    if (k === '') throw new Error('Invalid argument: key');
    liveSpec(this.env, this.id).key = k;
    return this;
  }
  setValue(value: unknown): this {
    liveSpec(this.env, this.id).value = value === null ? null : assertString(value, 'SpreadsheetApp.DeveloperMetadata.setValue');
    return this;
  }
  setVisibility(v: unknown): this {
    liveSpec(this.env, this.id).visibility = enumKey(DeveloperMetadataVisibility, v, 'SpreadsheetApp.DeveloperMetadata.setVisibility');
    return this;
  }
  getLocation(): DeveloperMetadataLocationImpl {
    return this.env.wrap(new DeveloperMetadataLocationImpl(this.env, { ...liveSpec(this.env, this.id).location }), 'DeveloperMetadataLocation');
  }
  remove(): void {
    liveSpec(this.env, this.id);
    this.env.wb.state.metadata = this.env.wb.state.metadata.filter((m) => m.id !== this.id);
  }
  moveToColumn(column: unknown): this {
    const r = this.env.unwrap(column, RangeImpl, 'SpreadsheetApp.DeveloperMetadata.moveToColumn');
    const sheet = this.env.wb.liveSheet(r.sheetId);
    if (r.row !== 1 || r.numRows !== sheet.maxRows) {
      throw new Error('The range must be an entire column to move developer metadata to it.');
    }
    liveSpec(this.env, this.id).location = { type: 'COLUMN', sheetId: r.sheetId, start: r.col, count: r.numCols };
    return this;
  }
  moveToRow(row: unknown): this {
    const r = this.env.unwrap(row, RangeImpl, 'SpreadsheetApp.DeveloperMetadata.moveToRow');
    const sheet = this.env.wb.liveSheet(r.sheetId);
    if (r.col !== 1 || r.numCols !== sheet.maxCols) {
      throw new Error('The range must be an entire row to move developer metadata to it.');
    }
    liveSpec(this.env, this.id).location = { type: 'ROW', sheetId: r.sheetId, start: r.row, count: r.numRows };
    return this;
  }
  moveToSheet(sheet: unknown): this {
    const s = this.env.unwrap(sheet, SheetImpl, 'SpreadsheetApp.DeveloperMetadata.moveToSheet');
    liveSpec(this.env, this.id).location = { type: 'SHEET', sheetId: s.sheetId };
    return this;
  }
  moveToSpreadsheet(): this {
    liveSpec(this.env, this.id).location = { type: 'SPREADSHEET' };
    return this;
  }
}

export class DeveloperMetadataLocationImpl {
  constructor(
    private readonly env: Env,
    private readonly loc: MetadataLocation,
  ) {}
  getLocationType(): EnumValue {
    return DeveloperMetadataLocationType[this.loc.type];
  }
  getSpreadsheet(): unknown {
    return this.loc.type === 'SPREADSHEET' ? spreadsheetFacade(this.env) : null;
  }
  getSheet(): unknown {
    return this.loc.type === 'SHEET' ? sheetFacade(this.env, this.loc.sheetId) : null;
  }
  getRow(): unknown {
    const g = this.loc.type === 'ROW' ? locationRange(this.env, this.loc) : null;
    return g ? makeRange(this.env, g.sheetId, g.row, g.col, g.numRows, g.numCols) : null;
  }
  getColumn(): unknown {
    const g = this.loc.type === 'COLUMN' ? locationRange(this.env, this.loc) : null;
    return g ? makeRange(this.env, g.sheetId, g.row, g.col, g.numRows, g.numCols) : null;
  }
}

export function makeFinder(env: Env, scope: MetadataScope): DeveloperMetadataFinderImpl {
  return env.wrap(new DeveloperMetadataFinderImpl(env, scope), 'DeveloperMetadataFinder');
}

/** Finder filters accumulate; find() applies them to metadata in the finder's scope. */
export class DeveloperMetadataFinderImpl {
  private readonly filters: Array<(m: MetadataSpec) => boolean> = [];
  constructor(
    private readonly env: Env,
    private readonly scope: MetadataScope,
  ) {}
  withKey(key: unknown): this {
    const k = assertString(key, 'SpreadsheetApp.DeveloperMetadataFinder.withKey');
    this.filters.push((m) => m.key === k);
    return this;
  }
  withValue(value: unknown): this {
    const v = value === null ? null : assertString(value, 'SpreadsheetApp.DeveloperMetadataFinder.withValue');
    this.filters.push((m) => m.value === v);
    return this;
  }
  withId(id: unknown): this {
    const n = assertInteger(id, 'SpreadsheetApp.DeveloperMetadataFinder.withId', 'id');
    this.filters.push((m) => m.id === n);
    return this;
  }
  withLocationType(t: unknown): this {
    const key: LocationTypeKey = enumKey(DeveloperMetadataLocationType, t, 'SpreadsheetApp.DeveloperMetadataFinder.withLocationType');
    this.filters.push((m) => m.location.type === key);
    return this;
  }
  withVisibility(v: unknown): this {
    const key = enumKey(DeveloperMetadataVisibility, v, 'SpreadsheetApp.DeveloperMetadataFinder.withVisibility');
    this.filters.push((m) => m.visibility === key);
    return this;
  }
  /** Accepted for API compatibility; the double always uses the "wholly contained" scope rule. */
  onIntersectingLocations(): this {
    return this;
  }
  find(): DeveloperMetadataImpl[] {
    return this.env.wb.state.metadata
      .filter((m) => metadataInScope(this.env, m, this.scope) && this.filters.every((f) => f(m)))
      .map((m) => metadataFacade(this.env, m.id));
  }
}
