import { describe, expect, it } from 'vitest';
import { actionSourceOf, countActions, currentActionCycle, cycleOfSource, describeActionCounts, isActionOf, isReplaceable } from '../../src/domain/actions';

describe('a cycle’s actions', () => {
  it('read their cycle from the source', () => {
    expect(actionSourceOf(' 2026-Q4 ')).toBe('Assessment 2026-Q4');
    expect(cycleOfSource('Assessment 2026-Q4')).toBe('2026-Q4');
    expect(cycleOfSource('  Assessment  2026 Q4 (2) ')).toBe('2026 Q4 (2)');
    expect(cycleOfSource('Weekly sync')).toBeNull();
    expect(cycleOfSource('Assessment ')).toBeNull();
    expect(isActionOf('Assessment 2026-q4', '2026-Q4')).toBe(true);
    expect(isActionOf('Pre-mortem R-001', '2026-Q4')).toBe(false);
  });

  it('only a declined or withdrawn one can be replaced', () => {
    expect(isReplaceable('Declined')).toBe(true);
    expect(isReplaceable('Withdrawn')).toBe(true);
    for (const status of ['Proposed', 'Open', 'Dropped', 'Missed', undefined] as const) expect(isReplaceable(status)).toBe(false);
  });

  it('count agreed, waiting, declined, withdrawn and replaced', () => {
    const counts = countActions([
      { id: 'C-001', status: 'Done', replaces: '' },
      { id: 'C-002', status: 'Declined', replaces: '' },
      { id: 'C-003', status: 'Open', replaces: '' },
      { id: 'C-004', status: 'Withdrawn', replaces: '' },
      { id: 'C-005', status: 'Proposed', replaces: 'c-002' },
      { id: 'C-006', status: undefined, replaces: '' },
    ]);
    expect(counts).toEqual({ agreed: 3, waiting: 1, declined: 1, withdrawn: 1, replaced: 1, open: ['C-004'] });
    expect(describeActionCounts(counts)).toBe('3 agreed · 1 declined · 1 withdrawn · 1 replaced · 1 waiting for an answer');
    expect(describeActionCounts(countActions([]))).toBe('0 agreed');
  });

  it('the cycle a sync commitment may join is that of the latest action made', () => {
    expect(currentActionCycle([])).toBeNull();
    expect(
      currentActionCycle([
        { id: 'C-010', source: 'Assessment 2026-Q3', corner: 'Reliability' },
        { id: 'C-012', source: 'Assessment 2026-Q4', corner: 'transparency' },
        { id: 'C-013', source: 'Weekly sync', corner: 'Alignment' },
        { id: 'C-011', source: 'Assessment 2026-Q3', corner: 'Reliability' },
        { id: 'C-014', source: 'Assessment 2027-Q1', corner: '' },
      ]),
    ).toEqual({ cycle: '2026-Q4', corner: 'Transparency' });
  });
});
