import { CORNERS, DEFAULT_ATTENTION_THRESHOLD } from '../domain/corners';
import { columnLetters, sheetRef } from './a1';
import { NOT_SHARED } from '../domain/disclosure-advisor';
import { NOT_TAKEN_ON } from '../domain/commitments';
import type { TableLayout } from './layout';

/** Open-ended data range of one column: row 2 to the end, so new rows are always included. */
function columnRange(layout: TableLayout, key: string): string {
  const letters = columnLetters(layout.columnOf.get(key) as number);
  return `${sheetRef(layout.sheet.getName())}!${letters}2:${letters}`;
}

/** The four rating columns in canonical order: one range when adjacent, else an array of columns. */
function ratingsRange(layout: TableLayout, keys: readonly string[]): string {
  const columns = keys.map((key) => layout.columnOf.get(key) as number);
  const adjacent = columns.every((column, index) => index === 0 || column === columns[index - 1] + 1);
  if (adjacent) {
    const sheet = sheetRef(layout.sheet.getName());
    return `${sheet}!${columnLetters(columns[0])}2:${columnLetters(columns[3])}`;
  }
  return `{${keys.map((key) => columnRange(layout, key)).join(', ')}}`;
}

export interface DashboardLayouts {
  partnership: TableLayout;
  assessments: TableLayout;
  cycles: TableLayout;
  commitments: TableLayout;
  scorecard: TableLayout;
  disclosures: TableLayout;
  competenceAudit: TableLayout;
  alignmentAudit: TableLayout;
  valueExchange: TableLayout;
}

/**
 * The latest of a column of quarter labels (2026-Q4 sorts after 2026-Q3), blank when there are
 * none: the last of the ascending sort, because SORT's third argument means different things in
 * Sheets (TRUE/FALSE) and Excel-style engines (1/-1).
 */
const latestQuarter = (quarters: string): string => {
  const distinct = `UNIQUE(FILTER(${quarters}, ${quarters}<>""))`;
  return `IFERROR(INDEX(SORT(${distinct}), COUNTA(${distinct})), "")`;
};

/** One cell of the Dashboard: a label (text) or a formula, with an optional number format. */
export interface DashboardCell {
  row: number;
  column: number;
  content: string;
  format?: string;
}

/** A labelled figure: label in column A, formula in B (row results spill into C:E). */
interface Line {
  label: string;
  formula: string;
  format?: string;
}

const CORNER_KEYS = CORNERS.map((corner) => corner.toLowerCase());
/** Columns of the scorecard trend table (and its line chart): the corners, then learning velocity. */
export const TREND_KEYS = [...CORNER_KEYS, 'learningVelocity'];
export const DASHBOARD_WIDTH = 1 + TREND_KEYS.length;
/** Rows of the Dashboard, fixed so other formulas and the charts can point at them. */
export const DASHBOARD_ROWS = {
  latestCycle: 3,
  previousCycle: 4,
  cornerHeader: 6,
  latestMeans: 7,
  gap: 8,
  previousMeans: 9,
  firstFigure: 11,
  quarterHeader: 31,
  quarterFirst: 32,
  quarterCount: 20,
  // Corners per side of the latest cycle (a row per side, for the bar chart with the threshold).
  sideHeader: 53,
  ourMeans: 54,
  partnerMeans: 55,
  threshold: 56,
  sideGapHeader: 58,
  sideGap: 59,
  valueFirstFigure: 61,
  valueQuarterHeader: 71,
  valueQuarterFirst: 72,
  valueQuarterCount: 8,
  // The trend over every cycle (the latest CYCLE_TREND_COUNT when there are more): both sides,
  // then each side, a row per cycle in the order the cycles opened.
  cycleTrendTitle: 81,
  cycleTrendHeader: 82,
  cycleTrendFirst: 83,
  cycleTrendCount: 16,
  ourTrendHeader: 100,
  ourTrendFirst: 101,
  partnerTrendHeader: 118,
  partnerTrendFirst: 119,
} as const;

/** Label of the figure whose value is the focus now (the open cycle's, by the +2 rule). */
export const FOCUS_FIGURE = 'Focus (the +2 rule across cycles)';

