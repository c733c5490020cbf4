import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { DASHBOARD_ROWS } from '../../src/workbook/dashboard';
import { as, double, useExampleWithFormulas } from '../support/workbook-double';

/**
 * The Dashboard's focus and gap as HyperFormula computes them from the sheets, against what Home
 * says: one rule, one direction, whichever view a partner looks at.
 */
const TODAY = new Date('2026-11-24T12:00:00Z');
const FOCUS_LABEL = 'Focus (the +2 rule across cycles)';

const errors = useExampleWithFormulas(TODAY);
const asAna = () => as('ana@acme.example', 'Ana', 'Acme Analytics');
const asBen = () => as('ben@beta.example', 'Ben', 'Beta Cloud');
const dashboardRow = (label: string) => double.inspect.values('Dashboard').find((row) => row[0] === label);
const dashboardFocus = () => dashboardRow(FOCUS_LABEL)?.[1];
const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };

describe('the Dashboard agrees with Home', () => {
  it('on the focus, on the example and through a further cycle (open, then closed)', () => {
    asAna();
    const before = api.loadHome();
    expect(before.weakest).toBe('Alignment');
    expect(dashboardFocus()).toBe(before.weakest);

    // Alignment gained 2.2 since it became the focus (2026-Q3), only 0.3 since the last cycle:
    // the rule across cycles shifts the focus; comparing the last two cycles alone would not.
    // Ad hoc: the example's last quarterly cycle closed less than 60 days ago.
    api.startCycle({ name: '2027 extra', kind: 'Ad hoc', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2027 extra', ratings: { Competence: 8, Reliability: 6, Transparency: 7, Alignment: 7 }, evidence: noEvidence });
    asBen();
    api.submitAssessment({ cycle: '2027 extra', ratings: { Competence: 8, Reliability: 7, Transparency: 7, Alignment: 7 }, evidence: noEvidence });
    const open = api.loadHome();
    expect(open.weakest).toBe('Reliability');
    expect(dashboardFocus()).toBe(open.weakest);

    api.closeCycle('2027 extra');
    const closed = api.loadHome();
    expect(closed.weakest).toBe('Reliability');
    expect(dashboardFocus()).toBe(closed.weakest);
    expect(errors()).toEqual([]);
  });

  it('on the focus a closed cycle recorded by hand on the Cycles sheet', () => {
    const cycles = double.spreadsheet.getSheetByName('Cycles')!;
    const [headers] = double.inspect.values('Cycles');
    cycles.getRange(3, headers.indexOf('Focus corner') + 1).setValue('Competence');
    asAna();
    expect(api.loadHome().weakest).toBe('Competence');
    expect(dashboardFocus()).toBe('Competence');
  });

  it('on the gap: our company − partner company, named, whichever side answered first', () => {
    asBen();
    api.startCycle({ name: '2027 gap', kind: 'Ad hoc', anonymity: 'Named' });
    // The partner answers first: PERCEPTION_GAP's first-appearance order would flip the sign.
    api.submitAssessment({ cycle: '2027 gap', ratings: { Competence: 9, Reliability: 5, Transparency: 6, Alignment: 7 }, evidence: noEvidence });
    asAna();
    api.submitAssessment({ cycle: '2027 gap', ratings: { Competence: 6, Reliability: 8, Transparency: 6, Alignment: 7 }, evidence: noEvidence });
    const home = api.loadHome();
    expect(home.gaps).toEqual({ Competence: -3, Reliability: 3, Transparency: 0, Alignment: 0 });
    const row = double.inspect.values('Dashboard')[DASHBOARD_ROWS.gap - 1];
    expect(row[0]).toBe('Perception gap (Acme Analytics − Beta Cloud)');
    expect(row.slice(1, 5)).toEqual([-3, 3, 0, 0]);
    expect(home.gapLabel).toContain('Acme Analytics');
  });
});
