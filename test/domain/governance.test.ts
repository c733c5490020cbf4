import { needsSafeguards } from '../../src/domain/corners';
import { describe, expect, it } from 'vitest';
import { zoneCalendar } from '../../src/domain/calendar';
import {
  breachRecovery, governanceAdvice, governanceReviewDue, governanceState, parseApproach, recommendBreachDecision,
} from '../../src/domain/governance';

const calendar = zoneCalendar('Europe/Berlin');
const day = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return calendar.startOfDay(y, m, d);
};
const means = (competence: number | null, reliability: number | null, transparency: number | null, alignment: number | null) => ({
  Competence: competence, Reliability: reliability, Transparency: transparency, Alignment: alignment,
});

describe('governance review six months after the choice', () => {
  it('is the same day six months on, or the last day of a shorter month', () => {
    expect(calendar.isoDay(governanceReviewDue(day('2026-11-30'), calendar))).toBe('2027-05-30');
    expect(calendar.isoDay(governanceReviewDue(day('2026-08-31'), calendar))).toBe('2027-02-28');
    expect(calendar.isoDay(governanceReviewDue(day('2027-08-31'), calendar))).toBe('2028-02-29');
    expect(calendar.isoDay(governanceReviewDue(day('2026-03-15'), calendar))).toBe('2026-09-15');
  });

  it('is unchosen without an approach, current before the date, due on and after it', () => {
    expect(governanceState({ approach: '', chosenOn: null, reviewDue: null }, day('2026-11-30'), calendar)).toEqual({ state: 'unchosen' });
    expect(governanceState({ approach: 'Something else', chosenOn: day('2026-01-01'), reviewDue: null }, day('2026-11-30'), calendar).state).toBe('unchosen');
    const chosen = { approach: 'gradual commitment', chosenOn: day('2026-11-30'), reviewDue: null };
    expect(governanceState(chosen, day('2027-05-29'), calendar)).toMatchObject({ state: 'current', approach: 'Gradual commitment', daysToReview: 1 });
    expect(governanceState(chosen, day('2027-05-30'), calendar)).toMatchObject({ state: 'review-due', daysOverdue: 0 });
    expect(governanceState(chosen, day('2027-06-09'), calendar)).toMatchObject({ state: 'review-due', daysOverdue: 10 });
    // A review date typed on the sheet wins over the computed one.
    expect(governanceState({ ...chosen, reviewDue: day('2026-12-05') }, day('2026-12-01'), calendar)).toMatchObject({ state: 'current', daysToReview: 4 });
  });

  it('reads the approaches case-insensitively', () => {
    expect(parseApproach(' shared GOVERNANCE ')).toBe('Shared governance');
    expect(parseApproach('Blend')).toBe('Blend');
    expect(parseApproach('Trust me')).toBeUndefined();
  });
});

describe('governance advice from the latest closed cycle', () => {
  it('advises a slower ramp and more safeguards from two low corners (band 1–4), as DOMAIN.md and Home count them', () => {
    const advice = governanceAdvice({ name: '2026-Q4', means: means(8, 4, 4.5, 6) });
    expect(advice.advice).toBe('slower-ramp');
    expect(advice.cornersNeedingAttention).toEqual(['Reliability', 'Transparency', 'Alignment']);
    expect(advice.suggested).toEqual(['Gradual commitment', 'Contractual safeguards']);
    expect(advice.text).toContain('2026-Q4');
    expect(advice.text).toContain('Reliability, Transparency) are low');
    // The same means tell Home to show its safeguards notice.
    expect(needsSafeguards(means(8, 4, 4.5, 6))).toBe(true);
  });

  it('keeps the approach while fewer than two corners are low, naming the corners that need attention; unrated corners do not count', () => {
    // Two corners at or below 6 but in the watch band: attention, not a slower ramp.
    const watch = governanceAdvice({ name: 'Q', means: means(8, 6, 5.5, 7) });
    expect(watch).toMatchObject({ advice: 'keep', cornersNeedingAttention: ['Reliability', 'Transparency'] });
    expect(needsSafeguards(means(8, 6, 5.5, 7))).toBe(false);
    expect(governanceAdvice({ name: 'Q', means: means(8, 3, null, null) })).toMatchObject({ advice: 'keep', cornersNeedingAttention: ['Reliability'] });
    expect(governanceAdvice({ name: 'Q', means: means(8, 6.01, null, 7) }).advice).toBe('keep');
    expect(governanceAdvice({ name: 'Q', means: means(9, 9, 9, 9) }).cornersNeedingAttention).toEqual([]);
  });

  it('says so when there is no closed cycle, or it has no ratings', () => {
    expect(governanceAdvice(null).advice).toBe('no-cycle');
    expect(governanceAdvice({ name: 'Q', means: means(null, null, null, null) }).advice).toBe('no-cycle');
  });
});