/** Labels of the value figures other modules point at (the portfolio's named ranges). */
export const VALUE_FIGURES = {
  ropi: 'ROPI, latest quarter (value ÷ investment)',
  psat: 'PSAT (satisfaction ≥ 8), latest scorecard quarter',
} as const;

/**
 * A balance each way (RECIPROCITY: the smaller side's total ÷ the larger's) is a ratio, 1 = even,
 * shown as one, never as a percentage (0.5 is "half as much back", not "50%" of anything).
 */
export const RATIO_FORMAT = '0.00';
export const balanceLabel = (what: string): string => `Balance of ${what} (1 = even)`;
export const DISCLOSURE_BALANCE_LABEL = 'Disclosure balance (entries each way, 1 = even)';

/** Kinds of exchange whose balance each way the Dashboard shows: Value Exchange column keys. */
export const EXCHANGE_KINDS = ['leads', 'referrals', 'dealsInfluenced'] as const;

/**
 * The Dashboard's formulas, written from the tables' current layout (so moved columns are
 * followed: Repair rewrites them). Only functions both Google Sheets and the test engine know.
 */
export function dashboardCells(t: DashboardLayouts): DashboardCell[] {
  const cycle = columnRange(t.assessments, 'cycle');
  const date = columnRange(t.assessments, 'date');
  const side = columnRange(t.assessments, 'side');
  const ratings = ratingsRange(t.assessments, CORNER_KEYS);
  const responses = columnRange(t.assessments, 'responses');
  /** The rows of one cycle (the cycle named in column B of `row`); blank when it has none. */
  const ofCycle = (range: string, row: number): string => `IFERROR(FILTER(${range}, ${cycle}=B${row}), "")`;
  const cell = (key: string): string =>
    `${sheetRef(t.partnership.sheet.getName())}!${columnLetters(t.partnership.columnOf.get(key) as number)}2`;
  const model = cell('model');
  const due = columnRange(t.commitments, 'dueDate');
  const done = columnRange(t.commitments, 'doneOn');
  const flagged = columnRange(t.commitments, 'flaggedOn');
  const status = columnRange(t.commitments, 'status');
  // The evidence metrics of domain/commitments.ts as array arithmetic over whole days (INT drops
  // a time of day; TODAY() is the spreadsheet's day). Done or flagged after today has not happened.
  // Only commitments both sides took on count: a Proposed, Declined or Withdrawn row is 0 here.
  const takenOn = NOT_TAKEN_ON.map((kept) => `(${status}<>"${kept}")`).join('*');
  const doneByNow = `(${done}<>"")*(INT(${done})<=TODAY())`;
  const dueSoFar = `${takenOn}*(${due}<>"")*((INT(${due})<TODAY())+(INT(${due})=TODAY())*${doneByNow})`;
  const onTime = `${dueSoFar}*${doneByNow}*(INT(${done})<=INT(${due}))`;
  const slipped = `${takenOn}*(${due}<>"")*(${doneByNow}*(INT(${done})>INT(${due}))+(1-${doneByNow})*(INT(${due})<TODAY()))`;
  const flaggedEarly = `${slipped}*(${flagged}<>"")*(INT(${flagged})<=TODAY())*(INT(${flagged})<INT(${due}))`;
  const owner = columnRange(t.commitments, 'ownerPerson');
  const ledgerSide = columnRange(t.disclosures, 'side');
  const decision = columnRange(t.disclosures, 'decision');
  // Ledger rows that record a decision not to share count for nothing (an empty ledger: Early).
  const shared = (column: string): string =>
    `IFERROR(FILTER(${column}, ${[...NOT_SHARED].map((kept) => `${decision}<>"${kept}"`).join(', ')}), "")`;
  const stage = columnRange(t.disclosures, 'stage');
  const quarter = columnRange(t.scorecard, 'quarter');
  const auditQuarter = columnRange(t.competenceAudit, 'quarter');
  const alignmentQuarter = columnRange(t.alignmentAudit, 'quarter');
  const alignmentMark = columnRange(t.alignmentAudit, 'mark');
  const satisfaction = columnRange(t.scorecard, 'satisfaction');
  const R = DASHBOARD_ROWS;

  const cells: DashboardCell[] = [];
  const put = (row: number, column: number, content: string, format?: string): void => {
    cells.push({ row, column, content, format });
  };
  const line = (row: number, { label, formula, format }: Line): void => {
    put(row, 1, label);
    put(row, 2, formula, format);
  };
  /** A row result spills into C:E, and spilled cells show with their own cell's number format. */
  const rowLine = (row: number, figure: Line): void => {
    line(row, figure);
    for (let column = 3; column <= 1 + CORNERS.length; column++) put(row, column, '', figure.format);
  };
  put(1, 1, 'Trust Corners dashboard');
  put(1, 2, 'Formulas only: Repair workbook rewrites this sheet.');
  line(R.latestCycle, { label: 'Latest cycle', formula: `=IFERROR(INDEX(FILTER(${cycle}, ${date}=MAX(${date})), 1), "")` });
  line(R.previousCycle, {
    label: 'Previous cycle',
    formula: `=IFERROR(INDEX(FILTER(${cycle}, ${date}=MAX(FILTER(${date}, ${date}<MIN(FILTER(${date}, ${cycle}=B${R.latestCycle}))))), 1), "")`,
  });
  put(R.cornerHeader, 1, 'Corner');
  CORNERS.forEach((corner, index) => put(R.cornerHeader, 2 + index, corner));
  rowLine(R.latestMeans, { label: 'Mean, latest cycle', formula: `=CORNER_SCORES(${ofCycle(ratings, R.latestCycle)}, ${ofCycle(responses, R.latestCycle)})`, format: '0.0' });
  // Our company − partner company, as on the Partnership sheet and in every view (the side block
  // below computes it; PERCEPTION_GAP's first-appearance order would flip with who answered first).
  put(R.gap, 1, `=A${R.sideGap}`);
  CORNERS.forEach((_, index) => {
    const at = `${columnLetters(2 + index)}${R.sideGap}`;
    put(R.gap, 2 + index, `=IF(${at}="", "", ${at})`, '+0.0;-0.0;0');
  });
  rowLine(R.previousMeans, { label: 'Mean, previous cycle', formula: `=CORNER_SCORES(${ofCycle(ratings, R.previousCycle)}, ${ofCycle(responses, R.previousCycle)})`, format: '0.0' });
  const means = `B${R.latestMeans}:E${R.latestMeans}`;
  const lines: Line[] = [    { label: 'Weakest corner', formula: `=IFERROR(WEAKEST_CORNER(${means}, ${model}), "")` },
    { label: 'Corners at risk (mean ≤ 6)', formula: `=IFERROR(CORNERS_AT_RISK(${means}), "")` },
    // The focus across every cycle, as Home and Results have it (not only the last two cycles): the
    // Cycles sheet's order and recorded focus, the +2 rule for the open one. Errors show (#ERROR!
    // with the row at fault) rather than a blank that would look like "no focus".
    {
      label: FOCUS_FIGURE,
      formula: `=CYCLE_FOCUS(${ratings}, ${cycle}, ${date}, ${responses}, ${columnRange(t.cycles, 'name')}, ${columnRange(t.cycles, 'openedOn')}, ${columnRange(t.cycles, 'closedOn')}, ${columnRange(t.cycles, 'focus')}, ${model})`,
    },
    // Built-ins, not ON_TIME_RATE / EARLY_WARNING_RATE: Sheets recomputes a custom function only
    // when its inputs change, so "due so far" would not move with the calendar. Same rules (domain).
    { label: 'On-time rate', formula: `=IFERROR(SUMPRODUCT(${onTime})/SUMPRODUCT(${dueSoFar}), "")`, format: '0%' },
    { label: 'Early-warning rate', formula: `=IFERROR(SUMPRODUCT(${flaggedEarly})/SUMPRODUCT(${slipped}), "")`, format: '0%' },
    {
      label: 'Overdue commitments',
      formula: `=COUNTIFS(${due}, "<"&TODAY(), ${done}, "", ${['Done', 'Dropped', 'Renegotiated', 'Missed', ...NOT_TAKEN_ON].map((ended) => `${status}, "<>${ended}"`).join(', ')})`,
      format: '0',
    },
    { label: 'Our company may next share up to', formula: `=IFERROR(DISCLOSURE_NEXT_STAGE(${shared(ledgerSide)}, ${shared(stage)}, ${cell('partnerCompany')}), "")` },
    { label: 'Partner may next share up to', formula: `=IFERROR(DISCLOSURE_NEXT_STAGE(${shared(ledgerSide)}, ${shared(stage)}, ${cell('ourCompany')}), "")` },
    { label: 'pNPS (partner satisfaction, all quarters)', formula: `=IFERROR(PNPS(${satisfaction}), "")`, format: '0' },
    { label: 'Champion risk (busiest owner’s share)', formula: `=IFERROR(CHAMPION_RISK(${owner}), "")`, format: '0%' },
    { label: 'Days to reassessment', formula: `=IF(${cell('nextReassessment')}="", "", ${cell('nextReassessment')}-TODAY())`, format: '0' },
  ];
  // Audit figures refer to their own "latest quarter" line, so its row is taken as it is added.
  const auditQuarterRow = R.firstFigure + lines.length;
  lines.push({ label: 'Competence audit: latest quarter', formula: `=${latestQuarter(auditQuarter)}` });
  for (const key of ['domainExpertise', 'executionCapacity', 'learningVelocity'] as const) {
    lines.push({
      label: `Competence · ${t.competenceAudit.table.columns.find((column) => column.key === key)?.header.toLowerCase()}`,
      formula: `=IFERROR(AVERAGE(FILTER(${columnRange(t.competenceAudit, key)}, ${auditQuarter}=B${auditQuarterRow})), "")`,
      format: '0.0',
    });
  }
  const alignmentQuarterRow = R.firstFigure + lines.length;
  lines.push({ label: 'Alignment audit: latest quarter', formula: `=${latestQuarter(alignmentQuarter)}` });
  lines.push({
    label: 'Alignment: share of answers aligned',
    formula: `=IFERROR(COUNTIFS(${alignmentQuarter}, B${alignmentQuarterRow}, ${alignmentMark}, "Aligned")/COUNTIFS(${alignmentQuarter}, B${alignmentQuarterRow}, ${alignmentMark}, "<>"), "")`,
    format: '0%',
  });
  if (R.firstFigure + lines.length >= R.quarterHeader) throw new Error('Dashboard figures run into the quarter table');
  lines.forEach((figure, index) => line(R.firstFigure + index, figure));

  // Scorecard trend: one row per quarter (ascending), mean of both sides per corner.
  put(R.quarterHeader, 1, 'Quarter');
  TREND_KEYS.forEach((key, index) => put(R.quarterHeader, 2 + index, t.scorecard.table.columns.find((column) => column.key === key)?.header ?? key));
  // IFERROR inside: with no quarters FILTER is an error, and SORT(UNIQUE("")) is a blank cell.
  put(R.quarterFirst, 1, `=SORT(UNIQUE(IFERROR(FILTER(${quarter}, ${quarter}<>""), "")))`);
  for (let offset = 0; offset < R.quarterCount; offset++) {
    const row = R.quarterFirst + offset;
    TREND_KEYS.forEach((key, index) => {
      const corner = columnRange(t.scorecard, key);
      put(
        row,
        2 + index,
        `=IF($A${row}="", "", IFERROR(SUMIFS(${corner}, ${quarter}, $A${row})/COUNTIFS(${quarter}, $A${row}, ${corner}, "<>"), ""))`,
        '0.0',
      );
    });
  }
  cells.push(...sideAndValueCells(t, { cell, ofCycle, ratings, responses, side, cycle, shared, ledgerSide, satisfaction, quarter }));
  const focusRow = R.firstFigure + lines.findIndex((figure) => figure.label === FOCUS_FIGURE);
  cells.push(...cycleTrendCells(t, { cell, ratings, responses, side, cycle, focusNow: `$B$${focusRow}` }));
  return cells;
}

