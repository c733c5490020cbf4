import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMITMENT_STATUSES, type CommitmentStatus, commitmentRates, describeCommitmentRates, isTakenOn, earlyWarningRate, hasSlipped, isOverdue, onTimeRate, wasFlaggedEarly } from '../../src/domain/commitments';
import { addDays, reassessBy } from '../../src/domain/dates';
import { nextDisclosureStage } from '../../src/domain/disclosure';
import { championRisk, partnerNps } from '../../src/domain/metrics';

const d = (iso: string): Date => {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(y, m - 1, day);
};
const item = (due: string | null, done: string | null = null, flagged: string | null = null) => ({
  due: due ? d(due) : null,
  done: done ? d(done) : null,
  flagged: flagged ? d(flagged) : null,
});

describe('on-time rate', () => {
  it('counts done on or before the due date over those due so far', () => {
    const items = [item('2026-01-10', '2026-01-10'), item('2026-01-10', '2026-01-11'), item('2026-01-20'), item('2026-03-01')];
    expect(onTimeRate(items, d('2026-02-01'))).toBeCloseTo(1 / 3);
  });
  it('does not count an open commitment due today against anyone, but counts one done today', () => {
    expect(onTimeRate([item('2026-02-01')], d('2026-02-01'))).toBeNull();
    expect(onTimeRate([item('2026-02-01', '2026-02-01')], d('2026-02-01'))).toBe(1);
  });
  it('compares calendar days, not instants', () => {
    const doneLateInTheDay = { due: d('2026-01-10'), done: new Date(2026, 0, 10, 23, 30), flagged: null };
    expect(onTimeRate([doneLateInTheDay], d('2026-02-01'))).toBe(1);
  });
  it('is null when nothing is due yet, and ignores rows without a due date', () => {
    expect(onTimeRate([item(null, '2026-01-01'), item('2027-01-01')], d('2026-02-01'))).toBeNull();
  });
});

describe('early-warning rate', () => {
  it('is the share of slipped commitments flagged before the due date', () => {
    const items = [
      item('2026-01-10', '2026-01-12', '2026-01-08'), // late, flagged early
      item('2026-01-10', '2026-01-12', '2026-01-10'), // late, flagged on the day: not early
      item('2026-01-10', null, null), // overdue, never flagged
      item('2026-01-10', null, '2026-01-01'), // overdue, flagged early
      item('2026-01-10', '2026-01-09', '2026-01-05'), // on time: not slipped
    ];
    expect(earlyWarningRate(items, d('2026-02-01'))).toBe(0.5);
  });
  it('is null when nothing slipped', () => {
    expect(earlyWarningRate([item('2026-01-10', '2026-01-10')], d('2026-02-01'))).toBeNull();
  });
  it('knows slipped, flagged and overdue apart', () => {
    expect(hasSlipped(item('2026-01-10'), d('2026-01-10'))).toBe(false);
    expect(hasSlipped(item('2026-01-10'), d('2026-01-11'))).toBe(true);
    expect(wasFlaggedEarly(item('2026-01-10', null, '2026-01-09'))).toBe(true);
    expect(isOverdue({ ...item('2026-01-10'), status: 'Open' }, d('2026-01-11'))).toBe(true);
    expect(isOverdue({ ...item('2026-01-10'), status: 'Dropped' }, d('2026-01-11'))).toBe(false);
  });
});

