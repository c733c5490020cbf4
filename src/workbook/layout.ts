import { type ColumnSpec, type TableSpec, columnTag } from './schema';
import { LAYOUT_PROPERTY_PREFIX, TIME_ZONE_PROPERTY, METADATA_SHEET_KEY, METADATA_COLUMN_KEY } from './property-keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const REPAIR_HINT = 'Run Extensions → Trust Corners → Repair workbook to restore it.';

/** Where a table lives now: its sheet and the 1-based column of each column key. */
export interface TableLayout {
  table: TableSpec;
  sheet: Sheet;
  columnOf: Map<string, number>;
  /** The rightmost column of ours: reads span 1..width. */
  width: number;
}

/**
 * The name of the table's sheet: a cached layout knows it (the sheet was found by that name), so
 * naming the sheet in a history row or a message costs no round trip.
 */
export function sheetNameOf(layout: TableLayout): string {
  return layout instanceof CachedTableLayout ? layout.sheetName : layout.sheet.getName();
}

export class MissingTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTableError';
  }
}

export const normaliseHeader = (text: unknown): string => String(text).trim().toLowerCase().replace(/\s+/g, ' ');

/** The sheet marked as `table` by developer metadata, else the sheet with its default name. */
function findTableSheet(spreadsheet: Spreadsheet, table: TableSpec): Sheet | null {
  const marked = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(METADATA_SHEET_KEY)
    .withValue(table.key)
    .find();
  for (const metadata of marked) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return spreadsheet.getSheetByName(table.title);
}

/** Columns marked by developer metadata on `sheet`: metadata value -> 1-based column. */
function markedColumns(sheet: Sheet): Map<string, number> {
  const found = new Map<string, number>();
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(METADATA_COLUMN_KEY).find()) {
    const range = metadata.getLocation().getColumn();
    if (range) found.set(metadata.getValue() ?? '', range.getColumn());
  }
  return found;
}

/**
 * Finds each column of `table` on `sheet`: by its metadata first (survives renames and moves),
 * then by its header text. Returns the columns it could not find.
 */
export function matchColumns(
  sheet: Sheet,
  table: TableSpec,
  readHeader: () => readonly unknown[],
): { columnOf: Map<string, number>; missing: ColumnSpec[]; byHeader: ColumnSpec[] } {
  const marked = markedColumns(sheet);
  const columnOf = new Map<string, number>();
  const claimed = new Set<number>();
  for (const column of table.columns) {
    const at = marked.get(columnTag(table, column));
    if (at !== undefined && !claimed.has(at)) {
      columnOf.set(column.key, at);
      claimed.add(at);
    }
  }
  const byHeader: ColumnSpec[] = [];
  const missing: ColumnSpec[] = [];
  // The header row is read only when metadata did not find everything (the usual case needs no read).
  let headerRow: readonly unknown[] | undefined;
  for (const column of table.columns) {
    if (columnOf.has(column.key)) continue;
    headerRow ??= readHeader();
    const wanted = normaliseHeader(column.header);
    const index = headerRow.findIndex((cell, i) => !claimed.has(i + 1) && normaliseHeader(cell) === wanted);
    if (index >= 0) {
      columnOf.set(column.key, index + 1);
      claimed.add(index + 1);
      byHeader.push(column);
    } else {
      missing.push(column);
    }
  }
  return { columnOf, missing, byHeader };
}

/** Reads row 1 across every used column (one call). */
function readHeaderRow(sheet: Sheet): unknown[] {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  return sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
}

/** The table's layout for reading and writing; a clear error says what is missing and how to repair. */
export function locateTable(spreadsheet: Spreadsheet, table: TableSpec): TableLayout {
  const sheet = findTableSheet(spreadsheet, table);
  if (!sheet) {
    throw new MissingTableError(`The sheet "${table.title}" is missing. ${REPAIR_HINT}`);
  }
  const { columnOf, missing } = matchColumns(sheet, table, () => readHeaderRow(sheet));
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column.header}"`).join(', ');
    throw new MissingTableError(
      `The sheet "${sheet.getName()}" has no ${names} column${missing.length > 1 ? 's' : ''}. ${REPAIR_HINT}`,
    );
  }
  return { table, sheet, columnOf, width: Math.max(...columnOf.values()) };
}

// ---- The layout cache ----
//
// Finding columns by developer metadata costs a round trip per metadata accessor, several per
// column. So each table's layout (sheet name, and per column its number and the header text seen
// there) is kept in a document property, and trusted only once the header row, read with the data
// anyway, still shows those texts at those columns. Anything else (a renamed or moved column, a
// renamed or deleted sheet) falls back to the metadata search once, which refreshes the cache.


/**
 * Keeps the spreadsheet's time zone (it may have changed in File → Settings) in the document
 * properties: run when the sidebar opens, so the actions after it have it without asking
 * (Workbook.calendar). One read, and one write only when it changed.
 */
export function refreshTimeZone(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): void {
  const properties = PropertiesService.getDocumentProperties();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  if (properties.getProperty(TIME_ZONE_PROPERTY) !== zone) properties.setProperty(TIME_ZONE_PROPERTY, zone);
}

