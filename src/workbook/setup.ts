import { NOT_TAKEN_ON } from '../domain/commitments';
import { columnLetters } from './a1';
import { putBackCycleSettings } from './cycle-settings';
import { MissingTableError } from './layout';
import { nextChangeCount } from './change-counter';
import { giveMissingCommitmentIds } from './commitment-ids';
import { PORTFOLIO_NAMES, dashboardNamedRanges } from './portfolio';
import { DASHBOARD_ROWS, DASHBOARD_WIDTH, type DashboardLayouts, dashboardCells } from './dashboard';
import { sheetRef } from './a1';
import { type CachedLayout, type TableLayout, cachedColumns, layoutProperties, matchColumns, normaliseHeader, parseCachedLayout } from './layout';
import { insertDashboardCharts } from './dashboard-charts';
import { type PastCyclesRead, cyclesRecordedProperty, pastCyclesNeedLook, readPastCycles, writePastCycles } from './cycle-repair';
import { extentPropertyOf, extentText, parseExtent, raisedExtent } from './extent';
import { type ColumnSpec, type TableSpec, columnTag } from './schema';
import { ALIGNMENT_AUDIT, ASSESSMENTS, COMMITMENTS, COMPETENCE_AUDIT, CYCLES, DASHBOARD_KEY, DASHBOARD_TITLE, DISCLOSURES, PARTNERSHIP, SCORECARD, TABLES, VALUE_EXCHANGE } from './templates';
import { LAYOUT_PROPERTY_PREFIX, SET_UP_PROPERTY, DASHBOARD_PROPERTY, LEGACY_OPEN_CYCLE_PROPERTY, METADATA_SHEET_KEY, METADATA_COLUMN_KEY, SETTLED_PROPERTY_PREFIX, TIME_ZONE_PROPERTY } from './property-keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  /** Columns found by their header and marked with metadata from now on. */
  adoptedColumns: string[];
  /** Ids given to commitments typed by hand without one; null when the other side was saving. */
  givenIds?: string[] | null;
  /** Past cycles recorded from the Assessments sheet (cycle-repair.ts); null when the other side was saving. */
  recordedCycles?: string[] | null;
  /** Cycles whose settings, retyped on the Cycles sheet, were put back (cycle-settings.ts). */
  settingsPutBack?: string[];
}

const PROTECTION_PREFIX = 'Trust Corners:';
const HEADER_COLOUR = '#e8f0fe';

/**
 * Number format per column kind. Text columns keep the automatic format: the add-on's own writes
 * are made literal with a leading apostrophe, and whether Sheets still strips that apostrophe in a
 * plain-text ('@') cell is not something to bet every stored name on. Ratings keep the automatic
 * format too: whole for a person's rating, a decimal for a sealed mean.
 */
const NUMBER_FORMATS: Partial<Record<ColumnSpec['kind'], string>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm',
  score0to10: '0',
  count: '0',
};

function validationFor(column: ColumnSpec, sidesRange: GoogleAppsScript.Spreadsheet.Range | null) {
  const builder = SpreadsheetApp.newDataValidation();
  switch (column.kind) {
    case 'rating':
      return builder.requireNumberBetween(1, 10).setAllowInvalid(false).setHelpText('A rating from 1 to 10 (a sealed row holds a side\'s mean).').build();
    case 'score0to10':
      return builder.requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('A number from 0 to 10.').build();
    case 'count':
      return builder.requireNumberBetween(1, 100000).setAllowInvalid(false).setHelpText('How many people this row stands for.').build();
    case 'date':
      return builder.requireDate().setAllowInvalid(false).setHelpText('A date, e.g. 2026-03-01.').build();
    case 'choice':
      if (column.choices === 'sides') {
        if (!sidesRange) return null;
        // The two companies are typed on the Partnership sheet; until then the list is empty, so warn only.
        return builder.requireValueInRange(sidesRange, true).setAllowInvalid(true).setHelpText('One of the two companies on the Partnership sheet.').build();
      }
      return builder.requireValueInList([...(column.choices ?? [])], true).setAllowInvalid(false).build();
    default:
      return null;
  }
}

