import { describe, expect, it } from 'vitest';
import {
  CORNERS_AT_RISK,
  CORNER_SCORES,
  NEXT_FOCUS,
  PERCEPTION_GAP,
  PRIMARY_CORNER,
  REASSESS_BY,
  SECONDARY_CORNER,
  WEAKEST_CORNER,
} from '../../src/functions/trust';
import { EARLY_WARNING_RATE, ON_TIME_RATE } from '../../src/functions/commitments';
import { CHAMPION_RISK, DISCLOSURE_NEXT_STAGE, PNPS } from '../../src/functions/partnership';

const d = (y: number, m: number, day: number): Date => new Date(y, m - 1, day);

describe('scores ranges', () => {
  const ratings = [
    [7, 8, 5, 9],
    [6, 8, 6, 8],
    ['', '', '', ''],
  ];
  it('reads four canonical columns and skips blank rows (open-ended ranges)', () => {
    expect(WEAKEST_CORNER(ratings)).toBe('Transparency');
    expect(CORNER_SCORES(ratings)).toEqual([[6.5, 8, 5.5, 8.5]]);
    expect(CORNERS_AT_RISK(ratings)).toBe('Transparency');
    expect(CORNERS_AT_RISK(ratings, 7)).toBe('Competence, Transparency');
    expect(CORNERS_AT_RISK(ratings, 5)).toBe('');
  });
  it('matches columns by a header row in any order and ignores other columns', () => {
    const table = [
      ['Name', 'alignment', 'Transparency', 'Reliability', 'Competence'],
      ['Ana', 9, 5, 8, 7],
      ['Ben', 8, 6, 8, 6],
    ];
    expect(CORNER_SCORES(table)).toEqual([[6.5, 8, 5.5, 8.5]]);
  });
  it('accepts one row of means and the model tie rule', () => {
    expect(WEAKEST_CORNER([[5, 6, 5, 5]], 'strategic')).toBe('Alignment');
    expect(WEAKEST_CORNER([[5, 6, 5, 5]], 'ecosystem')).toBe('Transparency');
    expect(WEAKEST_CORNER([[5, 6, 5, 5]])).toBe('Competence');
  });
  it('returns blank with no data yet', () => {
    expect(WEAKEST_CORNER([['', '', '', '']])).toBe('');
    expect(CORNER_SCORES([['', '', '', '']])).toBe('');
    expect(CORNERS_AT_RISK([['', '', '', '']])).toBe('');
  });
  it('leaves an unrated corner blank in the row of means', () => {
    expect(CORNER_SCORES([[7, '', 5, 9]])).toEqual([[7, '', 5, 9]]);
  });
  it('names the function, argument, row, corner and value of bad input', () => {
    expect(() => WEAKEST_CORNER([[7, 8, 5, 9], [6, 8, 6, 8], [5, 5, 'n/a', 5]])).toThrow(
      'WEAKEST_CORNER: scores row 3, Transparency is "n/a"; expected a number from 1 to 10',
    );
    expect(() => CORNER_SCORES([[7, 8, 0, 9]])).toThrow('CORNER_SCORES: scores row 1, Transparency is 0; expected a number from 1 to 10');
    expect(() => CORNER_SCORES([[7, 8, 11, 9]])).toThrow(/is 11; expected a number from 1 to 10/);
    expect(() => CORNER_SCORES([[7, true, 5, 9]])).toThrow(/Reliability is TRUE/);
    expect(() => CORNER_SCORES([[7, 8, 9]])).toThrow('CORNER_SCORES: scores has 3 columns; expected 4 (Competence, Reliability, Transparency, Alignment) or a first row naming the four corners');
    expect(() => WEAKEST_CORNER([[7, 8, 5, 9]], 'Friendly')).toThrow(
      'WEAKEST_CORNER: model is "Friendly"; expected one of Transactional, Strategic, Ecosystem, Co-innovation',
    );
    expect(() => CORNERS_AT_RISK([[7, 8, 5, 9]], 'high')).toThrow('CORNERS_AT_RISK: threshold is "high"; expected a number from 0 to 10');
  });
  it('counts the header row when naming rows', () => {
    expect(() => CORNER_SCORES([['Competence', 'Reliability', 'Transparency', 'Alignment'], [7, 8, 5, 99]])).toThrow(
      'CORNER_SCORES: scores row 2, Alignment is 99',
    );
  });
});

