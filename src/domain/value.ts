/**
 * What the partnership is worth beside how much it is trusted (the ecosystem article): return on
 * partner investment, the balance of what each side gives, and partner satisfaction.
 * Rules in DOMAIN.md "Value and governance".
 */
import { sideKey } from './scores';

/** Partner-satisfaction ratings use the 0–10 scale; 8 or more counts as satisfied. */
export const PSAT_MIN = 0;
export const PSAT_MAX = 10;
const PSAT_SATISFIED = 8;

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

/**
 * One figure of the Value Exchange typed from a form (the sidebar): what one side gave the other
 * in a quarter, of one kind. Kinds are the sheet's columns; counts are whole numbers, money may
 * have cents; nothing is negative (a correction replaces the figure, it does not subtract).
 */
export const VALUE_KINDS = ['Leads', 'Referrals', 'Deals influenced', 'Revenue influenced', 'Investment'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
/** Kinds that count things (whole numbers); the others are amounts of money. */
export const COUNTED_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>(['Leads', 'Referrals', 'Deals influenced']);

export interface ValueEntryInput {
  quarter: string;
  side: string;
  kind: string;
  amount: number | string;
  note?: string;
}

export interface ValueEntry {
  /** Normalised `2026-Q1`, so quarters sort as the Dashboard sorts them. */
  quarter: string;
  /** The company as the Partnership sheet spells it. */
  side: string;
  kind: ValueKind;
  amount: number;
  note: string;
}

export type ValueEntryField = 'quarter' | 'side' | 'kind' | 'amount';

export interface ValueEntryProblem {
  field: ValueEntryField;
  message: string;
}

const QUARTER_LABEL = /^(\d{4})\s*-?\s*Q([1-4])$/i;

/** `2026-Q1` from "2026-q1", "2026 Q1" or "2026Q1"; null for anything else. */
export function parseQuarterLabel(text: string): string | null {
  const match = QUARTER_LABEL.exec(text.trim());
  return match ? `${match[1]}-Q${match[2]}` : null;
}

function parseAmount(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * Every problem of an entry, each naming its field, so a form can show them beside the inputs.
 * `sides` are the two companies on the Partnership sheet.
 */
export function valueEntryProblems(input: ValueEntryInput, sides: readonly string[]): ValueEntryProblem[] {
  const problems: ValueEntryProblem[] = [];
  if (parseQuarterLabel(input.quarter) === null) {
    problems.push({ field: 'quarter', message: `The quarter "${input.quarter.trim()}" is not a quarter like 2026-Q1.` });
  }
  const companies = sides.map((side) => side.trim()).filter((side) => side !== '');
  if (companies.length < 2) {
    problems.push({ field: 'side', message: 'The Partnership sheet does not name both companies yet; name them before recording value.' });
  } else if (!companies.some((side) => sideKey(side) === sideKey(input.side))) {
    problems.push({ field: 'side', message: `The side "${input.side.trim()}" is neither ${companies[0]} nor ${companies[1]}.` });
  }
  const kind = VALUE_KINDS.find((entry) => entry.toLowerCase() === input.kind.trim().toLowerCase());
  if (!kind) problems.push({ field: 'kind', message: `The kind "${input.kind.trim()}" is not one of ${VALUE_KINDS.join(', ')}.` });
  const amount = parseAmount(input.amount);
  if (amount === null) {
    problems.push({ field: 'amount', message: `The amount ${JSON.stringify(input.amount)} is not a number.` });
  } else if (amount < 0) {
    problems.push({ field: 'amount', message: `The amount ${amount} is negative; enter 0 or more (a correction replaces the figure).` });
  } else if (kind && COUNTED_KINDS.has(kind) && !Number.isInteger(amount)) {
    problems.push({ field: 'amount', message: `${kind} are counted: ${amount} is not a whole number.` });
  }
  return problems;
}

/** The entry, normalised, or an error listing every problem with its field. */
export function parseValueEntry(input: ValueEntryInput, sides: readonly string[]): ValueEntry {
  const problems = valueEntryProblems(input, sides);
  if (problems.length > 0) throw new RangeError(problems.map((problem) => problem.message).join(' '));
  return {
    quarter: parseQuarterLabel(input.quarter) as string,
    side: sides.map((side) => side.trim()).find((side) => sideKey(side) === sideKey(input.side)) as string,
    kind: VALUE_KINDS.find((entry) => entry.toLowerCase() === input.kind.trim().toLowerCase()) as ValueKind,
    amount: parseAmount(input.amount) as number,
    note: (input.note ?? '').trim(),
  };
}

/** A balance each way as the ratio it is: "0.50 (1 = even)"; blank without data. */
export function formatBalance(result: ReciprocityResult): string {
  return result.status === 'ratio' ? `${result.ratio.toFixed(2)} (1 = even)` : '';
}
