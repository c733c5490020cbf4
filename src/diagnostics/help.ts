/**
 * Extensions → Trust Corners → Help. A menu item cannot open a web page, so a small dialog carries
 * the user guide's first steps and a link to the guide (docs/user-guide.md), or its name when the
 * build does not know where the repository is published.
 */
import { buildInfo } from './build-info';

const HELP_TITLE = 'Trust Corners: help';
/** The user guide, as the repository holds it: the link's target and what the dialog names without one. */
export const USER_GUIDE = 'docs/user-guide.md';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function helpHtml(helpUrl: string | null): string {
  const link = helpUrl
    ? `<p><a id="guide" href="${escapeHtml(helpUrl)}" target="_blank" rel="noopener noreferrer">Read the user guide</a> (opens in a new tab): your first quarter together, step by step.</p>`
    : `<p id="guide">The full guide, your first quarter together step by step, is the user guide (${USER_GUIDE}) in the Trust Corners copy this spreadsheet was set up from.</p>`;
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
<p>Each quarter: start a cycle under <b>Assess</b>, everyone in both companies answers, close it; agree three actions under <b>Results</b>; review them at a weekly <b>Sync</b>; reassess after 90 days.</p>
${link}
</body></html>`;
}

export function showHelp(): void {
  const page = HtmlService.createHtmlOutput(helpHtml(buildInfo().helpUrl)).setWidth(460).setHeight(360);
  SpreadsheetApp.getUi().showModalDialog(page, HELP_TITLE);
}