// ---- Set up and repair in three phases ----
//
// In Sheets a read after queued writes waits for them to be committed (100–500 ms), and every read
// is a round trip. So setup first reads everything it needs (phase 1: the layout cache, one header
// row per cached table, a metadata search only for tables the cache cannot vouch for), then makes
// what must be created (phase 2: sheets, protections: calls that hand back a new object), then
// queues every write (phase 3) with no read in between, and caches the layouts for every action after.

/** What dashboard.ts writes in A1: how setup recognises the cached Dashboard sheet as still ours. */
const DASHBOARD_FIRST_CELL = 'Trust Corners dashboard';
/** Sheets gives a new sheet 26 columns; a table wider than that grows its grid first. */
const NEW_SHEET_COLUMNS = 26;
/** Rows of a sheet insertSheet makes. */
const NEW_SHEET_ROWS = 1000;

interface TablePlan {
  table: TableSpec;
  /** null: to be inserted in phase 2. */
  sheet: Sheet | null;
  sheetName: string;
  columnOf: Map<string, number>;
  /** Normalised header text per column number, as the cache records it. */
  headers: Map<number, string>;
  /** Columns to add at the end, from `nextColumn` on. */
  missing: ColumnSpec[];
  nextColumn: number;
  maxColumns: number;
  /** Columns found by their header text: marked with metadata from now on. */
  adopted: ColumnSpec[];
  markSheet: boolean;
  protection: GoogleAppsScript.Spreadsheet.Protection | null;
  needsProtection: boolean;
  created: boolean;
}

const protectionDescription = (table: TableSpec): string =>
  `${PROTECTION_PREFIX} ${table.appendOnly ? `${table.title} is written by the add-on only` : 'header row'}`;

/** Reads shared by every table that needs a search: done at most once per setup. */
class SpreadsheetScan {
  private marked: Map<string, Sheet> | undefined;
  private byName: Map<string, Sheet> | undefined;

  constructor(private readonly spreadsheet: Spreadsheet) {}

  /** Sheets marked as one of ours, by table key: one spreadsheet-level metadata search. */
  markedSheet(key: string): Sheet | null {
    if (!this.marked) {
      this.marked = new Map();
      for (const metadata of this.spreadsheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).find()) {
        const sheet = metadata.getLocation().getSheet();
        const value = metadata.getValue();
        if (sheet && value && !this.marked.has(value)) this.marked.set(value, sheet);
      }
    }
    return this.marked.get(key) ?? null;
  }

  /** Every sheet by name: one call for the list, one per name. */
  sheetNamed(name: string): Sheet | null {
    if (!this.byName) {
      this.byName = new Map();
      for (const sheet of this.spreadsheet.getSheets()) this.byName.set(sheet.getName(), sheet);
    }
    return this.byName.get(name) ?? null;
  }
}

/** A cached layout whose header row still reads as cached: everything is in place, nothing to read more. */
function planFromCache(spreadsheet: Spreadsheet, table: TableSpec, cached: CachedLayout | null): TablePlan | null {
  const columns = cached ? cachedColumns(table, cached) : null;
  if (!cached || !columns) return null;
  const { columnOf, headers } = columns;
  const width = Math.max(...columnOf.values());
  let headerRow: unknown[];
  let sheet: Sheet;
  try {
    const range = spreadsheet.getRange(`${sheetRef(cached.sheet)}!A1:${columnLetters(width)}1`);
    sheet = range.getSheet();
    headerRow = range.getValues()[0];
  } catch {
    return null; // renamed or deleted, or narrower than the cached layout
  }
  for (const [column, header] of headers) if (normaliseHeader(headerRow[column - 1] ?? '') !== header) return null;
  return {
    table, sheet, sheetName: cached.sheet, columnOf, headers, missing: [], nextColumn: width + 1, maxColumns: width, adopted: [],
    markSheet: false, protection: null, needsProtection: false, created: false,
  };
}

