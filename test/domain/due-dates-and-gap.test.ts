import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneCalendar } from '../../src/domain/calendar';
import { actionDueProblem } from '../../src/domain/dates';
import { describeGap, directedPerceptionGap } from '../../src/domain/perception';
import { meanPerSide, perceptionGap } from '../../src/domain/scores';
import { means } from '../support/corner-means';


describe('the action due-date rule: 30–60 days after the day it is agreed', () => {
  const utc = zoneCalendar('UTC');
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it('accepts 30 and 60 days, refuses 29, 61, the same day and the past (dates.ts, on the server)', () => {
    expect(actionDueProblem(day('2026-03-01'), day('2026-03-31'), utc)).toBeNull();
    expect(actionDueProblem(day('2026-03-01'), day('2026-04-30'), utc)).toBeNull();
    expect(actionDueProblem(day('2026-03-01'), day('2026-03-30'), utc)).toMatch(/is 29 days/);
    expect(actionDueProblem(day('2026-03-01'), day('2026-05-01'), utc)).toMatch(/is 61 days/);
    expect(actionDueProblem(day('2026-03-01'), day('2026-03-01'), utc)).not.toBeNull();
    expect(actionDueProblem(day('2026-03-01'), day('2026-02-20'), utc)).not.toBeNull();
  });

  it('counts the spreadsheet\'s days, not UTC\'s', () => {
    const tokyo = zoneCalendar('Asia/Tokyo');
    // 2026-03-01 00:30 in Tokyo is still Feb 28 in UTC: 30 Tokyo days later is allowed.
    expect(actionDueProblem(new Date('2026-02-28T15:30:00Z'), tokyo.startOfDay(2026, 3, 31), tokyo)).toBeNull();
  });

});

describe('the perception gap\'s fixed direction', () => {
  const rows = [
    { ratings: means(5, 6, 7, 8), side: 'Beta' },
    { ratings: means(7, 8, 4, 8), side: 'acme ' },
    { ratings: means(9, 8, 6, null), side: 'Acme' },
  ];

  it('is our company minus the partner company, whichever side answered first', () => {
    const gap = directedPerceptionGap(meanPerSide(rows), 'Acme', 'Beta');
    expect(gap).toMatchObject({ ourCompany: 'Acme', partnerCompany: 'Beta', label: 'Acme − Beta', unmatchedSides: [] });
    expect(gap?.gaps).toEqual(means(3, 2, -2, 0));
    // PERCEPTION_GAP's order of appearance gives the opposite sign here.
    expect(perceptionGap(meanPerSide(rows))?.gaps.Competence).toBe(-3);
    expect(describeGap(gap!, 'Transparency')).toBe('Acme rates Transparency 2.0 lower than Beta.');
    expect(describeGap(gap!, 'Competence')).toBe('Acme rates Competence 3.0 higher than Beta.');
    expect(describeGap(gap!, 'Alignment')).toBe('Acme and Beta rate Alignment the same.');
  });

  it('has the same sign whatever order the answers came in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(directedPerceptionGap(meanPerSide(shuffled), 'Acme', 'Beta')?.gaps).toEqual(means(3, 2, -2, 0));
        expect(directedPerceptionGap(meanPerSide(shuffled), 'Beta', 'Acme')?.gaps).toEqual(means(-3, -2, 2, 0));
      }),
    );
  });

  it('leaves a corner blank until both rated it, lists sides that are neither company, and needs two names', () => {
    const gap = directedPerceptionGap(meanPerSide([{ ratings: means(5, null, 5, 5), side: 'Acme' }, { ratings: means(5, 5, 5, 5), side: 'Acme Inc' }]), 'Acme', 'Beta');
    expect(gap?.gaps).toEqual(means(null, null, null, null));
    expect(gap?.unmatchedSides).toEqual(['Acme Inc']);
    expect(describeGap(gap!, 'Reliability')).toBe('Reliability: not rated by both Acme and Beta yet.');
    expect(directedPerceptionGap([], 'Acme', ' ')).toBeNull();
    expect(directedPerceptionGap([], 'Acme', 'ACME')).toBeNull();
  });
});
