/**
 * The Competence Audit's and the Learning Log's settled rows (src/workbook/competence-read.ts,
 * learning-read.ts): every row is summed up by a save, and the view reads the rows after them (and
 * the most recent settled learning entries). Whatever the rows hold, every mean, count and entry
 * the view shows is what a whole read gives, and what the view computed before the settlement
 * (the reference below, to the last bit of every mean).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { CompetenceAuditView } from '../../src/sidebar/competence/api';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';
import { appendRows, type CellValue } from '../../src/workbook/table';
import { locateTable } from '../../src/workbook/layout';
import { COMPETENCE_AUDIT, LEARNING_LOG } from '../../src/workbook/templates';
import type { TableSpec } from '../../src/workbook/schema';
import { asAna, double, editByHand, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const propertyOf = (table: TableSpec) => `${SETTLED_PROPERTY_PREFIX}${table.key}`;
const settlement = (table: TableSpec): { through: number } | null => {
  const text = double.inspect.properties('document')[propertyOf(table)];
  return text ? JSON.parse(text) : null;
};

function seed(table: TableSpec, rows: ReadonlyArray<Record<string, CellValue>>): void {
  appendRows(locateTable(double.spreadsheet, table), rows);
  double.endExecution();
}

function clear(table: TableSpec, rows: number): void {
  double.spreadsheet.getSheetByName(table.title)!.getRange(2, 1, rows, table.columns.length).clearContent();
  double.globals.PropertiesService.getDocumentProperties().deleteProperty(propertyOf(table));
  double.endExecution();
}

/** The view as a new request sees it, and the cells it read. */
function fresh(): { shown: CompetenceAuditView; cells: number } {
  double.endExecution();
  double.calls.reset();
  const shown = api.loadCompetenceAudit();
  return { shown, cells: double.roundTrips.counts().cells_read };
}

/** The view with both settlements set aside: a whole read. */
function whole(): { shown: CompetenceAuditView; cells: number } {
  const properties = double.globals.PropertiesService.getDocumentProperties();
  const kept = [COMPETENCE_AUDIT, LEARNING_LOG].map((table) => [propertyOf(table), properties.getProperty(propertyOf(table))] as const);
  for (const [key] of kept) properties.deleteProperty(key);
  const counted = fresh();
  for (const [key, value] of kept) if (value !== null) properties.setProperty(key, value);
  double.endExecution();
  return counted;
}