/** The table found by metadata, then by name and header text, with what is missing; reads only. */
function planBySearch(scan: SpreadsheetScan, table: TableSpec): TablePlan {
  const marked = scan.markedSheet(table.key);
  const sheet = marked ?? scan.sheetNamed(table.title);
  if (!sheet) {
    return {
      table, sheet: null, sheetName: table.title, columnOf: new Map(), headers: new Map(), missing: [...table.columns], nextColumn: 1,
      maxColumns: NEW_SHEET_COLUMNS, adopted: [], markSheet: true, protection: null, needsProtection: true, created: true,
    };
  }
  const lastColumn = sheet.getLastColumn();
  const maxColumns = sheet.getMaxColumns();
  const headerRow = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const { columnOf, missing, byHeader } = matchColumns(sheet, table, () => headerRow);
  const headers = new Map<number, string>();
  for (const column of columnOf.values()) headers.set(column, normaliseHeader(headerRow[column - 1] ?? ''));
  const description = protectionDescription(table);
  const protected_ = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .concat(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET))
    .some((protection) => protection.getDescription() === description);
  return {
    table, sheet, sheetName: sheet.getName(), columnOf, headers, missing, nextColumn: lastColumn + 1, maxColumns, adopted: byHeader,
    markSheet: marked === null, protection: null, needsProtection: !protected_, created: false,
  };
}

/** Phase 3 for one table: headers, metadata, formats, validation, protection text. Writes only. */
function writeTable(plan: TablePlan, sidesRange: GoogleAppsScript.Spreadsheet.Range | null, report: SetupReport): void {
  const sheet = plan.sheet as Sheet;
  const { table } = plan;
  if (plan.markSheet) sheet.addDeveloperMetadata(METADATA_SHEET_KEY, table.key);
  for (const column of plan.adopted) {
    const letters = columnLetters(plan.columnOf.get(column.key) as number);
    sheet.getRange(`${letters}:${letters}`).addDeveloperMetadata(METADATA_COLUMN_KEY, columnTag(table, column));
    report.adoptedColumns.push(`${plan.sheetName}: ${column.header}`);
  }
  if (plan.missing.length > 0) {
    const first = plan.nextColumn;
    const count = plan.missing.length;
    const lastNeeded = first + count - 1;
    if (lastNeeded > plan.maxColumns) sheet.insertColumnsAfter(plan.maxColumns, lastNeeded - plan.maxColumns);
    // One write per kind for the block of new header cells.
    const headerCells = sheet.getRange(1, first, 1, count);
    headerCells.setValues([plan.missing.map((column) => `'${column.header}`)]);
    headerCells.setNotes([plan.missing.map((column) => column.help ?? '')]);
    headerCells.setFontWeight('bold').setBackground(HEADER_COLOUR);
    plan.missing.forEach((column, index) => {
      const at = first + index;
      if (column.width) sheet.setColumnWidth(at, column.width);
      sheet.getRange(`${columnLetters(at)}:${columnLetters(at)}`).addDeveloperMetadata(METADATA_COLUMN_KEY, columnTag(table, column));
      plan.columnOf.set(column.key, at);
      plan.headers.set(at, normaliseHeader(column.header));
      if (!plan.created) report.addedColumns.push(`${plan.sheetName}: ${column.header}`);
    });
  }
  sheet.setFrozenRows(1);
  for (const column of table.columns) {
    const letters = columnLetters(plan.columnOf.get(column.key) as number);
    // Open-ended (row 2 to the end of the grid): no round trip to ask how many rows there are.
    const data = sheet.getRange(`${letters}2:${letters}`);
    const format = NUMBER_FORMATS[column.kind];
    if (format) data.setNumberFormat(format);
    const rule = validationFor(column, sidesRange);
    if (rule) data.setDataValidation(rule);
  }
  if (plan.protection) plan.protection.setDescription(protectionDescription(table)).setWarningOnly(true);
}

const MARK_OVERDUE = 'N("trustCorners:overdue")';
const MARK_AT_RISK = 'N("trustCorners:at-risk")';