describe('rebuild or exit', () => {
  it('points to exit for unacknowledged dishonesty or data misuse, whatever the recovery', () => {
    for (const recovered of ['Yes', 'No', 'Not yet known'] as const) {
      expect(recommendBreachDecision({ dishonestyOrDataMisuse: true, partnerAcknowledged: false, recovered }).decision).toBe('Exit');
    }
  });

  it('points to exit when acknowledged dishonesty did not recover, or nothing was acknowledged and nothing recovered', () => {
    expect(recommendBreachDecision({ dishonestyOrDataMisuse: true, partnerAcknowledged: true, recovered: 'No' }).decision).toBe('Exit');
    expect(recommendBreachDecision({ dishonestyOrDataMisuse: false, partnerAcknowledged: false, recovered: 'No' }).decision).toBe('Exit');
  });

  it('points to rebuild otherwise, with the reasons', () => {
    const cases = [
      { dishonestyOrDataMisuse: true, partnerAcknowledged: true, recovered: 'Yes' },
      { dishonestyOrDataMisuse: true, partnerAcknowledged: true, recovered: 'Not yet known' },
      { dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'No' },
      { dishonestyOrDataMisuse: false, partnerAcknowledged: false, recovered: 'Yes' },
      { dishonestyOrDataMisuse: false, partnerAcknowledged: false, recovered: 'Not yet known' },
    ] as const;
    for (const facts of cases) {
      const result = recommendBreachDecision(facts);
      expect(result.decision).toBe('Rebuild');
      expect(result.reasons.length).toBeGreaterThan(0);
    }
  });

  it('computes recovery from the first cycle after the breach', () => {
    const cycles = [
      { name: 'Q1', date: day('2026-03-01'), means: means(7, 7, 5, 6) },
      { name: 'Q2', date: day('2026-06-01'), means: means(7, 7, 5.5, 6) },
      { name: 'Q3', date: day('2026-09-01'), means: means(7, 7, 4, 6) },
    ];
    // Back to at least the level before the breach.
    expect(breachRecovery('Transparency', day('2026-04-01'), cycles, calendar)).toEqual({
      recovered: 'Yes', before: { cycle: 'Q1', mean: 5 }, after: { cycle: 'Q2', mean: 5.5 },
    });
    // Lower than before and not above the threshold.
    expect(breachRecovery('Transparency', day('2026-07-01'), cycles, calendar).recovered).toBe('No');
    // Above the threshold counts as recovered even when lower than before.
    expect(breachRecovery('Competence', day('2026-07-01'), [...cycles.slice(0, 2), { name: 'Q3', date: day('2026-09-01'), means: means(6.5, 7, 4, 6) }], calendar).recovered).toBe('Yes');
    // No cycle after the breach (or one that left the corner unrated): not yet known.
    expect(breachRecovery('Transparency', day('2026-10-01'), cycles, calendar)).toMatchObject({ recovered: 'Not yet known', before: { cycle: 'Q3', mean: 4 } });
    expect(breachRecovery('Alignment', day('2026-07-01'), [{ name: 'Q3', date: day('2026-09-01'), means: means(7, 7, 7, null) }], calendar).recovered).toBe('Not yet known');
    // A cycle on the breach's own day is neither before nor after it.
    expect(breachRecovery('Transparency', day('2026-06-01'), cycles, calendar)).toMatchObject({ before: { cycle: 'Q1' }, after: { cycle: 'Q3' } });
  });
});