/** What is cached per table: the sheet's name and, per column key, [column number, header text]. */
export interface CachedLayout {
  sheet: string;
  columns: Record<string, [number, string]>;
}

export function parseCachedLayout(text: string | undefined): CachedLayout | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<CachedLayout>;
    if (typeof parsed.sheet !== 'string' || !parsed.columns || typeof parsed.columns !== 'object') return null;
    for (const entry of Object.values(parsed.columns)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || typeof entry[1] !== 'string') return null;
    }
    return parsed as CachedLayout;
  } catch {
    return null;
  }
}

/**
 * Where a cached layout puts each of `table`'s columns, and the header it expects at each; null
 * when the cache lacks one of them (the table is then located again).
 */
export function cachedColumns(table: TableSpec, cached: CachedLayout): { columnOf: Map<string, number>; headers: Map<number, string> } | null {
  const columnOf = new Map<string, number>();
  const headers = new Map<number, string>();
  for (const column of table.columns) {
    const entry = cached.columns[column.key];
    if (!entry) return null;
    columnOf.set(column.key, entry[0]);
    headers.set(entry[0], entry[1]);
  }
  return { columnOf, headers };
}

/** The cache entry for a located layout, given the header row it was found under. */
export function cacheEntryFor(sheetName: string, columnOf: ReadonlyMap<string, number>, headerRow: readonly unknown[]): CachedLayout {
  const columns: Record<string, [number, string]> = {};
  for (const [key, column] of columnOf) columns[key] = [column, normaliseHeader(headerRow[column - 1] ?? '')];
  return { sheet: sheetName, columns };
}

/** Property name -> value for a setProperties call that caches every layout given. */
export function layoutProperties(entries: ReadonlyMap<string, CachedLayout>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tableKey, entry] of entries) out[`${LAYOUT_PROPERTY_PREFIX}${tableKey}`] = JSON.stringify(entry);
  return out;
}

/**
 * A layout taken from the cache and not yet checked. readRows checks it against the header row it
 * reads with the data (no extra round trip); anything else that touches the sheet or the columns
 * (a write) first reads the header row to check it. A failed check relocates the table by its
 * metadata, in place, so every holder of this object sees the corrected layout.
 */
export class CachedTableLayout implements TableLayout {
  private checked = false;

  constructor(
    readonly table: TableSpec,
    private rawSheet: Sheet,
    private cachedSheetName: string,
    private rawColumns: Map<string, number>,
    private expectedHeaders: Map<number, string>,
    private readonly relocate: () => { layout: TableLayout; headerRow: readonly unknown[] },
  ) {}

  get isChecked(): boolean {
    return this.checked;
  }

  /** The name the sheet was found by (after a relocation, the name it has now). */
  get sheetName(): string {
    return this.cachedSheetName;
  }

  get sheet(): Sheet {
    this.ensureChecked();
    return this.rawSheet;
  }

  get columnOf(): Map<string, number> {
    this.ensureChecked();
    return this.rawColumns;
  }

  get width(): number {
    this.ensureChecked();
    return this.rawWidth;
  }

  private get rawWidth(): number {
    return Math.max(...this.rawColumns.values());
  }

  /** The cached layout as it is, for a read that checks it with acceptHeader afterwards. */
  unchecked(): { sheet: Sheet; columnOf: Map<string, number>; width: number } {
    return { sheet: this.rawSheet, columnOf: this.rawColumns, width: this.rawWidth };
  }

  /**
   * True when `headerRow` (read from column `firstColumn` on, only the `runs` of columns given when
   * the read was split) shows the cached headers at the cached columns it covers; else relocates and returns false. The layout counts as checked only when
   * the row covered every column (a read of some columns vouches for those only).
   */
  acceptHeader(headerRow: readonly unknown[], firstColumn = 1, runs?: ReadonlyArray<readonly [number, number]>): boolean {
    let coveredAll = true;
    for (const [column, header] of this.expectedHeaders) {
      const index = column - firstColumn;
      const read = runs ? runs.some(([from, to]) => column >= from && column <= to) : true;
      if (!read || index < 0 || index >= headerRow.length) {
        coveredAll = false;
        continue;
      }
      if (normaliseHeader(headerRow[index] ?? '') !== header) {
        const { layout } = this.relocate();
        this.rawSheet = layout.sheet;
        this.cachedSheetName = layout.sheet.getName();
        this.rawColumns = layout.columnOf;
        this.checked = true;
        return false;
      }
    }
    if (coveredAll) this.checked = true;
    return true;
  }

  /**
   * The cached layout for a read that does not take the header row (table.ts readTableFrom): the
   * header is checked by the first use that needs the layout sure (a write), and a layout found
   * stale then refuses the request, since what was read came from the old columns.
   */
  uncheckedForRead(): { sheet: Sheet; columnOf: Map<string, number>; width: number } {
    this.readUnchecked = true;
    return this.unchecked();
  }

  private readUnchecked = false;

  private ensureChecked(): void {
    if (this.checked) return;
    const fresh = this.acceptHeader(this.rawSheet.getRange(1, 1, 1, this.rawWidth).getValues()[0]);
    if (!fresh && this.readUnchecked) {
      throw new Error(`The columns of "${this.cachedSheetName}" were moved while this was being done, so nothing was saved. Try again.`);
    }
  }
}
