/**
 * The Joint Health Scorecard's and the Value Exchange's settled quarters (src/workbook/quarterly-read.ts):
 * rows of quarters a year old or more are summed up by a save, and views of recent quarters read
 * the rows after them. Whatever the rows hold, every figure a view shows is what a whole read
 * gives; only the list of quarters leaves the old ones out, and says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { ScorecardView } from '../../src/sidebar/scorecard/api';
import type { ValueExchangeView } from '../../src/sidebar/value/api';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';
import { appendRows, type CellValue } from '../../src/workbook/table';
import { locateTable } from '../../src/workbook/layout';
import { SCORECARD, VALUE_EXCHANGE } from '../../src/workbook/templates';
import type { TableSpec } from '../../src/workbook/schema';
import { asAna, double, editByHand, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const propertyOf = (table: TableSpec) => `${SETTLED_PROPERTY_PREFIX}${table.key}`;
const settlement = (table: TableSpec): { through: number; summary: { rows: number; latest: { key: string } | null } } | null => {
  const text = double.inspect.properties('document')[propertyOf(table)];
  return text ? JSON.parse(text) : null;
};

/** The quarters from 2023-Q1 to 2026-Q4 (today is 2026-11-30: 2025-Q4 and before are a year old). */
const QUARTERS = Array.from({ length: 16 }, (_, i) => `${2023 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

function seed(table: TableSpec, rows: ReadonlyArray<Record<string, CellValue>>): void {
  appendRows(locateTable(double.spreadsheet, table), rows);
  double.endExecution();
}

/** One row per quarter and side, as the quarters passed. */
const scorecardRows = (quarters: readonly string[]) =>
  quarters.flatMap((quarter, q) => ['Acme', 'Beta'].map((side, s) => ({ quarter, side, competence: 1 + ((q + s) % 10), reliability: 5, transparency: 6, alignment: 7, satisfaction: (q * 3 + s * 5) % 11, comments: `${side} ${quarter}` })));
const valueRows = (quarters: readonly string[]) =>
  quarters.flatMap((quarter, q) => ['Acme', 'Beta'].map((side, s) => ({ quarter, side, leads: q + s, referrals: 2 * q, dealsInfluenced: s, revenueInfluenced: 1000 * (q + 1), investment: 100 * (s + 1), note: '' })));

const scorecardInput = (quarter: string, satisfaction = 8) => ({
  quarter, corners: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 }, domainExpertise: null, executionCapacity: null, learningVelocity: null, satisfaction, comments: '',
});

/** A view as a new request sees it, and the cells it read. */
function fresh<T>(view: () => T): { shown: T; cells: number } {
  double.endExecution();
  double.calls.reset();
  const shown = view();
  return { shown, cells: double.roundTrips.counts().cells_read };
}

/** The same view with the table's settlement set aside: a whole read. */
function readWhole<T>(table: TableSpec, view: () => T): T {
  return readWholeCounted(table, view).shown;
}

function readWholeCounted<T>(table: TableSpec, view: () => T): { shown: T; cells: number } {
  const properties = double.globals.PropertiesService.getDocumentProperties();
  const kept = properties.getProperty(propertyOf(table));
  properties.deleteProperty(propertyOf(table));
  const counted = fresh(view);
  if (kept !== null) properties.setProperty(propertyOf(table), kept);
  double.endExecution();
  return counted;
}

/** Every figure equal, and the quarters listed are the whole read's after the older ones the view names. */
function expectSameAsWhole<V extends { quarters: string[]; olderQuarters: { through: string } | null }>(settled: V, whole: V): void {
  const { quarters, olderQuarters, ...figures } = settled;
  const { quarters: allQuarters, olderQuarters: none, ...wholeFigures } = whole;
  expect(figures).toEqual(wholeFigures);
  expect(none).toBeNull();
  const key = (label: string) => label.replace(/\s+/g, '').toUpperCase();
  expect(quarters).toEqual(allQuarters.filter((label) => olderQuarters === null || key(label) > olderQuarters.through));
}

describe('settled scorecard quarters', () => {
  it('a save sums up the quarters a year old; the view of a recent quarter reads the rows after them and shows what a whole read shows', () => {
    seed(SCORECARD, scorecardRows(QUARTERS));
    asAna();
    api.saveScorecard(scorecardInput('2026-Q4'));
    // 2023-Q1 … 2025-Q4: 12 quarters, 24 rows (rows 2–25).
    expect(settlement(SCORECARD)).toMatchObject({ through: 25, summary: { rows: 24, latest: { key: '2025-Q4' } } });
    for (const quarter of [null, '2026-Q4', '2026-Q2', '2026-Q1', '2025-Q3', '2023-Q1']) {
      const { shown, cells } = fresh(() => api.loadScorecard(quarter));
      const whole = readWholeCounted(SCORECARD, () => api.loadScorecard(quarter));
      expectSameAsWhole<ScorecardView>(shown, whole.shown);
      if (quarter === null || quarter >= '2026') {
        expect(shown.olderQuarters).toEqual({ from: '2023-Q1', through: '2025-Q4', rows: 24 });
        // The settled rows are not read but the last (the mark; 2026-Q1 reads 2025-Q4's two for its arrows).
        expect(whole.cells - cells).toBeGreaterThanOrEqual(21 * SCORECARD.columns.length);
      }
    }
    // 2026-Q1's arrows compare with 2025-Q4, a settled quarter: its rows are read.
    expect(fresh(() => api.loadScorecard('2026-Q1')).shown.previousQuarter).toBe('2025-Q4');
    expect(fresh(() => api.loadScorecard(null)).shown.satisfaction.ratingsAllQuarters).toBe(32);
  });

  it('a save of a settled quarter finds its row; an edit by hand among the settled rows, rows deleted above and Repair all give a whole read', () => {
    seed(SCORECARD, scorecardRows(QUARTERS));
    asAna();
    api.saveScorecard(scorecardInput('2026-Q4'));
    // Acme scores 2024-Q2 late: its row is replaced, not added.
    const late = api.saveScorecard(scorecardInput('2024-Q2', 10));
    expect(late.duplicateSides).toEqual([]);
    expect(double.inspect.values(SCORECARD.title).filter((row) => row[0] === '2024-Q2')).toHaveLength(2);
    double.endExecution();
    expectSameAsWhole<ScorecardView>(fresh(() => api.loadScorecard(null)).shown, readWhole(SCORECARD, () => api.loadScorecard(null)));

    api.saveScorecard(scorecardInput('2026-Q4'));
    expect(settlement(SCORECARD)?.through).toBe(25);
    editByHand(SCORECARD.title, 4, 10, 0, '3');
    const sheet = double.spreadsheet.getSheetByName(SCORECARD.title)!;
    double.endExecution();
    expect(settlement(SCORECARD)).toBeNull();
    expectSameAsWhole<ScorecardView>(fresh(() => api.loadScorecard(null)).shown, readWhole(SCORECARD, () => api.loadScorecard(null)));

    api.saveScorecard(scorecardInput('2026-Q4'));
    expect(settlement(SCORECARD)?.through).toBe(25);
    sheet.deleteRow(3);
    double.endExecution();
    expectSameAsWhole<ScorecardView>(fresh(() => api.loadScorecard(null)).shown, readWhole(SCORECARD, () => api.loadScorecard(null)));
    repairWorkbook();
    double.endExecution();
    expect(settlement(SCORECARD)).toBeNull();
  });

  it('shows what a whole read shows, for any rows typed on the sheet and any quarter asked for', () => {
    const label = fc.oneof(fc.constantFrom(...QUARTERS), fc.constantFrom('2025 q2', ' 2026-Q3', 'Q3', '', '2019-Q4', '2026-Q4'));
    const rating = fc.oneof(fc.integer({ min: -1, max: 11 }), fc.constantFrom(7.5, '' as const, 'nine'));
    const row = fc.record({ quarter: label, side: fc.constantFrom('Acme', 'Beta', 'beta ', 'Gamma', ''), competence: rating, satisfaction: rating, actionItems: fc.constantFrom('', 'Call weekly') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.option(label, { nil: null }), (rows, asked) => {
        double.spreadsheet.getSheetByName(SCORECARD.title)!.getRange(2, 1, 60, SCORECARD.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(propertyOf(SCORECARD));
        seed(SCORECARD, [...[...rows].sort((a, b) => a.quarter.localeCompare(b.quarter)), ...rows.slice(0, 3)]);
        asAna();
        api.saveScorecard(scorecardInput('2026-Q4'));
        const quarter = asked === '' ? null : asked;
        expectSameAsWhole<ScorecardView>(fresh(() => api.loadScorecard(quarter)).shown, readWhole(SCORECARD, () => api.loadScorecard(quarter)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('settled value quarters', () => {
  const entry = (quarter: string, amount: number) => ({ quarter, side: 'Beta', kind: 'Leads', amount, note: 'Webinar' });

  it('balances, ROPI and the figures of a recent quarter come from the rows after the settled ones; a figure for a settled quarter goes into its row', () => {
    seed(VALUE_EXCHANGE, valueRows(QUARTERS));
    asAna();
    api.recordValueEntry(entry('2026-Q4', 12));
    expect(settlement(VALUE_EXCHANGE)).toMatchObject({ through: 25, summary: { rows: 24, latest: { key: '2025-Q4' } } });
    for (const quarter of [null, '2026-Q3', '2026-Q1', '2025-Q4', '2023-Q2']) {
      const { shown, cells } = fresh(() => api.loadValueExchange(quarter));
      const whole = readWholeCounted(VALUE_EXCHANGE, () => api.loadValueExchange(quarter));
      expectSameAsWhole<ValueExchangeView>(shown, whole.shown);
      if (quarter === null || quarter >= '2026') expect(whole.cells - cells).toBeGreaterThanOrEqual(23 * VALUE_EXCHANGE.columns.length);
    }
    const late = api.recordValueEntry(entry('2024-Q3', 40));
    expect(late.rows.find((row) => row.side === 'Beta')?.amounts.Leads).toBe(40);
    expect(late.duplicateSides).toEqual([]);
    expect(double.inspect.values(VALUE_EXCHANGE.title).filter((row) => row[0] === '2024-Q3')).toHaveLength(2);
    double.endExecution();
    expectSameAsWhole<ValueExchangeView>(fresh(() => api.loadValueExchange('2024-Q3')).shown, readWhole(VALUE_EXCHANGE, () => api.loadValueExchange('2024-Q3')));
  });

  it('shows what a whole read shows, for any rows typed on the sheet and any quarter asked for', () => {
    const label = fc.oneof(fc.constantFrom(...QUARTERS), fc.constantFrom('2025 q2', ' 2026-Q3', 'Q3', '', '2026-Q4'));
    const amount = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom('' as const, 'n/a', 0.5));
    const row = fc.record({ quarter: label, side: fc.constantFrom('Acme', 'Beta', 'Gamma', ''), leads: amount, revenueInfluenced: amount, investment: amount });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.option(label, { nil: null }), (rows, asked) => {
        double.spreadsheet.getSheetByName(VALUE_EXCHANGE.title)!.getRange(2, 1, 60, VALUE_EXCHANGE.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(propertyOf(VALUE_EXCHANGE));
        seed(VALUE_EXCHANGE, [...[...rows].sort((a, b) => a.quarter.localeCompare(b.quarter)), ...rows.slice(0, 3)]);
        asAna();
        api.recordValueEntry(entry('2026-Q4', 3));
        const quarter = asked === '' ? null : asked;
        expectSameAsWhole<ValueExchangeView>(fresh(() => api.loadValueExchange(quarter)).shown, readWhole(VALUE_EXCHANGE, () => api.loadValueExchange(quarter)));
      }),
      { numRuns: 40 },
    );
  });
});
