import { afterEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { createFormulaEvaluator } from '../../runtime/formulas/evaluator';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';
import { loadExamplePartnership } from '../../src/workbook/load-example';
import { examplePartnership } from '../../src/workbook/example';
import { CORNERS } from '../../src/domain/corners';
import { commitmentRates, isOverdue, parseStatus } from '../../src/domain/commitments';
import { championRisk, partnerNps } from '../../src/domain/metrics';
import { meanPerCorner, meanPerSide, weakestCorner } from '../../src/domain/scores';
import { directedPerceptionGap } from '../../src/domain/perception';
import { nextDisclosureStage } from '../../src/domain/disclosure';
import { DASHBOARD_ROWS } from '../../src/workbook/dashboard';
import { type AlignmentMark, shareAligned } from '../../src/domain/audits';
import { PORTFOLIO_NAMES } from '../../src/workbook/portfolio';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const TODAY = new Date(2026, 10, 24);

/**
 * The example partnership in the double, every formula evaluated by HyperFormula with the add-on's
 * custom functions registered through Apps Script's marshaling. The Dashboard must show what the
 * domain functions compute directly from the same data.
 */
describe('Dashboard on the example partnership', () => {
  function dashboard(): { double: AppsScriptDouble; values: unknown[][]; errors: () => unknown[] } {
    const evaluator = createFormulaEvaluator(customFunctionDecls(), { now: () => TODAY });
    const double = createAppsScriptDouble({ formulaEvaluator: evaluator });
    uninstall = double.install(globalThis);
    loadExamplePartnership(TODAY);
    return { double, values: double.inspect.values('Dashboard'), errors: () => evaluator.lastErrors() };
  }

  it('evaluates every formula without error', () => {
    const { errors, values } = dashboard();
    expect(values.length).toBeGreaterThan(20);
    expect(errors()).toEqual([]);
  });

  it('equals the domain functions computed directly', () => {
    const { values } = dashboard();
    const example = examplePartnership(TODAY);
    const cycles = [...new Set(example.assessments.map((row) => row.cycle as string))];
    const rowsOf = (cycle: string) =>
      example.assessments
        .filter((row) => row.cycle === cycle)
        .map((row) => ({
          side: row.side as string,
          ratings: Object.fromEntries(CORNERS.map((corner) => [corner, row[corner.toLowerCase()] as number])) as never,
        }));
    const latest = meanPerCorner(rowsOf(cycles[1]));
    const previous = meanPerCorner(rowsOf(cycles[0]));
    const at = (row: number, column: number) => values[row - 1][column - 1];
    const figure = (label: string) => values.find((row) => row[0] === label)?.[1];

    expect(at(DASHBOARD_ROWS.latestCycle, 2)).toBe(cycles[1]);
    expect(at(DASHBOARD_ROWS.previousCycle, 2)).toBe(cycles[0]);
    CORNERS.forEach((corner, index) => {
      expect(at(DASHBOARD_ROWS.latestMeans, 2 + index)).toBeCloseTo(latest[corner] as number, 9);
      expect(at(DASHBOARD_ROWS.previousMeans, 2 + index)).toBeCloseTo(previous[corner] as number, 9);
      // Our company − partner company as the Partnership sheet names them, whoever answered first.
      const gap = directedPerceptionGap(meanPerSide(rowsOf(cycles[1])), 'Acme Analytics', 'Beta Cloud')!.gaps[corner] as number;
      expect(at(DASHBOARD_ROWS.gap, 2 + index)).toBeCloseTo(gap, 9);
    });
    expect(figure('Weakest corner')).toBe(weakestCorner(latest, 'Strategic'));
    expect(values[DASHBOARD_ROWS.gap - 1][0]).toBe('Perception gap (Acme Analytics − Beta Cloud)');

    const dates = example.commitments.map((row) => ({
      due: (row.dueDate as Date) ?? null,
      done: (row.doneOn as Date) ?? null,
      flagged: row.flaggedOn instanceof Date ? row.flaggedOn : null,
      status: parseStatus(String(row.status)),
    }));
    expect(figure('On-time rate')).toBeCloseTo(commitmentRates(dates, TODAY).onTimeRate as number, 9);
    expect(figure('Early-warning rate')).toBeCloseTo(commitmentRates(dates, TODAY).earlyWarningRate as number, 9);
    expect(figure('Overdue commitments')).toBe(dates.filter((item) => isOverdue(item, TODAY)).length);
    expect(figure('pNPS (partner satisfaction, all quarters)')).toBeCloseTo(partnerNps(example.scorecard.map((row) => row.satisfaction as number)) as number, 9);
    expect(figure('Champion risk (busiest owner’s share)')).toBeCloseTo(championRisk(example.commitments.map((row) => row.ownerPerson as string)) as number, 9);
    const ledger = example.disclosures.map((row) => ({ side: row.side as string, stage: row.stage as 'Early' | 'Mid' | 'Late' }));
    expect(figure('Our company may next share up to')).toBe(nextDisclosureStage(ledger, 'Beta Cloud'));
    expect(figure('Partner may next share up to')).toBe(nextDisclosureStage(ledger, 'Acme Analytics'));
    expect(figure('Days to reassessment')).toBe(Math.round(((example.partnership.nextReassessment as Date).getTime() - TODAY.getTime()) / 86_400_000));
  });

  it('counts only commitments both sides took on: Proposed, Declined and Withdrawn rows change no rate', () => {
    const { double, values: before, errors } = dashboard();
    const figure = (values: unknown[][], label: string) => values.find((row) => row[0] === label)?.[1];
    const sheet = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const longAgo = new Date(TODAY.getTime() - 40 * 86_400_000);
    // Past due and never done: each would count as a miss (and an unflagged slip) if it counted.
    for (const [id, status] of [['C-901', 'Declined'], ['C-902', 'Withdrawn'], ['C-903', 'Proposed']]) {
      const row = header.map((title) =>
        title === 'ID' ? id : title === 'Commitment' ? `Never agreed ${id}` : title === 'Owner side' ? 'Beta Cloud' : title === 'Due date' ? longAgo : title === 'Status' ? status : '',
      );
      sheet.appendRow(row);
    }
    const after = double.inspect.values('Dashboard');
    expect(errors()).toEqual([]);
    expect(figure(after, 'On-time rate')).toBeCloseTo(figure(before, 'On-time rate') as number, 9);
    expect(figure(after, 'Early-warning rate')).toBeCloseTo(figure(before, 'Early-warning rate') as number, 9);
    expect(figure(after, 'Overdue commitments')).toBe(figure(before, 'Overdue commitments'));
    // The same rows as Open would count: the rule, not the rows' dates, keeps them out.
    const rows = sheet.getDataRange().getValues();
    const statusColumn = header.indexOf('Status') + 1;
    rows.forEach((row, index) => {
      if (String(row[0]).startsWith('C-90')) sheet.getRange(index + 1, statusColumn).setValue('Open');
    });
    const open = double.inspect.values('Dashboard');
    expect(figure(open, 'On-time rate') as number).toBeLessThan(figure(before, 'On-time rate') as number);
    expect(figure(open, 'Overdue commitments')).toBe((figure(before, 'Overdue commitments') as number) + 3);
  });

  it('shows the Competence sub-scores and the share of alignment answers aligned', () => {
    const { values } = dashboard();
    const example = examplePartnership(TODAY);
    const figure = (label: string) => values.find((row) => row[0] === label)?.[1];
    const latest = [...new Set(example.competenceAudit.map((row) => row.quarter as string))].sort().at(-1);
    expect(figure('Competence audit: latest quarter')).toBe(latest);
    const rows = example.competenceAudit.filter((row) => row.quarter === latest);
    const average = (key: string) => rows.reduce((sum, row) => sum + (row[key] as number), 0) / rows.length;
    expect(figure('Competence · domain expertise')).toBeCloseTo(average('domainExpertise'), 9);
    expect(figure('Competence · execution capacity')).toBeCloseTo(average('executionCapacity'), 9);
    expect(figure('Competence · learning velocity')).toBeCloseTo(average('learningVelocity'), 9);
    const marks = example.alignmentAudit.map((row) => row.mark as AlignmentMark);
    expect(figure('Alignment: share of answers aligned')).toBeCloseTo(shareAligned(marks) as number, 9);
  });

  it('names the figures a portfolio pulls, on the right cells', () => {
    const { double, values } = dashboard();
    const named = double.inspect.namedRanges();
    const at = (name: string) => named.find((range) => range.name === name)?.range;
    expect(at(PORTFOLIO_NAMES.latestMeans)).toBe(`Dashboard!B${DASHBOARD_ROWS.latestMeans}:E${DASHBOARD_ROWS.latestMeans}`);
    expect(at(PORTFOLIO_NAMES.companies)).toBe('Partnership!A2:B2');
    const weakestRow = values.findIndex((row) => row[0] === 'Weakest corner') + 1;
    expect(at(PORTFOLIO_NAMES.weakest)).toBe(`Dashboard!B${weakestRow}`);
    expect(Object.values(PORTFOLIO_NAMES).every((name) => at(name) !== undefined)).toBe(true);
  });

  it('weights a sealed cycle\'s rows by their response counts, as the sidebar does', () => {
    const { double } = dashboard();
    const sheet = double.spreadsheet.getSheetByName('Assessments')!;
    const later = new Date(TODAY.getTime() - 86_400_000);
    sheet.appendRow(['2026-S', later, 'Acme Analytics', '', 5, 6.4, 7, 7, 7]);
    sheet.appendRow(['2026-S', later, 'Beta Cloud', '', 3, 9, 7, 7, 7]);
    const values = double.inspect.values('Dashboard');
    expect(values[DASHBOARD_ROWS.latestCycle - 1][1]).toBe('2026-S');
    expect(values[DASHBOARD_ROWS.latestMeans - 1][1]).toBeCloseTo((6.4 * 5 + 9 * 3) / 8, 9);
    expect(values[DASHBOARD_ROWS.gap - 1][1]).toBeCloseTo(6.4 - 9, 9);
  });

  it('tabulates the scorecard per quarter for the line chart', () => {
    const { values } = dashboard();
    const example = examplePartnership(TODAY);
    const quarters = [...new Set(example.scorecard.map((row) => row.quarter as string))].sort();
    const first = DASHBOARD_ROWS.quarterFirst;
    expect(values.slice(first - 1, first - 1 + quarters.length).map((row) => row[0])).toEqual(quarters);
    const q = quarters[0];
    const rows = example.scorecard.filter((row) => row.quarter === q);
    const mean = rows.reduce((sum, row) => sum + (row.competence as number), 0) / rows.length;
    expect(values[first - 1][1]).toBeCloseTo(mean, 9);
  });
});
