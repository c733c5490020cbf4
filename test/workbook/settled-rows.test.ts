/**
 * The Shared Commitments Log's settled rows (src/workbook/settled.ts, commitments-read.ts): closed
 * commitments past all their dates are summed up by a save, and views then read the rows after
 * them only. Whatever happens to the sheet (rows deleted above, an edit by hand among them, a
 * column inserted, Repair), what the views show and count is what a whole read gives.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';
import { appendRows, type CellValue } from '../../src/workbook/table';
import { locateTable } from '../../src/workbook/layout';
import { BREACHES, COMMITMENTS, PREMORTEM } from '../../src/workbook/templates';
import { asAna, asBen, double, editByHand, useWorkbookDouble, withSettlementSetAside } from '../support/workbook-double';

useWorkbookDouble();

const LOG = COMMITMENTS.title;
const PROPERTY = `${SETTLED_PROPERTY_PREFIX}${COMMITMENTS.key}`;
const column = (key: string) => COMMITMENTS.columns.findIndex((spec) => spec.key === key) + 1;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Seeded {
  status: string;
  dueDate: CellValue;
  doneOn?: CellValue;
  flaggedOn?: CellValue;
  source?: string;
}

/** Rows written straight into the log (as years of use left them), ids C-1… in order. */
function seed(rows: readonly Seeded[]): void {
  appendRows(
    locateTable(double.spreadsheet, COMMITMENTS),
    rows.map((row, i) => ({ id: `C-${i + 1}`, commitment: `Commitment ${i + 1}`, ownerSide: i % 2 === 0 ? 'Acme' : 'Beta', ownerPerson: 'Ana', corner: 'Reliability', source: 'Weekly sync', doneOn: '', flaggedOn: '', ...row })),
  );
  double.endExecution();
}

/** Closed long ago: done on time, done late, missed and flagged, declined. */
const CLOSED: readonly Seeded[] = [
  { status: 'Done', dueDate: day('2026-03-10'), doneOn: day('2026-03-09') },
  { status: 'Done', dueDate: day('2026-04-10'), doneOn: day('2026-04-12') },
  { status: 'Missed', dueDate: day('2026-05-10'), flaggedOn: day('2026-05-01') },
  { status: 'Declined', dueDate: day('2026-06-10') },
];

const settlement = (): { through: number; summary: Record<string, unknown> } | null => {
  const text = double.inspect.properties('document')[PROPERTY];
  return text ? (JSON.parse(text) as { through: number; summary: Record<string, unknown> }) : null;
};

/** A save that reads the log: Ana notes a recovery plan on a commitment in play. */
function saveSomething(id: string): void {
  asAna();
  api.updateCommitment({ id, recoveryPlan: `Noted ${Date.now()}` });
  double.endExecution();
}

/** Sync as a new request sees it, and the cells it read. */
function sync() {
  double.endExecution();
  double.calls.reset();
  const view = api.loadCommitments();
  return { view, cells: double.roundTrips.counts().cells_read };
}

/** Sync as a whole read of the log gives it: the same request with the settlement set aside. */
function syncReadWhole() {
  return withSettlementSetAside(COMMITMENTS.key, () => api.loadCommitments());
}

const inPlay = (count: number): Seeded[] => Array.from({ length: count }, (_, i) => ({ status: i % 2 === 0 ? 'Open' : 'At risk', dueDate: day('2026-12-20') }));

