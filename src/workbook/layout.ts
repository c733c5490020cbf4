import { type Calendar, RUNTIME_CALENDAR, zoneCalendar } from '../domain/calendar';
import { sheetRef } from './a1';
import { type SavedIdentity, activeUserEmail, savedIdentity } from './identity';
import { forgetRead, trackExtent } from './read-memory';
import { type Extent, extentPropertyOf, parseExtent } from './extent';
import { type ColumnSpec, METADATA_COLUMN_KEY, METADATA_SHEET_KEY, type TableSpec, columnTag } from './schema';

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

export const LAYOUT_PROPERTY_PREFIX = 'trustCorners.layout.';
const SET_UP_PROPERTY = 'trustCorners.setUpAt';
/** The spreadsheet's time zone as last seen (Workbook.calendar). */
const TIME_ZONE_PROPERTY = 'trustCorners.timeZone';

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

/** The cache entry for a located layout, given the header row it was found under. */
function cacheEntryFor(sheetName: string, columnOf: ReadonlyMap<string, number>, headerRow: readonly unknown[]): CachedLayout {
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

  private ensureChecked(): void {
    if (this.checked) return;
    this.acceptHeader(this.rawSheet.getRange(1, 1, 1, this.rawWidth).getValues()[0]);
  }
}

/**
 * Layouts looked up once per action: an Apps Script execution is short, and re-reading metadata
 * per row would make an action's cost grow with the table. The first layout asked for reads the
 * document properties once (the layout cache); a table not in the cache, or whose cached layout
 * fails its check, is found by metadata and cached again.
 */
export class Workbook {
  private readonly layouts = new Map<string, TableLayout>();
  private zone: Calendar | undefined;
  private zoneAsked: string | undefined;
  private fetchedId: string | undefined;
  private properties: Record<string, string> | undefined;
  private caller: SavedIdentity | null | undefined;
  private signedIn: string | undefined;

  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  /** The spreadsheet's id, asked once per request (the saved identity is keyed by it). */
  get id(): string {
    this.fetchedId ??= this.spreadsheet.getId();
    return this.fetchedId;
  }

  /** The caller's saved name, side and person id for this spreadsheet, read once per request. */
  get identity(): SavedIdentity | null {
    if (this.caller === undefined) this.caller = savedIdentity(this.id);
    return this.caller;
  }

  /**
   * The caller's email as Apps Script reveals it ('' where it does not: see activeUserEmail),
   * asked once per request (one round trip), and only by a request that needs the caller's side.
   */
  get email(): string {
    this.signedIn ??= activeUserEmail();
    return this.signedIn;
  }

  /** Facts asked of the spreadsheet in this request that the document properties should keep (a save keeps them). */
  propertiesToKeep(): Record<string, string> {
    const kept = this.documentProperties();
    const out: Record<string, string> = {};
    if (this.zoneAsked !== undefined && kept[TIME_ZONE_PROPERTY] !== this.zoneAsked) out[TIME_ZONE_PROPERTY] = this.zoneAsked;
    return out;
  }

  /** What the caller just saved as who they are (so the view returned needs no second read). */
  rememberIdentity(identity: SavedIdentity): void {
    this.caller = identity;
  }

  /** The document properties, read once per Workbook (one round trip). */
  documentProperties(): Record<string, string> {
    this.properties ??= PropertiesService.getDocumentProperties().getProperties();
    return this.properties;
  }

  /**
   * The table whose cached layout lives on the sheet named `sheetName`, from the same single
   * properties read (for onEdit: one getName and this decide whether an edit is ours). A sheet
   * renamed since the cache was written is not recognised until an action refreshes the cache.
   */
  tableOnSheet(sheetName: string, tables: readonly TableSpec[]): TableSpec | null {
    const properties = this.documentProperties();
    return tables.find((table) => parseCachedLayout(properties[`${LAYOUT_PROPERTY_PREFIX}${table.key}`])?.sheet === sheetName) ?? null;
  }

  /** Whether any table's layout is cached (a workbook set up before the cache has none until an action caches it). */
  hasLayoutCache(): boolean {
    return Object.keys(this.documentProperties()).some((key) => key.startsWith(LAYOUT_PROPERTY_PREFIX));
  }

