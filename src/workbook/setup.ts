import { countChange } from './change-counter';
import { columnLetters } from './a1';
import { PORTFOLIO_NAMES, dashboardNamedRanges } from './portfolio';
import { DASHBOARD_ROWS, DASHBOARD_WIDTH, type DashboardLayouts, dashboardCells } from './dashboard';
import { insertDashboardCharts } from './dashboard-charts';
import { type TableLayout, findTableSheet, matchColumns, ownedSheet, readHeaderRow } from './layout';
import { type ColumnSpec, METADATA_COLUMN_KEY, METADATA_SHEET_KEY, type TableSpec, columnTag } from './schema';
import { ALIGNMENT_AUDIT, ASSESSMENTS, COMMITMENTS, COMPETENCE_AUDIT, DASHBOARD_KEY, DASHBOARD_TITLE, DISCLOSURES, PARTNERSHIP, SCORECARD, TABLES, VALUE_EXCHANGE } from './templates';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  /** Columns found by their header and marked with metadata from now on. */
  adoptedColumns: string[];
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

/** Finds or creates the table's sheet and marks it, so renaming it later changes nothing. */
function ensureSheet(spreadsheet: Spreadsheet, table: TableSpec, report: SetupReport): Sheet {
  let sheet = findTableSheet(spreadsheet, table);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(table.title);
    report.createdSheets.push(table.title);
  }
  const marked = sheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).withValue(table.key).find();
  if (marked.length === 0) sheet.addDeveloperMetadata(METADATA_SHEET_KEY, table.key);
  return sheet;
}

/** Finds every column (metadata, then header); adds missing ones at the end. Never moves or clears data. */
function ensureColumns(sheet: Sheet, table: TableSpec, report: SetupReport): TableLayout {
  const isEmptySheet = sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
  const { columnOf, missing, byHeader } = matchColumns(sheet, table, () => (isEmptySheet ? [] : readHeaderRow(sheet)));
  for (const column of byHeader) {
    const letters = columnLetters(columnOf.get(column.key) as number);
    sheet.getRange(`${letters}:${letters}`).addDeveloperMetadata(METADATA_COLUMN_KEY, columnTag(table, column));
    report.adoptedColumns.push(`${sheet.getName()}: ${column.header}`);
  }
  let nextColumn = isEmptySheet ? 1 : sheet.getLastColumn() + 1;
  for (const column of missing) {
    if (nextColumn > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), nextColumn - sheet.getMaxColumns());
    const headerCell = sheet.getRange(1, nextColumn);
    headerCell.setValue(`'${column.header}`);
    headerCell.setFontWeight('bold').setBackground(HEADER_COLOUR);
    if (column.help) headerCell.setNote(column.help);
    if (column.width) sheet.setColumnWidth(nextColumn, column.width);
    sheet.getRange(`${columnLetters(nextColumn)}:${columnLetters(nextColumn)}`).addDeveloperMetadata(METADATA_COLUMN_KEY, columnTag(table, column));
    columnOf.set(column.key, nextColumn);
    if (!isEmptySheet) report.addedColumns.push(`${sheet.getName()}: ${column.header}`);
    nextColumn++;
  }
  return { table, sheet, columnOf, width: Math.max(...columnOf.values()) };
}

/** Formats, validation and protection: safe to re-apply, and they never touch a data cell's value. */
function applyTableRules(layout: TableLayout, sidesRange: GoogleAppsScript.Spreadsheet.Range | null): void {
  const { sheet, table } = layout;
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const dataRows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const column of table.columns) {
    const at = layout.columnOf.get(column.key) as number;
    const data = sheet.getRange(2, at, dataRows, 1);
    const format = NUMBER_FORMATS[column.kind];
    if (format) data.setNumberFormat(format);
    const rule = validationFor(column, sidesRange);
    if (rule) data.setDataValidation(rule);
  }
  const description = `${PROTECTION_PREFIX} ${table.appendOnly ? `${table.title} is written by the add-on only` : 'header row'}`;
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .concat(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET))
    .some((protection) => protection.getDescription() === description);
  if (!existing) {
    // Warning-only: both partners keep editing; an edit to a header (or the history) asks first.
    const protection = table.appendOnly ? sheet.protect() : sheet.getRange(1, 1, 1, sheet.getMaxColumns()).protect();
    protection.setDescription(description).setWarningOnly(true);
  }
}

const MARK_OVERDUE = 'N("trustCorners:overdue")';
const MARK_AT_RISK = 'N("trustCorners:at-risk")';

