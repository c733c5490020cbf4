import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORNERS, type CornerMeans } from '../../src/domain/corners';
import { focusAcrossCycles } from '../../src/domain/focus';
import { meanPerCorner } from '../../src/domain/scores';
import { type TrendAnswer, type TrendCycleRecord, cornerDrift, cornerTrend } from '../../src/domain/trend';

const d = (iso: string): Date => {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(y, m - 1, day);
};
const means = (c: number | null, r: number | null, t: number | null, a: number | null): CornerMeans => ({ Competence: c, Reliability: r, Transparency: t, Alignment: a });
const answer = (cycle: string, date: string, side: string, ratings: CornerMeans, weight?: number): TrendAnswer => ({ cycle, date: d(date), side, ratings, weight });
const record = (name: string, openedOn: string, closedOn: string | null, extra: Partial<TrendCycleRecord> = {}): TrendCycleRecord => ({
  name,
  openedOn: d(openedOn),
  closedOn: closedOn ? d(closedOn) : null,
  focus: null,
  ...extra,
});

/** A mean equals the expected one: both blank, or both numbers within rounding. */
const expectMean = (actual: number | null, expected: number | null): void => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
};

const ACME = 'Acme';
const BETA = 'Beta';

describe('the trend over every cycle', () => {
  const answers = [
    answer('2026-Q1', '2026-01-10', ACME, means(7, 8, 4, 9)),
    answer('2026-Q1', '2026-01-11', 'beta ', means(5, 6, 4, 7)),
    answer('2026-Q2', '2026-04-10', ACME, means(7, 8, 7, 8)),
    answer('2026-Q2', '2026-04-11', BETA, means(7, 7, 6, 6)),
    // A sealed cycle: one row per side holding the means of N people.
    answer('2026-Q3', '2026-07-10', ACME, means(8, 8, 7, 6), 3),
    answer('2026-Q3', '2026-07-12', BETA, means(6, 6, 7, 5), 4),
    // Only Acme answered the open cycle so far.
    answer('2026-Q4', '2026-10-05', ACME, means(8, 9, 8, 7)),
  ];
  const cycles = [
    record('2026-Q1', '2026-01-05', '2026-01-20', { focus: 'Transparency', kind: 'Quarterly', anonymity: 'Named' }),
    // Listed out of order on the sheet: the order is the opening date.
    record('2026-Q3', '2026-07-01', '2026-07-20', { focus: 'Alignment', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 } as Partial<TrendCycleRecord>),
    record('2026-Q2', '2026-04-01', '2026-04-20', { focus: 'Alignment', kind: 'Quarterly', anonymity: 'Named' }),
    record('2026-Q4', '2026-10-01', null, { kind: 'Ad hoc', anonymity: 'Named' }),
    record('2026-11 reset', '2026-11-10', '2026-11-30', { kind: 'Reset', anonymity: 'Named' }),
  ];
  const trend = cornerTrend({ answers, cycles, ourCompany: ACME, partnerCompany: BETA, model: 'Strategic' });

  it('has one point per cycle, in the order the cycles opened, with each corner\'s mean for both sides and per side', () => {
    expect(trend.map((point) => point.cycle)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-11 reset']);
    for (const point of trend) {
      const rows = answers.filter((row) => row.cycle === point.cycle);
      const expected = meanPerCorner(rows);
      const ours = meanPerCorner(rows.filter((row) => row.side === ACME));
      const partner = meanPerCorner(rows.filter((row) => row.side?.trim().toLowerCase() === 'beta'));
      for (const corner of CORNERS) {
        expectMean(point.both[corner], expected[corner]);
        expectMean(point.ours[corner], ours[corner]);
        expectMean(point.partner[corner], partner[corner]);
      }
    }
    // The sealed cycle weights each side's row by its responses.
    expect(trend[2].both.Competence).toBeCloseTo((8 * 3 + 6 * 4) / 7, 9);
    expect(trend[2].responses).toEqual({ ours: 3, partner: 4 });
  });

  it('marks the focus of every cycle as the +2 rule and the Cycles sheet have it, and where it moved', () => {
    expect(trend.map((point) => point.focus)).toEqual(['Transparency', 'Alignment', 'Alignment', 'Alignment', 'Alignment']);
    expect(trend.map((point) => point.focusMoved)).toEqual([true, true, false, false, false]);
    expect(trend[1].caption).toBe('2026-Q2 · focus Alignment');
  });

  it('labels one-sided, sealed, open and unanswered cycles, naming the side that answered', () => {
    expect(trend.map((point) => point.labels)).toEqual([[], [], ['sealed'], ['one-sided', 'open'], []]);
    expect(trend[3]).toMatchObject({ oneSided: true, onlySide: ACME, kind: 'Ad hoc' });
    expect(trend[3].caption).toBe('2026-Q4 · focus Alignment · one-sided (only Acme) · open');
    expect(trend[2].caption).toBe('2026-Q3 · focus Alignment · sealed');
    expect(trend[4].caption).toBe('2026-11 reset · focus Alignment · no answers');
    expect(trend[4].both).toEqual(means(null, null, null, null));
  });

  it('takes a recorded one-sided close as one-sided even when the sheet holds one side only by hand', () => {
    const closed = cornerTrend({
      answers: [answer('X', '2026-01-10', BETA, means(5, 5, 5, 5))],
      cycles: [record('X', '2026-01-05', '2026-01-20', { oneSidedReason: 'Acme could not answer: reorganisation' })],
      ourCompany: ACME,
      partnerCompany: BETA,
    });
    expect(closed[0]).toMatchObject({ oneSided: true, onlySide: BETA, labels: ['one-sided'] });
  });

  it('gives each corner\'s change since the last cycle that rated it, and which way it drifted overall', () => {
    expect(trend[1].change.Transparency).toBeCloseTo(6.5 - 4, 9);
    expect(trend[0].change.Transparency).toBeNull();
    // The open cycle after the unanswered reset: compared with the last rated cycle.
    const drift = cornerDrift(trend);
    expect(drift.find((entry) => entry.corner === 'Transparency')).toMatchObject({ first: 4, last: 8, change: 4, direction: 'strengthening' });
    expect(drift.find((entry) => entry.corner === 'Alignment')?.direction).toBe('drifting');
    expect(cornerDrift(trend.slice(0, 1)).every((entry) => entry.direction === 'unknown')).toBe(true);
  });

  it('agrees with the focus across cycles and the plain means for any answers (property)', () => {
    const rating = fc.option(fc.integer({ min: 1, max: 10 }), { nil: null });
    const row = fc.record({
      cycle: fc.constantFrom('A', 'B', 'C', 'D'),
      day: fc.integer({ min: 0, max: 300 }),
      side: fc.constantFrom(ACME, BETA, 'acme'),
      ratings: fc.tuple(rating, rating, rating, rating),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), (drawn) => {
        const rows = drawn.map((r) => answer(r.cycle, `2026-01-${String(1 + (r.day % 28)).padStart(2, '0')}`, r.side, means(...r.ratings)));
        const points = cornerTrend({ answers: rows, cycles: [], ourCompany: ACME, partnerCompany: BETA });
        const names = [...new Set(rows.map((r) => r.cycle))];
        expect(points.map((point) => point.cycle).sort()).toEqual(names.sort());
        const steps = focusAcrossCycles(points.map((point) => ({ name: point.cycle, means: point.both })));
        expect(points.map((point) => point.focus)).toEqual(steps.map((step) => step.focus));
        for (const point of points) {
          const ofCycle = rows.filter((r) => r.cycle === point.cycle);
          const expected = meanPerCorner(ofCycle);
          for (const corner of CORNERS) expectMean(point.both[corner], expected[corner]);
          const sides = new Set(ofCycle.map((r) => r.side!.toLowerCase()));
          const rated = CORNERS.some((corner) => expected[corner] !== null);
          expect(point.oneSided).toBe(rated && sides.size === 1);
        }
      }),
    );
  });
});
