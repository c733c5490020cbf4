import { CORNERS } from '../domain/corners';
import { columnLetters } from './a1';
import { DASHBOARD_ROWS, VALUE_FIGURES } from './dashboard';
import { ownedSheet } from './layout';

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

export const PORTFOLIO_TITLE = 'Portfolio';
const PORTFOLIO_KEY = 'portfolio';
export const PORTFOLIO_ROWS = 30;

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
 * Builds the Portfolio sheet in the current (separate) workbook: people paste the URLs of their
 * partnership workbooks in column A. URLs already typed are kept; the formulas are rewritten.
 */
export function createPortfolioSheet(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): GoogleAppsScript.Spreadsheet.Sheet {
  const { sheet } = ownedSheet(spreadsheet, PORTFOLIO_KEY, PORTFOLIO_TITLE);
  const width = PORTFOLIO_HEADERS.length;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, width).setValues([PORTFOLIO_HEADERS.map((header) => `'${header}`)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const formulas = Array.from({ length: PORTFOLIO_ROWS }, (_, index) => portfolioRow(index + 2));
  sheet.getRange(2, 2, PORTFOLIO_ROWS, width - 1).setFormulas(formulas);
  sheet.getRange(2, 1, PORTFOLIO_ROWS, 1).setNumberFormat('@');
  sheet.getRange(2, 4, PORTFOLIO_ROWS, 4).setNumberFormat('0.0');
  const columnOf = (header: string): number => PORTFOLIO_HEADERS.indexOf(header) + 1;
  sheet.getRange(2, columnOf('On-time rate'), PORTFOLIO_ROWS, 1).setNumberFormat('0%');
  sheet.getRange(2, columnOf('ROPI, latest quarter'), PORTFOLIO_ROWS, 1).setNumberFormat('0.00');
  sheet.getRange(2, columnOf('PSAT, latest quarter'), PORTFOLIO_ROWS, 1).setNumberFormat('0%');
  sheet.getRange(1, 1).setNote('Paste the URL of each partnership workbook below. The first time, a cell of that row shows #REF!: hover over it and click Allow access (once per workbook, for everyone who can edit this portfolio).');
  sheet.setColumnWidth(1, 320);
  return sheet;
}
