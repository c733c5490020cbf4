/**
 * Home's Add to calendar link for the quarterly review, and the trend over every cycle in Results:
 * both computed on the server from what those views read already.
 */
import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { asAna, asBen, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const rate = (c: number, r: number, t: number, a: number) => ({ Competence: c, Reliability: r, Transparency: t, Alignment: a });

function cycle(name: string, acme: ReturnType<typeof rate>, beta: ReturnType<typeof rate>): void {
  asAna();
  api.startCycle({ name, kind: 'Quarterly', anonymity: 'Named' });
  api.submitAssessment({ cycle: name, ratings: acme, evidence: noEvidence });
  asBen();
  api.submitAssessment({ cycle: name, ratings: beta, evidence: noEvidence });
}

describe('the quarterly review on the calendar', () => {
  it('is offered on Home once a cycle closed, for the next reassessment, with the data’s agenda; not while a cycle is open', () => {
    asAna();
    expect(api.loadHome().reviewCalendar).toBeNull();
    cycle('2026-Q4', rate(7, 6, 6, 6), rate(7, 6, 3, 5));
    expect(api.loadHome().reviewCalendar).toBeNull();
    asAna();
    api.agreeActions('2026-Q4', 'Transparency', [
      { commitment: 'Share the pricing calendar & margins', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-01-14' },
      { commitment: 'Monthly pipeline report', ownerSide: 'Beta', ownerPerson: 'Ben', dueDate: '2027-01-10' },
      { commitment: 'No-surprises rule', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-01-12' },
    ]);
    api.closeCycle('2026-Q4');
    const home = api.loadHome();
    expect(home.nextReassessment).toBe('2027-02-28');
    const review = home.reviewCalendar!;
    expect(review).toMatchObject({ on: '2027-02-28', cycle: '2026-Q4' });
    const params = new URL(review.url).searchParams;
    expect(review.url.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    expect(params.get('dates')).toBe('20270228/20270301');
    expect(params.get('recur')).toBe('RRULE:FREQ=MONTHLY;INTERVAL=3');
    expect(params.get('text')).toBe('Quarterly trust review: Acme and Beta');
    const details = params.get('details')!;
    expect(details).toContain('1. Discuss first: perception gaps of 2 or more in 2026-Q4 (Acme minus Beta)\n   - Transparency +3.0 (Acme rates it higher)');
    expect(details).toContain('2. Focus: Transparency, the weakest corner of the first assessment (4.5).');
    expect(details).toMatch(/3\. Actions due for 2026-Q4 \(Transparency\):\n {3}- C-\d+ Monthly pipeline report \(Beta, due 2027-01-10, Proposed\)\n/);
    expect(details).toContain('Share the pricing calendar & margins (Acme, due 2027-01-14, Proposed)');

    // The next cycle opens: no link until it closes.
    vi.setSystemTime(new Date('2027-03-01T12:00:00Z'));
    cycle('2027-Q1', rate(7, 6, 8, 6), rate(7, 6, 6, 5));
    expect(api.loadHome().reviewCalendar).toBeNull();
  });
});

describe('the trend over every cycle in Results', () => {
  it('has a point per cycle with each corner’s mean, both sides and per side, the focus and its moves', () => {
    asAna();
    expect(api.loadResults(null).trend.points).toEqual([]);
    cycle('2026-Q4', rate(7, 6, 6, 6), rate(7, 6, 3, 5));
    api.closeCycle('2026-Q4');
    vi.setSystemTime(new Date('2027-03-01T12:00:00Z'));
    cycle('2027-Q1', rate(7, 6, 8, 6), rate(7, 5, 7, 5));
    const trend = api.loadResults('2026-Q4').trend;
    expect(trend.ours).toBe('Acme');
    expect(trend.partner).toBe('Beta');
    expect(trend.points.map((point) => [point.cycle, point.focus, point.focusMoved, point.labels])).toEqual([
      ['2026-Q4', 'Transparency', true, []],
      ['2027-Q1', 'Alignment', true, ['open']],
    ]);
    expect(trend.points[1]).toMatchObject({
      both: { Competence: 7, Reliability: 5.5, Transparency: 7.5, Alignment: 5.5 },
      ours: { Competence: 7, Reliability: 6, Transparency: 8, Alignment: 6 },
      partner: { Competence: 7, Reliability: 5, Transparency: 7, Alignment: 5 },
      caption: '2027-Q1 · focus Alignment · open',
    });
    expect(trend.drift.find((drift) => drift.corner === 'Transparency')).toEqual({ corner: 'Transparency', change: 3, direction: 'strengthening' });
    // The same trend whichever cycle Results shows.
    expect(api.loadResults(null).trend).toEqual(trend);
  });
});
