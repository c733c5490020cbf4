/**
 * The Joint Health Scorecard's server handlers on the Apps Script double: one row per side per
 * quarter (a side's second save replaces its row), the side from the saved identity, both sides
 * and the previous quarter in one view, action items on the adder's row, pNPS and PSAT from the
 * satisfaction scores, and every refused save leaving the workbook as it was.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { ScorecardInput } from '../../src/sidebar/scorecard/api';
import { as, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();


const scores = (quarter: string, [c, r, t, a]: number[], satisfaction: number, extra: Partial<ScorecardInput> = {}): ScorecardInput => ({
  quarter,
  corners: { Competence: c, Reliability: r, Transparency: t, Alignment: a },
  domainExpertise: 7,
  executionCapacity: 6,
  learningVelocity: 5,
  satisfaction,
  comments: '',
  ...extra,
});

/** The scorecard's rows below the header, as [quarter, side, C, R, T, A, domain, execution, learning, satisfaction, comments, action items]. */
const sheetRows = () => double.inspect.values('Joint Health Scorecard').slice(1).filter((row) => row.some((cell) => cell !== ''));
const snapshot = () => JSON.stringify(double.snapshot());

describe('Joint Health Scorecard handlers', () => {
  it('one row per side per quarter, the side from the saved identity; a second save replaces that side’s row', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 9, { comments: '=IMPORTXML("x")' }));
    as('ben@beta.example', 'Ben', 'Beta');
    api.saveScorecard(scores('2026-Q4', [6, 6, 4, 7], 6, { domainExpertise: null }));
    // Raj is Acme too: his save replaces Acme's row, it does not add a third.
    as('raj@acme.example', 'Raj', 'Acme');
    const view = api.saveScorecard(scores('2026-Q4', [8, 6, 5, 8], 10));
    expect(sheetRows()).toEqual([
      ['2026-Q4', 'Acme', 8, 6, 5, 8, 7, 6, 5, 10, '', ''],
      ['2026-Q4', 'Beta', 6, 6, 4, 7, '', 6, 5, 6, '', ''],
    ]);
    expect(view.bySide.map((side) => [side.side, side.scored, side.scores.competence, side.scores.domainExpertise, side.scores.satisfaction])).toEqual([
      ['Acme', true, 8, 7, 10],
      ['Beta', true, 6, null, 6],
    ]);
    // The replacement is in the Change History: who, which side's row, old and new.
    const history = double.inspect.values('Change History').slice(1).filter((row) => row[2] === 'Joint Health Scorecard');
    expect(history.map((row) => [row[1], row[3], row[4], row[5], row[6]])).toEqual([
      ['Raj (Acme)', '2026-Q4 Acme', 'Competence', '7', '8'],
      ['Raj (Acme)', '2026-Q4 Acme', 'Partner satisfaction', '9', '10'],
      ['Raj (Acme)', '2026-Q4 Acme', 'Comments', '=IMPORTXML("x")', ''],
    ]);
  });

  it('user text is stored as literal text', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 9, { comments: '=IMPORTXML("http://x", "//a")' }));
    api.addScorecardActionItem('2026-Q4', '+cmd|calc');
    expect(sheetRows()[0].slice(10)).toEqual(['=IMPORTXML("http://x", "//a")', '+cmd|calc']);
    expect(double.inspect.formulas('Joint Health Scorecard').flat().filter((formula) => formula !== '')).toEqual([]);
  });

  it('shows both sides with the previous recorded quarter’s values and the direction', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveScorecard(scores('2026-Q2', [6, 6, 5, 8], 7));
    api.saveScorecard(scores('2026-Q4', [7, 6, 4, 8], 9));
    as('ben@beta.example', 'Ben', 'Beta');
    api.saveScorecard(scores('2026-Q4', [5, 6, 4, 7], 6));
    const view = api.loadScorecard('2026-Q4');
    expect(view.quarters).toEqual(['2026-Q4', '2026-Q2']);
    // Q3 was skipped: the direction is against the last quarter scored, Q2.
    expect(view.previousQuarter).toBe('2026-Q2');
    const [acme, beta] = view.bySide;
    expect([acme.previous.competence, acme.direction.competence, acme.direction.reliability, acme.direction.transparency]).toEqual([6, 'up', 'same', 'down']);
    expect(beta.previous.competence).toBeNull();
    expect(beta.direction.competence).toBeNull();
    // An unscored quarter shows both sides unscored, and nothing is invented.
    const q1 = api.loadScorecard('2026-Q1');
    expect(q1.bySide.map((side) => side.scored)).toEqual([false, false]);
    expect(q1.previousQuarter).toBeNull();
  });

  it('pNPS and PSAT from the satisfaction scores: the quarter’s, and pNPS over every quarter', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveScorecard(scores('2026-Q3', [6, 6, 5, 8], 3));
    api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 10));
    as('ben@beta.example', 'Ben', 'Beta');
    const view = api.saveScorecard(scores('2026-Q4', [5, 6, 4, 7], 8));
    // Q4: 10 is a promoter, 8 passive: (1 − 0) / 2 = 50; PSAT: both ≥ 8.
    expect(view.satisfaction).toEqual({ pnps: 50, psat: 1, ratings: 2, pnpsAllQuarters: 0, ratingsAllQuarters: 3 });
    // All quarters: 10 promoter, 8 passive, 3 detractor: (1 − 1) / 3 = 0.
    expect(api.loadScorecard('2026-Q1').satisfaction).toEqual({ pnps: null, psat: null, ratings: 0, pnpsAllQuarters: 0, ratingsAllQuarters: 3 });
  });

  it('action items: either side adds to its own row of the quarter; both see all of them', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    expect(() => api.addScorecardActionItem('2026-Q4', 'Agree the roadmap review')).toThrow('Score 2026-Q4 for Acme first');
    api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 9));
    api.addScorecardActionItem('2026-Q4', 'Agree the roadmap review');
    expect(() => api.addScorecardActionItem('2026-Q4', ' agree the  roadmap review ')).toThrow('"agree the  roadmap review" is already an action item of Acme for 2026-Q4.');
    as('ben@beta.example', 'Ben', 'Beta');
    api.saveScorecard(scores('2026-Q4', [5, 6, 4, 7], 6));
    const view = api.addScorecardActionItem('2026-Q4', 'Warn of pricing changes a month ahead');
    expect(view.bySide.map((side) => side.actionItems)).toEqual([['Agree the roadmap review'], ['Warn of pricing changes a month ahead']]);
    // A later save of the scores keeps the action items.
    const again = api.saveScorecard(scores('2026-Q4', [6, 6, 5, 7], 7));
    expect(again.bySide[1].actionItems).toEqual(['Warn of pricing changes a month ahead']);
    expect(() => api.addScorecardActionItem('2026-Q4', 'two\nlines')).toThrow('The action item must be one line of text');
  });

  it('refuses without changing anything: no identity, a future quarter, bad scores, unknown fields', () => {
    const before = snapshot();
    expect(() => api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 9))).toThrow('Tell us who you are first');
    as('ana@acme.example', 'Ana', 'Acme');
    const known = snapshot();
    expect(() => api.saveScorecard(scores('2027-Q1', [7, 6, 5, 8], 9))).toThrow('2027-Q1 has not begun yet (it is 2026-Q4 now)');
    expect(() => api.saveScorecard(scores('Q4 2026', [7, 6, 5, 8], 9))).toThrow('The quarter must be a quarter such as 2026-Q4; got "Q4 2026".');
    expect(() => api.saveScorecard(scores('2026-Q4', [7, 6, 11, 8], 9))).toThrow('The score for Transparency must be a whole number from 1 to 10; got 11.');
    expect(() => api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 11))).toThrow('Partner satisfaction must be a whole number from 0 to 10; got 11.');
    expect(() => api.saveScorecard({ ...scores('2026-Q4', [7, 6, 5, 8], 9), side: 'Beta' } as ScorecardInput)).toThrow('The scorecard has a field "side" that is not part of it');
    expect(snapshot()).toBe(known);
    expect(known).not.toBe(before); // saving the identity did change something: the check above can tell
  });

  it('a side’s row typed twice on the sheet: the first is shown and replaced, the duplicate is named', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveScorecard(scores('2026-Q4', [7, 6, 5, 8], 9));
    // A second Acme row typed on the sheet for the same quarter.
    const sheet = double.spreadsheet.getSheetByName('Joint Health Scorecard');
    sheet?.appendRow(['2026-q4', 'acme', 1, 1, 1, 1, '', '', '', 0, '', '']);
    const view = api.loadScorecard('2026-Q4');
    expect(view.duplicateSides).toEqual(['Acme']);
    expect(view.bySide[0].scores.competence).toBe(7);
    api.saveScorecard(scores('2026-Q4', [8, 6, 5, 8], 9));
    expect(sheetRows().map((row) => row[2])).toEqual([8, 1]);
  });
});
