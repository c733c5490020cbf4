import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { meanPerCorner, meanPerSide } from '../../src/domain/scores';
import { repairCycleSummaries } from '../../src/workbook/cycle-repair';
import { ratingRowOf, summariesToRepair, summarizeCycle, summaryCells, summaryFromRow } from '../../src/workbook/cycle-summary';
import { locateTable } from '../../src/workbook/layout';
import { Workbook } from '../../src/workbook/workbook';
import { setUpWorkbook } from '../../src/workbook/setup';
import { appendRows, readRows } from '../../src/workbook/table';
import { ASSESSMENTS, CYCLES, PARTNERSHIP } from '../../src/workbook/templates';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const answer = (cycle: string, side: string, ratings: [number, number, number, number], responses = 1) => ({
  cycle, date: day('2026-01-10'), side, participant: responses === 1 ? 'Someone' : '', responses,
  competence: ratings[0], reliability: ratings[1], transparency: ratings[2], alignment: ratings[3],
});
const COMPANIES = ['Acme', 'Beta'] as const;
const Q1 = [answer('2026-Q1', 'Acme', [7, 7, 5, 8]), answer('2026-Q1', 'acme ', [6, 8, 4, 8]), answer('2026-Q1', 'Beta', [7, 6, 3, 7], 3)];

describe('a closed cycle’s summary', () => {
  it('is the domain’s tallies of its answers: means over all (sealed rows weighted), per side with responses, and the focus', () => {
    const rows = Q1.map(ratingRowOf);
    const summary = summarizeCycle(rows, COMPANIES, 'Transparency');
    expect(summary.responses).toBe(5);
    expect(summary.means).toEqual(meanPerCorner(rows));
    expect(summary.means.Transparency).toBeCloseTo((5 + 4 + 3 * 3) / 5);
    const bySide = meanPerSide(rows);
    expect(summary.sides).toEqual([
      { side: 'Acme', responses: 2, means: bySide[0].means },
      { side: 'Beta', responses: 3, means: bySide[1].means },
    ]);
    expect(summary.focus).toBe('Transparency');
  });

  it('a side nobody answered for has no responses and no means', () => {
    const summary = summarizeCycle([ratingRowOf(Q1[0])], COMPANIES, null);
    expect(summary.sides[1]).toEqual({ side: 'Beta', responses: 0, means: { Competence: null, Reliability: null, Transparency: null, Alignment: null } });
  });

  it('reads back from a closed cycle’s row as written; an open or unsummarised row holds none', () => {
    const summary = summarizeCycle(Q1.map(ratingRowOf), COMPANIES, 'Transparency');
    const row = { name: '2026-Q1', closedOn: day('2026-01-20'), ...summaryCells(summary) } as never;
    expect(summaryFromRow(row)).toEqual(summary);
    expect(summaryFromRow({ ...(row as object), closedOn: '' } as never)).toBeNull();
    expect(summaryFromRow({ name: '2026-Q1', closedOn: day('2026-01-20'), focus: 'Transparency' })).toBeNull();
  });

  it('Repair rebuilds missing and wrong summaries only, from the answers, with the row’s focus', () => {
    const right = summaryCells(summarizeCycle(Q1.map(ratingRowOf), COMPANIES, 'Transparency'));
    const cycles = [
      { rowNumber: 2, values: { name: '2026-Q1', openedOn: day('2026-01-01'), closedOn: day('2026-01-20'), focus: 'Transparency', ...right } },
      { rowNumber: 3, values: { name: '2026-Q2', openedOn: day('2026-04-01'), closedOn: day('2026-04-20'), focus: '' } },
      { rowNumber: 4, values: { name: '2026-Q3', openedOn: day('2026-07-01'), closedOn: day('2026-07-20'), ...right, focus: 'Alignment' } },
      { rowNumber: 5, values: { name: '2026-Q4', openedOn: day('2026-10-01'), closedOn: '', focus: '' } },
    ] as never;
    const answers = [...Q1, answer('2026-Q2', 'Acme', [7, 5, 6, 8]), answer('2026-Q3', 'Beta', [5, 5, 5, 5]), answer('2026-Q4', 'Acme', [1, 1, 1, 1])];
    const repairs = summariesToRepair(cycles, answers, COMPANIES, 'Strategic');
    expect(repairs.map((repair) => [repair.rowNumber, repair.why])).toEqual([
      [3, 'missing'],
      [4, 'different'],
    ]);
    // Q2's blank focus gets the rule's: Transparency gained 2.4 (3.6 → 6), so the lowest other corner,
    // Reliability (5); Q3 keeps its recorded Alignment.
    expect(repairs[0].cells.focus).toBe('Reliability');
    expect(repairs[1].cells).toMatchObject({ focus: 'Alignment', summaryResponses: 1, meanCompetence: 5, side2Responses: 1, side1Responses: null });
  });
});

describe('repairCycleSummaries on a workbook', () => {
  let double: AppsScriptDouble;
  let uninstall: () => void;
  beforeEach(() => {
    double = createAppsScriptDouble();
    uninstall = double.install(globalThis);
    setUpWorkbook();
    appendRows(locateTable(double.spreadsheet, PARTNERSHIP), [{ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic' }]);
    appendRows(locateTable(double.spreadsheet, ASSESSMENTS), Q1);
    appendRows(locateTable(double.spreadsheet, CYCLES), [{ name: '2026-Q1', kind: 'Quarterly', anonymity: 'Named', openedOn: day('2026-01-01'), closedOn: day('2026-01-20'), closedBy: 'Ana', focus: 'Transparency' }]);
    double.endExecution();
  });
  afterEach(() => uninstall());

  it('writes the summary once, records it in the Change History, and finds nothing to do the second time', () => {
    const first = repairCycleSummaries(new Workbook());
    double.endExecution();
    expect(first.map((repair) => repair.cycle)).toEqual(['2026-Q1']);
    const row = readRows(locateTable(double.spreadsheet, CYCLES))[0];
    expect(summaryFromRow(row.values)).toEqual(summarizeCycle(Q1.map(ratingRowOf), COMPANIES, 'Transparency'));
    expect(double.inspect.values('Change History').flat()).toContain('rebuilt from the answers');
    expect(repairCycleSummaries(new Workbook())).toEqual([]);
  });

  it('an answer edited by hand after the close makes Repair rebuild that summary', () => {
    repairCycleSummaries(new Workbook());
    double.endExecution();
    const sheet = double.spreadsheet.getSheetByName(ASSESSMENTS.title)!;
    sheet.getRange(2, ASSESSMENTS.columns.findIndex((column) => column.key === 'transparency') + 1).setValue(9);
    double.endExecution();
    const again = repairCycleSummaries(new Workbook());
    expect(again.map((repair) => [repair.cycle, repair.why])).toEqual([['2026-Q1', 'different']]);
  });
});
