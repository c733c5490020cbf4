import { loadExamplePartnership } from './workbook/load-example';
import { type SetupReport, setUpWorkbook } from './workbook/setup';
import { stampEdit } from './workbook/stamp';
import { PORTFOLIO_DIALOG_TITLE, portfolioDialogHtml } from './workbook/portfolio';
import { verifyHistory } from './workbook/verify-history';
import { refreshTimeZone } from './workbook/layout';
import { Workbook } from './workbook/workbook';
import { textOf } from './workbook/table';
import { savedIdentity } from './workbook/identity';
import { readPartnership } from './sidebar/common/read-model';
import { SETUP_DIALOG_TITLE, setupDialogHtml } from './setup-dialog';
import { repairCycleSummaries } from './workbook/cycle-repair';

/**
 * The add-on's face in Sheets: the menu and the simple triggers. onOpen may run in AuthMode.NONE
 * (before the user has used the add-on in this file), where only the menu may be built.
 */
const ADDON_NAME = 'Trust Corners';

/**
 * In AuthMode.NONE (the add-on is installed but not yet used in this file) every spreadsheet,
 * properties or session call throws: a trigger may then build the menu and nothing else.
 */
const inAuthModeNone = (event: { authMode?: unknown } | undefined): boolean => event !== undefined && event !== null && String(event.authMode) === 'NONE';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // The menu is all onOpen does, and the one thing AuthMode.NONE allows.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Trust Corners', 'showSidebar')
    .addSeparator()
    .addItem('Set up partnership workbook', 'menuSetUpWorkbook')
    .addItem('Repair workbook', 'menuRepairWorkbook')
    .addItem('Verify history', 'menuVerifyHistory')
    .addItem('Load example partnership', 'menuLoadExample')
    .addSeparator()
    .addItem('Portfolio in your own spreadsheet', 'menuCreatePortfolio')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addItem('About and diagnostics', 'showAboutAndDiagnostics')
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (inAuthModeNone(event)) return;
  // Sheets passes a real Range; anything else was sent through google.script.run, not by an edit.
  const range = (event as Partial<GoogleAppsScript.Events.SheetsOnEdit> | null | undefined)?.range as { getSheet?: unknown } | undefined;
  if (typeof range?.getSheet !== 'function') return;
  stampEdit(event);
}

export function showSidebar(): void {
  // A zone changed in File → Settings reaches every later action through the kept copy.
  refreshTimeZone();
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(page);
}

function describeReport(report: SetupReport): string {
  const parts: string[] = [];
  if (report.createdSheets.length > 0) parts.push(`Created: ${report.createdSheets.join(', ')}.`);
  if (report.addedColumns.length > 0) parts.push(`Restored columns: ${report.addedColumns.join('; ')}.`);
  if (report.adoptedColumns.length > 0) parts.push(`Recognised by header: ${report.adoptedColumns.join('; ')}.`);
  if (report.givenIds && report.givenIds.length > 0) parts.push(`Gave ids to commitments typed without one: ${report.givenIds.join(', ')}.`);
  if (report.recordedCycles && report.recordedCycles.length > 0) parts.push(`Recorded past cycles from the Assessments sheet: ${report.recordedCycles.join(', ')}.`);
  if (report.recordedCycles === null) parts.push('Past cycles get their Cycles rows at the next repair: the other side was saving.');
  if (report.givenIds === null) parts.push('Commitments typed without an id get one at the next repair: the other side was saving.');
  return parts.length > 0 ? parts.join(' ') : 'Everything was in place; nothing needed changing.';
}

/**
 * Sets up the sheets, then, unless the Partnership sheet names both companies already, asks for
 * them and the model in a dialog (the sidebar's set-up form, sent to the same handler): otherwise
 * every view would show a partnership with no names until someone found the Partnership sheet.
 */
export function menuSetUpWorkbook(): void {
  const report = setUpWorkbook();
  SpreadsheetApp.getActiveSpreadsheet().toast(describeReport(report), ADDON_NAME, 8);
  const { sides, partnershipRow } = readPartnership(new Workbook());
  if (sides.length >= 2) return;
  const row = partnershipRow?.values ?? {};
  const page = HtmlService.createHtmlOutput(
    setupDialogHtml({
      ourCompany: textOf(row.ourCompany) || (savedIdentity()?.side ?? ''),
      partnerCompany: textOf(row.partnerCompany),
      model: textOf(row.model),
    }),
  ).setWidth(420).setHeight(400);
  SpreadsheetApp.getUi().showModalDialog(page, SETUP_DIALOG_TITLE);
}

/**
 * Repair: set-up's checks and restorations, then the closed cycles' summaries rebuilt where one is
 * missing or no longer matches its answers (cycle-repair.ts; a read after set-up's writes, so one
 * forced commit). Returns what the alert says.
 */
export function repairWorkbook(): string {
  const report = setUpWorkbook(undefined, { forgetSettledRows: true });
  let summaries: string;
  try {
    const rebuilt = repairCycleSummaries(new Workbook());
    summaries = rebuilt.length > 0 ? ` Rebuilt from their answers the summaries of the closed cycles ${rebuilt.map((repair) => repair.cycle).join(', ')}.` : '';
  } catch (error) {
    summaries = ` The closed cycles' summaries were not checked (${(error as Error).message}); run Repair again.`;
  }
  return `${describeReport(report)}${summaries} No ${report.givenIds?.length || summaries !== '' ? 'other ' : ''}data cell was changed.`;
}

export function menuRepairWorkbook(): void {
  const text = repairWorkbook();
  SpreadsheetApp.getUi().alert(`${ADDON_NAME}: repair finished`, text, SpreadsheetApp.getUi().ButtonSet.OK);
}

export function menuVerifyHistory(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(`${ADDON_NAME}: verify history`, verifyHistory().message, ui.ButtonSet.OK);
}

export function menuLoadExample(): void {
  try {
    loadExamplePartnership();
    SpreadsheetApp.getActiveSpreadsheet().toast('The example partnership is loaded. Open Trust Corners to explore it.', ADDON_NAME, 8);
  } catch (error) {
    SpreadsheetApp.getUi().alert(ADDON_NAME, (error as Error).message, SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

/**
 * The portfolio is never built in this shared workbook (the partner reads it) and the add-on may
 * not create another spreadsheet: a dialog explains and hands over what to paste into one the
 * person owns. Nothing in the spreadsheet is read or written.
 */
export function menuCreatePortfolio(): void {
  const page = HtmlService.createHtmlOutput(portfolioDialogHtml()).setWidth(720).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(page, PORTFOLIO_DIALOG_TITLE);
}