/** Overdue rows red, at-risk rows amber. Our rules carry a marker (N("…") is 0) so repair replaces only them. */
function writeCommitmentHighlights(plan: TablePlan, existing: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
  const sheet = plan.sheet as Sheet;
  const letter = (key: string): string => columnLetters(plan.columnOf.get(key) as number);
  const width = Math.max(...plan.columnOf.values());
  const range = sheet.getRange(`A2:${columnLetters(width)}`);
  // Ended, or never taken on (Proposed, Declined, Withdrawn: DOMAIN.md), so never overdue.
  const ended = ['Done', 'Dropped', 'Renegotiated', 'Missed', ...NOT_TAKEN_ON];
  const closed = `OR(${ended.map((status) => `$${letter('status')}2="${status}"`).join(', ')})`;
  const overdue = `=AND(${MARK_OVERDUE}=0, $${letter('dueDate')}2<>"", $${letter('dueDate')}2<TODAY(), $${letter('doneOn')}2="", NOT(${closed}))`;
  const atRisk = `=AND(${MARK_AT_RISK}=0, $${letter('status')}2="At risk")`;
  const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
    const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
    return values.some((value) => typeof value === 'string' && value.includes('trustCorners:'));
  };
  sheet.setConditionalFormatRules([
    ...existing.filter((rule) => !ours(rule)),
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(overdue).setBackground('#fce8e6').setFontColor('#a50e0e').setRanges([range]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(atRisk).setBackground('#fef7e0').setRanges([range]).build(),
  ]);
}

/** A layout for the Dashboard's formulas, whose sheet answers getName from what setup already knows. */
function layoutOf(plan: TablePlan): TableLayout {
  const sheet = plan.sheet as Sheet;
  const name = plan.sheetName;
  const named = new Proxy(sheet, { get: (target, key) => (key === 'getName' ? () => name : Reflect.get(target, key)) });
  return { table: plan.table, sheet: named, columnOf: plan.columnOf, width: Math.max(...plan.columnOf.values()) };
}

interface DashboardPlan {
  sheet: Sheet | null;
  name: string;
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  mark: boolean;
}

/** The Dashboard: the cached sheet when its first cell still reads as ours, else found by metadata or name. */
function planDashboard(spreadsheet: Spreadsheet, scan: SpreadsheetScan, cachedName: string | undefined, title: string): DashboardPlan {
  if (cachedName) {
    try {
      const range = spreadsheet.getRange(`${sheetRef(cachedName)}!A1`);
      if (String(range.getValue()) === title) {
        const sheet = range.getSheet();
        return { sheet, name: cachedName, charts: sheet.getCharts(), mark: false };
      }
    } catch {
      // renamed or deleted: searched for below
    }
  }
  const marked = scan.markedSheet(DASHBOARD_KEY);
  if (marked) return { sheet: marked, name: marked.getName(), charts: marked.getCharts(), mark: false };
  const named = scan.sheetNamed(DASHBOARD_TITLE);
  if (named && named.getLastRow() === 0 && named.getLastColumn() === 0) return { sheet: named, name: DASHBOARD_TITLE, charts: named.getCharts(), mark: true };
  let name = named ? `${DASHBOARD_TITLE} (Trust Corners)` : DASHBOARD_TITLE;
  for (let n = 2; scan.sheetNamed(name); n++) name = `${DASHBOARD_TITLE} (Trust Corners ${n})`;
  return { sheet: null, name, charts: [], mark: true };
}

/** The Dashboard holds formulas only, so it is rewritten whole from the current layout every time. Writes only. */
function writeDashboard(spreadsheet: Spreadsheet, dashboard: DashboardPlan, layouts: DashboardLayouts, sides: GoogleAppsScript.Spreadsheet.Range): void {
  const sheet = dashboard.sheet as Sheet;
  if (dashboard.mark) sheet.addDeveloperMetadata(METADATA_SHEET_KEY, DASHBOARD_KEY);
  const cells = dashboardCells(layouts);
  const rows = Math.max(...cells.map((cell) => cell.row));
  const width = DASHBOARD_WIDTH;
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill('General'));
  for (const cell of cells) {
    grid[cell.row - 1][cell.column - 1] = cell.content === '' || cell.content.startsWith('=') ? cell.content : `'${cell.content}`;
    if (cell.format) formats[cell.row - 1][cell.column - 1] = cell.format;
  }
  sheet.getRange(`A1:${columnLetters(width)}`).clearContent();
  const area = sheet.getRange(1, 1, rows, width);
  area.setValues(grid);
  area.setNumberFormats(formats);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.getRange(DASHBOARD_ROWS.cornerHeader, 1, 1, width).setFontWeight('bold');
  sheet.getRange(DASHBOARD_ROWS.quarterHeader, 1, 1, width).setFontWeight('bold');
  sheet.setColumnWidth(1, 260);
  const figureRow = (label: string): number => {
    const found = cells.find((cell) => cell.column === 1 && cell.content === label);
    if (!found) throw new Error(`The Dashboard has no "${label}" line`);
    return found.row;
  };
  for (const named of dashboardNamedRanges(figureRow)) {
    spreadsheet.setNamedRange(named.name, sheet.getRange(named.row, named.column, 1, named.width));
  }
  spreadsheet.setNamedRange(PORTFOLIO_NAMES.companies, sides);
  // The charts were read in phase 1: answering getCharts from that read keeps this phase write-only.
  const charts = dashboard.charts;
  insertDashboardCharts(new Proxy(sheet, { get: (target, key) => (key === 'getCharts' ? () => charts : Reflect.get(target, key)) }));
}

