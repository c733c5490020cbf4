import { afterEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { createFormulaEvaluator } from '../../runtime/formulas/evaluator';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';
import { loadExamplePartnership } from '../../src/workbook/load-example';
import { setUpWorkbook } from '../../src/workbook/setup';
import { examplePartnership } from '../../src/workbook/example';
import { CORNERS, DEFAULT_ATTENTION_THRESHOLD } from '../../src/domain/corners';
import { exampleMeansOf } from '../support/example-means';
import { partnerSatisfaction, reciprocity, returnOnInvestment } from '../../src/domain/value';
import { NOT_SHARED } from '../../src/domain/disclosure-advisor';
import { DASHBOARD_ROWS, EXCHANGE_KINDS, VALUE_FIGURES } from '../../src/workbook/dashboard';
import { PORTFOLIO_NAMES } from '../../src/workbook/portfolio';
import { SIDE_COLOURS, THRESHOLD_COLOUR, GAP_COLOUR } from '../../src/palette';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const TODAY = new Date(2026, 10, 24);
const R = DASHBOARD_ROWS;

function workbook(load: boolean): { double: AppsScriptDouble; values: unknown[][]; errors: unknown[] } {
  const evaluator = createFormulaEvaluator(customFunctionDecls(), { now: () => TODAY });
  const double = createAppsScriptDouble({ formulaEvaluator: evaluator });
  uninstall = double.install(globalThis);
  if (load) loadExamplePartnership(TODAY);
  else setUpWorkbook();
  return { double, values: double.inspect.values('Dashboard'), errors: evaluator.lastErrors() };
}

const ratio = (result: ReturnType<typeof reciprocity> | ReturnType<typeof returnOnInvestment>): number | '' =>
  result.status === 'ratio' ? result.ratio : '';

describe('Dashboard: corners per side and value exchange, on the example partnership', () => {
  const example = examplePartnership(TODAY);
  const [ours, partner] = [example.partnership.ourCompany as string, example.partnership.partnerCompany as string];
  const figure = (values: unknown[][], label: string) => values.find((row) => row[0] === label)?.[1];

  it('shows each company\'s means of the latest cycle, the threshold and the gap ours − partner', () => {
    const { values, errors } = workbook(true);
    expect(errors).toEqual([]);
    const latestCycle = values[R.latestCycle - 1][1];
    const { mine, theirs } = exampleMeansOf(example, latestCycle, ours, partner);
    expect(values[R.ourMeans - 1][0]).toBe(ours);
    expect(values[R.partnerMeans - 1][0]).toBe(partner);
    expect(values[R.sideGap - 1][0]).toBe(`Perception gap (${ours} − ${partner})`);
    CORNERS.forEach((corner, index) => {
      expect(values[R.sideHeader - 1][1 + index]).toBe(corner);
      expect(values[R.ourMeans - 1][1 + index]).toBeCloseTo(mine[corner] as number, 9);
      expect(values[R.partnerMeans - 1][1 + index]).toBeCloseTo(theirs[corner] as number, 9);
      expect(values[R.threshold - 1][1 + index]).toBe(DEFAULT_ATTENTION_THRESHOLD);
      expect(values[R.sideGap - 1][1 + index]).toBeCloseTo((mine[corner] as number) - (theirs[corner] as number), 9);
    });
  });

  it('computes the value figures of the latest quarter as the domain rules do', () => {
    const { double, values } = workbook(true);
    const latest = [...new Set(example.valueExchange.map((row) => row.quarter as string))].sort().at(-1)!;
    const rows = example.valueExchange.filter((row) => row.quarter === latest);
    const amount = (value: unknown): number | null => (typeof value === 'number' ? value : null);
    const ropiOf = (subset: typeof rows) => ratio(returnOnInvestment(subset.map((row) => ({ value: amount(row.revenueInfluenced), investment: amount(row.investment) }))));
    const balanceOf = (subset: typeof rows, key: string) =>
      ratio(reciprocity(subset.filter((row) => amount(row[key]) !== null).map((row) => ({ side: row.side as string, amount: row[key] as number }))));

    expect(figure(values, 'Value exchange: latest quarter')).toBe(latest);
    expect(figure(values, 'ROPI, latest quarter (value ÷ investment)')).toBeCloseTo(ropiOf(rows) as number, 9);
    expect(figure(values, 'ROPI, all quarters')).toBeCloseTo(ropiOf(example.valueExchange) as number, 9);
    expect(figure(values, 'Balance of leads, latest quarter (1 = even)')).toBeCloseTo(balanceOf(rows, 'leads') as number, 9);
    expect(figure(values, 'Balance of referrals, latest quarter (1 = even)')).toBeCloseTo(balanceOf(rows, 'referrals') as number, 9);
    expect(figure(values, 'Balance of deals influenced, latest quarter (1 = even)')).toBeCloseTo(balanceOf(rows, 'dealsInfluenced') as number, 9);
    // A balance is a ratio (1 = even), never shown as a percentage.
    const balanceRows = values.map((row, index) => [String(row[0]), index + 1] as const).filter(([label]) => label.includes('1 = even'));
    expect(balanceRows.length).toBe(EXCHANGE_KINDS.length + 1);
    for (const [, row] of balanceRows) expect(double.inspect.cell('Dashboard', `B${row}`).numberFormat).toBe('0.00');
    const named = double.inspect.namedRanges();
    const rowOf = (label: string) => values.findIndex((row) => row[0] === label) + 1;
    expect(named.find((range) => range.name === PORTFOLIO_NAMES.ropi)?.range).toBe(`Dashboard!B${rowOf(VALUE_FIGURES.ropi)}`);
    expect(named.find((range) => range.name === PORTFOLIO_NAMES.psat)?.range).toBe(`Dashboard!B${rowOf(VALUE_FIGURES.psat)}`);
    expect(figure(values, 'Revenue influenced, latest quarter')).toBe(rows.reduce((sum, row) => sum + (row.revenueInfluenced as number), 0));

    const scorecardLatest = [...new Set(example.scorecard.map((row) => row.quarter as string))].sort().at(-1);
    const ratings = example.scorecard.filter((row) => row.quarter === scorecardLatest).map((row) => row.satisfaction as number);
    expect(figure(values, 'PSAT (satisfaction ≥ 8), latest scorecard quarter')).toBeCloseTo(partnerSatisfaction(ratings) as number, 9);

    const shared = example.disclosures.filter((row) => !NOT_SHARED.has(String((row as Record<string, unknown>).decision ?? '')));
    const disclosureBalance = ratio(reciprocity(shared.map((row) => ({ side: String(row.side), amount: 1 }))));
    expect(disclosureBalance).toBeGreaterThan(0);
    expect(figure(values, 'Disclosure balance (entries each way, 1 = even)')).toBeCloseTo(disclosureBalance as number, 9);
  });

  it('tabulates every quarter of the value exchange for the trend chart', () => {
    const { values } = workbook(true);
    const quarters = [...new Set(example.valueExchange.map((row) => row.quarter as string))].sort();
    const table = values.slice(R.valueQuarterFirst - 1, R.valueQuarterFirst - 1 + R.valueQuarterCount);
    expect(table.filter((row) => row[0] !== '').map((row) => row[0])).toEqual(quarters);
    quarters.forEach((quarter, index) => {
      const rows = example.valueExchange.filter((row) => row.quarter === quarter && typeof row.leads === 'number');
      const expected = ratio(reciprocity(rows.map((row) => ({ side: row.side as string, amount: row.leads as number }))));
      expect(table[index][1]).toBeCloseTo(expected as number, 9);
      const value = example.valueExchange.filter((row) => row.quarter === quarter);
      const ropi = ratio(returnOnInvestment(value.map((row) => ({ value: row.revenueInfluenced as number, investment: row.investment as number }))));
      expect(table[index][2 + EXCHANGE_KINDS.length]).toBeCloseTo(ropi as number, 9);
    });
    expect(table.slice(quarters.length).every((row) => row.slice(0, 6).every((cell) => cell === ''))).toBe(true);
  });

  it('draws the per-side bars with a dashed threshold line and the gap, in the one palette', () => {
    const { double } = workbook(true);
    const charts = double.inspect.charts('Dashboard');
    const perSide = charts.find((chart) => String(chart.options.title).startsWith('Corners per side'))!;
    expect(perSide.type).toBe('COMBO');
    expect(perSide.ranges).toEqual([`Dashboard!A${R.sideHeader}:E${R.threshold}`]);
    expect(perSide.transpose).toBe(true);
    expect(perSide.options.colors).toEqual([SIDE_COLOURS.ours, SIDE_COLOURS.partner, THRESHOLD_COLOUR]);
    expect(perSide.options.series).toEqual({ 2: { type: 'line', color: THRESHOLD_COLOUR, lineDashStyle: [4, 4], pointSize: 0 } });
    const gap = charts.find((chart) => String(chart.options.title).startsWith('Perception gap'))!;
    expect(gap.ranges).toEqual([`Dashboard!A${R.sideGapHeader}:E${R.sideGap}`]);
    expect(gap.options.colors).toEqual([GAP_COLOUR]);
    // No two charts overlap: each stands 15 rows below the previous one at least.
    const anchors = charts.map((chart) => chart.anchorRow).sort((a, b) => a - b);
    anchors.slice(1).forEach((anchor, index) => expect(anchor - anchors[index]).toBeGreaterThanOrEqual(15));
  });
});

describe('the user guide\'s Value Exchange formulas (docs/user-guide.md), typed into a sheet', () => {
  it('read the sheet as laid out: ROPI over two columns, RECIPROCITY picking a kind by its title', () => {
    const { double } = workbook(true);
    const example = examplePartnership(TODAY);
    const sheet = double.spreadsheet.insertSheet('Check');
    sheet.getRange('A1').setFormula(`=ROPI('Value Exchange'!F2:F, 'Value Exchange'!G2:G)`);
    sheet.getRange('A2').setFormula(`=RECIPROCITY('Value Exchange'!B1:B, 'Value Exchange'!C1:E, "Referrals")`);
    const [[ropi], [referrals]] = double.inspect.values('Check');
    const rows = example.valueExchange;
    expect(ropi).toBeCloseTo(ratio(returnOnInvestment(rows.map((row) => ({ value: row.revenueInfluenced as number, investment: row.investment as number })))) as number, 9);
    const given = rows.filter((row) => typeof row.referrals === 'number').map((row) => ({ side: row.side as string, amount: row.referrals as number }));
    expect(referrals).toBeCloseTo(ratio(reciprocity(given)) as number, 9);
  });
});

describe('Dashboard value figures with no data', () => {
  it('are blank, never an error', () => {
    const { values, errors } = workbook(false);
    expect(errors).toEqual([]);
    for (const row of [R.ourMeans, R.partnerMeans, R.sideGap]) expect(values[row - 1].slice(1, 5)).toEqual(['', '', '', '']);
    const figures = values.slice(R.valueFirstFigure - 1, R.valueQuarterHeader - 2).filter((row) => row[0] !== '');
    expect(figures.length).toBeGreaterThan(5);
    for (const row of figures) expect(row[1]).toBe('');
  });
});