/** Overdue rows red, at-risk rows amber. Our rules carry a marker (N("…") is 0) so repair replaces only them. */
function applyCommitmentHighlights(layout: TableLayout): void {
  const { sheet } = layout;
  const letter = (key: string): string => columnLetters(layout.columnOf.get(key) as number);
  const range = sheet.getRange(2, 1, Math.max(sheet.getMaxRows() - 1, 1), layout.width);
  const closed = `OR($${letter('status')}2="Done", $${letter('status')}2="Dropped", $${letter('status')}2="Renegotiated", $${letter('status')}2="Missed")`;
  const overdue = `=AND(${MARK_OVERDUE}=0, $${letter('dueDate')}2<>"", $${letter('dueDate')}2<TODAY(), $${letter('doneOn')}2="", NOT(${closed}))`;
  const atRisk = `=AND(${MARK_AT_RISK}=0, $${letter('status')}2="At risk")`;
  const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
    const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
    return values.some((value) => typeof value === 'string' && value.includes('trustCorners:'));
  };
  const kept = sheet.getConditionalFormatRules().filter((rule) => !ours(rule));
  sheet.setConditionalFormatRules([
    ...kept,
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(overdue).setBackground('#fce8e6').setFontColor('#a50e0e').setRanges([range]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(atRisk).setBackground('#fef7e0').setRanges([range]).build(),
  ]);
}

/** The Dashboard holds formulas only, so it is rewritten whole from the current layout every time. */
function writeDashboard(
  spreadsheet: Spreadsheet,
  layouts: DashboardLayouts,
  sides: GoogleAppsScript.Spreadsheet.Range,
  report: SetupReport,
): void {
  const { sheet, created } = ownedSheet(spreadsheet, DASHBOARD_KEY, DASHBOARD_TITLE, 0);
  if (created) report.createdSheets.push(sheet.getName());
  const cells = dashboardCells(layouts);
  const rows = Math.max(...cells.map((cell) => cell.row));
  const width = DASHBOARD_WIDTH;
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill('General'));
  for (const cell of cells) {
    grid[cell.row - 1][cell.column - 1] = cell.content === '' || cell.content.startsWith('=') ? cell.content : `'${cell.content}`;
    if (cell.format) formats[cell.row - 1][cell.column - 1] = cell.format;
  }
  sheet.getRange(1, 1, sheet.getMaxRows(), width).clearContent();
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
  insertDashboardCharts(sheet);
}

/** A new spreadsheet's empty "Sheet1" only gets in the way once the templates exist; anything with content stays. */
function removeUntouchedDefaultSheet(spreadsheet: Spreadsheet, report: SetupReport): void {
  if (report.createdSheets.length === 0) return;
  const sheet = spreadsheet.getSheetByName('Sheet1');
  if (!sheet || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return;
  if (sheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).find().length > 0) return;
  spreadsheet.deleteSheet(sheet);
}

/**
 * Set up, or repair, the partnership workbook: every sheet and column the add-on needs, found by
 * metadata then by name, created only when missing. Every existing data cell stays as it was.
 */
export function setUpWorkbook(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [], adoptedColumns: [] };
  const layouts = new Map<string, TableLayout>();
  for (const table of TABLES) {
    const sheet = ensureSheet(spreadsheet, table, report);
    layouts.set(table.key, ensureColumns(sheet, table, report));
  }
  const partnership = layouts.get(PARTNERSHIP.key) as TableLayout;
  const sidesRange = partnership.sheet.getRange(
    2,
    partnership.columnOf.get('ourCompany') as number,
    1,
    1,
  );
  const partnerColumn = partnership.columnOf.get('partnerCompany') as number;
  const ourColumn = partnership.columnOf.get('ourCompany') as number;
  // The sides list is the two company cells; adjacent by default, else just ours (repair warns).
  const sides =
    Math.abs(partnerColumn - ourColumn) === 1
      ? partnership.sheet.getRange(2, Math.min(ourColumn, partnerColumn), 1, 2)
      : sidesRange;
  for (const layout of layouts.values()) applyTableRules(layout, sides);
  applyCommitmentHighlights(layouts.get(COMMITMENTS.key) as TableLayout);
  writeDashboard(
    spreadsheet,
    {
      partnership,
      assessments: layouts.get(ASSESSMENTS.key) as TableLayout,
      commitments: layouts.get(COMMITMENTS.key) as TableLayout,
      scorecard: layouts.get(SCORECARD.key) as TableLayout,
      disclosures: layouts.get(DISCLOSURES.key) as TableLayout,
      competenceAudit: layouts.get(COMPETENCE_AUDIT.key) as TableLayout,
      alignmentAudit: layouts.get(ALIGNMENT_AUDIT.key) as TableLayout,
      valueExchange: layouts.get(VALUE_EXCHANGE.key) as TableLayout,
    },
    sides,
    report,
  );
  removeUntouchedDefaultSheet(spreadsheet, report);
  PropertiesService.getDocumentProperties().setProperty('trustCorners.setUpAt', new Date().toISOString());
  countChange(); // open sidebars reload (src/workbook/change-counter.ts)
  return report;
}

/** Whether the workbook has been set up (cheap: one property read, usable in any auth mode). */
export function isSetUp(): boolean {
  return PropertiesService.getDocumentProperties().getProperty('trustCorners.setUpAt') !== null;
}