describe('responses: sealed rows stand for several people', () => {
  it('weights each row by its response count, blank counting one', () => {
    expect(CORNER_SCORES([[8, 8, 8, 8], [4, 4, 4, 4]], [[3], [1]])).toEqual([[7, 7, 7, 7]]);
    expect(CORNER_SCORES([['Competence', 'Reliability', 'Transparency', 'Alignment'], [8, 8, 8, 8], [4, 4, 4, 4]], [[3], ['']])).toEqual([[7, 7, 7, 7]]);
    expect(PERCEPTION_GAP([[6.4, 6, 6, 6], [9, 9, 9, 9], [8, 8, 8, 8]], [['Acme'], ['Beta'], ['Beta']], [[5], [3], [1]])).toEqual([[6.4 - 8.75, -2.75, -2.75, -2.75]]);
  });
  it('names a bad count and misaligned ranges', () => {
    expect(() => CORNER_SCORES([[8, 8, 8, 8], [4, 4, 4, 4]], [[3], [0]])).toThrow('CORNER_SCORES: responses row 2 is 0; expected a whole number of people, 1 or more');
    expect(() => CORNER_SCORES([[8, 8, 8, 8], [4, 4, 4, 4]], [[3], [1.5]])).toThrow('CORNER_SCORES: responses row 2 is 1.5; expected a whole number of people, 1 or more');
    expect(() => CORNER_SCORES([[8, 8, 8, 8], [4, 4, 4, 4]], [[3]])).toThrow('CORNER_SCORES: responses has 1 row but scores has 2');
  });
});

describe('PERCEPTION_GAP', () => {
  const scores = [
    ['Competence', 'Reliability', 'Transparency', 'Alignment'],
    [8, 8, 8, 8],
    [6, 6, 6, 6],
    [5, 9, '', 8],
    ['', '', '', ''],
  ];
  it('subtracts the second side (order of first appearance) from the first', () => {
    const sides = [['Side'], ['Acme'], ['Acme'], ['Beta'], ['']];
    expect(PERCEPTION_GAP(scores, sides)).toEqual([[2, -2, '', -1]]);
  });
  it('lines up a sides range that starts below the header', () => {
    expect(PERCEPTION_GAP(scores, [['Beta'], ['Acme'], ['Acme'], ['']])).toEqual([[2.5, 0.5, 2, 1]]);
  });
  it('is blank until both sides have rated', () => {
    expect(PERCEPTION_GAP(scores, [['Side'], ['Acme'], ['Acme'], ['acme'], ['']])).toBe('');
  });
  it('explains misaligned, missing and extra sides', () => {
    expect(() => PERCEPTION_GAP(scores, [['Acme'], ['Beta']])).toThrow(
      'PERCEPTION_GAP: sides has 2 rows but scores has 5; give ranges that start and end on the same rows',
    );
    expect(() => PERCEPTION_GAP(scores, [['Side'], ['Acme'], [''], ['Beta'], ['']])).toThrow(
      'PERCEPTION_GAP: sides row 3 is blank; expected the side (company) whose ratings are on that row',
    );
    expect(() => PERCEPTION_GAP(scores, [['Side'], ['Acme'], ['Beta'], ['Gamma'], ['']])).toThrow(
      'PERCEPTION_GAP: sides names 3 sides ("Acme", "Beta", "Gamma"); expected the two companies of the partnership',
    );
    expect(() => PERCEPTION_GAP(scores, undefined)).toThrow(/^PERCEPTION_GAP: sides is missing/);
  });
});

