import { describe, expect, it } from 'vitest';
import { partnerSatisfaction, reciprocity, returnOnInvestment } from '../../src/domain/value';

const rows = (...pairs: Array<[number | null, number | null]>) => pairs.map(([value, investment]) => ({ value, investment }));

describe('return on partner investment', () => {
  it('divides the value summed over the rows by the investment summed over the rows', () => {
    expect(returnOnInvestment(rows([30_000, 10_000], [50_000, null], [null, 15_000]))).toEqual({
      status: 'ratio',
      ratio: 80_000 / 25_000,
      value: 80_000,
      investment: 25_000,
    });
  });
  it('is an error (not infinity) when value was recorded but nothing invested', () => {
    expect(returnOnInvestment(rows([5_000, null], [1_000, 0]))).toEqual({ status: 'zero investment', value: 6_000 });
    expect(returnOnInvestment(rows([null, 0]))).toEqual({ status: 'zero investment', value: 0 });
  });
  it('has no figure without data', () => {
    expect(returnOnInvestment([])).toEqual({ status: 'no data' });
    expect(returnOnInvestment(rows([null, null]))).toEqual({ status: 'no data' });
  });
  it('is 0 when investment bought nothing yet', () => {
    expect(returnOnInvestment(rows([null, 2_000]))).toMatchObject({ status: 'ratio', ratio: 0 });
  });
});

describe('reciprocity', () => {
  it('is the smaller side\'s total over the larger side\'s, whichever side gave more', () => {
    expect(reciprocity([{ side: 'Acme', amount: 6 }, { side: 'Beta', amount: 2 }, { side: 'Beta', amount: 1 }])).toMatchObject({ status: 'ratio', ratio: 0.5 });
    expect(reciprocity([{ side: 'Acme', amount: 3 }, { side: 'Beta', amount: 12 }])).toMatchObject({ status: 'ratio', ratio: 0.25 });
  });
  it('is 1 when balanced and 0 when only one side gave', () => {
    expect(reciprocity([{ side: 'Acme', amount: 4 }, { side: 'Beta', amount: 4 }])).toMatchObject({ ratio: 1 });
    expect(reciprocity([{ side: 'Acme', amount: 4 }, { side: 'Beta', amount: 0 }])).toMatchObject({ ratio: 0 });
    expect(reciprocity([{ side: 'Acme', amount: 4 }])).toMatchObject({ status: 'ratio', ratio: 0, totals: [{ side: 'Acme', total: 4 }] });
  });
  it('treats a side typed in another case or with spaces as the same company', () => {
    expect(reciprocity([{ side: 'Acme', amount: 2 }, { side: ' acme ', amount: 2 }, { side: 'Beta', amount: 2 }])).toMatchObject({
      ratio: 0.5,
      totals: [{ side: 'Acme', total: 4 }, { side: 'Beta', total: 2 }],
    });
  });
  it('refuses a third side, naming it and where it first appeared', () => {
    expect(reciprocity([{ side: 'Acme', amount: 1 }, { side: 'Beta', amount: 1 }, { side: 'Acme', amount: 1 }, { side: 'Gamma', amount: 1 }])).toEqual({
      status: 'too many sides',
      index: 3,
      side: 'Gamma',
      sides: ['Acme', 'Beta'],
    });
  });
  it('has no balance when nothing was exchanged', () => {
    expect(reciprocity([])).toEqual({ status: 'no data' });
    expect(reciprocity([{ side: 'Acme', amount: 0 }, { side: 'Beta', amount: 0 }])).toEqual({ status: 'no data' });
  });
});

describe('partner satisfaction (PSAT)', () => {
  it('is the share of ratings of 8 or more', () => {
    expect(partnerSatisfaction([10, 8, 7.9, 3])).toBe(0.5);
    expect(partnerSatisfaction([0, 7])).toBe(0);
    expect(partnerSatisfaction([8])).toBe(1);
  });
  it('is null without ratings', () => {
    expect(partnerSatisfaction([])).toBeNull();
  });
});