interface SharedRefs {
  cell: (key: string) => string;
  ofCycle: (range: string, row: number) => string;
  ratings: string;
  responses: string;
  side: string;
  cycle: string;
  shared: (column: string) => string;
  ledgerSide: string;
  satisfaction: string;
  quarter: string;
}

/**
 * The corners per side with the attention threshold, the perception gap ours − partner (as the
 * Partnership sheet names the companies), and the value exchanged: figures for the latest quarter
 * and a table per quarter for the trend chart. Blocks below the scorecard table, so the rows
 * other formulas and the portfolio's names point at do not move.
 */
function sideAndValueCells(t: DashboardLayouts, refs: SharedRefs): DashboardCell[] {
  const R = DASHBOARD_ROWS;
  const cells: DashboardCell[] = [];
  const put = (row: number, column: number, content: string, format?: string): void => {
    cells.push({ row, column, content, format });
  };
  const header = (row: number): void => {
    put(row, 1, 'Corner');
    CORNERS.forEach((corner, index) => put(row, 2 + index, corner));
  };
  const spillRow = (row: number, label: string, formula: string, format: string): void => {
    put(row, 1, label);
    put(row, 2, formula, format);
    for (let column = 3; column <= 1 + CORNERS.length; column++) put(row, column, '', format);
  };
  const ours = refs.cell('ourCompany');
  const partner = refs.cell('partnerCompany');
  const ofSide = (range: string, company: string): string =>
    `IFERROR(FILTER(${range}, ${refs.cycle}=B${R.latestCycle}, ${refs.side}=${company}), "")`;
  // IFERROR, not IF(company="", …): IF does not pass a row result through in every engine.
  const sideMeans = (company: string): string =>
    `=IFERROR(CORNER_SCORES(${ofSide(refs.ratings, company)}, ${ofSide(refs.responses, company)}), "")`;

  header(R.sideHeader);
  // Column A names the series of the chart: the two companies, as typed on the Partnership sheet.
  spillRow(R.ourMeans, `=IF(${ours}="", "Our company", ${ours})`, sideMeans(ours), '0.0');
  spillRow(R.partnerMeans, `=IF(${partner}="", "Partner company", ${partner})`, sideMeans(partner), '0.0');
  put(R.threshold, 1, `Attention threshold (${DEFAULT_ATTENTION_THRESHOLD})`);
  CORNERS.forEach((_, index) => put(R.threshold, 2 + index, `=${DEFAULT_ATTENTION_THRESHOLD}`, '0'));
  header(R.sideGapHeader);
  put(R.sideGap, 1, `="Perception gap ("&A${R.ourMeans}&" − "&A${R.partnerMeans}&")"`);
  CORNERS.forEach((_, index) => {
    const letter = columnLetters(2 + index);
    const [mine, theirs] = [`${letter}${R.ourMeans}`, `${letter}${R.partnerMeans}`];
    put(R.sideGap, 2 + index, `=IF(OR(${mine}="", ${theirs}=""), "", ${mine}-${theirs})`, '+0.0;-0.0;0');
  });

  const exchange = t.valueExchange;
  const veQuarter = columnRange(exchange, 'quarter');
  const veSide = columnRange(exchange, 'side');
  const revenue = columnRange(exchange, 'revenueInfluenced');
  const investment = columnRange(exchange, 'investment');
  const inQuarter = (range: string, row: string): string => `FILTER(${range}, ${veQuarter}=${row})`;
  const headerOf = (key: string): string => exchange.table.columns.find((column) => column.key === key)?.header ?? key;
  const balance = (key: string, row: string): string =>
    `IFERROR(RECIPROCITY(${inQuarter(veSide, row)}, ${inQuarter(columnRange(exchange, key), row)}), "")`;
  const ropi = (row: string): string => `IFERROR(ROPI(${inQuarter(revenue, row)}, ${inQuarter(investment, row)}), "")`;
  const psatOf = (row: string): string => `IFERROR(PSAT(FILTER(${refs.satisfaction}, ${refs.quarter}=${row})), "")`;
  const latest = `$B$${R.valueFirstFigure}`;
  const sharedSides = refs.shared(refs.ledgerSide);
  const figures: Line[] = [
    { label: 'Value exchange: latest quarter', formula: `=${latestQuarter(veQuarter)}` },
    { label: VALUE_FIGURES.ropi, formula: `=${ropi(latest)}`, format: '0.00' },
    { label: 'ROPI, all quarters', formula: `=IFERROR(ROPI(${revenue}, ${investment}), "")`, format: '0.00' },
    ...EXCHANGE_KINDS.map((key) => ({ label: balanceLabel(`${headerOf(key).toLowerCase()}, latest quarter`), formula: `=${balance(key, latest)}`, format: RATIO_FORMAT })),
    { label: 'Revenue influenced, latest quarter', formula: `=IF(${latest}="", "", SUMIFS(${revenue}, ${veQuarter}, ${latest}))`, format: '#,##0' },
    { label: VALUE_FIGURES.psat, formula: `=${psatOf(latestQuarter(refs.quarter))}`, format: '0%' },
    // Every ledger entry that was shared counts one, each way: the same rule as RECIPROCITY.
    { label: DISCLOSURE_BALANCE_LABEL, formula: `=IFERROR(RECIPROCITY(${sharedSides}, ARRAYFORMULA(IF(${sharedSides}="", "", 1))), "")`, format: RATIO_FORMAT },
  ];
  if (R.valueFirstFigure + figures.length >= R.valueQuarterHeader) throw new Error('Dashboard value figures run into the value table');
  figures.forEach(({ label, formula, format }, index) => {
    put(R.valueFirstFigure + index, 1, label);
    put(R.valueFirstFigure + index, 2, formula, format);
  });

  // Value trend: one row per quarter of the Value Exchange (ascending). Balances and PSAT share
  // the 0–1 scale of the trend chart; ROPI, on its own scale, comes last and stays out of it.
  put(R.valueQuarterHeader, 1, 'Quarter');
  EXCHANGE_KINDS.forEach((key, index) => put(R.valueQuarterHeader, 2 + index, balanceLabel(headerOf(key).toLowerCase())));
  put(R.valueQuarterHeader, 2 + EXCHANGE_KINDS.length, 'PSAT');
  put(R.valueQuarterHeader, 3 + EXCHANGE_KINDS.length, 'ROPI');
  put(R.valueQuarterFirst, 1, `=SORT(UNIQUE(IFERROR(FILTER(${veQuarter}, ${veQuarter}<>""), "")))`);
  for (let offset = 0; offset < R.valueQuarterCount; offset++) {
    const row = R.valueQuarterFirst + offset;
    const at = `$A${row}`;
    const guarded = (formula: string): string => `=IF(${at}="", "", ${formula})`;
    EXCHANGE_KINDS.forEach((key, index) => put(row, 2 + index, guarded(balance(key, at)), RATIO_FORMAT));
    put(row, 2 + EXCHANGE_KINDS.length, guarded(psatOf(at)), '0%');
    put(row, 3 + EXCHANGE_KINDS.length, guarded(ropi(at)), '0.00');
  }
  return cells;
}

