import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_DUE_MAX_DAYS,
  ACTION_DUE_MIN_DAYS,
  actionDueProblem,
  actionDueWindow,
  actionProblems,
  describeGap,
  describePartial,
  directedPerceptionGap,
  incompleteAnswerProblem,
  isPartialRow,
  isoDayNumber,
  meanPerSide,
  perceptionGap,
  ratingCoverage,
  zoneCalendar,
} from '../../src/domain';
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

  it('says the same on ISO days (the sidebar), naming both dates', () => {
    const problem = (agreed: string, due: string) => actionProblems({ ownerPerson: 'Ana', dueDate: due }, agreed)[0]?.message ?? null;
    expect(problem('2026-03-01', '2026-03-31')).toBeNull();
    expect(problem('2026-03-01', '2026-03-30')).toBe(
      'The due date 2026-03-30 is 29 days after 2026-03-01, the day it is agreed; an action is due 30 to 60 days after that.',
    );
    expect(problem('2026-03-01', '2026-05-01')).toMatch(/is 61 days after/);
    expect(problem('2026-03-01', '2026-03-01')).toMatch(/is the same day as 2026-03-01/);
    expect(problem('2026-03-01', '2026-02-20')).toMatch(/is 9 days before 2026-03-01/);
  });

  it('counts the spreadsheet\'s days, not UTC\'s', () => {
    const tokyo = zoneCalendar('Asia/Tokyo');
    // 2026-03-01 00:30 in Tokyo is still Feb 28 in UTC: 30 Tokyo days later is allowed.
    expect(actionDueProblem(new Date('2026-02-28T15:30:00Z'), tokyo.startOfDay(2026, 3, 31), tokyo)).toBeNull();
  });

  it('gives the window for a date input, and checks a form field by field', () => {
    expect(actionDueWindow('2026-12-15')).toEqual({ earliest: '2027-01-14', latest: '2027-02-13' });
    expect(() => actionDueWindow('15/12/2026')).toThrow(/expected a date written yyyy-mm-dd/);
    expect(actionProblems({ ownerPerson: ' ', dueDate: '' }, '2026-03-01')).toEqual([
      { field: 'ownerPerson', message: 'Each action needs an owner person: who on the owner side does it.' },
      { field: 'dueDate', message: 'Each action needs a due date.' },
    ]);
    expect(actionProblems({ ownerPerson: 'Ana', dueDate: '2026-02-30' }, '2026-03-01')[0].message).toBe('The due date "2026-02-30" is not a date written yyyy-mm-dd.');
    expect(actionProblems({ ownerPerson: 'Ana', dueDate: '2026-04-10' }, '2026-03-01')).toEqual([]);
  });

  it('agrees with the window and with the server\'s check on every day (one rule)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -100, max: 200 }), (agreed, offset) => {
        const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
        const { earliest, latest } = actionDueWindow(iso(agreed));
        const due = iso(agreed + offset);
        const allowed = actionProblems({ ownerPerson: 'Ana', dueDate: due }, iso(agreed)).length === 0;
        expect(allowed).toBe(due >= earliest && due <= latest);
        expect(allowed).toBe(offset >= ACTION_DUE_MIN_DAYS && offset <= ACTION_DUE_MAX_DAYS);
        expect(isoDayNumber(due)).toBe(agreed + offset);
        // The server's check on Dates agrees with the sidebar's on ISO days.
        expect(actionDueProblem(day(iso(agreed)), day(due), utc) === null).toBe(allowed);
      }),
    );
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

describe('partial rating rows: refused in the sidebar, shown as partial in the sheet', () => {
  it('refuses an answer with a blank corner, naming it', () => {
    expect(incompleteAnswerProblem(means(5, null, 6, 7))).toBe('Rate every corner before saving: Reliability has no rating.');
    expect(incompleteAnswerProblem(means(null, null, 6, 7))).toBe('Rate every corner before saving: Competence, Reliability have no rating.');
    expect(incompleteAnswerProblem(means(1, 2, 3, 4))).toBeNull();
    expect(isPartialRow(means(5, null, 6, 7))).toBe(true);
    expect(isPartialRow(means(null, null, null, null))).toBe(false);
  });

  it('counts on how many answers each mean rests (sealed rows by their responses) and says so', () => {
    const coverage = ratingCoverage([
      { ratings: means(5, 6, 7, 8) },
      { ratings: means(5, null, 7, 8) },
      { ratings: means(4, 4, 4, 4), weight: 3 },
      { ratings: means(null, null, null, null) },
    ]);
    expect(coverage).toEqual({ answers: 5, partialAnswers: 1, ratedBy: { Competence: 5, Reliability: 4, Transparency: 5, Alignment: 5 } });
    expect(describePartial(coverage)).toBe('1 answer leaves a corner blank, so not every mean counts everyone: Reliability rests on 4 of 5.');
    expect(describePartial(ratingCoverage([{ ratings: means(5, 6, 7, 8) }]))).toBeNull();
  });
});
