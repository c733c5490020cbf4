import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { createFormulaEvaluator } from '../../runtime/formulas/evaluator';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { CORNERS } from '../../src/domain/corners';
import { exampleMeansOf } from '../support/example-means';
import { onTimeRate } from '../../src/domain/commitments';
import { partnerSatisfaction, reciprocity, returnOnInvestment } from '../../src/domain/value';
import { governanceAdvice } from '../../src/domain/governance';
import { examplePartnership } from '../../src/workbook/example';
import { REVIEW_PACK_COLUMN_WIDTHS, REVIEW_PACK_TITLE } from '../../src/workbook/review-pack';
import { locateTable } from '../../src/workbook/layout';
import { BREACHES, CYCLES, PARTNERSHIP } from '../../src/workbook/templates';
import { setUpWorkbook } from '../../src/workbook/setup';

let double: AppsScriptDouble;
let uninstall: () => void;
let evaluator: ReturnType<typeof createFormulaEvaluator>;

const NOW = new Date('2026-11-30T12:00:00Z');

/**
 * A fresh double per test; the formula engine only where a test reads what formulas compute (the
 * review pack): evaluating every write costs a second or two a test.
 */
function freshDouble(withFormulas: boolean): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  if (withFormulas) evaluator = createFormulaEvaluator(customFunctionDecls(), { now: () => new Date() });
  double = createAppsScriptDouble(withFormulas ? { formulaEvaluator: evaluator } : {});
  uninstall = double.install(globalThis);
}
afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

const as = (email: string, name: string, side: string) => {
  double.setActiveUser(email);
  api.saveIdentity({ displayName: name, side });
};

