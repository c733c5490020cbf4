/**
 * Extensions → Trust Corners → Help. A menu item cannot open a web page, so a small dialog carries
 * the link to the README section on sharing the workbook with the partner, and its gist.
 */
import { buildInfo } from './build-info';

export const HELP_TITLE = 'Trust Corners: help';
export const HELP_SECTION = 'Using it with your partner';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function helpHtml(helpUrl: string | null): string {
  const link = helpUrl
    ? `<p><a id="guide" href="${escapeHtml(helpUrl)}" target="_blank" rel="noopener noreferrer">Read “${HELP_SECTION}” in the README</a> (opens in a new tab).</p>`
    : `<p id="guide">The full guide is the section “${HELP_SECTION}” in the README of the Trust Corners copy this spreadsheet was set up from.</p>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${HELP_TITLE}</title>
<style>body{font:13px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:0 4px}li{margin-bottom:4px}</style>
</head><body>
<p>Trust Corners runs a partnership between two companies in this one shared spreadsheet: both sides rate the four trust corners, agree actions on the weakest, and track commitments.</p>
<ol>
<li>Open the sidebar: <b>Extensions → Trust Corners → Open Trust Corners</b>. Set up the workbook, or load the example to explore.</li>
<li>Share the spreadsheet with the partner's people as <b>Editor</b>: viewers cannot run the add-on.</li>
<li>Each person authorizes the script once, on first use, and saves their name and company in the sidebar.</li>
<li>Signed in to several Google accounts? Use a browser profile signed in to one account only.</li>
</ol>
${link}
</body></html>`;
}

export function showHelp(): void {
  const page = HtmlService.createHtmlOutput(helpHtml(buildInfo().helpUrl)).setWidth(460).setHeight(300);
  SpreadsheetApp.getUi().showModalDialog(page, HELP_TITLE);
}
