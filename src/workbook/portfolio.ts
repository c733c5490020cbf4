import { CORNERS } from '../domain/corners';
import { columnLetters } from './a1';
import { DASHBOARD_ROWS, VALUE_FIGURES } from './dashboard';

/**
 * Named ranges on each partnership's Dashboard. A portfolio workbook pulls them with IMPORTRANGE,
 * which needs no OAuth scope of ours (each viewer grants access once per source file in Sheets),
 * and names survive the Dashboard being renamed or moved.
 */
export const PORTFOLIO_NAMES = {
  companies: 'TrustCorners_Companies',
  latestCycle: 'TrustCorners_LatestCycle',
  latestMeans: 'TrustCorners_LatestMeans',
  previousMeans: 'TrustCorners_PreviousMeans',
  weakest: 'TrustCorners_Weakest',
  onTimeRate: 'TrustCorners_OnTimeRate',
  daysToReassessment: 'TrustCorners_DaysToReassessment',
  ropi: 'TrustCorners_Ropi',
  psat: 'TrustCorners_Psat',
} as const;

/** Where each name points on the Dashboard, as (row, column, rows, columns). */
export function dashboardNamedRanges(figureRow: (label: string) => number): Array<{ name: string; row: number; column: number; width: number }> {
  return [
    { name: PORTFOLIO_NAMES.latestCycle, row: DASHBOARD_ROWS.latestCycle, column: 2, width: 1 },
    { name: PORTFOLIO_NAMES.latestMeans, row: DASHBOARD_ROWS.latestMeans, column: 2, width: 4 },
    { name: PORTFOLIO_NAMES.previousMeans, row: DASHBOARD_ROWS.previousMeans, column: 2, width: 4 },
    { name: PORTFOLIO_NAMES.weakest, row: figureRow('Weakest corner'), column: 2, width: 1 },
    { name: PORTFOLIO_NAMES.onTimeRate, row: figureRow('On-time rate'), column: 2, width: 1 },
    { name: PORTFOLIO_NAMES.daysToReassessment, row: figureRow('Days to reassessment'), column: 2, width: 1 },
    { name: PORTFOLIO_NAMES.ropi, row: figureRow(VALUE_FIGURES.ropi), column: 2, width: 1 },
    { name: PORTFOLIO_NAMES.psat, row: figureRow(VALUE_FIGURES.psat), column: 2, width: 1 },
  ];
}


export const PORTFOLIO_HEADERS = [
  'Partnership workbook URL',
  'Partnership',
  'Latest cycle',
  ...CORNERS,
  ...CORNERS.map((corner) => `${corner} trend`),
  'Weakest corner',
  'On-time rate',
  'Days to reassessment',
  'ROPI, latest quarter',
  'PSAT, latest quarter',
];

/** Half a point either way counts as movement; less is noise in a 1–10 mean. */
const TREND_STEP = 0.5;

/** The formulas of one portfolio row: everything keyed off the URL typed in column A. */
export function portfolioRow(row: number): string[] {
  const url = `$A${row}`;
  const pull = (name: string): string => `IMPORTRANGE(${url}, "${name}")`;
  // No IFERROR: until access is allowed IMPORTRANGE shows #REF! with the "Allow access" button,
  // which is the only place Sheets offers it.
  const guard = (formula: string): string => `=IF(${url}="", "", ${formula})`;
  const means = CORNERS.map((_, index) => `${columnLetters(4 + index)}${row}`);
  const trends = CORNERS.map((_, index) => {
    const previous = `INDEX(${pull(PORTFOLIO_NAMES.previousMeans)}, 1, ${index + 1})`;
    const now = means[index];
    return `=IF(OR(${url}="", NOT(ISNUMBER(${now}))), "", IF(NOT(ISNUMBER(${previous})), "", IF(${now}-${previous}>=${TREND_STEP}, "↑", IF(${now}-${previous}<=-${TREND_STEP}, "↓", "→"))))`;
  });
  return [
    guard(`INDEX(${pull(PORTFOLIO_NAMES.companies)}, 1, 1)&" & "&INDEX(${pull(PORTFOLIO_NAMES.companies)}, 1, 2)`),
    guard(pull(PORTFOLIO_NAMES.latestCycle)),
    ...CORNERS.map((_, index) => guard(`INDEX(${pull(PORTFOLIO_NAMES.latestMeans)}, 1, ${index + 1})`)),
    ...trends,
    guard(pull(PORTFOLIO_NAMES.weakest)),
    guard(pull(PORTFOLIO_NAMES.onTimeRate)),
    guard(pull(PORTFOLIO_NAMES.daysToReassessment)),
    guard(pull(PORTFOLIO_NAMES.ropi)),
    guard(pull(PORTFOLIO_NAMES.psat)),
  ];
}

