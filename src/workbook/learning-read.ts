/**
 * The Learning Log as its view reads it: the LISTED_ENTRIES most recent entries (by their day,
 * the earlier row first on the same day), and how many entries the sheet holds besides. Every
 * entry is settled (settled.ts: nothing changes one once logged); their summary keeps their count
 * and the row numbers and days of the most recent LISTED_ENTRIES of them, which the view's one
 * read takes with the rows after them (settledFrom). A log kept in date order has those just
 * above the rows after them: a few rows more.
 */
import type { Calendar } from '../domain/calendar';
import { type SettledSpec, isCount, isRowNumber, readUnsettled } from './settled';
import { type TableRow, dateOf, isoDayOf } from './table';
import { LEARNING_LOG } from './templates';
import type { Workbook } from './workbook';

/** The entries the view lists: what a partnership looks back on in a review; the sheet has the rest. */
const LISTED_ENTRIES = 20;

/** An entry's place in the view: its row and its day ('' when it has none: listed last). */
type Entry = [rowNumber: number, day: string];

interface SettledLearning {
  rows: number;
  /** The most recent settled entries, most recent first: only these may still be listed. */
  latest: Entry[];
}

const dayOf = (row: TableRow, calendar: Calendar): string => {
  const date = dateOf(row.values.date);
  return date ? isoDayOf(date, calendar) : '';
};

/** Most recent first; on the same day, the earlier row first (the view's sort is stable over rows in order). */
const mostRecentFirst = (a: Entry, b: Entry): number => b[1].localeCompare(a[1]) || a[0] - b[0];

const isEntry = (entry: unknown): entry is Entry =>
  Array.isArray(entry) && entry.length === 2 && isRowNumber(entry[0]) && typeof entry[1] === 'string';

export const SETTLED_LEARNING: SettledSpec<SettledLearning> = {
  table: LEARNING_LOG,
  keys: LEARNING_LOG.columns.map((column) => column.key),
  isSettled: () => true,
  empty: () => ({ rows: 0, latest: [] }),
  add(summary, row, { calendar }) {
    summary.rows += 1;
    summary.latest = [...summary.latest, [row.rowNumber, dayOf(row, calendar)] as Entry].sort(mostRecentFirst).slice(0, LISTED_ENTRIES);
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { rows, latest } = stored as Partial<SettledLearning>;
    if (!isCount(rows)) return null;
    return Array.isArray(latest) && latest.every(isEntry) ? { rows, latest } : null;
  },
};

export interface LearningLog {
  /** The most recent entries, most recent first. */
  listed: TableRow[];
  /** Entries the sheet holds besides (not listed). */
  earlier: number;
}

/** The entries the view lists, in one read: the rows after the settled ones and the most recent settled ones. */
export function readLearningLog(workbook: Workbook): LearningLog {
  const read = readUnsettled(workbook, SETTLED_LEARNING, [], {
    settledFrom: (summary) => (summary.latest.length === 0 ? null : Math.min(...summary.latest.map((entry) => entry[0]))),
  });
  const candidates = new Set(read.summary.latest.map((entry) => entry[0]));
  const rows = [...read.settledRows.filter((row) => candidates.has(row.rowNumber)), ...read.rows];
  const listed = rows
    .map((row) => ({ row, entry: [row.rowNumber, dayOf(row, workbook.calendar)] as Entry }))
    .sort((a, b) => mostRecentFirst(a.entry, b.entry))
    .slice(0, LISTED_ENTRIES)
    .map(({ row }) => row);
  return { listed, earlier: read.summary.rows + read.rows.length - listed.length };
}