describe('settled commitments', () => {
  it('a save sums up the closed ones before the first in play; Sync then reads only the rest and counts the same', () => {
    const closed = Array.from({ length: 60 }, (_, i) => CLOSED[i % CLOSED.length]);
    seed([...closed, ...inPlay(3)]);
    expect(settlement()).toBeNull();
    saveSomething('C-61');
    expect(settlement()).toMatchObject({ through: 61, summary: { rows: 60, dueSoFar: 45, onTime: 15, slipped: 30, flaggedEarly: 15, notTakenOn: 15, highestId: 60 } });

    const { view, cells } = sync();
    expect(view.commitments.map((c) => c.id)).toEqual(['C-61', 'C-62', 'C-63']);
    expect(view.settledCount).toBe(60);
    double.calls.reset();
    const whole = syncReadWhole();
    const wholeCells = double.roundTrips.counts().cells_read;
    expect(view.rates).toEqual(whole.rates);
    expect(whole.commitments).toHaveLength(63);
    expect(whole.settledCount).toBe(0);
    // The 60 settled rows' cells are not read (but row 61, the mark).
    expect(wholeCells - cells).toBeGreaterThanOrEqual(59 * (COMMITMENTS.columns.length - 4));
  });

  it('stop at a commitment still in play, one with a date still to come, and the row the save writes', () => {
    seed([CLOSED[0], { status: 'Open', dueDate: day('2026-11-20') }, CLOSED[1], { status: 'Dropped', dueDate: day('2026-12-01') }]);
    saveSomething('C-2');
    // C-1 (row 2) only: C-2 is open.
    expect(settlement()?.through).toBe(2);
    api.updateCommitment({ id: 'C-2', status: 'Done', doneOn: '2026-11-25' });
    double.endExecution();
    // C-2 (row 3) is settled now, but that save wrote it: the settled rows stop before it until a later save.
    expect(settlement()?.through).toBe(2);
    saveSomething('C-4');
    // C-4 is dropped but due tomorrow: its share of the rates is not fixed yet.
    expect(settlement()?.through).toBe(4);
    expect(sync().view.commitments.map((c) => c.id)).toEqual(['C-4']);
  });

  it('new ids come after the settled ones, and a settled commitment can still be found and changed', () => {
    seed([...CLOSED, ...inPlay(1)]);
    saveSomething('C-5');
    expect(settlement()?.through).toBe(5);
    asAna();
    const added = api.addCommitment({ commitment: 'Weekly report', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2026-12-31' });
    expect(added.commitments.map((c) => c.id)).toContain('C-006');
    // An edit of a settled row (through the sidebar): found by a whole read, and the sum starts over before it.
    api.updateCommitment({ id: 'C-2', recoveryPlan: 'Agreed to move reviews to Mondays' });
    double.endExecution();
    expect(settlement()?.through).toBe(2);
    expect(double.inspect.values(LOG)[2][column('recoveryPlan') - 1]).toBe('Agreed to move reviews to Mondays');
    expect(sync().view.rates).toEqual(syncReadWhole().rates);
  });

  it('a closed commitment without its id is not settled, and Repair still gives it one', () => {
    seed([...CLOSED, ...inPlay(1)]);
    // Row 4 (C-3) loses its id, typed over by a script (no onEdit).
    double.spreadsheet.getSheetByName(LOG)!.getRange(4, column('id')).setValue('');
    double.endExecution();
    saveSomething('C-5');
    expect(settlement()?.through).toBe(3);
    repairWorkbook();
    double.endExecution();
    expect(String(double.inspect.values(LOG)[3][column('id') - 1])).toMatch(/^C-\d+$/);
  });

  it('rows deleted or inserted above, or a column inserted, make the view read the whole log', () => {
    seed([...CLOSED, ...CLOSED, ...inPlay(2)]);
    saveSomething('C-9');
    expect(settlement()?.through).toBe(9);
    const sheet = double.spreadsheet.getSheetByName(LOG)!;
    sheet.deleteRow(3);
    double.endExecution();
    expect(sync().view.rates).toEqual(syncReadWhole().rates);
    expect(sync().view.commitments.map((c) => c.id)).toContain('C-1');
    // The next save sums them up again where they are now.
    saveSomething('C-9');
    expect(settlement()?.through).toBe(8);
    sheet.insertColumnBefore(column('status'));
    double.endExecution();
    const after = sync().view;
    expect(after.commitments.map((c) => [c.id, c.status])).toContainEqual(['C-9', 'Open']);
    expect(after.rates).toEqual(syncReadWhole().rates);
  });

  it('an edit by hand among the settled rows clears their sum, and so does the Repair menu item', () => {
    seed([...CLOSED, ...inPlay(1)]);
    saveSomething('C-5');
    expect(settlement()?.through).toBe(5);
    editByHand(LOG, 3, column('status'), 'Open', 'Done');
    double.endExecution();
    expect(settlement()).toBeNull();
    expect(sync().view.commitments.map((c) => c.id)).toContain('C-2');
    saveSomething('C-5');
    expect(settlement()?.through).toBe(1 + 1);
    // Set-up from the sidebar keeps them (each is checked by its mark); the Repair menu item starts them over.
    asAna();
    api.setUpWorkbook(null);
    double.endExecution();
    expect(settlement()?.through).toBe(2);
    repairWorkbook();
    double.endExecution();
    expect(settlement()).toBeNull();
  });

  it("a cycle's settled actions still show in its results and Home, and a settled declined one can still be replaced once", () => {
    asAna();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 6, Transparency: 4, Alignment: 6 }, evidence: noEvidence });
    asBen();
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 7, Transparency: 5, Alignment: 6 }, evidence: noEvidence });
    asAna();
    const [first, second, third] = api
      .agreeActions('2026-Q4', 'Transparency', [
        { commitment: 'Share the pricing calendar', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-01-14' },
        { commitment: 'Monthly pipeline report', ownerSide: 'Beta', ownerPerson: 'Ben', dueDate: '2027-01-14' },
        { commitment: 'No-surprises rule', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-01-14' },
      ])
      .actions.map((action) => action.id);
    asBen();
    api.declineCommitment(first, 'Pricing is confidential');
    api.acceptCommitment(second);
    api.declineCommitment(third, 'Not now');
    // Two months on, Ben marks the report done; the next save settles the three.
    vi.setSystemTime(new Date('2027-02-01T12:00:00Z'));
    api.updateCommitment({ id: second, status: 'Done', doneOn: '2027-01-10' });
    seed(inPlay(1)); // row 5, id C-1 (the seed's own numbering)
    saveSomething('C-1');
    expect(settlement()?.through).toBe(4);
    const ids = [first, second, third].sort();
    expect(api.loadResults('2026-Q4').actions.map((action) => action.id).sort()).toEqual(ids);
    expect(api.loadHome().actions.map((action) => action.id).sort()).toEqual(ids);
    expect(sync().view.commitments.map((c) => c.id)).toEqual(['C-1']);
    asAna();
    const replaced = api.proposeReplacement({ replaces: first, commitment: 'Pricing for the top ten', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-03-15' });
    expect(replaced.actions.some((action) => action.replaces === first)).toBe(true);
    expect(() => api.proposeReplacement({ replaces: first, commitment: 'Again', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-03-15' })).toThrow(/replaced already/);
  });

  it('counts what a whole read counts, for any log and any day', () => {
    const status = fc.constantFrom('Proposed', 'Open', 'At risk', 'Done', 'Missed', 'Renegotiated', 'Dropped', 'Declined', 'Withdrawn', '');
    const date = fc.option(fc.integer({ min: -120, max: 40 }).map((offset) => new Date(day('2026-11-30').getTime() + offset * 86_400_000)), { nil: '' as const });
    const row = fc.record({ status, dueDate: date, doneOn: date, flaggedOn: date });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 60 }), (rows, later) => {
        double.spreadsheet.getSheetByName(LOG)!.getRange(2, 1, 40, COMMITMENTS.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
        seed([...rows, ...inPlay(1)]);
        saveSomething(`C-${rows.length + 1}`);
        vi_shift(later);
        const view = sync().view;
        const whole = syncReadWhole();
        vi_shift(-later);
        expect(view.rates).toEqual(whole.rates);
        expect(view.commitments.length + view.settledCount).toBe(whole.commitments.length);
      }),
      { numRuns: 40 },
    );
  });
});

