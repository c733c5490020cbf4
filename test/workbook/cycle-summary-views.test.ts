/**
 * A closed cycle is a summary (issue 21): closing writes it to the cycle's row in the same save,
 * and the views read it instead of the cycle's answers. What they show must be what the answers
 * say: the same means, sides and focus whether a closed cycle is read from its summary or, when
 * the summary is missing (a workbook from before, cells cleared), from its answers.
 */
import { describe, expect, it } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { CornerName } from '../../src/sidebar/common/api';
import { ratingRowOf, summarizeCycle, summaryFromRow } from '../../src/workbook/cycle-summary';
import { repairCycleSummaries } from '../../src/workbook/cycle-repair';
import { locateTable } from '../../src/workbook/layout';
import { Workbook } from '../../src/workbook/workbook';
import { appendRows, readRows } from '../../src/workbook/table';
import { ASSESSMENTS, CYCLES } from '../../src/workbook/templates';
import { SIDES, as, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const rate = (c: number, r: number, t: number, a: number) => ({ Competence: c, Reliability: r, Transparency: t, Alignment: a });
const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const PEOPLE = [
  ['ana@acme.example', 'Ana', 'Acme'],
  ['raj@acme.example', 'Raj', 'Acme'],
  ['ben@beta.example', 'Ben', 'Beta'],
  ['sofia@beta.example', 'Sofia', 'Beta'],
] as const;

/** Starts `name`, has each person answer with the ratings given (in PEOPLE's order), and closes it unless asked not to. */
function runCycle(name: string, ratings: ReadonlyArray<ReturnType<typeof rate>>, { close = true } = {}): void {
  as(...PEOPLE[0]);
  // Ad hoc: the cycles here follow each other on one day, and a quarterly one waits 60 days after a close.
  api.startCycle({ name, kind: 'Ad hoc', anonymity: 'Named' });
  ratings.forEach((rating, index) => {
    const [email, person, side] = PEOPLE[index]!;
    as(email, person, side);
    api.submitAssessment({ cycle: name, ratings: rating, evidence: noEvidence });
  });
  if (close) {
    as(...PEOPLE[0]);
    api.closeCycle(name);
  }
  double.endExecution();
}

const cyclesLayout = () => locateTable(double.spreadsheet, CYCLES);
const cycleRow = (name: string) => readRows(cyclesLayout()).find((row) => row.values.name === name)!;

/** Blanks every closed cycle's Responses cell: the summaries are then missing, as in a workbook from before them. */
function forgetSummaries(): void {
  const layout = cyclesLayout();
  const column = layout.columnOf.get('summaryResponses')!;
  for (const row of readRows(layout)) layout.sheet.getRange(row.rowNumber, column).setValue('');
  double.endExecution();
}

/** What the views show about cycles, each as the sidebar receives it. */
function views() {
  as(...PEOPLE[0]);
  const results = api.loadResults(null);
  const home = api.loadHome();
  const assessment = api.loadAssessment();
  return {
    home: { latestCycle: home.latestCycle, corners: home.corners, sideMeans: home.sideMeans, gaps: home.gaps, weakest: home.weakest, focusReason: home.focusReason, offer: home.offer, openCycle: home.openCycle },
    results: results.cycles.map((cycle) => api.loadResults(cycle)),
    assessment: { previousCycle: assessment.previousCycle, suggestedNames: assessment.suggestedNames, openCycle: assessment.openCycle, offer: assessment.offer },
    governance: api.loadGovernance(),
  };
}

describe('a closed cycle is a summary', () => {
  it('closing writes the cycle’s means, sides and focus to its row, in the same save', () => {
    runCycle('2026-Q3', [rate(8, 7, 6, 5), rate(7, 7, 6, 4), rate(7, 6, 3, 5), rate(8, 6, 4, 6)]);
    const answers = readRows(locateTable(double.spreadsheet, ASSESSMENTS)).map((row) => ratingRowOf(row.values));
    const row = cycleRow('2026-Q3');
    expect(row.values.focus).toBe('Transparency');
    expect(summaryFromRow(row.values)).toEqual(summarizeCycle(answers, SIDES, 'Transparency'));
    expect(summaryFromRow(row.values)?.sides.map((side) => [side.side, side.responses])).toEqual([['Acme', 2], ['Beta', 2]]);
  });

  it('the views show the same from the summaries as from the answers: means, sides, gaps and the focus across cycles', () => {
    runCycle('2026-Q1', [rate(8, 7, 6, 5), rate(7, 7, 6, 4), rate(7, 6, 3, 5), rate(8, 6, 4, 6)]);
    runCycle('2026-Q2', [rate(8, 8, 7, 5), rate(7, 8, 6, 4), rate(7, 6, 6, 5), rate(8, 6, 8, 6)]);
    runCycle('2026-Q3', [rate(9, 8, 7, 3), rate(7, 8, 6, 4), rate(7, 6, 6, 5)]);
    const closedOnly = views();
    runCycle('2026-Q4', [rate(5, 5, 5, 5), rate(6, 6, 6, 6)], { close: false });
    const withOpen = views();
    expect(withOpen.results.map((view) => view.cycle)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(withOpen.home.latestCycle).toBe('2026-Q4');
    forgetSummaries();
    // Read from the answers now: every figure and sentence the same.
    expect(views()).toEqual(withOpen);
    expect(closedOnly.results.map((view) => view.priority)).toEqual(withOpen.results.slice(0, 3).map((view) => view.priority));
  });

  it('reads a closed cycle’s summary, not its answers; without a summary, its answers', () => {
    runCycle('2026-Q3', [rate(8, 7, 6, 5), rate(7, 7, 6, 4), rate(7, 6, 3, 5), rate(8, 6, 4, 6)]);
    as(...PEOPLE[0]);
    expect(api.loadResults('2026-Q3').means.Competence).toBe(7.5);
    // Someone edits an answer of the closed cycle by hand: the summary stands until Repair rebuilds it.
    const layout = locateTable(double.spreadsheet, ASSESSMENTS);
    layout.sheet.getRange(2, layout.columnOf.get('competence')!).setValue(4);
    double.endExecution();
    expect(api.loadResults('2026-Q3').means.Competence).toBe(7.5);
    forgetSummaries();
    expect(api.loadResults('2026-Q3').means.Competence).toBe(6.5);
  });

  it('a large Assessments sheet: reads its Cycle column, then only the rows of the open cycle, wherever they are', () => {
    // 3,000 answers of a cycle closed before summaries, then an open cycle answered at the bottom.
    const many = Array.from({ length: 3000 }, (_, i) => ({ cycle: '2026-Q2', date: new Date(Date.UTC(2026, 4, 1)), side: SIDES[i % 2], participant: `P${i}`, responses: 1, competence: 1 + (i % 10), reliability: 5, transparency: 6, alignment: 7 }));
    appendRows(locateTable(double.spreadsheet, ASSESSMENTS), many);
    appendRows(cyclesLayout(), [{ name: '2026-Q2', kind: 'Quarterly', anonymity: 'Named', openedOn: new Date(Date.UTC(2026, 3, 1)), closedOn: new Date(Date.UTC(2026, 5, 30)), closedBy: 'Ana', focus: 'Reliability' }]);
    double.endExecution();
    // The saves record where the Assessments end (extent.ts).
    runCycle('2026-Q4', [rate(8, 7, 6, 5), rate(7, 7, 6, 4)], { close: false });
    as(...PEOPLE[0]);

    double.calls.reset();
    const results = api.loadResults(null);
    expect(results.cycle).toBe('2026-Q4');
    expect(results.means).toEqual({ Competence: 7.5, Reliability: 7, Transparency: 6, Alignment: 4.5 });
    expect(results.reassessment?.targeted).toBe('Reliability');
    // Without a summary, 2026-Q2's 3,000 answers are read, every rating column.
    expect(double.roundTrips.counts().cells_read).toBeGreaterThan(3000 * 8);

    expect(repairCycleSummaries(new Workbook()).map((repair) => repair.cycle)).toEqual(['2026-Q2']);
    double.endExecution();
    double.calls.reset();
    expect(api.loadResults(null)).toEqual(results);
    expect(double.roundTrips.counts().cells_read).toBeLessThan(3000 * 2);

    // An answer of the open cycle typed by hand among the old ones is still counted.
    const layout = locateTable(double.spreadsheet, ASSESSMENTS);
    const cells = ASSESSMENTS.columns.map((column) => ({ cycle: '2026-Q4', date: new Date(Date.UTC(2026, 10, 29)), side: 'Beta', participant: 'Typed', responses: 1, competence: 2, reliability: 2, transparency: 2, alignment: 2 })[column.key] ?? '');
    layout.sheet.getRange(1500, 1, 1, cells.length).setValues([cells]);
    double.endExecution();
    const typed = api.loadResults(null);
    expect(typed.bySide.map((side) => [side.side, side.responses])).toEqual([['Acme', 2], ['Beta', 1]]);
    expect(typed.means.Competence).toBeCloseTo(17 / 3);
  });

  it('the Repair menu item rebuilds missing summaries, and says so', () => {
    // Both companies answer: a cycle closes with both in it.
    runCycle('2026-Q3', [rate(8, 7, 6, 5), rate(7, 6, 3, 5), rate(6, 6, 5, 5)]);
    const written = summaryFromRow(cycleRow('2026-Q3').values);
    forgetSummaries();
    expect(summaryFromRow(cycleRow('2026-Q3').values)).toBeNull();
    expect(repairWorkbook()).toContain('Rebuilt from their answers the summaries of the closed cycles 2026-Q3.');
    double.endExecution();
    expect(summaryFromRow(cycleRow('2026-Q3').values)).toEqual(written);
    expect(repairWorkbook()).not.toContain('Rebuilt');
  });

  it('agreeing actions for a closed cycle read from its summary keeps its focus', () => {
    runCycle('2026-Q3', [rate(8, 7, 6, 5), rate(7, 7, 6, 4), rate(7, 6, 3, 5), rate(8, 6, 4, 6)]);
    as(...PEOPLE[0]);
    const results = api.loadResults('2026-Q3');
    const agreed = api.agreeActions('2026-Q3', results.priority as CornerName, [1, 2, 3].map((n) => ({ commitment: `Action ${n}`, ownerSide: SIDES[n % 2], ownerPerson: 'Ana', dueDate: results.defaultDueDate })));
    expect(agreed.priority).toBe('Transparency');
    expect(agreed.actions).toHaveLength(3);
  });
});