describe('only commitments both sides took on count', () => {
  const asOf = d('2026-02-01');
  const rows = [
    { ...item('2026-01-10', '2026-01-10'), status: 'Done' as const },
    { ...item('2026-01-10', null, '2026-01-05'), status: 'At risk' as const },
    { ...item('2026-01-10'), status: 'Declined' as const },
    { ...item('2026-01-12'), status: 'Withdrawn' as const },
    { ...item('2026-01-15'), status: 'Proposed' as const },
    { ...item('2026-01-20', '2026-01-25') },
  ];
  it('leaves Proposed, Declined and Withdrawn rows out of both rates and says how many', () => {
    expect(commitmentRates(rows, asOf)).toEqual({
      onTimeRate: 1 / 3,
      earlyWarningRate: 1 / 2,
      dueSoFar: 3,
      onTime: 1,
      slipped: 2,
      flaggedEarly: 1,
      notTakenOn: 3,
    });
    expect(describeCommitmentRates(commitmentRates(rows, asOf))).toBe(
      '1 of 3 due so far done on time · 1 of 2 slips flagged early · 3 proposed, declined or withdrawn not counted',
    );
    expect(describeCommitmentRates(commitmentRates([], asOf))).toBe('nothing due yet · no slips');
  });
  it('is not overdue until taken on', () => {
    expect(isOverdue({ ...item('2026-01-10'), status: 'Proposed' }, asOf)).toBe(false);
    expect(isOverdue({ ...item('2026-01-10'), status: 'Declined' }, asOf)).toBe(false);
    expect(isOverdue({ ...item('2026-01-10'), status: 'Withdrawn' }, asOf)).toBe(false);
    expect(isOverdue({ ...item('2026-01-10') }, asOf)).toBe(true);
  });
  it('equals the plain rates over the rows taken on, whatever the statuses (property)', () => {
    const day = fc.option(fc.integer({ min: 0, max: 60 }), { nil: null });
    const row = fc.record({
      due: day,
      done: day,
      flagged: day,
      status: fc.option(fc.constantFrom(...COMMITMENT_STATUSES), { nil: undefined }),
    });
    const at = (offset: number | null): Date | null => (offset === null ? null : new Date(2026, 0, 1 + offset));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 0, max: 60 }), (drawn, asOfOffset) => {
        const items = drawn.map((r) => ({ due: at(r.due), done: at(r.done), flagged: at(r.flagged), status: r.status as CommitmentStatus | undefined }));
        const when = at(asOfOffset) as Date;
        const taken = items.filter((r) => r.status === undefined || !['Proposed', 'Declined', 'Withdrawn'].includes(r.status));
        const rates = commitmentRates(items, when);
        expect(rates.onTimeRate).toBe(onTimeRate(taken, when));
        expect(rates.earlyWarningRate).toBe(earlyWarningRate(taken, when));
        expect(rates.notTakenOn).toBe(items.length - taken.length);
        expect(items.filter((r) => isTakenOn(r.status))).toEqual(taken);
      }),
    );
  });
});

describe('reassessment dates', () => {
  it('falls 90 calendar days later by default', () => {
    expect(reassessBy(d('2026-03-02'))).toEqual(d('2026-05-31'));
    expect(reassessBy(d('2026-12-15'), 30)).toEqual(d('2027-01-14'));
  });
  it('keeps the time of day across a daylight-saving change', () => {
    const before = new Date(2026, 2, 1, 9, 0);
    expect(addDays(before, 60).getHours()).toBe(9);
  });
});

describe('graduated disclosure', () => {
  it('opens Early while the partner shared nothing', () => {
    expect(nextDisclosureStage([{ side: 'Acme', stage: 'Late' }], 'Beta')).toBe('Early');
  });
  it('allows one stage above the highest the partner matched', () => {
    expect(nextDisclosureStage([{ side: 'beta', stage: 'Early' }, { side: 'Acme', stage: 'Mid' }], 'Beta')).toBe('Mid');
    expect(nextDisclosureStage([{ side: 'Beta', stage: 'Mid' }, { side: 'Beta', stage: 'Early' }], 'Beta')).toBe('Late');
    expect(nextDisclosureStage([{ side: 'Beta', stage: 'Late' }], 'Beta')).toBe('Late');
  });
});

describe('pNPS and champion risk', () => {
  it('is % promoters minus % detractors', () => {
    expect(partnerNps([10, 9, 8, 7, 6, 0])).toBeCloseTo(0);
    expect(partnerNps([10, 10])).toBe(100);
    expect(partnerNps([6, 0])).toBe(-100);
    expect(partnerNps([7, 8])).toBe(0);
    expect(partnerNps([])).toBeNull();
  });
  it('measures the busiest owner share', () => {
    expect(championRisk(['Ana', 'ana ', 'Ben'])).toBeCloseTo(2 / 3);
    expect(championRisk([])).toBeNull();
  });
});