describe('governance record', () => {
  beforeEach(() => freshDouble(false));
  beforeEach(() => api.setUpWorkbook({ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic' }));

  it('prompts gently before a choice, records it with the server’s day and the caller, and says when the review is due', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    expect(api.loadHome().governance).toEqual({ state: 'unchosen', approach: '', reviewDue: null, daysToReview: null });
    expect(api.loadGovernance().advice.advice).toBe('no-cycle');
    const view = api.saveGovernance({ approach: 'Shared governance', rationale: '=HYPERLINK("x") a joint steering committee' });
    expect(view.record).toEqual({
      approach: 'Shared governance', rationale: '=HYPERLINK("x") a joint steering committee', chosenOn: '2026-11-30', chosenBy: 'Ana (Acme)', reviewDue: '2027-05-30',
    });
    const layout = locateTable(double.spreadsheet, PARTNERSHIP);
    const rationaleCell = double.inspect.formulas(layout.sheet.getName())[1][(layout.columnOf.get('governanceRationale') as number) - 1];
    expect(rationaleCell).toBe(''); // stored as text, never a formula
    expect(api.loadHome().governance).toMatchObject({ state: 'current', approach: 'Shared governance', reviewDue: '2027-05-30' });
    vi.setSystemTime(new Date('2027-05-30T12:00:00Z'));
    expect(api.loadHome().governance).toMatchObject({ state: 'review-due', daysToReview: 0 });
    vi.setSystemTime(new Date('2027-06-04T12:00:00Z'));
    expect(api.loadHome().governance).toMatchObject({ state: 'review-due', daysToReview: -5 });
  });

  it('refuses an unknown approach or an empty rationale and writes nothing', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    expect(() => api.saveGovernance({ approach: 'Handshake', rationale: 'x' })).toThrow(/The approach must be one of Contractual safeguards, Gradual commitment, Shared governance, Blend/);
    expect(() => api.saveGovernance({ approach: 'Blend', rationale: '   ' })).toThrow(/The rationale/);
    expect(api.loadGovernance().record).toBeNull();
  });

  it('refuses a caller who has not said who they are', () => {
    expect(() => api.saveGovernance({ approach: 'Blend', rationale: 'Because' })).toThrow(/who you are/);
  });

  it('advises a slower ramp from the latest closed cycle with two low corners', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.startCycle({ name: 'Kick-off', kind: 'Quarterly', anonymity: 'Named' });
    api.submitAssessment({ cycle: 'Kick-off', ratings: { Competence: 8, Reliability: 4, Transparency: 3, Alignment: 7 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
    expect(api.loadGovernance().advice.advice).toBe('no-cycle'); // still open
    as('ben@beta.example', 'Ben', 'Beta'); // a cycle closes with both companies in it
    api.submitAssessment({ cycle: 'Kick-off', ratings: { Competence: 8, Reliability: 4, Transparency: 3, Alignment: 7 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
    api.closeCycle('Kick-off');
    const advice = api.loadGovernance().advice;
    expect(advice).toMatchObject({ cycle: 'Kick-off', advice: 'slower-ramp', cornersNeedingAttention: ['Reliability', 'Transparency'] });
  });
});

describe('rebuild or exit after a severe breach', () => {
  beforeEach(() => freshDouble(false));
  beforeEach(() => api.setUpWorkbook({ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic' }));

  it('records the answers, the decision and its reasons; an exit closes the loop and keeps every record', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.recordBreach({ date: '2026-11-20', what: 'Pricing sheet leaked', corner: 'Transparency' });
    let view = api.loadBreaches();
    const id = view.breaches[0].id;
    expect(view.decisions[id]).toMatchObject({ decision: '', computedRecovery: { recovered: 'Not yet known' }, recommendation: null });
    expect(api.loadHome().breachMode).not.toBeNull();
    expect(() => api.decideBreach({ id: 'B-9', dishonestyOrDataMisuse: true, partnerAcknowledged: false, recovered: 'No', decision: 'Exit', reasons: 'x' })).toThrow(/No breach with id B-9/);
    view = api.decideBreach({ id, dishonestyOrDataMisuse: true, partnerAcknowledged: false, recovered: 'Not yet known', decision: 'Exit', reasons: 'Deliberate; denied' });
    expect(view.decisions[id]).toMatchObject({
      dishonestyOrDataMisuse: 'Yes', partnerAcknowledged: 'No', nextCycleRecovered: 'Not yet known', decision: 'Exit', reasons: 'Deliberate; denied', decidedOn: '2026-11-30', decidedBy: 'Ana (Acme)',
      recommendation: { decision: 'Exit' },
    });
    expect(view.exited).toEqual({ breachId: id, decidedOn: '2026-11-30' });
    const partnership = locateTable(double.spreadsheet, PARTNERSHIP);
    const [, partnershipRow] = double.inspect.values(partnership.sheet.getName());
    expect(partnershipRow[(partnership.columnOf.get('exitedAfter') as number) - 1]).toBe(id);
    expect(view.active).toBe(false);
    const home = api.loadHome();
    expect(home.exited).toMatchObject({ breachId: id });
    expect(home.breachMode).toBeNull();
    expect(home.offer).toBeNull();
    expect(home.daysToReassessment).toBeNull();
    // Every record kept: the breach row is still there with what happened.
    expect(view.breaches.map((b) => b.what)).toEqual(['Pricing sheet leaked']);
    // A second decision is refused.
    expect(() => api.decideBreach({ id, dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Yes', decision: 'Rebuild', reasons: 'Changed our minds' })).toThrow(/already exited/);
    // The loop is closed: no cycle starts, and nothing was written by trying.
    const cyclesBefore = double.inspect.values('Cycles');
    expect(() => api.startCycle({ name: '2027-Q1', kind: 'Quarterly', anonymity: 'Named' })).toThrow(`The partnership was exited on 2026-11-30 after breach ${id}: no new cycle starts.`);
    expect(double.inspect.values('Cycles')).toEqual(cyclesBefore);
  });

  it('a rebuild keeps the reset going and the loop paused until it completes', () => {
    as('ben@beta.example', 'Ben', 'Beta');
    const id = api.recordBreach({ date: '2026-11-20', what: 'Missed the launch without a word', corner: 'Reliability' }).breaches[0].id;
    const view = api.decideBreach({ id, dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Not yet known', decision: 'Rebuild', reasons: 'Owned it at once' });
    expect(view.decisions[id]).toMatchObject({ decision: 'Rebuild', decidedBy: 'Ben (Beta)', recommendation: { decision: 'Rebuild' } });
    expect(view.exited).toBeNull();
    expect(api.loadHome()).toMatchObject({ exited: null, breachMode: { corner: 'Reliability' } });
  });

  it('Repair adds the decision and governance columns to a workbook made before them', () => {
    const breaches = locateTable(double.spreadsheet, BREACHES);
    const column = breaches.columnOf.get('decision') as number;
    breaches.sheet.deleteColumns(column, breaches.width - column + 1);
    expect(() => api.loadBreaches()).toThrow(/has no "Decision", "Decision reasons", "Decided on", "Decided by" columns/);
    const report = setUpWorkbook();
    expect(report.addedColumns).toEqual(['Breaches: Decision', 'Breaches: Decision reasons', 'Breaches: Decided on', 'Breaches: Decided by']);
    expect(api.loadBreaches().breaches).toEqual([]);
  });
});

describe('the review pack on the example partnership', () => {
  beforeEach(() => freshDouble(true));
  const example = examplePartnership(NOW);
  const [ours, partner] = EXAMPLE();
  function EXAMPLE() {
    return [String(examplePartnership(NOW).partnership.ourCompany), String(examplePartnership(NOW).partnership.partnerCompany)];
  }
  const amount = (value: unknown): number | null => (typeof value === 'number' ? value : null);
  const ratio = (result: { status: string; ratio?: number }): number | '' => (result.status === 'ratio' ? (result.ratio as number) : '');

  function preparedPack() {
    api.loadExample();
    as('ana@acme.example', 'Ana Silva', ours);
    const view = api.prepareReview(null);
    const values = double.inspect.values(REVIEW_PACK_TITLE);
    return { view, values, label: (text: string) => values.find((row) => row[0] === text) };
  }

  it('is built for the latest closed cycle with formulas that evaluate in HyperFormula and equal the domain functions', () => {
    const { view, values, label } = preparedPack();
    expect(evaluator.lastErrors()).toEqual([]);
    const latestCycle = String(example.assessments.at(-1)!.cycle);
    expect(view).toMatchObject({ sheet: REVIEW_PACK_TITLE, cycle: latestCycle });
    expect(view.cycles[0]).toBe(latestCycle);
    expect(values[0][0]).toBe('Steering-committee review pack');
    expect(label('Assessment cycle')?.[1]).toBe(latestCycle);

    const { mine, theirs } = exampleMeansOf(example, latestCycle, ours, partner);
    const oursRow = label(ours)!;
    const partnerRow = label(partner)!;
    const gapRow = label(`Gap (${ours} − ${partner})`)!;
    CORNERS.forEach((corner, index) => {
      expect(oursRow[1 + index]).toBeCloseTo(mine[corner] as number, 9);
      expect(partnerRow[1 + index]).toBeCloseTo(theirs[corner] as number, 9);
      expect(gapRow[1 + index]).toBeCloseTo((mine[corner] as number) - (theirs[corner] as number), 9);
    });

    // The focus as the Cycles sheet records it (the +2 rule), and the reasoning Results gives.
    const results = api.loadResults(latestCycle);
    expect(label('Focus corner')?.[1]).toBe(results.priority);
    expect(label('Focus corner’s mean')?.[1]).toBeCloseTo(results.means[results.priority!] as number, 9);
    expect(label('Reliability mean, this cycle')?.[1]).toBeCloseTo(results.means.Reliability as number, 9);
    expect(label(`${ours} may share up to`)?.[1]).toMatch(/^(Early|Mid|Late)$/);
    const text = values.map((row) => String(row[0])).join(' ');
    expect(text).toContain(results.focusReason.split(' ').slice(0, 6).join(' '));

    // Actions of the cycle and what came of them.
    const actions = example.commitments.filter((row) => row.source === `Assessment ${latestCycle}`);
    expect(actions.length).toBe(3);
    expect(label('Actions agreed')?.[1]).toBe(actions.length);
    expect(label('Actions done')?.[1]).toBe(actions.filter((row) => row.status === 'Done').length);

    // Reliability, disclosure balance, value exchange: the domain's figures.
    const today = new Date();
    const onTime = onTimeRate(example.commitments.map((row) => ({ due: row.dueDate as Date, done: (row.doneOn as Date | undefined) ?? null, flagged: null, status: undefined })), today);
    expect(label('On-time rate')?.[1]).toBeCloseTo(onTime as number, 9);
    const shared = example.disclosures.map((row) => ({ side: String(row.side), amount: 1 }));
    expect(label('Disclosure balance (entries each way, 1 = even)')?.[1]).toBeCloseTo(ratio(reciprocity(shared)) as number, 9);
    const latestQuarter = [...new Set(example.valueExchange.map((row) => row.quarter as string))].sort().at(-1)!;
    const quarterRows = example.valueExchange.filter((row) => row.quarter === latestQuarter);
    expect(label('Latest quarter')?.[1]).toBe(latestQuarter);
    expect(label('ROPI (value ÷ investment)')?.[1]).toBeCloseTo(
      ratio(returnOnInvestment(quarterRows.map((row) => ({ value: amount(row.revenueInfluenced), investment: amount(row.investment) })))) as number, 9,
    );
    expect(label('Balance of leads (1 = even)')?.[1]).toBeCloseTo(
      ratio(reciprocity(quarterRows.map((row) => ({ side: row.side as string, amount: row.leads as number })))) as number, 9,
    );
    const scorecardLatest = [...new Set(example.scorecard.map((row) => row.quarter as string))].sort().at(-1);
    expect(label('PSAT (satisfaction ≥ 8), latest scorecard')?.[1]).toBeCloseTo(
      partnerSatisfaction(example.scorecard.filter((row) => row.quarter === scorecardLatest).map((row) => row.satisfaction as number)) as number, 9,
    );

    // Governance review, and the advice from this cycle.
    expect(label('Approach')?.[1]).toBe('Gradual commitment');
    expect(label('Chosen by')?.[1]).toBe('Ben Okafor (Beta Cloud)');
    expect(String(label('Review status')?.[1])).toMatch(/^Next review in \d+ days$/);
    const cycleMeans = Object.fromEntries(CORNERS.map((corner) => [corner, api.loadResults(latestCycle).means[corner]])) as never;
    expect(text).toContain(governanceAdvice({ name: latestCycle, means: cycleMeans }).text.slice(0, 40));
  });

  it('fits the page: six columns within seven inches, nothing frozen, and a rebuild replaces it whole', () => {
    const { values } = preparedPack();
    const facts = double.inspect.sheet(REVIEW_PACK_TITLE);
    expect(facts.lastColumn).toBeLessThanOrEqual(REVIEW_PACK_COLUMN_WIDTHS.length);
    const widths = REVIEW_PACK_COLUMN_WIDTHS.map((_, index) => facts.columnWidths[index + 1]);
    expect(widths).toEqual([...REVIEW_PACK_COLUMN_WIDTHS]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7 * 96);
    expect(facts.frozenRows).toBe(0);
    expect(facts.frozenColumns).toBe(0);
    // Action wording wraps inside the page rather than being cut at its edge.
    const header = values.findIndex((row) => row[0] === 'Action' && row[3] === 'Status') + 1;
    expect(double.spreadsheet.getSheetByName(REVIEW_PACK_TITLE)!.getRange(header + 1, 1).getWrap()).toBe(true);
    // Every sentence written across the page is short enough to print inside it.
    for (const row of values) if (row.slice(1).every((cell) => cell === '')) expect(String(row[0]), String(row[0])).toSatisfy((line: string) => line.length <= 95);
    double.spreadsheet.getSheetByName(REVIEW_PACK_TITLE)!.getRange('A200').setValue('typed by hand');
    api.prepareReview(null);
    expect(double.inspect.sheet(REVIEW_PACK_TITLE).lastRow).toBe(values.length);
    expect(double.inspect.sheetNames().filter((name) => name.startsWith(REVIEW_PACK_TITLE))).toEqual([REVIEW_PACK_TITLE]);
  });

  it('reads no answers when every closed cycle is summed up, and makes the same pack when one is not (read from its answers)', () => {
    const { values } = preparedPack();
    // The example's closed cycles all have their summaries: the pack read none of the answers.
    double.calls.reset();
    api.prepareReview(null);
    const readAnswers = double.roundTrips.counts().cells_read;
    expect(double.inspect.values(REVIEW_PACK_TITLE)).toEqual(values);
    // A summary cleared by hand: that cycle is read from its answers, and the pack says the same.
    const cycles = locateTable(double.spreadsheet, CYCLES);
    const responses = cycles.columnOf.get('summaryResponses')!;
    cycles.sheet.getRange(2, responses).setValue('');
    double.endExecution();
    double.calls.reset();
    api.prepareReview(null);
    expect(double.roundTrips.counts().cells_read).toBeGreaterThan(readAnswers + example.assessments.length * 5);
    expect(double.inspect.values(REVIEW_PACK_TITLE)).toEqual(values);
  });

  it('lists the breaches with their rebuild-or-exit decision (the sidebar passes the Breaches sheet)', () => {
    const { values, label } = preparedPack();
    const breach = example.breaches[0];
    const header = values.findIndex((row) => row[0] === 'Breach, and why it was decided so');
    expect(header).toBeGreaterThan(0);
    const listed = values[header + 1];
    expect(String(listed[0])).toMatch(new RegExp(`^${String(breach.what)}`));
    expect(listed[5]).toBe(breach.id);
    expect(label('Breaches recorded')?.[1]).toBe(example.breaches.length);
  });

  it('lists a chosen cycle’s actions and what came of them', () => {
    preparedPack();
    const firstCycle = String(example.assessments[0].cycle);
    expect(api.prepareReview(firstCycle).cycle).toBe(firstCycle);
    const values = double.inspect.values(REVIEW_PACK_TITLE);
    const actions = example.commitments.filter((row) => row.source === `Assessment ${firstCycle}`);
    expect(actions.length).toBe(3);
    const header = values.findIndex((row) => row[0] === 'Action' && row[3] === 'Status');
    const listed = values.slice(header + 1, header + 1 + actions.length);
    expect(listed.map((row) => [row[0], row[1], row[3], row[5]])).toEqual(actions.map((row) => [row.commitment, row.ownerSide, row.status, row.id]));
    expect(values[header + 1 + actions.length].every((cell) => cell === '')).toBe(true);
    expect(values.find((row) => row[0] === 'Actions agreed')?.[1]).toBe(3);
    expect(values.find((row) => row[0] === 'Actions done')?.[1]).toBe(actions.filter((row) => row.status === 'Done').length);
  });

  it('leaves a sheet of someone’s own called "Review pack" alone, and finds its own pack again after a rename', () => {
    api.loadExample();
    as('ana@acme.example', 'Ana Silva', ours);
    double.spreadsheet.insertSheet(REVIEW_PACK_TITLE).getRange('A1').setValue('Our own notes');
    expect(api.prepareReview(null).sheet).toBe(`${REVIEW_PACK_TITLE} (Trust Corners)`);
    expect(double.inspect.values(REVIEW_PACK_TITLE)).toEqual([['Our own notes']]);
    double.spreadsheet.getSheetByName(`${REVIEW_PACK_TITLE} (Trust Corners)`)!.setName('For the committee');
    expect(api.prepareReview(null).sheet).toBe('For the committee');
    expect(double.inspect.sheetNames().filter((name) => name.includes('Review pack') || name === 'For the committee')).toEqual([REVIEW_PACK_TITLE, 'For the committee']);
  });

  it('is refused for an open or unknown cycle, naming the closed ones', () => {
    api.loadExample();
    as('ana@acme.example', 'Ana Silva', ours);
    expect(() => api.prepareReview('No such cycle')).toThrow(/"No such cycle" is not a closed cycle with answers \(closed: /);
  });
});
