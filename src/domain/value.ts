/**
 * What the partnership is worth beside how much it is trusted (the ecosystem article): return on
 * partner investment, the balance of what each side gives, and partner satisfaction.
 * Rules in DOMAIN.md "Value and governance".
 */
import { sideKey } from './scores';

/** Partner-satisfaction ratings use the 0–10 scale; 8 or more counts as satisfied. */
export const PSAT_MIN = 0;
export const PSAT_MAX = 10;
export const PSAT_SATISFIED = 8;

/** One row of value created and what was invested for it; null where the cell is blank. */
export interface ValueRow {
  value: number | null;
  investment: number | null;
}

export type RopiResult =
  | { status: 'no data' }
  /** Value was recorded but nothing was invested: a return on nothing is undefined, not infinite. */
  | { status: 'zero investment'; value: number }
  | { status: 'ratio'; ratio: number; value: number; investment: number };

/** ROPI = value created ÷ what was invested, both summed over the rows. */
export function returnOnInvestment(rows: Iterable<ValueRow>): RopiResult {
  let value = 0;
  let investment = 0;
  let seen = false;
  for (const row of rows) {
    if (row.value !== null) {
      value += row.value;
      seen = true;
    }
    if (row.investment !== null) {
      investment += row.investment;
      seen = true;
    }
  }
  if (!seen) return { status: 'no data' };
  if (investment === 0) return { status: 'zero investment', value };
  return { status: 'ratio', ratio: value / investment, value, investment };
}

/** Something one side gave the other: leads, referrals, disclosures… (one kind at a time). */
export interface Exchange {
  side: string;
  amount: number;
}

export type ReciprocityResult =
  | { status: 'no data' }
  /** A third side appeared at `index` of the exchanges: a balance is between two sides. */
  | { status: 'too many sides'; index: number; side: string; sides: [string, string] }
  | { status: 'ratio'; ratio: number; totals: Array<{ side: string; total: number }> };

/**
 * Reciprocity = the smaller side's total ÷ the larger side's: 1 is balanced, 0 is all one way.
 * A side that appears alone gave nothing back (0); nothing exchanged at all has no balance (no data).
 */
export function reciprocity(exchanges: Iterable<Exchange>): ReciprocityResult {
  const totals: Array<{ key: string; side: string; total: number }> = [];
  let index = 0;
  for (const exchange of exchanges) {
    const key = sideKey(exchange.side);
    let entry = totals[0]?.key === key ? totals[0] : totals[1]?.key === key ? totals[1] : undefined;
    if (!entry) {
      if (totals.length === 2) {
        return { status: 'too many sides', index, side: exchange.side, sides: [totals[0].side, totals[1].side] };
      }
      entry = { key, side: exchange.side, total: 0 };
      totals.push(entry);
    }
    entry.total += exchange.amount;
    index++;
  }
  const larger = Math.max(0, ...totals.map((entry) => entry.total));
  if (larger === 0) return { status: 'no data' };
  const smaller = totals.length < 2 ? 0 : Math.min(totals[0].total, totals[1].total);
  return { status: 'ratio', ratio: smaller / larger, totals: totals.map(({ side, total }) => ({ side, total })) };
}

/** PSAT = the share (0…1) of satisfaction ratings of 8 or more; null without ratings. */
export function partnerSatisfaction(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  let satisfied = 0;
  for (const rating of ratings) if (rating >= PSAT_SATISFIED) satisfied++;
  return satisfied / ratings.length;
}
