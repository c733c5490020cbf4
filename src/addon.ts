/**
 * The add-on's face in Sheets: the menu and the simple triggers. onOpen may run in AuthMode.NONE
 * (before the user has used the add-on in this file), where only the menu may be built.
 */
export const ADDON_NAME = 'Trust Corners';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Trust Corners', 'showSidebar')
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutput(
    '<p style="font-family:Arial,sans-serif">Trust Corners is installed. Type <code>=WEAKEST_CORNER(</code> in a cell to begin.</p>',
  ).setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(page);
}
