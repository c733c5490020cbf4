import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { CORNERS, type Corner, parseCorner } from '../../src/domain/corners';
import type { CycleAnonymity } from '../../src/domain/cycles';
import { type TrendAnswer, type TrendCycleRecord, cornerTrend } from '../../src/domain/trend';
import { DASHBOARD_ROWS, FOCUS_FIGURE } from '../../src/workbook/dashboard';
import { dashboardCharts } from '../../src/workbook/dashboard-charts';
import { as, double, useExampleWithFormulas } from '../support/workbook-double';

/**
 * The Dashboard's trend block and chart, evaluated by HyperFormula from the sheets, against the
 * domain's cornerTrend computed from the same rows: one trend, whichever view a partner reads.
 */
const TODAY = new Date('2026-11-24T12:00:00Z');
const ACME = 'Acme Analytics';
const BETA = 'Beta Cloud';

const formulaErrors = useExampleWithFormulas(TODAY);

/** A sheet's rows as records by header. */
function table(name: string): Array<Record<string, unknown>> {
  const [headers, ...rows] = double.inspect.values(name);
  return rows.filter((row) => row.some((cell) => cell !== '')).map((row) => Object.fromEntries(headers.map((header, index) => [String(header), row[index]])));
}
const dateOf = (value: unknown): Date | null => (value instanceof Date ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** cornerTrend over what the sheets hold: the domain's answer to compare the Dashboard with. */
function domainTrend() {
  const answers: TrendAnswer[] = table('Assessments').map((row) => ({
    cycle: String(row.Cycle),
    date: dateOf(row.Date),
    side: String(row.Side),
    weight: num(row.Responses) ?? 1,
    ratings: Object.fromEntries(CORNERS.map((corner) => [corner, num(row[corner])])) as Record<Corner, number | null>,
  }));
  const cycles: TrendCycleRecord[] = table('Cycles').map((row) => ({
    name: String(row.Cycle),
    openedOn: dateOf(row['Opened on']) as Date,
    closedOn: dateOf(row['Closed on']),
    focus: parseCorner(String(row['Focus corner'])) ?? null,
    anonymity: (String(row.Anonymity) || undefined) as CycleAnonymity | undefined,
  }));
  return cornerTrend({ answers, cycles, ourCompany: ACME, partnerCompany: BETA, model: 'Strategic' });
}

function dashboardTrend() {
  const values = double.inspect.values('Dashboard');
  const block = (first: number) =>
    values
      .slice(first - 1, first - 1 + DASHBOARD_ROWS.cycleTrendCount)
      .filter((row) => row[0] !== '')
      .map((row) => ({ label: String(row[0]), means: row.slice(1, 5).map((cell) => (cell === '' ? null : (cell as number))), key: row[5] }));
  return { both: block(DASHBOARD_ROWS.cycleTrendFirst), ours: block(DASHBOARD_ROWS.ourTrendFirst), partner: block(DASHBOARD_ROWS.partnerTrendFirst), values };
}

function expectMeans(actual: Array<number | null>, expected: Record<Corner, number | null>): void {
  CORNERS.forEach((corner, index) => {
    const want = expected[corner];
    if (want === null) expect(actual[index]).toBeNull();
    else expect(actual[index]).toBeCloseTo(want, 9);
  });
}

describe('the Dashboard trend over every cycle', () => {
  it('shows each corner\'s mean per cycle, both sides and per side, captioned as the domain\'s trend', () => {
    const trend = domainTrend();
    const shown = dashboardTrend();
    expect(trend.length).toBeGreaterThan(1);
    expect(formulaErrors()).toEqual([]);
    expect(shown.both.map((row) => row.label)).toEqual(trend.map((point) => point.caption));
    // The example's cycles open in a known order and the first one's focus is its weakest corner.
    expect(shown.both[0].label).toMatch(/^\S+ · focus (Competence|Reliability|Transparency|Alignment)$/);
    trend.forEach((point, index) => {
      expectMeans(shown.both[index].means, point.both);
      expectMeans(shown.ours[index].means, point.ours);
      expectMeans(shown.partner[index].means, point.partner);
      expect(shown.ours[index].label).toBe(point.cycle);
    });
    expect(shown.values[DASHBOARD_ROWS.ourTrendHeader - 1][0]).toBe(`${ACME} per cycle`);
  });

  it('labels an open one-sided cycle with the focus now, and a sealed one, as the domain does', () => {
    as('ana@acme.example', 'Ana', ACME);
    // A quarterly cycle is not offered within 60 days of the example's last close: an ad hoc one is.
    api.startCycle({ name: '2027 extra', kind: 'Ad hoc', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2027 extra', ratings: { Competence: 8, Reliability: 6, Transparency: 7, Alignment: 7 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
    // The Cycles sheet shows a cycle's anonymity: mark the first one sealed (its rows stand for means).
    const cycles = double.spreadsheet.getSheetByName('Cycles')!;
    const anonymityColumn = (double.inspect.values('Cycles')[0] as unknown[]).indexOf('Anonymity') + 1;
    cycles.getRange(2, anonymityColumn).setValue('Sealed');

    const trend = domainTrend();
    const shown = dashboardTrend();
    expect(formulaErrors()).toEqual([]);
    const last = trend.at(-1)!;
    const focusNow = shown.values.find((row) => row[0] === FOCUS_FIGURE)?.[1];
    expect(last.caption).toBe(`2027 extra · focus ${focusNow} · one-sided (only ${ACME}) · open`);
    expect(shown.both.at(-1)?.label).toBe(last.caption);
    expect(shown.both[0].label).toBe(trend[0].caption);
    expect(trend[0].labels).toContain('sealed');
    expectMeans(shown.partner.at(-1)!.means, last.partner);
  });

  it('is charted: a line per corner over the block, its captions on the axis', () => {
    const chart = dashboardCharts().find((entry) => entry.range.row === DASHBOARD_ROWS.cycleTrendHeader);
    expect(chart).toMatchObject({ type: 'LINE', transpose: false, range: { column: 1, rows: DASHBOARD_ROWS.cycleTrendCount + 1, columns: 1 + CORNERS.length } });
    const header = double.inspect.values('Dashboard')[DASHBOARD_ROWS.cycleTrendHeader - 1];
    expect(header.slice(1, 5)).toEqual([...CORNERS]);
    const last = DASHBOARD_ROWS.cycleTrendHeader + DASHBOARD_ROWS.cycleTrendCount;
    const drawn = double.inspect.charts('Dashboard').find((entry) => String(entry.options.title).startsWith('Each corner’s mean per cycle'));
    expect(drawn?.ranges).toEqual([`Dashboard!A${DASHBOARD_ROWS.cycleTrendHeader}:E${last}`]);
    expect(drawn?.type).toBe('LINE');
  });
});