/** Moves the pinned clock by `days` (the views count as of today). */
function vi_shift(days: number): void {
  vi.setSystemTime(new Date(Date.now() + days * 86_400_000));
}

describe('settled breaches', () => {
  const BREACH_PROPERTY = `${SETTLED_PROPERTY_PREFIX}breaches`;
  const breachSettlement = () => JSON.parse(double.inspect.properties('document')[BREACH_PROPERTY] || 'null') as { through: number; summary: Record<string, unknown> } | null;

  /** The breach view as a whole read of the log gives it: the same request with the settlement set aside. */
  function breachesReadWhole() {
    const properties = double.globals.PropertiesService.getDocumentProperties();
    const kept = properties.getProperty(BREACH_PROPERTY);
    properties.deleteProperty(BREACH_PROPERTY);
    const view = api.loadBreaches();
    if (kept !== null) properties.setProperty(BREACH_PROPERTY, kept);
    double.endExecution();
    return view;
  }

  const decide = (id: string) =>
    api.decideBreach({ id, dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Not yet known', decision: 'Rebuild', reasons: 'Owned at once' });

  it('a save sums up the breaches reset and decided before today; Home and the breach view then read the ones after them, and show what a whole read shows', () => {
    asAna();
    const first = api.recordBreach({ date: '2026-03-02', what: 'Shared a forecast without asking', corner: 'Transparency' }).breaches[0].id;
    api.updateBreach({ id: first, acknowledgedOn: '2026-03-03', reviewDate: '2026-04-01', status: 'Reset complete' });
    const second = api.recordBreach({ date: '2026-06-01', what: 'Missed the launch date', corner: 'Reliability' }).breaches.find((b) => b.id !== first)!.id;
    api.updateBreach({ id: second, acknowledgedOn: '2026-06-02', reviewDate: '2026-07-01', status: 'Reset complete' });
    decide(first);
    // Decided today: still listed (as decided), not settled.
    const decided = decide(second);
    double.endExecution();
    expect(decided.breaches.map((b) => b.id)).toEqual([first, second]);
    expect(decided.earlier).toBe(0);
    expect(breachSettlement()).toBeNull();
    vi_shift(1);
    api.recordBreach({ date: '2026-11-27', what: 'Pricing sent to a competitor', corner: 'Transparency' });
    double.endExecution();
    expect(breachSettlement()).toMatchObject({ through: 3, summary: { rows: 2, highestId: 2, latestCompleted: day('2026-07-01').getTime() } });

    const home = api.loadHome();
    expect(home.breachMode).toMatchObject({ what: 'Pricing sent to a competitor', corner: 'Transparency' });
    expect(home.offer).toMatchObject({ kind: 'Reset', reason: 'breach' });
    double.endExecution();
    const view = api.loadBreaches();
    expect(view.breaches.map((b) => b.what)).toEqual(['Pricing sent to a competitor']);
    expect(view.earlier).toBe(2);
    expect(view).toEqual(breachesReadWhole());
    // A settled breach is still found by its id (a whole read): its prevention plan can be added.
    api.updateBreach({ id: first, preventionPlan: 'Forecasts go through the steering committee' });
    double.endExecution();
    expect(breachSettlement()).toBeNull();
    const third = api.recordBreach({ date: '2026-11-28', what: 'Second leak', corner: 'Transparency' }).breaches.find((b) => b.what === 'Second leak')!.id;
    expect(third).toBe('B-004');
    api.updateBreach({ id: view.breaches[0].id, acknowledgedOn: '2026-11-27', reviewDate: '2026-11-29', status: 'Reset complete' });
    double.endExecution();
    expect(api.loadHome().breachMode).toMatchObject({ what: 'Second leak' });
    vi_shift(-1);
  });

  it('the breach view lists and decides what a whole read does, for any Breach Log', () => {
    const status = fc.constantFrom('Reset under way', 'Reset complete');
    const decidedOn = fc.option(fc.integer({ min: -60, max: 0 }).map((offset) => new Date(day('2026-11-30').getTime() + offset * 86_400_000)), { nil: '' as const });
    const breach = fc.record({ status, decision: fc.constantFrom('', 'Rebuild', 'Exit'), decidedOn, date: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.array(breach, { minLength: 0, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (breaches, later) => {
        const layout = locateTable(double.spreadsheet, BREACHES);
        layout.sheet.getRange(2, 1, 40, BREACHES.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(BREACH_PROPERTY);
        appendRows(layout, breaches.map((b, i) => ({ ...b, id: `B-${i + 1}`, date: new Date(day('2026-01-01').getTime() + b.date * 86_400_000), what: `Breach ${i + 1}`, corner: 'Transparency' })));
        double.endExecution();
        asAna();
        api.recordBreach({ date: '2026-11-20', what: 'The latest', corner: 'Reliability' });
        double.endExecution();
        vi_shift(later);
        const view = api.loadBreaches();
        double.endExecution();
        const whole = breachesReadWhole();
        vi_shift(-later);
        expect(view).toEqual(whole);
        expect(view.earlier + view.breaches.length).toBe(breaches.length + 1);
        expect(view.breaches.at(-1)?.what).toBe('The latest');
        expect(view.breaches.at(-1)?.id).toBe(`B-${String(breaches.length + 1).padStart(3, '0')}`);
      }),
      { numRuns: 30 },
    );
  });
});

describe('settled answers', () => {
  const ANSWERS_PROPERTY = `${SETTLED_PROPERTY_PREFIX}assessments`;
  const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
  const rate = (c: number, r: number, t: number, a: number) => ({ Competence: c, Reliability: r, Transparency: t, Alignment: a });

  /** Ana opens `name` (ad hoc: cycles here follow each other quickly), both answer, and unless asked Ana closes it. */
  function cycle(name: string, ana: ReturnType<typeof rate>, ben: ReturnType<typeof rate>, close = true): void {
    asAna();
    api.startCycle({ name, kind: 'Ad hoc', anonymity: 'Named' });
    api.submitAssessment({ cycle: name, ratings: ana, evidence: noEvidence });
    asBen();
    api.submitAssessment({ cycle: name, ratings: ben, evidence: noEvidence });
    asAna();
    if (close) api.closeCycle(name);
    double.endExecution();
  }

  /** What `view` shows when the answers are read whole: the same request with the settlement set aside. */
  const readWhole = <T>(view: () => T): T => withSettlementSetAside('assessments', view);

  it("a save after cycles closed sums up their answers; views read the open cycle's only, and show what a whole read shows", () => {
    cycle('Kick-off', rate(8, 7, 6, 5), rate(7, 6, 4, 5));
    cycle('Launch review', rate(6, 6, 5, 5), rate(7, 5, 3, 6));
    cycle('Year end', rate(7, 7, 6, 6), rate(8, 6, 5, 6), false);
    // The saves of the open cycle summed up the two closed cycles' answers (rows 2–5).
    expect(JSON.parse(double.inspect.properties('document')[ANSWERS_PROPERTY]!)).toMatchObject({
      through: 5,
      summary: { rows: 4, cycles: [['kick-off', 'Kick-off', 2, 3], ['launch review', 'Launch review', 4, 5]] },
    });
    asBen();
    const views = () => ({ home: api.loadHome(), assessment: api.loadAssessment(), results: [null, 'Kick-off', 'Launch review', 'Year end'].map((name) => api.loadResults(name)) });
    double.endExecution();
    const settled = views();
    expect(settled).toEqual(readWhole(views));
    expect(settled.assessment.suggestedNames['Ad hoc']).not.toMatch(/^(Kick-off|Launch review)$/);

    // A breach dated inside a settled cycle sets it against the breach's day from its answers.
    asAna();
    const breach = api.recordBreach({ date: '2026-11-30', what: 'Shared pricing', corner: 'Transparency' });
    double.endExecution();
    expect(api.loadBreaches()).toEqual(readWhole(() => api.loadBreaches()));
    expect(breach.breaches).toHaveLength(1);
  });

  it('an answer typed by hand among the settled ones clears their sum (onEdit), and it is counted', () => {
    cycle('Kick-off', rate(8, 7, 6, 5), rate(7, 6, 4, 5));
    cycle('Year end', rate(7, 7, 6, 6), rate(8, 6, 5, 6), false);
    expect(JSON.parse(double.inspect.properties('document')[ANSWERS_PROPERTY]!).through).toBe(3);
    editByHand('Assessments', 3, 1, 'Year end', 'Kick-off');
    double.endExecution();
    expect(double.inspect.properties('document')[ANSWERS_PROPERTY] ?? '').toBe('');
    expect(api.loadResults('Year end').bySide.map((side) => side.responses).reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('settled risks', () => {
  const RISK_PROPERTY = `${SETTLED_PROPERTY_PREFIX}premortem`;

  function premortemReadWhole() {
    const properties = double.globals.PropertiesService.getDocumentProperties();
    const kept = properties.getProperty(RISK_PROPERTY);
    properties.deleteProperty(RISK_PROPERTY);
    const view = api.loadPremortem();
    if (kept !== null) properties.setProperty(RISK_PROPERTY, kept);
    double.endExecution();
    return view;
  }

  const newRisk = (risk: string) => ({ initiative: 'Launch', risk, likelihood: 'Medium', impact: 'High', earlySignal: '', recoveryStandard: '', ownerSide: 'Beta' });

  it('the pre-mortem lists the risks from the first not yet a commitment, as a whole read does, for any sheet', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (made) => {
        const layout = locateTable(double.spreadsheet, PREMORTEM);
        layout.sheet.getRange(2, 1, 40, PREMORTEM.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(RISK_PROPERTY);
        appendRows(layout, made.map((commitment, i) => ({ ...newRisk(`Risk ${i + 1}`), id: `R-${i + 1}`, commitmentId: commitment ? `C-${i + 1}` : '' })));
        double.endExecution();
        asAna();
        api.addRisk(newRisk('The latest'));
        double.endExecution();
        const settled = JSON.parse(double.inspect.properties('document')[RISK_PROPERTY] || 'null') as { through: number } | null;
        const leading = made.findIndex((commitment) => !commitment);
        expect(settled?.through ?? 1).toBe(1 + (leading < 0 ? made.length : leading));
        const view = api.loadPremortem();
        double.endExecution();
        expect(view).toEqual(premortemReadWhole());
        expect(view.earlier + view.risks.length).toBe(made.length + 1);
        expect(view.risks.at(-1)).toMatchObject({ risk: 'The latest', id: `R-${String(made.length + 1).padStart(3, '0')}` });
        // A risk not listed is still found: it is a commitment already.
        if (view.earlier > 0) expect(() => api.riskToCommitment('R-1', '2027-01-15')).toThrow(/R-1 is already commitment C-1/);
      }),
      { numRuns: 25 },
    );
  });
});