/** What the view showed before settled rows, from the sheet's cells: the reference every figure must equal. */
function reference(): Pick<CompetenceAuditView, 'byQuarter' | 'earlierRatings' | 'earlierLearning'> & { learning: string[] } {
  const [, ...audit] = double.inspect.values(COMPETENCE_AUDIT.title);
  const col = (key: string) => COMPETENCE_AUDIT.columns.findIndex((column) => column.key === key);
  const groups = new Map<string, { quarter: string; side: string; d: number[]; e: number[]; l: number[]; rows: number }>();
  for (const cells of audit.filter((row) => row.some((value) => value !== ''))) {
    const quarter = String(cells[col('quarter')]).trim();
    const side = String(cells[col('ratedSide')]).trim();
    const key = `${quarter}\u0000${side.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { quarter, side, d: [], e: [], l: [], rows: 0 }));
    group.rows += 1;
    for (const [list, column] of [[group.d, 'domainExpertise'], [group.e, 'executionCapacity'], [group.l, 'learningVelocity']] as const) {
      if (typeof cells[col(column)] === 'number') list.push(cells[col(column)] as number);
    }
  }
  const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  const listed = [...new Set([...groups.values()].map((group) => group.quarter))].sort((a, b) => b.localeCompare(a) || (a < b ? 1 : a > b ? -1 : 0)).slice(0, 8);
  const [, ...log] = double.inspect.values(LEARNING_LOG.title);
  const entries = log.filter((row) => row.some((value) => value !== ''));
  return {
    byQuarter: [...groups.values()]
      .filter((group) => listed.includes(group.quarter))
      .map((group) => ({ quarter: group.quarter, side: group.side, domainExpertise: mean(group.d), executionCapacity: mean(group.e), learningVelocity: mean(group.l), ratings: Math.max(group.d.length, group.e.length, group.l.length) }))
      .sort((a, b) => listed.indexOf(a.quarter) - listed.indexOf(b.quarter) || a.side.localeCompare(b.side)),
    earlierRatings: [...groups.values()].filter((group) => !listed.includes(group.quarter)).reduce((count, group) => count + group.rows, 0),
    // Entries by activity (unique in these tests), most recent first, the earlier row first on a day.
    learning: entries
      .map((cells, index) => ({ day: cells[0] instanceof Date ? (cells[0] as Date).toISOString().slice(0, 10) : '', activity: String(cells[3]), index }))
      .sort((a, b) => b.day.localeCompare(a.day) || a.index - b.index)
      .slice(0, 20)
      .map((entry) => entry.activity),
    earlierLearning: Math.max(0, entries.length - 20),
  };
}

function expectAsBefore(view: CompetenceAuditView): void {
  const { byQuarter, earlierRatings, earlierLearning, learning } = reference();
  expect({ byQuarter: view.byQuarter, earlierRatings: view.earlierRatings, earlierLearning: view.earlierLearning }).toEqual({ byQuarter, earlierRatings, earlierLearning });
  expect(view.learning.map((entry) => entry.activity)).toEqual(learning);
}

/** The quarters from 2023-Q1 to 2026-Q4. */
const QUARTERS = Array.from({ length: 16 }, (_, i) => `${2023 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

/** Ratings as the quarters passed: three a quarter for each side, thirds and tenths so the order of additions shows. */
const ratingRows = (quarters: readonly string[]) =>
  quarters.flatMap((quarter, q) =>
    [0, 1, 2].flatMap((n) => ['Acme', 'Beta'].map((side, s) => ({ quarter, date: new Date(Date.UTC(2026, 0, 1)), ratedBy: side === 'Acme' ? 'Beta' : 'Acme', ratedSide: side, domainExpertise: 1 + ((q + n + s) % 10) / 3, executionCapacity: 0.1 * (n + 1), learningVelocity: 1 + ((q * 7 + n) % 10), evidence: '' }))),
  );

/** A learning entry a day, in date order, from 2026-01-01. */
const learningRows = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + from + i)), side: i % 2 === 0 ? 'Acme' : 'Beta', person: 'Dev', activity: `Activity ${from + i}`, kind: 'Training', hours: 2 }));

const rating = (quarter: string, learningVelocity = 5) => ({ quarter, ratedSide: 'Beta', participant: 'Ana', domainExpertise: 7, executionCapacity: 6, learningVelocity, evidence: '' });

