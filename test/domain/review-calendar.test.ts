import { describe, expect, it } from 'vitest';
import { zoneCalendar } from '../../src/domain/calendar';
import { type ReviewInput, allDayDates, reviewAgenda, reviewCalendarUrl } from '../../src/domain/review-calendar';

const BERLIN = zoneCalendar('Europe/Berlin');

/** The query of a calendar link as the browser would read it. */
const paramsOf = (url: string) => new URL(url).searchParams;

const base: ReviewInput = {
  ourCompany: 'Acme',
  partnerCompany: 'Globex',
  cycle: '2026-Q4',
  // 2027-02-28 23:30 UTC is already 1 March in Berlin: the day is the spreadsheet's.
  reviewOn: new Date('2027-02-28T23:30:00Z'),
  calendar: BERLIN,
  gaps: { Competence: 0.5, Reliability: -2.5, Transparency: 2, Alignment: null },
  focus: 'Transparency',
  reason: { rule: 'shifted', from: 'Reliability', since: '2026-Q1', baseline: 4, now: 6.5, improvement: 2.5, to: 'Transparency', toMean: 5 },
  actions: [
    { id: 'C-012', commitment: 'Share the pricing calendar', ownerSide: 'Acme', dueDate: '2027-01-20', status: 'Open' },
    { id: 'C-011', commitment: 'Monthly pipeline report', ownerSide: 'Globex', dueDate: '2027-01-10', status: 'At risk' },
  ],
};

describe('the quarterly review on the calendar', () => {
  it('is a Google Calendar template link: all day on the review date in the spreadsheet’s zone, every three months', () => {
    const url = reviewCalendarUrl(base);
    expect(url.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&text=')).toBe(true);
    expect(url).toContain('&dates=20270301/20270302&');
    expect(url.endsWith('&recur=RRULE:FREQ=MONTHLY;INTERVAL=3')).toBe(true);
    const params = paramsOf(url);
    expect(params.get('action')).toBe('TEMPLATE');
    expect(params.get('text')).toBe('Quarterly trust review: Acme and Globex');
    expect(params.get('dates')).toBe('20270301/20270302');
    expect(params.get('recur')).toBe('RRULE:FREQ=MONTHLY;INTERVAL=3');
    expect(params.get('details')).toBe(reviewAgenda(base));
    // The same instant is still 28 February in New York.
    expect(allDayDates(base.reviewOn, zoneCalendar('America/New_York'))).toBe('20270228/20270301');
    // Across the end of a year.
    expect(allDayDates(new Date('2027-12-31T12:00:00Z'), BERLIN)).toBe('20271231/20280101');
  });

  it('puts the gaps of 2 or more first, then whether the +2 rule moved the focus, then the actions due in date order', () => {
    expect(reviewAgenda(base)).toBe(
      [
        'Trust Corners quarterly review, 30 minutes, after 2026-Q4.',
        '',
        '1. Discuss first: perception gaps of 2 or more in 2026-Q4 (Acme minus Globex)',
        '   - Reliability −2.5 (Globex rates it higher)',
        '   - Transparency +2.0 (Acme rates it higher)',
        '2. The +2 rule moved the focus: Reliability improved +2.5 since 2026-Q1, so the focus is now Transparency.',
        '3. Actions due for 2026-Q4 (Transparency):',
        '   - C-011 Monthly pipeline report (Globex, due 2027-01-10, At risk)',
        '   - C-012 Share the pricing calendar (Acme, due 2027-01-20, Open)',
        '4. Both sides take the Trust Corner Assessment for the next cycle (Trust Corners sidebar), then agree the next three actions.',
      ].join('\n'),
    );
    const kept = reviewAgenda({
      ...base,
      gaps: { Competence: 1.9 },
      reason: { rule: 'kept', focus: 'Reliability', since: '2026-Q1', baseline: 4, now: 5, improvement: 1, },
      focus: 'Reliability',
      actions: [],
    });
    expect(kept).toContain('1. Perception gaps: none of 2 points or more in 2026-Q4.');
    expect(kept).toContain('2. The +2 rule kept the focus on Reliability: it moved +1.0 since 2026-Q1, less than 2. Discuss why and adjust the actions.');
    expect(kept).toContain('3. Actions due: none open for 2026-Q4. Agree three for the focus.');
  });

  it('carries user text URL-encoded only, on one line each, cut when long, and never breaks on odd characters', () => {
    const hostile = '<a href="javascript:alert(1)">x</a> & more=1#frag?\n100% "done"';
    const url = reviewCalendarUrl({
      ...base,
      ourCompany: 'Acme & Sons',
      actions: [
        { id: 'C-001', commitment: hostile, ownerSide: 'Acme & Sons', dueDate: '2027-01-20', status: 'Open' },
        { id: 'C-002', commitment: `${'x'.repeat(200)}\uD83D`, ownerSide: 'Globex', dueDate: '', status: '' },
        { id: 'C-003', commitment: 'Half an emoji \uDE00 here \uD83D and there', ownerSide: 'Globex', dueDate: '2027-01-21', status: 'Proposed' },
      ],
    });
    // Nothing a browser or Calendar would read as markup, a new parameter, a fragment or a new line.
    expect(url).toMatch(/^[\x21-\x7e]+$/);
    expect(url).not.toMatch(/[<>"#\s]/);
    expect(url.split('&').map((part) => part.split('=')[0])).toEqual(['https://calendar.google.com/calendar/render?action', 'text', 'dates', 'details', 'recur']);
    const details = paramsOf(url).get('details') as string;
    expect(details).toContain('   - C-001 <a href="javascript:alert(1)">x</a> & more=1#frag? 100% "done" (Acme & Sons, due 2027-01-20, Open)');
    expect(details).toContain(`   - C-002 ${'x'.repeat(119)}… (Globex, no due date, no status)`);
    expect(details).toContain('Half an emoji \uFFFD here \uFFFD and there');
    expect(paramsOf(url).get('text')).toBe('Quarterly trust review: Acme & Sons and Globex');
  });

  it('lists at most eight actions and says how many more', () => {
    const actions = Array.from({ length: 11 }, (_, index) => ({ id: `C-${100 + index}`, commitment: `Action ${index}`, ownerSide: 'Acme', dueDate: `2027-01-${String(10 + index)}`, status: 'Open' }));
    const agenda = reviewAgenda({ ...base, actions });
    expect(agenda.split('\n').filter((row) => row.startsWith('   - C-'))).toHaveLength(8);
    expect(agenda).toContain('   - and 3 more in the Shared Commitments Log');
  });
});