describe('NEXT_FOCUS and REASSESS_BY', () => {
  it('keeps the target below +2 and moves on at +2', () => {
    expect(NEXT_FOCUS([[7, 8, 4, 9]], [[7, 8, 5, 9]])).toBe('Transparency');
    expect(NEXT_FOCUS([[7, 8, 4, 9]], [[7, 8, 6, 9]])).toBe('Competence');
    expect(NEXT_FOCUS([[7, 8, 4, 9]], [[7, 8, 6, 7]], 'Strategic')).toBe('Alignment');
    expect(NEXT_FOCUS([[7, 8, 4, 9]], [[7, 8, 6, 7]])).toBe('Competence');
    expect(NEXT_FOCUS([['', '', '', '']], [[7, 8, 6, 7]])).toBe('');
  });
  it('adds 90 days by default, or the days given', () => {
    expect(REASSESS_BY(d(2026, 3, 2))).toEqual(d(2026, 5, 31));
    expect(REASSESS_BY([[d(2026, 3, 2)]], 30)).toEqual(d(2026, 4, 1));
    expect(REASSESS_BY('')).toBe('');
    expect(() => REASSESS_BY('soon')).toThrow('REASSESS_BY: date is "soon"; expected a date');
    expect(() => REASSESS_BY(d(2026, 3, 2), 2.5)).toThrow('REASSESS_BY: days is 2.5; expected a whole number of days from 1 to 3650');
    expect(() => REASSESS_BY([[d(2026, 3, 2), d(2026, 3, 3)]])).toThrow('REASSESS_BY: date must be a single cell or value, not a range');
  });
  it('knows each model\'s primary and secondary corner', () => {
    expect(PRIMARY_CORNER('Transactional')).toBe('Reliability');
    expect(SECONDARY_CORNER('Co-Innovation')).toBe('Alignment');
    expect(() => PRIMARY_CORNER('')).toThrow('PRIMARY_CORNER: model is blank; expected one of Transactional, Strategic, Ecosystem, Co-innovation');
  });
});

describe('commitment rates', () => {
  const due = [['Due date'], [d(2026, 1, 10)], [d(2026, 1, 20)], [d(2026, 2, 1)], ['']];
  const done = [['Done on'], [d(2026, 1, 9)], [d(2026, 1, 25)], [''], ['']];
  const flagged = [['Flagged early on'], [''], [d(2026, 1, 15)], [''], ['']];
  it('skips a header row and computes from the dates', () => {
    expect(ON_TIME_RATE(due, done, d(2026, 3, 1))).toBeCloseTo(1 / 3);
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1))).toBe(0.5);
  });
  it('is blank when nothing is due or slipped', () => {
    expect(ON_TIME_RATE(due, done, d(2026, 1, 1))).toBe('');
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 1, 1))).toBe('');
  });
  it('accepts ISO text dates and defaults as_of to today', () => {
    expect(ON_TIME_RATE([['2026-01-10']], [['2026-01-10']])).toBe(1);
  });
  it('names the row and value of a bad date and mismatched ranges', () => {
    expect(() => ON_TIME_RATE([[d(2026, 1, 10)], ['tomorrow']], [[''], ['']])).toThrow(
      'ON_TIME_RATE: due_dates row 2 is "tomorrow"; expected a date',
    );
    expect(() => ON_TIME_RATE([[d(2026, 1, 10)], [5]], [[''], ['']])).toThrow('ON_TIME_RATE: due_dates row 2 is 5; expected a date');
    expect(() => ON_TIME_RATE(due, [[''], ['']])).toThrow('ON_TIME_RATE: done_dates has 2 rows but due_dates has 5');
    expect(() => ON_TIME_RATE([[d(2026, 1, 1), d(2026, 1, 2)], [d(2026, 1, 1), d(2026, 1, 2)]], [[''], ['']])).toThrow(
      'ON_TIME_RATE: due_dates must be a single column or a single row; got 2 rows × 2 columns',
    );
    expect(() => (EARLY_WARNING_RATE as (...args: unknown[]) => unknown)(due, done)).toThrow(/^EARLY_WARNING_RATE: flagged_dates is missing/);
    expect(() => ON_TIME_RATE(due, done, 'yesterday')).toThrow('ON_TIME_RATE: as_of is "yesterday"; expected a date');
  });
});

