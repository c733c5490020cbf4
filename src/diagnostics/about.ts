/**
 * Extensions → Trust Corners → About and diagnostics: which build runs, how it is authorized, the
 * time zones dates are counted in, and the user's last menu actions with their durations, so a first
 * real user can report real figures (the text box holds the same as plain text to copy). The
 * sidebar's actions are timed in the sidebar and shown there (client/about-view.ts).
 */
import { userProperties } from '../workbook/properties';
import { type ActionRecord, recentActions } from './action-log';
import { type BuildInfo, buildInfo } from './build-info';

const ABOUT_TITLE = 'About and diagnostics';
const ACTIONS_SHOWN = 20;

export interface AboutInfo {
  build: BuildInfo;
  /** The mode this dialog runs in, and whether every declared scope is granted. */
  authorization: string;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  actions: Array<ActionRecord & { when: string }>;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function authorizationText(): string {
  // A menu item runs only once the user has authorized the script, so this dialog runs in FULL.
  const scriptApp = ScriptApp as Partial<GoogleAppsScript.Script.ScriptApp>;
  if (typeof scriptApp.getAuthorizationInfo !== 'function') return 'FULL (whether every scope is granted was not reported)';
  try {
    const status = String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());
    // REQUIRED after an update that asks for a new scope: the user must authorize again.
    return status === 'NOT_REQUIRED' ? 'FULL, every declared scope granted' : `FULL, but authorization is ${status}: run any menu item to authorize again`;
  } catch (error) {
    return `FULL (scope status unavailable: ${(error as Error).message})`;
  }
}

function formatWhen(epochMs: number, timeZone: string): string {
  try {
    return Utilities.formatDate(new Date(epochMs), timeZone, 'yyyy-MM-dd HH:mm:ss');
  } catch {
    return new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  }
}

function readTimeZone(read: () => string): string | null {
  try {
    return read() || null;
  } catch {
    return null;
  }
}

function collectAboutInfo(): AboutInfo {
  const spreadsheetTimeZone = readTimeZone(() => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  const scriptTimeZone = readTimeZone(() => Session.getScriptTimeZone());
  const actions = recentActions(userProperties(), ACTIONS_SHOWN);
  // Times are shown in the spreadsheet's zone, the one every date of the workbook is counted in.
  const shownIn = spreadsheetTimeZone ?? scriptTimeZone ?? 'Etc/UTC';
  return {
    build: buildInfo(),
    authorization: authorizationText(),
    spreadsheetTimeZone: spreadsheetTimeZone ?? 'unavailable',
    scriptTimeZone: scriptTimeZone ?? 'unavailable',
    actions: actions.map((record) => ({ ...record, when: formatWhen(record.startedAt, shownIn) })),
  };
}

/** The same facts as plain text, one per line, for pasting into a report. */
function aboutText(info: AboutInfo): string {
  const lines = [
    `Trust Corners ${info.build.version}, build ${info.build.commit}`,
    `Authorization: ${info.authorization}`,
    `Spreadsheet time zone: ${info.spreadsheetTimeZone}; script time zone: ${info.scriptTimeZone}`,
    'Last menu actions (latest run of each, most recent first):',
    ...info.actions.map((a) => `${a.when}\t${a.action}\t${a.durationMs} ms\t${a.ok ? 'ok' : 'failed'}`),
  ];
  return lines.join('\n');
}

function aboutHtml(info: AboutInfo): string {
  const e = escapeHtml;
  const facts: Array<[string, string]> = [
    ['Version', info.build.version],
    ['Build', info.build.commit],
    ['Authorization', info.authorization],
    ['Spreadsheet time zone', info.spreadsheetTimeZone],
    ['Script time zone', info.scriptTimeZone],
  ];
  const rows = info.actions
    .map(
      (a) =>
        `<tr><td>${e(a.when)}</td><td>${e(a.action)}</td><td class="num">${e(String(a.durationMs))} ms</td><td>${a.ok ? 'ok' : 'failed'}</td></tr>`,
    )
    .join('');
  const table =
    info.actions.length === 0
      ? '<p id="no-actions">No menu actions recorded yet. Use a menu item, then open this again.</p>'
      : `<table id="actions"><caption>Your last ${info.actions.length} menu actions (the latest run of each), most recent first</caption><thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Took</th><th scope="col">Result</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${e(ABOUT_TITLE)}</title>
<style>
body{font:13px/1.4 Arial,Helvetica,sans-serif;color:#202124;margin:0 4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px}
dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-bottom:12px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #dadce0;padding:3px 6px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
textarea{width:100%;box-sizing:border-box;height:90px;font:12px monospace}
p.note{color:#5f6368}
</style></head><body>
<dl id="facts">${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('')}</dl>
${table}
<p class="note">Menu actions are measured by the add-on on Google's server, from the start to the end of each action. Only action names and times are stored, in your own user properties. The sidebar measures its own actions, from the click to the answer: open More → About and diagnostics in the sidebar.</p>
<label for="report">To report these figures, copy this text:</label>
<textarea id="report" readonly>${e(aboutText(info))}</textarea>
</body></html>`;
}

export function showAboutAndDiagnostics(): void {
  const page = HtmlService.createHtmlOutput(aboutHtml(collectAboutInfo())).setWidth(560).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(page, ABOUT_TITLE);
}
