import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { CornerName } from '../../src/sidebar/common/api';
import { as, double, useWorkbookDouble } from '../support/workbook-double';

// Each test sets up (or not) itself: some start from a spreadsheet that is not set up.
useWorkbookDouble({ partnership: false });

const rate = (c: number, r: number, t: number, a: number) => ({ Competence: c, Reliability: r, Transparency: t, Alignment: a });
const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };

function setUpPartnership() {
  const home = api.setUpWorkbook();
  expect(home.setUp).toBe(true);
  double.spreadsheet.getSheetByName('Partnership')!.getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
}

describe('sidebar handlers on the double', () => {
  it('offers setup on a workbook that is not set up', () => {
    const home = api.loadHome();
    expect(home.setUp).toBe(false);
    expect(home.identity).toBeNull();
  });

  it('refuses an identity with a side that is not one of the two companies', () => {
    setUpPartnership();
    expect(() => api.saveIdentity({ displayName: 'Ana', side: 'Gamma' })).toThrow('"Gamma" is not one of the two companies (Acme, Beta).');
    expect(() => api.saveIdentity({ displayName: '  ', side: 'Acme' })).toThrow(/name is empty/);
  });

  it('runs an assessment by both sides, shows results, agrees actions and the other side accepts them', () => {
    setUpPartnership();
    const ratings: Array<[string, string, string, ReturnType<typeof rate>]> = [
      ['ana@acme.example', 'Ana', 'Acme', rate(8, 7, 6, 5)],
      ['raj@acme.example', 'Raj', 'Acme', rate(7, 7, 6, 4)],
      ['ben@beta.example', 'Ben', 'Beta', rate(7, 6, 3, 5)],
      ['sofia@beta.example', 'Sofia', 'Beta', rate(8, 6, 4, 6)],
    ];
    as('ana@acme.example', 'Ana', 'Acme');
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    for (const [email, name, side, rating] of ratings) {
      as(email, name, side);
      api.submitAssessment({ cycle: '2026-Q4', ratings: rating, evidence: noEvidence });
    }
    const results = api.loadResults(null);
    expect(results.cycle).toBe('2026-Q4');
    expect(results.means).toEqual({ Competence: 7.5, Reliability: 6.5, Transparency: 4.75, Alignment: 5 });
    expect(results.bySide.map((side) => [side.side, side.responses])).toEqual([['Acme', 2], ['Beta', 2]]);
    expect(results.gaps?.Transparency).toBe(2.5);
    expect(results.notableGaps).toEqual(['Transparency']);
    expect(results.atRisk).toEqual(['Transparency', 'Alignment']);
    expect(results.priority).toBe('Transparency');
    expect(results.activities.length).toBe(3);

    as('ana@acme.example', 'Ana', 'Acme');
    const due = results.defaultDueDate;
    const agreed = api.agreeActions('2026-Q4', 'Transparency' as CornerName, [
      { commitment: 'Share the pricing calendar', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: due },
      { commitment: 'Monthly pipeline report', ownerSide: 'Beta', ownerPerson: 'Ben', dueDate: due },
      { commitment: 'No-surprises rule in the charter', ownerSide: 'Acme', ownerPerson: 'Raj', dueDate: due },
    ]);
    expect(agreed.actions.map((action) => action.status)).toEqual(['Proposed', 'Proposed', 'Proposed']);
    expect(agreed.actions.every((action) => !action.awaitingYourAcceptance)).toBe(true);
    const log = double.inspect.values('Shared Commitments Log');
    expect(log.slice(1).map((row) => [row[1], row[7], row[12]])).toEqual([
      ['Share the pricing calendar', 'Proposed', 'Assessment 2026-Q4'],
      ['Monthly pipeline report', 'Proposed', 'Assessment 2026-Q4'],
      ['No-surprises rule in the charter', 'Proposed', 'Assessment 2026-Q4'],
    ]);
    // Closing the cycle sets the next reassessment, 90 days out.
    expect(api.loadHome().daysToReassessment).toBeNull();
    api.closeCycle('2026-Q4');
    expect(api.loadHome().daysToReassessment).toBe(90);
    expect(() => api.acceptCommitment(agreed.actions[0].id)).toThrow(/was proposed by your side \(Acme\); the other side accepts it/);

    as('ben@beta.example', 'Ben', 'Beta');
    const view = api.acceptCommitment(agreed.actions[0].id);
    const accepted = view.commitments.find((item) => item.id === agreed.actions[0].id)!;
    expect(accepted.status).toBe('Open');
    expect(accepted.acceptedBy).toBe('Ben (Beta)');
    expect(double.inspect.values('Change History').at(-1)?.slice(1, 7)).toEqual(['Ben (Beta)', 'Shared Commitments Log', agreed.actions[0].id, 'Accepted by', '', 'Ben (Beta)']);
  });

  it('keeps the right to accept with the other side, whoever edits the proposal meanwhile', () => {
    setUpPartnership();
    as('ana@acme.example', 'Ana', 'Acme');
    const [id] = api.addCommitment({ commitment: 'Share the roadmap', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Alignment', dueDate: '2027-01-10' })
      .commitments.map((item) => item.id);
    as('ben@beta.example', 'Ben', 'Beta');
    api.updateCommitment({ id, recoveryPlan: 'Draft first' });
    expect(api.loadCommitments().commitments[0].awaitingYourAcceptance).toBe(true);
    as('ana@acme.example', 'Ana', 'Acme');
    expect(api.loadCommitments().commitments[0].awaitingYourAcceptance).toBe(false);
    expect(() => api.acceptCommitment(id)).toThrow(/was proposed by your side \(Acme\); the other side accepts it/);
  });

  it('asks for exactly three actions with valid due dates', () => {
    setUpPartnership();
    as('ana@acme.example', 'Ana', 'Acme');
    api.startCycle({ name: 'C1', kind: 'Quarterly', anonymity: 'Anonymous' });
    api.submitAssessment({ cycle: 'C1', ratings: rate(5, 5, 5, 5), evidence: noEvidence });
    const action = { commitment: 'x', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2026-12-31' };
    expect(() => api.agreeActions('C1', 'Alignment', [action, action])).toThrow('The actions must be a list of exactly 3; got 2.');
    expect(() => api.agreeActions('C1', 'Alignment', [action, action, { ...action, dueDate: 'soon' }])).toThrow('The due date must be a date (yyyy-mm-dd); got "soon".');
    expect(() => api.agreeActions('C1', 'Alignment', [action, action, { ...action, ownerPerson: ' ' }])).toThrow('The owner person is empty; please fill it in.');
    expect(() => api.agreeActions('C1', 'Alignment', [action, action, { ...action, dueDate: '2026-12-01' }])).toThrow(
      "Action 3's due date 2026-12-01 is 1 days from today; agreed actions fall due 30 to 60 days out (2026-12-30 to 2027-01-29).",
    );
    expect(double.inspect.values('Shared Commitments Log').length).toBeLessThanOrEqual(1);
  });

  it('keeps a sealed cycle out of the sheet until three of a side have answered', () => {
    setUpPartnership();
    const acme = [rate(8, 8, 8, 8), rate(6, 6, 6, 6), rate(7, 4, 5, 9)];
    as('a0@acme.example', 'A0', 'Acme');
    api.startCycle({ name: 'S1', kind: 'Quarterly', anonymity: 'Sealed' });
    acme.forEach((rating, index) => {
      as(`a${index}@acme.example`, `A${index}`, 'Acme');
      const result = api.submitAssessment({ cycle: 'S1', ratings: rating, evidence: noEvidence });
      expect(result.answeredBySide.Acme).toBe(index + 1);
      const sheetRows = double.inspect.values('Assessments').slice(1).filter((row) => row[0] !== '');
      if (index < 2) {
        expect(sheetRows).toEqual([]);
        expect(result.writtenSides).toEqual([]);
      } else {
        expect(sheetRows).toHaveLength(1);
        expect(sheetRows[0].slice(2, 9)).toEqual(['Acme', '', 3, 7, 6, 19 / 3, 23 / 3]);
      }
    });
    expect(api.loadAssessment().openCycle).toMatchObject({ name: 'S1', anonymity: 'Sealed', minimumPerSide: 3, answeredBySide: { Acme: 3 } });
    // A fourth and fifth answer change nothing in the sheet (one person's rating could be derived);
    // the sixth completes a batch and the row is refreshed with all six.
    for (const index of [3, 4, 5]) {
      as(`a${index}@acme.example`, `A${index}`, 'Acme');
      api.submitAssessment({ cycle: 'S1', ratings: rate(2, 2, 2, 2), evidence: noEvidence });
      const row = double.inspect.values('Assessments')[1];
      expect(row[4]).toBe(index < 5 ? 3 : 6);
    }
    expect(double.inspect.values('Assessments')[1][5]).toBe((8 + 6 + 7 + 2 + 2 + 2) / 6);
    const everything = JSON.stringify(double.inspect.values('Assessments'));
    expect(everything).not.toContain('A0');
  });

  it('lets the person starting a sealed cycle pick the minimum, within 3 to 50, fixed once the cycle is open', () => {
    setUpPartnership();
    as('a0@acme.example', 'A0', 'Acme');
    const start = (name: string, sealedMinimum?: number) => api.startCycle({ name, kind: 'Quarterly', anonymity: 'Sealed', ...(sealedMinimum === undefined ? {} : { sealedMinimum }) });
    expect(() => start('S2', 2)).toThrow('Answers per side before a sealed cycle writes means must be a whole number from 3 to 50; got 2.');
    expect(start('S2', 4).openCycle).toMatchObject({ name: 'S2', minimumPerSide: 4 });
    expect(() => start('S3')).toThrow('Cycle "S2" is still open: close it before starting another.');
    const answer = () => api.submitAssessment({ cycle: 'S2', ratings: rate(5, 5, 5, 5), evidence: noEvidence });
    // The answer carries no settings: anything else is refused, not ignored.
    expect(() => api.submitAssessment({ cycle: 'S2', sealed: false, ratings: rate(5, 5, 5, 5), evidence: noEvidence } as never)).toThrow(/has a field "sealed" that is not part of it/);
    expect(answer().writtenSides).toEqual([]);
    as('a1@acme.example', 'A1', 'Acme');
    expect(answer().answeredBySide).toEqual({ Acme: 2 });
    expect(api.loadAssessment().sealedMinimumDefault).toBe(3);
  });

  it('runs the loop across quarters: a cycle opens, closes with its focus, the next is offered when due, names never reused', () => {
    setUpPartnership();
    as('ana@acme.example', 'Ana', 'Acme');
    let view = api.loadAssessment();
    expect(view.openCycle).toBeNull();
    expect(view.offer).toMatchObject({ kind: 'Quarterly', reason: 'first', suggestedName: '2026-Q4' });
    view = api.startCycle({ name: view.offer!.suggestedName, kind: 'Quarterly', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2026-Q4', ratings: rate(8, 7, 4, 6), evidence: noEvidence });
    // One person, one answer: a second named answer replaces the first.
    api.submitAssessment({ cycle: '2026-Q4', ratings: rate(8, 7, 5, 6), evidence: noEvidence });
    as('ben@beta.example', 'Ben', 'Beta');
    api.submitAssessment({ cycle: '2026-Q4', ratings: rate(7, 6, 3, 6), evidence: noEvidence });
    expect(api.loadAssessment().openCycle?.answeredBySide).toEqual({ Acme: 1, Beta: 1 });
    expect(api.loadResults(null)).toMatchObject({ cycle: '2026-Q4', open: true, priority: 'Transparency', gapLabel: 'Acme − Beta', gaps: { Transparency: 2 } });
    const answeredKeys = () => Object.entries(double.inspect.properties('document')).filter(([key]) => key.startsWith('trustCorners.answered.2026-Q4'));
    expect(answeredKeys().some(([, value]) => value !== '')).toBe(true);
    view = api.closeCycle('2026-Q4');
    expect(view.openCycle).toBeNull();
    // Who answered is no longer needed once the cycle is closed: emptied in the same save.
    expect(answeredKeys().length).toBeGreaterThan(0);
    expect(answeredKeys().every(([, value]) => value === '')).toBe(true);
    expect(double.inspect.values('Cycles')[1].slice(0, 3)).toEqual(['2026-Q4', 'Quarterly', 'Named']);
    expect(double.inspect.values('Cycles')[1][8]).toBe('Transparency');
    expect(() => api.submitAssessment({ cycle: '2026-Q4', ratings: rate(5, 5, 5, 5), evidence: noEvidence })).toThrow('No assessment cycle is open: start one first.');
    const home = api.loadHome();
    expect(home.daysToReassessment).toBe(90);
    expect(home.offer).toBeNull();
    // 91 days later the reassessment is due, and the suggested name is new.
    vi.setSystemTime(new Date('2027-03-01T12:00:00Z'));
    expect(api.loadHome().offer).toMatchObject({ kind: 'Quarterly', reason: 'due', suggestedName: '2027-Q1' });
    expect(() => api.startCycle({ name: ' 2026-q4 ', kind: 'Quarterly', anonymity: 'Named' })).toThrow(/already exists/);
    api.startCycle({ name: '2027-Q1', kind: 'Quarterly', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2027-Q1', ratings: rate(7, 6, 5, 6), evidence: noEvidence });
    // Transparency moved +1 since it became the focus (4 -> 5): it stays.
    expect(api.loadResults(null)).toMatchObject({ cycle: '2027-Q1', priority: 'Transparency', reassessment: { targeted: 'Transparency', improved: false } });
    expect(api.loadResults(null).focusReason).toMatch(/^Transparency stays the focus/);
  });

  it('says clearly when a save is refused because the other side holds the lock', () => {
    setUpPartnership();
    as('ana@acme.example', 'Ana', 'Acme');
    double.lock.holdByOther();
    expect(() => api.addCommitment({ commitment: 'x', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-12-31' })).toThrow(
      'The other side is saving right now, so "Add commitment" was not saved (nothing was written). Try again in a moment.',
    );
  });
});
