import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALUE_KINDS, formatBalance, parseQuarterLabel, parseValueEntry, reciprocity, valueEntryProblems } from '../../src/domain/value';
import { VALUE_EXCHANGE } from '../../src/workbook/templates';
import type { CellValue } from '../../src/workbook/table';
import { VALUE_KIND_COLUMNS, planValueEntry, quarterBalances } from '../../src/workbook/value-exchange';

const SIDES = ['Acme Analytics', 'Beta Cloud'];
const good = { quarter: '2026-Q3', side: 'beta cloud', kind: 'leads', amount: 12 };

describe('a Value Exchange entry from a form', () => {
  it('is normalised: the quarter label, the company as the Partnership sheet spells it, the kind', () => {
    expect(parseValueEntry({ ...good, quarter: ' 2026 q3 ', note: ' from the QBR ' }, SIDES)).toEqual({
      quarter: '2026-Q3', side: 'Beta Cloud', kind: 'Leads', amount: 12, note: 'from the QBR',
    });
    expect(parseValueEntry({ ...good, kind: 'Revenue influenced', amount: '1200.50' }, SIDES).amount).toBe(1200.5);
    expect(parseQuarterLabel('2026-Q5')).toBeNull();
  });

  it.each([
    [{ quarter: 'Q3' }, 'quarter', 'The quarter "Q3" is not a quarter like 2026-Q1.'],
    [{ side: 'Gamma' }, 'side', 'The side "Gamma" is neither Acme Analytics nor Beta Cloud.'],
    [{ kind: 'Hugs' }, 'kind', 'The kind "Hugs" is not one of Leads, Referrals, Deals influenced, Revenue influenced, Investment.'],
    [{ amount: -1 }, 'amount', 'The amount -1 is negative; enter 0 or more (a correction replaces the figure).'],
    [{ amount: '-3' }, 'amount', 'The amount -3 is negative; enter 0 or more (a correction replaces the figure).'],
    [{ amount: '$5' }, 'amount', 'The amount "$5" is not a number.'],
    [{ amount: Number.NaN }, 'amount', 'The amount null is not a number.'],
    [{ amount: 2.5 }, 'amount', 'Leads are counted: 2.5 is not a whole number.'],
  ] as const)('refuses %j, naming the %s', (change, field, message) => {
    const problems = valueEntryProblems({ ...good, ...change }, SIDES);
    expect(problems).toEqual([{ field, message }]);
    expect(() => parseValueEntry({ ...good, ...change }, SIDES)).toThrow(message);
  });

  it('says every problem at once, and asks for the companies first when they are not named', () => {
    expect(valueEntryProblems({ quarter: '', side: 'x', kind: '', amount: -1 }, SIDES).map((problem) => problem.field)).toEqual(['quarter', 'side', 'kind', 'amount']);
    expect(valueEntryProblems(good, ['Acme Analytics', ''])).toEqual([
      { field: 'side', message: 'The Partnership sheet does not name both companies yet; name them before recording value.' },
    ]);
  });

  it('accepts every amount of 0 or more (whole for counted kinds) and nothing below (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALUE_KINDS), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (kind, amount) => {
        const problems = valueEntryProblems({ ...good, kind, amount }, SIDES);
        const counted = kind === 'Leads' || kind === 'Referrals' || kind === 'Deals influenced';
        const valid = amount >= 0 && (!counted || Number.isInteger(amount));
        expect(problems.length === 0).toBe(valid);
      }),
    );
  });

  it('maps every kind to a column of the Value Exchange sheet', () => {
    const keys = VALUE_EXCHANGE.columns.map((column) => column.key);
    for (const kind of VALUE_KINDS) expect(keys).toContain(VALUE_KIND_COLUMNS[kind]);
  });
});

describe('writing an entry into the Value Exchange', () => {
  const rows: Array<{ values: Record<string, CellValue> }> = [
    { values: { quarter: '2026-Q3', side: 'Acme Analytics', leads: 6, referrals: 1 } },
    { values: { quarter: '2026-q3', side: 'BETA CLOUD', leads: 3 } },
    { values: { quarter: '2026-Q3', side: 'Beta Cloud', leads: 9 } },
  ];
  it('updates the row of its quarter and side, saying when hand-typed rows repeat it', () => {
    const plan = planValueEntry(rows, parseValueEntry({ ...good, amount: 4 }, SIDES));
    expect(plan).toEqual({ action: 'update', index: 1, column: 'leads', value: 4, previous: 3, note: null, duplicates: 1 });
  });
  it('appends a row for a quarter and side not on the sheet yet', () => {
    expect(planValueEntry(rows, parseValueEntry({ ...good, quarter: '2026-Q4', kind: 'Investment', amount: 5000, note: 'Workshop' }, SIDES))).toEqual({
      action: 'append', values: { quarter: '2026-Q4', side: 'Beta Cloud', investment: 5000, note: 'Workshop' },
    });
  });
  it('gives each kind’s balance of the quarter as a ratio, 1 = even', () => {
    const balances = quarterBalances(rows, '2026 Q3');
    const leads = balances.find((entry) => entry.kind === 'Leads')!.result;
    expect(leads).toEqual(reciprocity([{ side: 'Acme Analytics', amount: 6 }, { side: 'BETA CLOUD', amount: 3 }, { side: 'Beta Cloud', amount: 9 }]));
    expect(formatBalance(leads)).toBe('0.50 (1 = even)');
    expect(formatBalance(balances.find((entry) => entry.kind === 'Referrals')!.result)).toBe('0.00 (1 = even)');
    expect(formatBalance(balances.find((entry) => entry.kind === 'Deals influenced')!.result)).toBe('');
  });
});