/** A new spreadsheet's empty, unmarked "Sheet1", which only gets in the way once the templates exist (reads only). */
function untouchedDefaultSheet(scan: SpreadsheetScan): Sheet | null {
  const sheet = scan.sheetNamed('Sheet1');
  if (!sheet || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return null;
  if (sheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).find().length > 0) return null;
  return sheet;
}

/**
 * Phase 1's look for cycles named on the Assessments sheet without a Cycles row (cycle-repair.ts):
 * undefined when there is nothing to look at (already recorded) or the other side was saving;
 * 'nothing yet' when both sheets are about to be created.
 */
function lookForPastCycles(spreadsheet: Spreadsheet, plans: TablePlan[], properties: Record<string, string>, report: SetupReport): PastCyclesRead | 'nothing yet' | undefined {
  const planOf = (table: TableSpec): TablePlan => plans[TABLES.indexOf(table)];
  const cycles = planOf(CYCLES);
  const assessments = planOf(ASSESSMENTS);
  if (!pastCyclesNeedLook(properties, cycles.created)) return undefined;
  const legacy = properties[LEGACY_OPEN_CYCLE_PROPERTY] !== undefined;
  if (assessments.created && cycles.created && !legacy) return 'nothing yet';
  const existing = (plan: TablePlan, key: string): TableLayout | null => (plan.created || !plan.columnOf.has(key) ? null : layoutOf(plan));
  const read = readPastCycles(
    { cycles: existing(cycles, 'name'), assessments: existing(assessments, 'cycle'), partnership: existing(planOf(PARTNERSHIP), 'model') },
    properties,
    // The zone the sidebar keeps (refreshed each time it opens), else asked.
    () => properties[TIME_ZONE_PROPERTY] ?? spreadsheet.getSpreadsheetTimeZone(),
    new Date(),
  );
  report.recordedCycles = read ? read.names : null;
  return read ?? undefined;
}

/**
 * Set up, or repair, the partnership workbook: every sheet and column the add-on needs, found by
 * the layout cache, then by metadata, then by name, created only when missing. Every existing data
 * cell stays as it was.
 */
function giveIdsIfLogExists(spreadsheet: Spreadsheet, properties: Readonly<Record<string, string>>): string[] | null | undefined {
  try {
    return giveMissingCommitmentIds(spreadsheet, properties);
  } catch (error) {
    // A deleted or broken log is what Repair is about to fix; ids wait for the next Repair.
    if (error instanceof MissingTableError) return undefined;
    throw error;
  }
}

export function setUpWorkbook(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  { forgetSettledRows = false }: { forgetSettledRows?: boolean } = {},
): SetupReport {
  return setUpKnowing(spreadsheet, undefined, forgetSettledRows).report;
}

/** A table set-up made in this execution: where it is, and that it holds its header row only, in a new sheet's grid. */
export interface FreshTable {
  layout: TableLayout;
  lastUsedRow: number;
  gridRows: number;
}

export interface SetupOutcome {
  report: SetupReport;
  /** The document properties as set-up left them; undefined when a save of its own (settings put back) wrote more since. */
  properties: Record<string, string> | undefined;
  /** The tables set-up made just now and wrote no rows into, by table key. */
  fresh: Map<string, FreshTable>;
}

/**
 * Set-up for a caller that goes on writing (loading the example): `known` is the document
 * properties as the caller read them in this execution (not read again), and the outcome says what
 * set-up knows without a read: the properties it left, and the tables it made just now.
 * `forgetSettledRows`: the Repair menu item starts every table's settled rows over (settled.ts).
 */