describe('settled competence ratings and learning entries', () => {
  it('a save sums up every row; the view reads the rows after them and the latest settled entries, and shows what a whole read shows', () => {
    seed(COMPETENCE_AUDIT, ratingRows(QUARTERS));
    seed(LEARNING_LOG, learningRows(90));
    asAna();
    api.submitCompetenceRating(rating('2026-Q4'));
    // 96 seeded ratings (rows 2–97); the one saved (row 98) is the save's own write.
    expect(settlement(COMPETENCE_AUDIT)?.through).toBe(97);
    expect(settlement(LEARNING_LOG)?.through).toBe(91);
    const { shown, cells } = fresh();
    const read = whole();
    expect(shown).toEqual(read.shown);
    expectAsBefore(shown);
    expect(shown.byQuarter.map((row) => row.quarter)).toEqual(QUARTERS.slice(8).reverse().flatMap((quarter) => [quarter, quarter]));
    expect(shown.earlierRatings).toBe(48);
    expect(shown.learning[0].activity).toBe('Activity 89');
    expect(shown.earlierLearning).toBe(70);
    // The settled ratings and all but the latest 20 entries are not read.
    expect(read.cells - cells).toBeGreaterThanOrEqual(90 * 5 + 65 * LEARNING_LOG.columns.length);

    // The next save settles the rating saved before; a late rating of an old quarter is counted, not listed.
    const late = api.submitCompetenceRating(rating('2023-Q2'));
    expect(settlement(COMPETENCE_AUDIT)?.through).toBe(98);
    expect(late.earlierRatings).toBe(49);
    expectAsBefore(late);
    // An entry dated before the latest 20 is counted; one of today's is listed first.
    expectAsBefore(api.addLearningActivity({ date: '2026-01-05', side: 'Beta', person: 'Ben', activity: 'Late entry', kind: 'Training', hours: null }));
    const today = api.addLearningActivity({ date: '2026-11-30', side: 'Beta', person: 'Ben', activity: 'Today', kind: 'Training', hours: null });
    expect(today.learning[0].activity).toBe('Today');
    expect(today.earlierLearning).toBe(72);
    expectAsBefore(today);
    expect(fresh().shown).toEqual(whole().shown);
    expectAsBefore(fresh().shown);
  });

  it('an edit by hand among the settled rows, rows deleted above and Repair all give a whole read', () => {
    seed(COMPETENCE_AUDIT, ratingRows(QUARTERS.slice(0, 4)));
    seed(LEARNING_LOG, learningRows(30));
    asAna();
    api.submitCompetenceRating(rating('2026-Q4'));
    expect(settlement(COMPETENCE_AUDIT)?.through).toBe(25);
    editByHand(COMPETENCE_AUDIT.title, 4, 8, 10, '3');
    const sheet = double.spreadsheet.getSheetByName(COMPETENCE_AUDIT.title)!;
    double.endExecution();
    expect(settlement(COMPETENCE_AUDIT)).toBeNull();
    expect(fresh().shown).toEqual(whole().shown);
    expectAsBefore(fresh().shown);

    api.addLearningActivity({ date: '2026-11-30', side: 'Beta', person: 'Ben', activity: 'Today', kind: 'Training', hours: 1 });
    expect(settlement(COMPETENCE_AUDIT)?.through).toBe(26);
    expect(settlement(LEARNING_LOG)?.through).toBe(31);
    // Rows deleted above the last settled one move it: the mark fails, the view reads whole.
    sheet.deleteRow(3);
    double.spreadsheet.getSheetByName(LEARNING_LOG.title)!.deleteRow(30);
    double.endExecution();
    expectAsBefore(fresh().shown);
    repairWorkbook();
    double.endExecution();
    expect(settlement(COMPETENCE_AUDIT)).toBeNull();
    expect(settlement(LEARNING_LOG)).toBeNull();
    expectAsBefore(fresh().shown);
  });

  it('shows what a whole read shows, for any ratings and entries typed on the sheet before and after a save', () => {
    const quarter = fc.oneof(fc.constantFrom(...QUARTERS), fc.constantFrom('2025 q2', ' 2026-Q3', 'Q3', '', '2019-Q4', '2026-q1'));
    const score = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0.1, 0.2, 0.7, 7.5, 1 / 3, '' as const, 'nine'));
    const ratingRow = fc.record({ quarter, ratedSide: fc.constantFrom('Acme', 'Beta', 'beta', 'Gamma', ''), domainExpertise: score, executionCapacity: score, learningVelocity: score });
    const entry = fc.record({ day: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), hours: fc.constantFrom(1, '' as const) });
    const entries = (days: ReadonlyArray<{ day: number | null; hours: number | '' }>, from: number) =>
      days.map((row, i) => ({ date: row.day === null ? '' : new Date(Date.UTC(2026, 0, 1 + row.day)), side: 'Acme', person: '', activity: `Entry ${from + i}`, kind: 'Other', hours: row.hours }));
    fc.assert(
      fc.property(fc.array(ratingRow, { maxLength: 40 }), fc.array(ratingRow, { maxLength: 6 }), fc.array(entry, { minLength: 10, maxLength: 40 }), fc.array(entry, { maxLength: 6 }), (before, after, logged, later) => {
        clear(COMPETENCE_AUDIT, 60);
        clear(LEARNING_LOG, 60);
        seed(COMPETENCE_AUDIT, before);
        seed(LEARNING_LOG, entries(logged, 0));
        asAna();
        api.submitCompetenceRating(rating('2026-Q4', 3));
        // Rows added after the save (typed below the settled ones: no settlement to clear).
        seed(COMPETENCE_AUDIT, after);
        seed(LEARNING_LOG, entries(later, 100));
        const { shown } = fresh();
        expect(shown).toEqual(whole().shown);
        expectAsBefore(shown);
        // And the next save, which settles the rows after, returns the same view.
        expectAsBefore(api.addLearningActivity({ date: '2026-01-10', side: 'Acme', person: '', activity: 'Entry 200', kind: 'Other', hours: null }));
        expectAsBefore(fresh().shown);
      }),
      { numRuns: 40 },
    );
  });
});