/**
 * What the add-on hands over for a portfolio (DESIGN.md: creating another spreadsheet needs the
 * `spreadsheets` scope, too wide for this add-on; and the shared partnership workbook is readable by
 * the partner, so the portfolio never lives in it). The person makes a spreadsheet of their own and
 * pastes these: a header line and one line of formulas, tab-separated so Sheets splits them into
 * columns, the formulas keyed off the URL in column A of their row ($A2), so copying row 2 down
 * serves every further partnership.
 */
export interface PortfolioHandover {
  /** The header row, tab-separated: paste into A1 of the new spreadsheet. */
  headerLine: string;
  /** Row 2's formulas from column B, tab-separated: paste into B2, then copy row 2 down. */
  formulaLine: string;
  /** The steps, in order, as the dialog shows them. */
  steps: string[];
  /** Number formats to set by hand, by column header. */
  formats: Array<{ header: string; format: string }>;
}

export function portfolioHandover(): PortfolioHandover {
  return {
    headerLine: PORTFOLIO_HEADERS.join('\t'),
    formulaLine: portfolioRow(2).join('\t'),
    steps: [
      'Create a spreadsheet of your own for the portfolio (File → New → Spreadsheet, or sheets.new). Keep it private: it gathers every partnership you run, and no partner should read the others.',
      'Click A1 of the new spreadsheet and paste the header line.',
      'Click B2 and paste the formula line: Sheets spreads it over the columns.',
      'Paste the URL of a partnership workbook (this one’s is in the address bar) into A2. The first time a row shows #REF!: hover over it and click Allow access (once per workbook).',
      'For each further partnership, copy row 2 down one row and paste that workbook’s URL in column A.',
    ],
    formats: [
      ...CORNERS.map((corner) => ({ header: corner, format: '0.0' })),
      { header: 'On-time rate', format: '0%' },
      { header: 'ROPI, latest quarter', format: '0.00' },
      { header: 'PSAT, latest quarter', format: '0%' },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const PORTFOLIO_DIALOG_TITLE = 'Portfolio: in a spreadsheet of your own';

/**
 * The menu's dialog: why the portfolio is not built here, the steps, and the two lines to copy in
 * read-only text boxes (a click selects all; no network, no script beyond selecting).
 */
export function portfolioDialogHtml(handover: PortfolioHandover = portfolioHandover()): string {
  const box = (id: string, label: string, text: string): string =>
    `<label for="${id}"><b>${escapeHtml(label)}</b></label><textarea id="${id}" readonly rows="3" onclick="this.select()">${escapeHtml(text)}</textarea>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(PORTFOLIO_DIALOG_TITLE)}</title>
<style>body{font:13px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:0 4px}li{margin-bottom:4px}textarea{width:100%;box-sizing:border-box;font:12px/1.3 monospace;margin:2px 0 10px;white-space:pre;overflow:auto}</style>
</head><body>
<p id="why">This workbook is shared with your partner, so a portfolio of all your partnerships does not belong in it, and the add-on may open only this spreadsheet, so it cannot create another one for you. Make the portfolio in a spreadsheet you own; it pulls each partnership’s Dashboard figures with IMPORTRANGE.</p>
<ol id="steps">${handover.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>
${box('headers', 'Header line (paste into A1)', handover.headerLine)}
${box('formulas', 'Formula line (paste into B2)', handover.formulaLine)}
<p id="formats">Then format the columns: ${handover.formats.map((entry) => `${escapeHtml(entry.header)} as ${escapeHtml(entry.format)}`).join(', ')} (Format → Number → Custom number format).</p>
</body></html>`;
}
