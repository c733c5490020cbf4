/**
 * Which cycle Home and the start form offer after a major change and during a severe breach: an
 * Ad hoc cycle named after the change (even on the day the last cycle closed), a Reset cycle while
 * a breach is open, and the major change's note read as one clean sentence.
 */
import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { asAna, asBen, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const ratings = { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 };
const evidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };

/** A named quarterly cycle both sides answer and Ana closes, today (2026-11-30). */
function closedQuarter(): void {
  asAna();
  api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
  api.submitAssessment({ cycle: '2026-Q4', ratings, evidence });
  asBen();
  api.submitAssessment({ cycle: '2026-Q4', ratings, evidence });
  asAna();
  api.closeCycle('2026-Q4');
}

const later = (hours: number) => vi.setSystemTime(new Date(Date.parse('2026-11-30T12:00:00Z') + hours * 3_600_000));

describe('the cycle offered after a major change', () => {
  it('is Ad hoc and named after the change, even when the change comes the day the last cycle closed', () => {
    closedQuarter();
    expect(api.loadHome().offer).toBeNull();
    later(2);
    const home = api.recordMajorChange({ change: 'Leadership change', note: 'The CEO left (and the partner lead left).' });
    expect(home.offer).toEqual({ kind: 'Ad hoc', reason: 'major-change', suggestedName: '2026-11 ad hoc: Leadership change' });
    // The note keeps its own full stop: no "left).." before the next sentence.
    expect(home.adHocReason).toBe('Leadership change on 2026-11-30: The CEO left (and the partner lead left). Reassess now rather than waiting for the 90 days.');
    const assess = api.loadAssessment();
    expect(assess.offer?.kind).toBe('Ad hoc');
    expect(assess.suggestedNames['Ad hoc']).toBe('2026-11 ad hoc: Leadership change');
    expect(assess.suggestedNames.Quarterly).toBe('2026-Q4 (2)');
  });

  it('a note without a closing mark gets one; the offer ends once someone has answered after the change', () => {
    closedQuarter();
    later(1);
    expect(api.recordMajorChange({ change: 'Launch', note: 'New analytics product' }).adHocReason).toMatch(/: New analytics product\. Reassess now/);
    expect(api.recordMajorChange({ change: 'Launch', note: '' }).adHocReason).toBe('Launch on 2026-11-30. Reassess now rather than waiting for the 90 days.');
    later(2);
    const started = api.startCycle({ name: api.loadHome().offer!.suggestedName, kind: 'Ad hoc', anonymity: 'Named' });
    expect(started.openCycle?.name).toBe('2026-11 ad hoc: Launch');
    api.submitAssessment({ cycle: '2026-11 ad hoc: Launch', ratings, evidence });
    asBen();
    api.submitAssessment({ cycle: '2026-11 ad hoc: Launch', ratings, evidence });
    api.closeCycle('2026-11 ad hoc: Launch');
    const home = api.loadHome();
    expect(home.adHocReason).toBeNull();
    expect(home.offer).toBeNull();
  });
});

describe('the cycle offered during a severe breach', () => {
  it('is a Reset cycle while the breach is open, whatever else is due', () => {
    closedQuarter();
    later(1);
    api.recordMajorChange({ change: 'Merger', note: '' });
    api.recordBreach({ date: '2026-11-30', what: 'Account list forwarded to a reseller', corner: 'Transparency' });
    const assess = api.loadAssessment();
    expect(assess.offer).toEqual({ kind: 'Reset', reason: 'breach', suggestedName: '2026-11 reset' });
    expect(api.loadHome().breachMode).not.toBeNull();
  });
});
