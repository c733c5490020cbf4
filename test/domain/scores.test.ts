import { describe, expect, it } from 'vitest';
import { bandOf, cornersAtRisk, needsSafeguards, parseCorner } from '../../src/domain/corners';
import { parseModel } from '../../src/domain/models';
import { meanPerCorner, meanPerSide, nextFocus, perceptionGap, tieOrder, weakestCorner } from '../../src/domain/scores';
import { means } from '../support/corner-means';

const row = (c: number | null, r: number | null, t: number | null, a: number | null, side?: string, weight?: number) => ({
  ratings: means(c, r, t, a),
  side,
  weight,
});

describe('corner names and models', () => {
  it('parses corners case-insensitively and rejects others', () => {
    expect(parseCorner('  transparency ')).toBe('Transparency');
    expect(parseCorner('Trust')).toBeUndefined();
  });
  it('parses models the way people type them', () => {
    expect(parseModel('co-innovation')).toBe('Co-innovation');
    expect(parseModel('Coinnovation')).toBe('Co-innovation');
    expect(parseModel('STRATEGIC (joint GTM, co-sell)')).toBe('Strategic');
    expect(parseModel('ecosystem')).toBe('Ecosystem');
    expect(parseModel('strat')).toBeUndefined();
    expect(parseModel('')).toBeUndefined();
  });
});

describe('aggregation', () => {
  it('averages each corner over all rows, ignoring blanks', () => {
    expect(meanPerCorner([row(7, 8, null, 9), row(5, 6, 4, null)])).toEqual(means(6, 7, 4, 9));
  });
  it('gives null for a corner nobody rated, and for no rows', () => {
    expect(meanPerCorner([row(7, null, 3, 2)]).Reliability).toBeNull();
    expect(meanPerCorner([])).toEqual(means(null, null, null, null));
  });
  it('weights sealed rows by their response count', () => {
    expect(meanPerCorner([row(8, 8, 8, 8, 'A', 3), row(4, 4, 4, 4, 'B', 1)]).Competence).toBe(7);
  });
  it('groups per side in order of first appearance, case-insensitively', () => {
    const sides = meanPerSide([row(4, 4, 4, 4, 'Beta'), row(8, 8, 8, 8, 'Acme'), row(6, 6, 6, 6, 'beta ')]);
    expect(sides.map((s) => s.side)).toEqual(['Beta', 'Acme']);
    expect(sides[0].means.Competence).toBe(5);
    expect(sides[0].responses).toBe(2);
  });
});

describe('weakest corner and ties (DOMAIN.md rule 4)', () => {
  it('picks the lowest mean', () => {
    expect(weakestCorner(means(7, 8, 5, 9))).toBe('Transparency');
  });
  it('breaks ties by canonical order without a model', () => {
    expect(weakestCorner(means(5, 8, 5, 9))).toBe('Competence');
  });
  it('breaks ties by the model primary corner, then secondary', () => {
    // Strategic: Alignment primary, Competence secondary.
    expect(weakestCorner(means(5, 5, 5, 5), 'Strategic')).toBe('Alignment');
    expect(weakestCorner(means(5, 5, 5, 6), 'Strategic')).toBe('Competence');
    expect(weakestCorner(means(6, 5, 5, 6), 'Strategic')).toBe('Reliability');
    // Ecosystem: Transparency primary, Reliability secondary.
    expect(weakestCorner(means(4, 4, 6, 6), 'Ecosystem')).toBe('Reliability');
  });
  it('ignores unrated corners and returns null when nothing is rated', () => {
    expect(weakestCorner(means(null, 8, 9, null))).toBe('Reliability');
    expect(weakestCorner(means(null, null, null, null))).toBeNull();
  });
  it('orders ties for every model: primary, secondary, then canonical', () => {
    expect(tieOrder('Transactional')).toEqual(['Reliability', 'Transparency', 'Competence', 'Alignment']);
    expect(tieOrder('Co-innovation')).toEqual(['Competence', 'Alignment', 'Reliability', 'Transparency']);
  });
});

describe('thresholds and bands', () => {
  it('flags corners at or below the threshold in canonical order', () => {
    expect(cornersAtRisk(means(6, 6.01, 2, null))).toEqual(['Competence', 'Transparency']);
    expect(cornersAtRisk(means(6, 7, 8, 9), 5)).toEqual([]);
    expect(cornersAtRisk(means(6, 7, 8, 9), 7)).toEqual(['Competence', 'Reliability']);
  });
  it('bands 1-4 low, 5-6 watch, 7-10 healthy', () => {
    expect([1, 4, 4.9, 5, 6, 6.5, 7, 10].map(bandOf)).toEqual([
      'low', 'low', 'low', 'watch', 'watch', 'healthy', 'healthy', 'healthy',
    ]);
  });
  it('asks for safeguards at two or more low corners', () => {
    expect(needsSafeguards(means(3, 4, 8, 8))).toBe(true);
    expect(needsSafeguards(means(3, 5, 8, 8))).toBe(false);
  });
});

describe('the +2 reassessment rule (DOMAIN.md rule 6)', () => {
  it('keeps the targeted corner while it improved by less than 2', () => {
    const decision = nextFocus(means(7, 8, 4, 9), means(7, 8, 5.9, 9));
    expect(decision).toMatchObject({ targeted: 'Transparency', improved: false, next: 'Transparency' });
    expect(decision?.improvement).toBeCloseTo(1.9);
  });
  it('moves to the lowest other corner once it improved by 2 or more', () => {
    expect(nextFocus(means(7, 8, 4, 9), means(7, 8, 6, 9))).toMatchObject({ improved: true, next: 'Competence' });
  });
  it('counts +2 reached through thirds as +2', () => {
    expect(nextFocus(means(7, 8, 13 / 3, 9), means(7, 8, 19 / 3, 9))?.improved).toBe(true);
  });
  it('keeps the target when it is not rated now, and is null without a baseline', () => {
    expect(nextFocus(means(7, 8, 4, 9), means(7, 8, null, 9))?.next).toBe('Transparency');
    expect(nextFocus(means(null, null, null, null), means(7, 8, 4, 9))).toBeNull();
  });
  it('uses the model to break ties among the other corners', () => {
    expect(nextFocus(means(6, 6, 3, 6), means(6, 6, 8, 6), 'Strategic')?.next).toBe('Alignment');
    expect(nextFocus(means(6, 6, 3, 7), means(6, 6, 8, 7), 'Strategic')?.next).toBe('Competence');
  });
});

describe('perception gap', () => {
  it('subtracts the second side from the first', () => {
    const gap = perceptionGap(meanPerSide([row(8, 8, 8, 8, 'Acme'), row(5, 9, null, 8, 'Beta')]));
    expect(gap?.firstSide).toBe('Acme');
    expect(gap?.gaps).toEqual(means(3, -1, null, 0));
  });
  it('is null with one side and refuses three', () => {
    expect(perceptionGap(meanPerSide([row(8, 8, 8, 8, 'Acme')]))).toBeNull();
    expect(() => perceptionGap(meanPerSide([row(1, 1, 1, 1, 'A'), row(1, 1, 1, 1, 'B'), row(1, 1, 1, 1, 'C')]))).toThrow(/two sides/);
  });
});