export function setUpKnowing(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  known?: Readonly<Record<string, string>>,
  forgetSettledRows = false,
): SetupOutcome {
  // Recording past cycles holds the document lock from its reads to its write; released whatever happens.
  const held: Array<() => void> = [];
  const seen: { properties?: Record<string, string>; after?: Record<string, string>; fresh: Map<string, FreshTable> } = { fresh: new Map() };
  let report: SetupReport;
  try {
    report = setUpHolding(spreadsheet, held, seen, known, forgetSettledRows);
  } finally {
    for (const release of held) release();
  }
  // A cycle setting retyped on the Cycles sheet is put back (a save of its own, under the lock);
  // a workbook with no kept settings is told so by the properties setup read already.
  const putBack = putBackCycleSettings(seen.properties);
  if (putBack.length > 0) report.settingsPutBack = putBack;
  return { report, properties: putBack.length > 0 ? undefined : seen.after, fresh: seen.fresh };
}

function setUpHolding(
  spreadsheet: Spreadsheet,
  held: Array<() => void>,
  seen: { properties?: Record<string, string>; after?: Record<string, string>; fresh: Map<string, FreshTable> },
  known?: Readonly<Record<string, string>>,
  forgetSettledRows = false,
): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [], adoptedColumns: [] };
  const documentProperties = PropertiesService.getDocumentProperties();

  // Phase 1: reads.
  const properties = known ? { ...known } : documentProperties.getProperties();
  seen.properties = properties;
  // Ids for commitment rows typed by hand, before anything else is written (reading the log after
  // setup's writes would force a commit); it writes only when a row lacks an id.
  if (properties[SET_UP_PROPERTY] !== undefined) report.givenIds = giveIdsIfLogExists(spreadsheet, properties);
  const scan = new SpreadsheetScan(spreadsheet);
  const plans = TABLES.map(
    (table) => planFromCache(spreadsheet, table, parseCachedLayout(properties[`${LAYOUT_PROPERTY_PREFIX}${table.key}`])) ?? planBySearch(scan, table),
  );
  const dashboard = planDashboard(spreadsheet, scan, properties[DASHBOARD_PROPERTY], DASHBOARD_FIRST_CELL);
  const commitmentsPlan = plans[TABLES.indexOf(COMMITMENTS)];
  const existingRules = commitmentsPlan.sheet ? commitmentsPlan.sheet.getConditionalFormatRules() : [];
  const creating = plans.some((plan) => plan.created) || dashboard.sheet === null;
  const defaultSheet = creating ? untouchedDefaultSheet(scan) : null;
  const pastCycles = lookForPastCycles(spreadsheet, plans, properties, report);
  if (typeof pastCycles === 'object') held.push(pastCycles.release);

  // Phase 2: what hands back a new object (sheets, then protections), before any write is queued.
  for (const plan of plans) {
    if (plan.sheet) continue;
    plan.sheet = spreadsheet.insertSheet(plan.sheetName);
    report.createdSheets.push(plan.sheetName);
    if (plan.table.columns.length > NEW_SHEET_COLUMNS) plan.maxColumns = plan.sheet.getMaxColumns();
  }
  if (!dashboard.sheet) {
    dashboard.sheet = spreadsheet.insertSheet(dashboard.name, 0);
    report.createdSheets.push(dashboard.name);
  }
  for (const plan of plans) {
    if (!plan.needsProtection) continue;
    const sheet = plan.sheet as Sheet;
    // Warning-only: both partners keep editing; an edit to a header (or the history) asks first.
    plan.protection = plan.table.appendOnly ? sheet.protect() : sheet.getRange('1:1').protect();
  }

  // Phase 3: writes only.
  const partnership = plans[TABLES.indexOf(PARTNERSHIP)];
  const ourColumn = partnership.columnOf.get('ourCompany') ?? partnership.nextColumn + partnership.missing.findIndex((column) => column.key === 'ourCompany');
  const partnerColumn = partnership.columnOf.get('partnerCompany') ?? partnership.nextColumn + partnership.missing.findIndex((column) => column.key === 'partnerCompany');
  const partnershipSheet = partnership.sheet as Sheet;
  // The sides list is the two company cells; adjacent by default, else just ours (repair warns).
  const sides =
    Math.abs(partnerColumn - ourColumn) === 1
      ? partnershipSheet.getRange(2, Math.min(ourColumn, partnerColumn), 1, 2)
      : partnershipSheet.getRange(2, ourColumn, 1, 1);
  for (const plan of plans) writeTable(plan, sides, report);
  writeCommitmentHighlights(commitmentsPlan, existingRules);
  const layout = (table: TableSpec): TableLayout => layoutOf(plans[TABLES.indexOf(table)]);
  writeDashboard(spreadsheet, dashboard, {
    partnership: layout(PARTNERSHIP),
    assessments: layout(ASSESSMENTS),
    commitments: layout(COMMITMENTS),
    scorecard: layout(SCORECARD),
    disclosures: layout(DISCLOSURES),
    competenceAudit: layout(COMPETENCE_AUDIT),
    alignmentAudit: layout(ALIGNMENT_AUDIT),
    valueExchange: layout(VALUE_EXCHANGE),
    cycles: layout(CYCLES),
  }, sides);
  if (defaultSheet) spreadsheet.deleteSheet(defaultSheet);
  const cycleProperties = pastCycles === undefined ? {} : pastCycles === 'nothing yet' ? cyclesRecordedProperty() : writePastCycles(pastCycles, layout(CYCLES));

  // The layouts, for every action after this one; written only when something changed.
  const cache = new Map<string, CachedLayout>();
  for (const plan of plans) {
    const columns: Record<string, [number, string]> = {};
    for (const [key, column] of plan.columnOf) columns[key] = [column, plan.headers.get(column) ?? ''];
    cache.set(plan.table.key, { sheet: plan.sheetName, columns });
  }
  const wanted: Record<string, string> = { ...layoutProperties(cache), [DASHBOARD_PROPERTY]: dashboard.name, ...cycleProperties };
  // Where each table's data ends (extent.ts): a sheet made just now holds its header row only, in
  // the grid a new sheet has, plus the past cycles just recorded on the Cycles sheet.
  const cyclesWritten = typeof pastCycles === 'object' && pastCycles.rows.length > 0 ? pastCycles.firstRow + pastCycles.rows.length - 1 : 0;
  for (const plan of plans) {
    if (plan.table.rowsRead !== undefined) continue;
    const written = plan.table === CYCLES ? cyclesWritten : 0;
    if (plan.created) {
      wanted[extentPropertyOf(plan.table.key)] = extentText({ lastRow: Math.max(1, written), gridRows: Math.max(NEW_SHEET_ROWS, written) });
    } else if (written > 0) {
      Object.assign(wanted, raisedExtent(plan.table.key, parseExtent(properties[extentPropertyOf(plan.table.key)]), written));
    }
  }
  // Repair (the menu item) starts every table's settled rows over (settled.ts): the next save that
  // reads a table sums them up again. Set-up from the sidebar keeps them: each is checked by its mark.
  if (forgetSettledRows) for (const [key, value] of Object.entries(properties)) if (key.startsWith(SETTLED_PROPERTY_PREFIX) && value !== '') wanted[key] = '';
  if (properties[SET_UP_PROPERTY] === undefined) wanted[SET_UP_PROPERTY] = new Date().toISOString();
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => properties[key] !== value));
  // Open sidebars reload when setup or repair changed something (src/workbook/change-counter.ts).
  const written = Object.keys(changed).length > 0 ? { ...changed, ...nextChangeCount(properties) } : {};
  if (Object.keys(written).length > 0) documentProperties.setProperties(written);
  const after: Record<string, string> = { ...properties, ...written };
  // Its cycle is a Cycles row now, written just above: the old record goes in the same breath.
  if (typeof pastCycles === 'object' && pastCycles.removeLegacyProperty) {
    documentProperties.deleteProperty(LEGACY_OPEN_CYCLE_PROPERTY);
    delete after[LEGACY_OPEN_CYCLE_PROPERTY];
  }
  seen.after = after;
  for (const plan of plans) {
    if (plan.created && !(plan.table === CYCLES && cyclesWritten > 0)) seen.fresh.set(plan.table.key, { layout: layoutOf(plan), lastUsedRow: 1, gridRows: NEW_SHEET_ROWS });
  }
  return report;
}

