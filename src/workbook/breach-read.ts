/**
 * The Breach Log as Home, the cycle offer and the breach view read it: the breaches whose reset is
 * not complete (breach mode), the most recent completed reset (a reset cycle is offered after it),
 * and the breaches still to be decided. Breaches whose reset is complete and whose rebuild-or-exit
 * decision was taken on an earlier day are settled (settled.ts): a view reads the rows after them,
 * and their summary keeps the latest completed reset and the highest id.
 */
import type { Calendar } from '../domain/calendar';
import { highestIdNumber } from './input';
import { type CountedLog, type SettleContext, type SettledSpec, isCount, listedRows, readUnsettled } from './settled';
import { type CellValue, type TableRow, dateOf, textOf } from './table';
import { BREACHES } from './templates';
import type { Workbook } from './workbook';

const COMPLETE = 'Reset complete';

interface SettledBreaches {
  rows: number;
  /** The highest B-n id among them (a new breach's id comes after it). */
  highestId: number;
  /** When the latest of their resets completed (its facilitated review, else the breach's day), as epoch ms; null: none dated. */
  latestCompleted: number | null;
}

/** When a completed reset is taken to have completed: its facilitated review, else the breach's day. */
const completedOn = (row: TableRow): Date | null => dateOf(row.values.reviewDate) ?? dateOf(row.values.date);

/**
 * Settled: the reset is complete and rebuild or exit was decided on an earlier day (a decision
 * taken today stays in the breach view, which shows it as decided, until tomorrow). A decision
 * typed by hand without its day is settled at once.
 */
function isSettledBreach(values: Readonly<Record<string, CellValue>>, asOf: Date, calendar: Calendar): boolean {
  if (textOf(values.status) !== COMPLETE || textOf(values.decision) === '') return false;
  const decidedOn = dateOf(values.decidedOn);
  return decidedOn === null || calendar.dayNumber(decidedOn) < calendar.dayNumber(asOf);
}

export const SETTLED_BREACHES: SettledSpec<SettledBreaches> = {
  table: BREACHES,
  keys: ['id', 'date', 'what', 'corner', 'reviewDate', 'status', 'decision', 'decidedOn'],
  isSettled: (values, { asOf, calendar }: SettleContext) => isSettledBreach(values, asOf, calendar),
  empty: () => ({ rows: 0, highestId: 0, latestCompleted: null }),
  add(summary, row) {
    const on = completedOn(row)?.getTime() ?? null;
    summary.rows += 1;
    summary.highestId = Math.max(summary.highestId, highestIdNumber([row], 'B'));
    if (on !== null && (summary.latestCompleted === null || on > summary.latestCompleted)) summary.latestCompleted = on;
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { rows, highestId, latestCompleted } = stored as Partial<SettledBreaches>;
    if (!isCount(rows) || !isCount(highestId)) return null;
    if (latestCompleted !== null && typeof latestCompleted !== 'number') return null;
    return { rows, highestId, latestCompleted };
  },
};

export interface BreachState {
  /** The breaches after the settled ones (the open ones among them), in the order they were logged. */
  rows: TableRow[];
  /** The latest completed reset among the settled ones. */
  completedBefore: Date | null;
}

export function readBreachState(workbook: Workbook): BreachState {
  const read = readUnsettled(workbook, SETTLED_BREACHES);
  return { rows: read.rows, completedBefore: read.summary.latestCompleted === null ? null : new Date(read.summary.latestCompleted) };
}

/** The breaches whose reset is not complete, oldest first. */
export const openBreaches = (state: BreachState): TableRow[] => state.rows.filter((row) => textOf(row.values.status) !== COMPLETE);

/** The latest completed reset, settled or not. */
export function latestCompletedReset(state: BreachState): Date | null {
  const dates = [state.completedBefore, ...state.rows.filter((row) => textOf(row.values.status) === COMPLETE).map(completedOn)].filter((date): date is Date => date !== null);
  return dates.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

/**
 * What the breach view lists: the log's rows (settled.ts readCountedLog) from the first that is not
 * settled as of `asOf`, and how many come before it.
 */
export function listedBreaches(log: CountedLog, asOf: Date, calendar: Calendar): { earlier: number; rows: TableRow[] } {
  return listedRows(log, (row) => isSettledBreach(row.values, asOf, calendar));
}