  /** Whether the workbook has been set up, from the same single read as the layout cache. */
  isSetUp(): boolean {
    return this.documentProperties()[SET_UP_PROPERTY] !== undefined;
  }

  /**
   * Days as the spreadsheet counts them: its own time zone, not the script's. The zone is kept in
   * the document properties read for the layouts anyway (refreshed each time the sidebar opens,
   * refreshTimeZone), so it costs no round trip of its own; until then it is asked for.
   */
  get calendar(): Calendar {
    if (!this.zone) {
      const cached = this.documentProperties()[TIME_ZONE_PROPERTY];
      if (cached === undefined) this.zoneAsked = this.spreadsheet.getSpreadsheetTimeZone();
      try {
        this.zone = zoneCalendar(cached ?? this.zoneAsked ?? '');
      } catch {
        // A zone this runtime's Intl does not know: the script's own zone is the best remaining guess.
        this.zone = RUNTIME_CALENDAR;
      }
    }
    return this.zone;
  }


  layout(table: TableSpec): TableLayout {
    let found = this.layouts.get(table.key);
    if (!found) {
      found = this.fromCache(table) ?? this.locateAndCache(table).layout;
      this.layouts.set(table.key, found);
      trackExtent(found, () => this.extentOf(table));
    }
    return found;
  }

  /** Where the table's data ends, as the document properties say (extent.ts); null when not recorded. */
  extentOf(table: TableSpec): Extent | null {
    return parseExtent(this.documentProperties()[extentPropertyOf(table.key)]);
  }

  /** The layouts asked for in this request (a save records their extents). */
  layoutsInUse(): TableLayout[] {
    return [...this.layouts.values()];
  }

  private fromCache(table: TableSpec): TableLayout | null {
    const cached = parseCachedLayout(this.documentProperties()[`${LAYOUT_PROPERTY_PREFIX}${table.key}`]);
    if (!cached) return null;
    const columnOf = new Map<string, number>();
    const expected = new Map<number, string>();
    for (const column of table.columns) {
      const entry = cached.columns[column.key];
      if (!entry) return null;
      columnOf.set(column.key, entry[0]);
      expected.set(entry[0], entry[1]);
    }
    let sheet: Sheet;
    try {
      // A handle by name costs no round trip; a sheet renamed since then is not found and is searched for.
      sheet = this.spreadsheet.getRange(`${sheetRef(cached.sheet)}!A1`).getSheet();
    } catch {
      return null;
    }
    return new CachedTableLayout(table, sheet, cached.sheet, columnOf, expected, () => this.locateAndCache(table));
  }

  /** The metadata search, then the cache written for next time (one property). */
  private locateAndCache(table: TableSpec): { layout: TableLayout; headerRow: readonly unknown[] } {
    const layout = locateTable(this.spreadsheet, table);
    const headerRow = layout.sheet.getRange(1, 1, 1, layout.width).getValues()[0];
    const entry = cacheEntryFor(layout.sheet.getName(), layout.columnOf, headerRow);
    const name = `${LAYOUT_PROPERTY_PREFIX}${table.key}`;
    const value = JSON.stringify(entry);
    PropertiesService.getDocumentProperties().setProperty(name, value);
    if (this.properties) this.properties[name] = value;
    return { layout, headerRow };
  }

  /**
   * The lock was just taken: forget the rows and properties read before it (layouts stay: a
   * cached one is checked by the next read), so a save decides on what it reads under the lock.
   */
  forgetReads(): void {
    for (const layout of this.layouts.values()) forgetRead(layout);
    this.properties = undefined;
  }

  /** Properties a save just wrote, so later reads in this request see them without a round trip. */
  notePropertiesWritten(written: Readonly<Record<string, string>>, deleted: readonly string[]): void {
    if (!this.properties) return;
    Object.assign(this.properties, written);
    for (const key of deleted) delete this.properties[key];
  }

  /** Forget layouts after a write that may have moved columns (setup, repair). */
  forget(): void {
    for (const layout of this.layouts.values()) forgetRead(layout);
    this.layouts.clear();
    this.properties = undefined;
  }
}
