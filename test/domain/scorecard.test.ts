import { describe, expect, it } from 'vitest';
import {
  ACTION_ITEMS_MAX_CHARS, actionItemsOf, directionOf, isQuarterLabel, previousRecordedQuarter, quarterIndex, satisfactionSummary, withActionItem,
} from '../../src/domain/scorecard';

describe('the scorecard ritual’s rules', () => {
  it('quarters: the label saved, order across years, hand-typed spellings', () => {
    expect(isQuarterLabel('2026-Q4')).toBe(true);
    expect(isQuarterLabel('2026-Q5')).toBe(false);
    expect(isQuarterLabel('Q4 2026')).toBe(false);
    expect(quarterIndex('2027-Q1')! - quarterIndex('2026-Q4')!).toBe(1);
    expect(quarterIndex(' 2026 - q4 ')).toBe(quarterIndex('2026-Q4'));
    expect(quarterIndex('autumn')).toBeNull();
  });

  it('the previous quarter is the latest one scored before, even across a skipped quarter', () => {
    const recorded = ['2026-Q1', '2025-Q4', '2026-Q3', '2026-q2'];
    expect(previousRecordedQuarter('2026-Q4', recorded)).toBe('2026-Q3');
    expect(previousRecordedQuarter('2026-Q3', recorded)).toBe('2026-q2');
    expect(previousRecordedQuarter('2026-Q1', recorded)).toBe('2025-Q4');
    expect(previousRecordedQuarter('2025-Q4', recorded)).toBeNull();
  });

  it('direction needs both scores', () => {
    expect([directionOf(7, 6), directionOf(5, 6), directionOf(6, 6), directionOf(null, 6), directionOf(6, null)]).toEqual(['up', 'down', 'same', null, null]);
  });

  it('action items are the cell’s lines; adding refuses a repeat and an overfull cell', () => {
    expect(actionItemsOf('  One\n\nTwo  \n')).toEqual(['One', 'Two']);
    expect(withActionItem('One', 'Two', 'Acme for 2026-Q4')).toBe('One\nTwo');
    expect(withActionItem('', 'First', 'Acme for 2026-Q4')).toBe('First');
    expect(() => withActionItem('One\nTwo', ' two ', 'Acme for 2026-Q4')).toThrow('" two " is already an action item of Acme for 2026-Q4.');
    expect(() => withActionItem('x'.repeat(ACTION_ITEMS_MAX_CHARS - 3), 'four', 'Acme for 2026-Q4')).toThrow(`at most ${ACTION_ITEMS_MAX_CHARS} fit`);
  });

  it('pNPS and PSAT of the same satisfaction scores', () => {
    // 10 and 9 promoters, 8 passive, 6 detractor: (2 − 1) / 4 = 25; PSAT: 3 of 4 are 8 or more.
    expect(satisfactionSummary([10, 9, 8, 6])).toEqual({ pnps: 25, psat: 0.75, ratings: 4 });
    expect(satisfactionSummary([])).toEqual({ pnps: null, psat: null, ratings: 0 });
  });
});