interface TrendRefs {
  cell: (key: string) => string;
  ratings: string;
  responses: string;
  side: string;
  cycle: string;
  /** The Dashboard cell holding the focus now: the open cycle's focus by the +2 rule. */
  focusNow: string;
}

/**
 * The trend over every cycle (DOMAIN.md "The trend"; domain/trend.ts cornerTrend computes the
 * same): a row per cycle of the Cycles sheet in the order they opened, each corner's mean of both
 * sides, then a block per side. Column F holds the cycle's name (what the row's formulas look up);
 * column A its caption for the chart: the name, the focus, and whether the cycle is one-sided,
 * sealed or still open. Only built-ins and CORNER_SCORES, so Sheets and the test engine agree.
 */
function cycleTrendCells(t: DashboardLayouts, refs: TrendRefs): DashboardCell[] {
  const R = DASHBOARD_ROWS;
  const cells: DashboardCell[] = [];
  const put = (row: number, column: number, content: string, format?: string): void => {
    cells.push({ row, column, content, format });
  };
  const names = columnRange(t.cycles, 'name');
  const opened = columnRange(t.cycles, 'openedOn');
  const closed = columnRange(t.cycles, 'closedOn');
  const focus = columnRange(t.cycles, 'focus');
  const anonymity = columnRange(t.cycles, 'anonymity');
  const ours = refs.cell('ourCompany');
  const partner = refs.cell('partnerCompany');
  const count = R.cycleTrendCount;
  // Sorted by Opened on (SORT's TRUE is ascending in Sheets and 1, ascending, in Excel-style engines).
  const sorted = `SORT(FILTER({${names}, ${opened}}, ${names}<>""), 2, TRUE)`;
  const total = `COUNTIF(${names}, "<>")`;
  const header = (row: number, first: string): void => {
    put(row, 1, first);
    CORNERS.forEach((corner, index) => put(row, 2 + index, corner));
  };
  const meansOf = (key: string, company?: string): string => {
    const where = `${refs.cycle}=${key}, ${refs.cycle}<>""${company ? `, ${refs.side}=${company}` : ''}`;
    return `=IFERROR(CORNER_SCORES(FILTER(${refs.ratings}, ${where}), FILTER(${refs.responses}, ${where})), "")`;
  };
  const meanCells = (row: number, formula: string): void => {
    put(row, 2, formula, '0.0');
    for (let column = 3; column <= 1 + CORNERS.length; column++) put(row, column, '', '0.0');
  };

  put(R.cycleTrendTitle, 1, `Each corner’s mean per cycle (the trend; the latest ${count} cycles)`);
  header(R.cycleTrendHeader, 'Cycle · focus · notes');
  put(R.cycleTrendHeader, 2 + CORNERS.length, 'Cycle');
  for (let offset = 0; offset < count; offset++) {
    const row = R.cycleTrendFirst + offset;
    const key = `$F${row}`;
    put(row, 2 + CORNERS.length, `=IFERROR(INDEX(${sorted}, MAX(0, ${total}-${count})+${offset + 1}, 1), "")`);
    const isOpen = `COUNTIFS(${names}, ${key}, ${closed}, "")>0`;
    const recorded = `IFERROR(INDEX(FILTER(${focus}, ${names}=${key}), 1), "")`;
    const focusOf = `IF(${isOpen}, ${refs.focusNow}, ${recorded})`;
    const oursAnswered = `COUNTIFS(${refs.cycle}, ${key}, ${refs.side}, ${ours})`;
    const partnerAnswered = `COUNTIFS(${refs.cycle}, ${key}, ${refs.side}, ${partner})`;
    const caption = [
      key,
      `IF(${focusOf}="", "", " · focus "&${focusOf})`,
      `IF(AND(${oursAnswered}>0, ${partnerAnswered}=0), " · one-sided (only "&${ours}&")", IF(AND(${partnerAnswered}>0, ${oursAnswered}=0), " · one-sided (only "&${partner}&")", ""))`,
      `IF(COUNTIFS(${names}, ${key}, ${anonymity}, "Sealed")>0, " · sealed", "")`,
      `IF(${isOpen}, " · open", "")`,
      `IF(COUNTIF(${refs.cycle}, ${key})=0, " · no answers", "")`,
    ].join('&');
    put(row, 1, `=IF(${key}="", "", ${caption})`);
    meanCells(row, meansOf(key));
  }
  const sideBlock = (headerRow: number, firstRow: number, company: string, fallback: string): void => {
    header(headerRow, `=IF(${company}="", "${fallback}", ${company})&" per cycle"`);
    for (let offset = 0; offset < count; offset++) {
      const key = `$F${R.cycleTrendFirst + offset}`;
      put(firstRow + offset, 1, `=IF(${key}="", "", ${key})`);
      meanCells(firstRow + offset, meansOf(key, company));
    }
  };
  sideBlock(R.ourTrendHeader, R.ourTrendFirst, ours, 'Our company');
  sideBlock(R.partnerTrendHeader, R.partnerTrendFirst, partner, 'Partner company');
  return cells;
}
