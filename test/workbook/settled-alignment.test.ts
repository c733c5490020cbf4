/**
 * The Alignment Audit's settled quarters (src/workbook/alignment-read.ts): rows of quarters before
 * the one before the current are summed up by a save, the latest eight of them kept with their
 * rows, and views read the rows after them (and a kept quarter's own). Whatever the rows hold,
 * every answer and mark a view shows is what a whole read gives; only the list of quarters leaves
 * the older ones out, and says how many rows they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { ALIGNMENT_QUESTIONS } from '../../src/domain/audits';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { AlignmentAuditView } from '../../src/sidebar/alignment/api';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';
import { appendRows, type CellValue } from '../../src/workbook/table';
import { locateTable } from '../../src/workbook/layout';
import { ALIGNMENT_AUDIT } from '../../src/workbook/templates';
import { asAna, asBen, double, editByHand, useWorkbookDouble, withSettlementSetAside } from '../support/workbook-double';

useWorkbookDouble();

const PROPERTY = `${SETTLED_PROPERTY_PREFIX}${ALIGNMENT_AUDIT.key}`;
const WIDTH = ALIGNMENT_AUDIT.columns.length;
interface Stored { through: number; summary: { rows: number; kept: Array<{ quarter: string }>; older: { from: string; through: string; rows: number } | null } }
const settlement = (): Stored | null => {
  const text = double.inspect.properties('document')[PROPERTY];
  return text ? JSON.parse(text) : null;
};

/** The quarters from 2023-Q1 to 2026-Q4 (today is 2026-11-30: 2026-Q3 and 2026-Q4 are in play). */
const QUARTERS = Array.from({ length: 16 }, (_, i) => `${2023 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
const MARKS = ['Aligned', 'Partly', 'Not aligned', ''];

function seed(rows: ReadonlyArray<Record<string, CellValue>>): void {
  appendRows(locateTable(double.spreadsheet, ALIGNMENT_AUDIT), rows);
  double.endExecution();
}

/** Each quarter's six questions together, as quarterly reviews leave them. */
const auditRows = (quarters: readonly string[]) =>
  quarters.flatMap((quarter, q) => ALIGNMENT_QUESTIONS.map((question, i) => ({ quarter, question, ourAnswer: `ours ${quarter} ${i}`, partnerAnswer: q % 3 === 0 ? '' : `theirs ${quarter} ${i}`, mark: MARKS[(q + i) % MARKS.length] })));

/** A view as a new request sees it, and the cells it read. */
function fresh<T>(view: () => T): { shown: T; cells: number } {
  double.endExecution();
  double.calls.reset();
  const shown = view();
  return { shown, cells: double.roundTrips.counts().cells_read };
}

/** The same view with the settlement set aside: a whole read. */
function readWhole<T>(view: () => T): { shown: T; cells: number } {
  return withSettlementSetAside(ALIGNMENT_AUDIT.key, () => fresh(view));
}

const isLabel = (label: string) => /^\d{4}-Q[1-4]$/.test(label);

/**
 * Every answer and mark equal; the quarters listed are the whole read's but the older ones the
 * view names, and the rows it says are not listed are the sheet's rows of those quarters.
 */
function expectSameAsWhole(settled: AlignmentAuditView, whole: AlignmentAuditView): void {
  const { quarters, olderQuarters, ...figures } = settled;
  const { quarters: allQuarters, olderQuarters: none, ...wholeFigures } = whole;
  expect(figures).toEqual(wholeFigures);
  expect(none).toBeNull();
  const hidden = (label: string) => olderQuarters !== null && isLabel(label) && label <= olderQuarters.through;
  expect(quarters.filter((label) => label !== settled.quarter)).toEqual(allQuarters.filter((label) => label !== settled.quarter && !hidden(label)));
  expect(quarters).toContain(settled.quarter);
  const sheetRows = double.inspect.values(ALIGNMENT_AUDIT.title).slice(1).map((row) => String(row[0] ?? '').trim());
  if (olderQuarters) {
    expect(olderQuarters.rows).toBe(sheetRows.filter(hidden).length);
    expect(olderQuarters.from).toBe(sheetRows.filter(hidden).sort()[0]);
  }
}

/** The sheet's rows of (quarter, question), as the add-on matches them (trimmed). */
const rowsOf = (quarter: string, question: string) =>
  double.inspect.values(ALIGNMENT_AUDIT.title).filter((row) => String(row[0] ?? '').trim() === quarter && String(row[1] ?? '').trim() === question);

describe('settled alignment quarters', () => {
  it('a save sums up the quarters before the one before; views list the recent and the eight latest settled quarters and show what a whole read shows', () => {
    seed(auditRows(QUARTERS));
    asAna();
    api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[0], 'Aligned');
    // 2023-Q1 … 2026-Q2: 14 quarters, 84 rows (rows 2–85); 2024-Q3 … 2026-Q2 kept, the six before counted.
    expect(settlement()).toMatchObject({ through: 85, summary: { rows: 84, older: { from: '2023-Q1', through: '2024-Q2', rows: 36 } } });
    expect(settlement()?.summary.kept.map((kept) => kept.quarter)).toEqual(QUARTERS.slice(6, 14).reverse());
    for (const quarter of [null, '2026-Q4', '2026-Q3', '2026-Q2', '2025-Q1', '2024-Q3', '2024-Q2', '2023-Q1', '2027-Q1', 'Q3']) {
      const { shown, cells } = fresh(() => api.loadAlignmentAudit(quarter));
      const whole = readWhole(() => api.loadAlignmentAudit(quarter));
      expectSameAsWhole(shown, whole.shown);
      expect(shown.olderQuarters).toEqual({ from: '2023-Q1', through: '2024-Q2', rows: 36 });
      // A recent or kept quarter reads the rows from its own on (the settled ones before them not at all).
      if (quarter === null || quarter >= '2024-Q3') expect(whole.cells - cells).toBeGreaterThanOrEqual(30 * WIDTH);
    }
    expect(fresh(() => api.loadAlignmentAudit(null)).shown.quarters).toEqual(QUARTERS.slice(6).reverse());
  });

  it('a late answer or mark for a settled quarter goes into its row; a quarter only counted is found too', () => {
    seed(auditRows(QUARTERS));
    asAna();
    api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[0], 'Aligned');
    const question = ALIGNMENT_QUESTIONS[2];
    for (const quarter of ['2025-Q2', '2023-Q3', '2026-Q3']) {
      double.endExecution();
      const view = api.markAlignment(quarter, question, 'Not aligned');
      expect(view.questions.find((q) => q.question === question)?.mark).toBe('Not aligned');
      expect(rowsOf(quarter, question)).toHaveLength(1);
      double.endExecution();
      asBen();
      const answered = api.saveAlignmentAnswers({ quarter, answers: { [question]: `late ${quarter}` } });
      expect(answered.questions.find((q) => q.question === question)).toMatchObject({ partner: `late ${quarter}`, mark: 'Not aligned' });
      expect(rowsOf(quarter, question)).toHaveLength(1);
      asAna();
      expectSameAsWhole(fresh(() => api.loadAlignmentAudit(quarter)).shown, readWhole(() => api.loadAlignmentAudit(quarter)).shown);
      expectSameAsWhole(fresh(() => api.loadAlignmentAudit(null)).shown, readWhole(() => api.loadAlignmentAudit(null)).shown);
    }
    // The next save sums the rows up again (a save into settled rows starts them over).
    double.endExecution();
    api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[1], 'Partly');
    expect(settlement()?.through).toBe(85);
  });

  it('an edit by hand among the settled rows, rows deleted above and Repair all give a whole read', () => {
    seed(auditRows(QUARTERS));
    asAna();
    api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[0], 'Aligned');
    expect(settlement()?.through).toBe(85);
    editByHand(ALIGNMENT_AUDIT.title, 70, 5, 'Aligned', '');
    const sheet = double.spreadsheet.getSheetByName(ALIGNMENT_AUDIT.title)!;
    double.endExecution();
    expect(settlement()).toBeNull();
    expectSameAsWhole(fresh(() => api.loadAlignmentAudit('2025-Q4')).shown, readWhole(() => api.loadAlignmentAudit('2025-Q4')).shown);

    api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[0], 'Aligned');
    expect(settlement()?.through).toBe(85);
    sheet.deleteRow(3);
    double.endExecution();
    for (const quarter of [null, '2025-Q1', '2023-Q1']) expectSameAsWhole(fresh(() => api.loadAlignmentAudit(quarter)).shown, readWhole(() => api.loadAlignmentAudit(quarter)).shown);
    repairWorkbook();
    double.endExecution();
    expect(settlement()).toBeNull();
  });

  it('shows what a whole read shows, and a save finds the row a whole read finds, for any rows typed on the sheet and any quarter asked for', () => {
    const label = fc.oneof(fc.constantFrom(...QUARTERS), fc.constantFrom('2025 q2', ' 2026-Q1', 'Q3', '', '2019-Q4', '2026-Q4', '2027-Q1'));
    const question = fc.constantFrom(...ALIGNMENT_QUESTIONS, '', 'Other');
    const row = (quarter: fc.Arbitrary<string>) => fc.record({ quarter, question, ourAnswer: fc.constantFrom('', 'Grow', 'Keep'), mark: fc.constantFrom(...MARKS, 'aligned') });
    // Rows a save may settle (quarters before 2026-Q3, in the add-on's form), then any rows at all.
    const settling = row(fc.constantFrom(...QUARTERS.slice(0, 14), '2019-Q4'));
    fc.assert(
      fc.property(fc.array(settling, { minLength: 8, maxLength: 40 }), fc.boolean(), fc.array(row(label), { maxLength: 12 }), fc.option(label, { nil: null }), fc.constantFrom(...ALIGNMENT_QUESTIONS), (early, sorted, later, asked, markQuestion) => {
        double.spreadsheet.getSheetByName(ALIGNMENT_AUDIT.title)!.getRange(2, 1, 80, WIDTH).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
        // The quarters in order as they passed, or interleaved as typed; then rows of any quarter, a few old ones late.
        seed([...(sorted ? [...early].sort((a, b) => a.quarter.localeCompare(b.quarter)) : early), ...later, ...early.slice(0, 3)]);
        asAna();
        api.markAlignment('2026-Q4', ALIGNMENT_QUESTIONS[0], 'Aligned');
        expect(settlement()?.through).toBeGreaterThanOrEqual(early.length + 1);
        const quarter = asked === '' ? null : asked;
        expectSameAsWhole(fresh(() => api.loadAlignmentAudit(quarter)).shown, readWhole(() => api.loadAlignmentAudit(quarter)).shown);
        // A mark for the quarter asked for goes into the first row a whole read finds, or a new one.
        if (quarter === null || quarter.trim() === '') return;
        const target = quarter.trim();
        const before = rowsOf(target, markQuestion).length;
        double.endExecution();
        api.markAlignment(target, markQuestion, 'Partly');
        expect(rowsOf(target, markQuestion)).toHaveLength(Math.max(before, 1));
        expect(rowsOf(target, markQuestion)[0][4]).toBe('Partly');
        expectSameAsWhole(fresh(() => api.loadAlignmentAudit(target)).shown, readWhole(() => api.loadAlignmentAudit(target)).shown);
      }),
      { numRuns: 80 },
    );
  });
});