describe('commitment rates with a statuses column', () => {
  // Five rows under a title row: on time, late and flagged, declined (was due, never done), withdrawn, proposed.
  const due = [['Due date'], [d(2026, 1, 10)], [d(2026, 1, 20)], [d(2026, 1, 25)], [d(2026, 2, 1)], [d(2026, 2, 2)]];
  const done = [['Done on'], [d(2026, 1, 9)], [d(2026, 1, 25)], [''], [''], ['']];
  const flagged = [['Flagged early on'], [''], [d(2026, 1, 15)], [''], [''], ['']];
  const statuses = [['Status'], ['Done'], ['Done'], ['Declined'], ['Withdrawn'], ['Proposed']];
  it('leaves out rows neither side took on (Proposed, Declined, Withdrawn)', () => {
    // Without statuses all five are due and three slipped unflagged: 1/5 on time, 1/4 flagged.
    expect(ON_TIME_RATE(due, done, d(2026, 3, 1))).toBeCloseTo(1 / 5);
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1))).toBeCloseTo(1 / 4);
    expect(ON_TIME_RATE(due, done, d(2026, 3, 1), statuses)).toBe(0.5);
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1), statuses)).toBe(1);
  });
  it('counts every other status and a blank one, in any letter case', () => {
    const taken = [['Status'], ['done'], [' At risk '], ['Missed'], [''], ['Renegotiated']];
    expect(ON_TIME_RATE(due, done, d(2026, 3, 1), taken)).toBe(ON_TIME_RATE(due, done, d(2026, 3, 1)));
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1), taken)).toBe(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1)));
  });
  it('is blank when only proposals are due', () => {
    const proposed = [['Status'], ['Proposed'], ['Declined'], ['Withdrawn'], ['Proposed'], ['Proposed']];
    expect(ON_TIME_RATE(due, done, d(2026, 3, 1), proposed)).toBe('');
    expect(EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1), proposed)).toBe('');
  });
  it('names the function, the argument and the row of a statuses column that does not fit', () => {
    expect(() => ON_TIME_RATE(due, done, d(2026, 3, 1), [['Status'], ['Done']])).toThrow('ON_TIME_RATE: statuses has 2 rows but due_dates has 6');
    expect(() => EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1), [['Done']])).toThrow(/^EARLY_WARNING_RATE: statuses has 1 row but due_dates has 6/);
    const odd = [['Status'], ['Done'], ['Cancelled'], [''], [''], ['']];
    expect(() => ON_TIME_RATE(due, done, d(2026, 3, 1), odd)).toThrow(
      'ON_TIME_RATE: statuses row 3 is "Cancelled"; expected one of Proposed, Open, At risk, Done, Missed, Renegotiated, Dropped, Declined, Withdrawn or blank',
    );
    expect(() => EARLY_WARNING_RATE(due, done, flagged, d(2026, 3, 1), [['Status'], [7], [''], [''], [''], ['']])).toThrow(
      'EARLY_WARNING_RATE: statuses row 2 is 7; expected one of',
    );
  });
});

describe('disclosure, pNPS, champion risk', () => {
  it('opens one stage above what the partner matched', () => {
    const sides = [['Side'], ['Acme'], ['Beta'], ['Acme'], ['']];
    const stages = [['Stage'], ['Mid'], ['early'], ['Late'], ['']];
    expect(DISCLOSURE_NEXT_STAGE(sides, stages, 'Beta')).toBe('Mid');
    expect(DISCLOSURE_NEXT_STAGE(sides, stages, 'Acme')).toBe('Late');
    expect(DISCLOSURE_NEXT_STAGE([['']], [['']], 'Beta')).toBe('Early');
    expect(() => DISCLOSURE_NEXT_STAGE(sides, [['Stage'], ['Mid'], ['Soon'], ['Late'], ['']], 'Beta')).toThrow(
      'DISCLOSURE_NEXT_STAGE: stages row 3 is "Soon"; expected one of Early, Mid, Late',
    );
    expect(() => DISCLOSURE_NEXT_STAGE(sides, stages, '')).toThrow(/^DISCLOSURE_NEXT_STAGE: partner is blank/);
  });
  it('computes pNPS over a column or a grid, with an optional title', () => {
    expect(PNPS([['pNPS'], [10], [9], [7], [3], ['']])).toBe(25);
    expect(PNPS([[10, 0]])).toBe(0);
    expect(PNPS([['']])).toBe('');
    expect(() => PNPS([[10], [11]])).toThrow('PNPS: ratings row 2 is 11; expected a rating from 0 to 10');
  });
  it('computes champion risk and skips blanks', () => {
    expect(CHAMPION_RISK([['Ana'], ['ana'], ['Ben'], ['Cy'], ['']])).toBe(0.5);
    expect(CHAMPION_RISK('')).toBe('');
    expect(() => CHAMPION_RISK([['Ana'], [true]])).toThrow('CHAMPION_RISK: owners row 2 is TRUE; expected text');
  });
});
