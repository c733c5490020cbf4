/**
 * The request: one Workbook per server call, holding what the call has read of the spreadsheet
 * (the document properties, the caller, the time zone, each table's layout) so that nothing is
 * asked twice. Tables are found by their cached layout (layout.ts); reads go through table.ts.
 */
import { type Calendar, RUNTIME_CALENDAR, zoneCalendar } from '../domain/calendar';
import { sheetRef } from './a1';
import { type Extent, extentPropertyOf, parseExtent } from './extent';
import { type CallerIdentity, type SavedIdentity, activeUserEmail, callerIdentityOf, documentCopyOf, identityOfCaller, personKey } from './identity';
import { CachedTableLayout, type TableLayout, cacheEntryFor, cachedColumns, locateTable, parseCachedLayout } from './layout';
import { LAYOUT_PROPERTY_PREFIX, SET_UP_PROPERTY, TIME_ZONE_PROPERTY } from './property-keys';
import { forgetRead, trackExtent } from './read-memory';
import type { TableSpec } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  private caller: CallerIdentity | null | undefined;
  /** Whether the document holds the caller's name (identity.ts: a caller known by email whose copy is missing has none yet). */
  private callerCopied = true;
  private signedIn: string | undefined;

  /** `known`: the document properties as this execution has them already (set-up just wrote them), so they are not read again. */
  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(), known?: Readonly<Record<string, string>>) {
    if (known) this.properties = { ...known };
  }

  /** The spreadsheet's id, asked once per request (the saved identity is keyed by it). */
  get id(): string {
    this.fetchedId ??= this.spreadsheet.getId();
    return this.fetchedId;
  }

  /**
   * The caller's saved name and side for this spreadsheet, and their person id on demand, found
   * once per request: for a caller known by their email, from the document properties read anyway
   * (no user-properties read); else from their user properties (src/workbook/identity.ts).
   */
  get identity(): CallerIdentity | null {
    if (this.caller === undefined) {
      const found = identityOfCaller(this.email, this.documentProperties(), this.id);
      this.caller = found.identity;
      this.callerCopied = found.copied;
    }
    return this.caller;
  }

  /**
   * The copy of the caller's name and side a save may add to the document properties, in its own
   * property write (no call of its own): for a caller known by email who saved who they are before
   * the copy was kept. Null when there is nothing to add.
   */
  identityCopyToKeep(): { key: string; value: string } | null {
    if (this.caller === undefined || this.caller === null || this.callerCopied) return null;
    const person = personKey(this.email, null);
    return person === null ? null : documentCopyOf(person, { displayName: this.caller.displayName, side: this.caller.side, proposerTag: this.caller.proposerTag() });
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
    this.caller = callerIdentityOf(identity);
    this.callerCopied = true;
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
    const columns = cached ? cachedColumns(table, cached) : null;
    if (!cached || !columns) return null;
    const { columnOf, headers: expected } = columns;
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
    this.locked = true;
  }

  private locked = false;

  /** A save holds the lock for this request: what it reads may be summed up as settled (settled.ts). */
  get underLock(): boolean {
    return this.locked;
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
