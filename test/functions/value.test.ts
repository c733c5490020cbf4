import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PSAT, RECIPROCITY, ROPI } from '../../src/functions/value';
import { partnerSatisfaction, reciprocity } from '../../src/domain/value';

describe('ROPI', () => {
  it('divides summed value by summed investment, skipping a title row and blanks', () => {
    expect(ROPI([['Revenue influenced'], [30_000], [50_000], ['']], [['Investment'], [10_000], [''], [15_000]])).toBe(3.2);
    expect(ROPI(80_000, 25_000)).toBe(3.2);
  });
  it('is blank without data', () => {
    expect(ROPI([[''], ['']], [[''], ['']])).toBe('');
    expect(ROPI([['Value']], [['Investment']])).toBe('');
  });
  it('refuses zero investment instead of showing infinity', () => {
    expect(() => ROPI([[5_000]], [[0]])).toThrow('ROPI: investment totals 0 against a value of 5000; expected what was invested (a total above 0) to divide the value by');
    expect(() => ROPI([[5_000]], [['']])).toThrow('ROPI: investment totals 0');
  });
  it('refuses a ratio too large for a cell (a denormal investment), found by the property test', () => {
    expect(() => ROPI(-1, 5e-324)).toThrow('ROPI: a value of -1 over an investment of 5e-324 is too large a ratio to show');
    expect(() => ROPI(1e308, 1e-10)).toThrow('ROPI: a value of 1e+308 over an investment of 1e-10 is too large a ratio to show');
  });
  it('names the argument, row and value of bad input', () => {
    expect(() => ROPI([['Value'], [1], ['lots']], [['Cost'], [1], [1]])).toThrow('ROPI: value row 3 is "lots"; expected a number (the value created)');
    expect(() => ROPI([[1]], [[-5]])).toThrow('ROPI: investment row 1 is -5; expected an amount of 0 or more (what was invested)');
    expect(() => ROPI([[1], [2]], [[1]])).toThrow('ROPI: investment has 1 row but value has 2; give ranges that start and end on the same rows');
  });
});

describe('RECIPROCITY', () => {
  const sides = [['Side'], ['Acme'], ['Beta'], ['Acme'], ['Beta']];
  const table = [['Leads', 'Referrals', 'Deals influenced'], [6, 1, ''], [3, 4, ''], [2, 0, ''], ['', '', '']];
  it('reads one column of amounts', () => {
    expect(RECIPROCITY([['Acme'], ['Beta'], ['Acme']], [[6], [3], [2]])).toBe(3 / 8);
  });
  it('picks the column of one kind by its title (decision: kind names a column of amounts)', () => {
    expect(RECIPROCITY(sides, table, 'Leads')).toBe(3 / 8);
    expect(RECIPROCITY(sides, table, ' referrals ')).toBe(1 / 4);
    expect(RECIPROCITY(sides, table, 'Deals influenced')).toBe('');
  });
  it('is 0 when only one side gave, blank when nothing was exchanged', () => {
    expect(RECIPROCITY([['Acme'], ['Acme']], [[2], [5]])).toBe(0);
    expect(RECIPROCITY([['Acme'], ['Beta']], [[''], ['']])).toBe('');
    expect(RECIPROCITY([['Acme'], ['Beta']], [[0], [0]])).toBe('');
  });
  it('refuses a third side, a side missing beside an amount, negative amounts and unknown kinds', () => {
    expect(() => RECIPROCITY([['Acme'], ['Beta'], ['Gamma']], [[5], [3], [1]])).toThrow(
      'RECIPROCITY: sides row 3 is "Gamma", a third side after "Acme" and "Beta"; expected the two sides of one partnership',
    );
    expect(() => RECIPROCITY([['Acme'], ['']], [[5], [3]])).toThrow('RECIPROCITY: sides row 2 is blank; expected the side that gave 3');
    expect(() => RECIPROCITY([['Acme'], ['Beta']], [[5], [-3]])).toThrow('RECIPROCITY: amounts row 2 is -3; expected an amount of 0 or more');
    expect(() => RECIPROCITY(sides, table, 'Invoices')).toThrow(
      'RECIPROCITY: kind is "Invoices" but no column of amounts has that title in its first row (it has "Leads", "Referrals", "Deals influenced"); include the title row in both ranges',
    );
    expect(() => RECIPROCITY(sides, table)).toThrow('RECIPROCITY: amounts must be a single column or a single row; got 5 rows × 3 columns');
    expect(() => RECIPROCITY([['Acme']], undefined)).toThrow('RECIPROCITY: amounts is missing');
  });
  it('counts rows from the top of the range given, title row included', () => {
    expect(() => RECIPROCITY(sides, [['Leads'], [1], ['many'], [1], ['']], 'Leads')).toThrow('RECIPROCITY: amounts row 3 is "many"; expected an amount of 0 or more');
  });
  it('equals the domain rule on any two-sided exchange, whichever way it leans', () => {
    const exchange = fc.record({ side: fc.constantFrom('Acme', 'Beta', ' acme'), amount: fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 30 }), (exchanges) => {
        const result = RECIPROCITY(exchanges.map((e) => [e.side]), exchanges.map((e) => [e.amount]));
        const expected = reciprocity(exchanges);
        if (expected.status !== 'ratio') return result === '';
        const swapped = RECIPROCITY(exchanges.map((e) => [e.side.trim() === 'Beta' ? 'Acme' : 'Beta']), exchanges.map((e) => [e.amount]));
        return result === expected.ratio && result >= 0 && result <= 1 && Math.abs((swapped as number) - result) < 1e-12;
      }),
    );
  });
});

describe('PSAT', () => {
  it('is the share of ratings of 8 or more, skipping a title and blanks', () => {
    expect(PSAT([['Partner satisfaction'], [10], [8], [7], [3], ['']])).toBe(0.5);
    expect(PSAT([['']])).toBe('');
    expect(() => PSAT([[9], [11]])).toThrow('PSAT: ratings row 2 is 11; expected a rating from 0 to 10');
    expect(() => PSAT([[9], [true]])).toThrow('PSAT: ratings row 2 is TRUE; expected a rating from 0 to 10');
  });
  it('equals the domain rule on any ratings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 40 }), (ratings) => {
        const result = PSAT(ratings.map((rating) => [rating]));
        const expected = partnerSatisfaction(ratings);
        return expected === null ? result === '' : result === expected;
      }),
    );
  });
});
