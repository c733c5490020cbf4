import { type Calendar, RUNTIME_CALENDAR, zoneCalendar } from '../domain/calendar';
import { type ColumnSpec, METADATA_COLUMN_KEY, METADATA_SHEET_KEY, type TableSpec, columnTag } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REPAIR_HINT = 'Run Extensions → Trust Corners → Repair workbook to restore it.';

/** Where a table lives now: its sheet and the 1-based column of each column key. */
export interface TableLayout {
  table: TableSpec;
  sheet: Sheet;
  columnOf: Map<string, number>;
  /** The rightmost column of ours: reads span 1..width. */
  width: number;
}

export class MissingTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTableError';
  }
}

const normaliseHeader = (text: unknown): string => String(text).trim().toLowerCase().replace(/\s+/g, ' ');

/** The sheet marked as `table` by developer metadata, else the sheet with its default name. */
export function findTableSheet(spreadsheet: Spreadsheet, table: TableSpec): Sheet | null {
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

/**
 * The sheet the add-on writes whole (Dashboard, Portfolio): the one marked as `key`, else an empty
 * sheet with its name (adopted and marked), else a new one. A sheet of someone's own that happens
 * to have the name is never taken over: the new sheet gets a name of its own.
 */
export function ownedSheet(spreadsheet: Spreadsheet, key: string, title: string, index?: number): { sheet: Sheet; created: boolean } {
  const marked = spreadsheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).withValue(key).find();
  const found = marked.length > 0 ? marked[0].getLocation().getSheet() : null;
  if (found) return { sheet: found, created: false };
  const named = spreadsheet.getSheetByName(title);
  let sheet: Sheet;
  let created = false;
  if (named && named.getLastRow() === 0 && named.getLastColumn() === 0) {
    sheet = named;
  } else {
    let name = named ? `${title} (Trust Corners)` : title;
    for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${title} (Trust Corners ${n})`;
    sheet = index === undefined ? spreadsheet.insertSheet(name) : spreadsheet.insertSheet(name, index);
    created = true;
  }
  sheet.addDeveloperMetadata(METADATA_SHEET_KEY, key);
  return { sheet, created };
}

/** Columns marked by developer metadata on `sheet`: metadata value -> 1-based column. */
export function markedColumns(sheet: Sheet): Map<string, number> {
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
export function readHeaderRow(sheet: Sheet): unknown[] {
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

/**
 * Layouts looked up once per action: an Apps Script execution is short, and re-reading metadata
 * per row would make an action's cost grow with the table.
 */
export class Workbook {
  private readonly layouts = new Map<string, TableLayout>();
  private zone: Calendar | undefined;

  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  /** Days as the spreadsheet counts them: its own time zone, not the script's. */
  get calendar(): Calendar {
    if (!this.zone) {
      try {
        this.zone = zoneCalendar(this.spreadsheet.getSpreadsheetTimeZone());
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
      found = locateTable(this.spreadsheet, table);
      this.layouts.set(table.key, found);
    }
    return found;
  }

  /** Forget layouts after a write that may have moved columns (setup, repair). */
  forget(): void {
    this.layouts.clear();
  }
}
