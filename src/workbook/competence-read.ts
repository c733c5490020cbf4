/**
 * The Competence Audit as its view reads it: mean sub-scores per quarter and side rated, for the
 * latest LISTED_QUARTERS quarters (two years of the trend), and how many ratings of earlier
 * quarters the sheet holds besides. Every rating row is settled (settled.ts: nothing in the view
 * changes a rating once made); their summary keeps, per quarter and side of the latest quarters,
 * each sub-score's running sum and count, continued in row order over the rows after them, so
 * every mean is the one a whole read computes, to the last bit.
 */
import { type SettledSpec, isCount, readUnsettled } from './settled';
import { type TableRow, textOf } from './table';
import { COMPETENCE_AUDIT } from './templates';
import type { Workbook } from './workbook';

/** The quarters the view lists: two years, enough for the learning-velocity trend. */
const LISTED_QUARTERS = 8;

const SUB_SCORES = ['domainExpertise', 'executionCapacity', 'learningVelocity'] as const;

/**
 * One quarter and side rated: the quarter as typed, the side as first spelled, each sub-score's
 * running sum and count (in SUB_SCORES order), and its rows.
 */
type Group = [quarter: string, side: string, dSum: number, dCount: number, eSum: number, eCount: number, lSum: number, lCount: number, rows: number];

interface SettledRatings {
  /** The groups of the latest LISTED_QUARTERS quarters among the settled rows. */
  groups: Group[];
  /** Settled rows of earlier quarters (never listed: LISTED_QUARTERS later ones are). */
  earlierRows: number;
}

/** Later quarters first, as the view lists them (ties of different texts by code units, so the order is total). */
const laterFirst = (a: string, b: string): number => b.localeCompare(a) || (a < b ? 1 : a > b ? -1 : 0);

const groupKey = (quarter: string, side: string): string => `${quarter}\u0000${side.toLowerCase()}`;

/** Counts `row` into its group in `groups` (made when new): the same additions in the same order whatever was settled. */
function addRating(groups: Map<string, Group>, row: TableRow): void {
  const quarter = textOf(row.values.quarter);
  const side = textOf(row.values.ratedSide);
  const key = groupKey(quarter, side);
  let group = groups.get(key);
  if (!group) groups.set(key, (group = [quarter, side, 0, 0, 0, 0, 0, 0, 0]));
  const sums = group as unknown as number[];
  SUB_SCORES.forEach((column, index) => {
    const value = row.values[column];
    if (typeof value !== 'number') return;
    sums[2 + 2 * index] += value;
    sums[3 + 2 * index] += 1;
  });
  group[8] += 1;
}

/** The latest `count` distinct quarters of `groups`, latest first. */
function latestQuarters(groups: Iterable<Group>, count: number): string[] {
  return [...new Set([...groups].map((group) => group[0]))].sort(laterFirst).slice(0, count);
}

const isGroup = (entry: unknown): entry is Group =>
  Array.isArray(entry) && entry.length === 9 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && entry.slice(2).every((value) => typeof value === 'number' && Number.isFinite(value));

export const SETTLED_RATINGS: SettledSpec<SettledRatings> = {
  table: COMPETENCE_AUDIT,
  keys: ['quarter', 'ratedSide', ...SUB_SCORES],
  isSettled: () => true,
  empty: () => ({ groups: [], earlierRows: 0 }),
  add(summary, row) {
    const groups = new Map(summary.groups.map((group) => [groupKey(group[0], group[1]), group]));
    addRating(groups, row);
    // A quarter with LISTED_QUARTERS later ones is never listed again: only its rows are counted.
    const kept = new Set(latestQuarters(groups.values(), LISTED_QUARTERS));
    summary.groups = [...groups.values()].filter((group) => kept.has(group[0]));
    summary.earlierRows += [...groups.values()].filter((group) => !kept.has(group[0])).reduce((rows, group) => rows + group[8], 0);
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { groups, earlierRows } = stored as Partial<SettledRatings>;
    if (!isCount(earlierRows)) return null;
    return Array.isArray(groups) && groups.every(isGroup) ? { groups, earlierRows } : null;
  },
};

export interface QuarterRatings {
  quarter: string;
  side: string;
  domainExpertise: number | null;
  executionCapacity: number | null;
  learningVelocity: number | null;
  /** Ratings counted: the most of any sub-score's. */
  ratings: number;
}

export interface CompetenceRatings {
  /** The latest LISTED_QUARTERS quarters, each side rated, latest quarter first. */
  byQuarter: QuarterRatings[];
  /** Rating rows of earlier quarters, not listed (the sheet has them). */
  earlierRatings: number;
}

/** The ratings as the view shows them: one read of the rows after the settled ones. */
export function readCompetenceRatings(workbook: Workbook): CompetenceRatings {
  const read = readUnsettled(workbook, SETTLED_RATINGS);
  return ratingsOf(read.summary, read.rows);
}

/** The groups of `summary` continued over `rows` (in row order), the latest quarters listed. */
function ratingsOf(summary: SettledRatings, rows: readonly TableRow[]): CompetenceRatings {
  const groups = new Map(summary.groups.map((group) => [groupKey(group[0], group[1]), group]));
  for (const row of rows) addRating(groups, row);
  const listed = new Set(latestQuarters(groups.values(), LISTED_QUARTERS));
  const mean = (sum: number, count: number): number | null => (count === 0 ? null : sum / count);
  return {
    byQuarter: [...groups.values()]
      .filter((group) => listed.has(group[0]))
      .map(([quarter, side, dSum, dCount, eSum, eCount, lSum, lCount]) => ({
        quarter,
        side,
        domainExpertise: mean(dSum, dCount),
        executionCapacity: mean(eSum, eCount),
        learningVelocity: mean(lSum, lCount),
        ratings: Math.max(dCount, eCount, lCount),
      }))
      .sort((a, b) => laterFirst(a.quarter, b.quarter) || a.side.localeCompare(b.side)),
    earlierRatings: summary.earlierRows + [...groups.values()].filter((group) => !listed.has(group[0])).reduce((count, group) => count + group[8], 0),
  };
}
