/**
 * The Breach Log as Home and the cycle offer read it: the breaches whose reset is not complete
 * (breach mode) and the most recent completed reset (a reset cycle is offered after it). Breaches
 * whose reset is complete are settled (settled.ts): a view reads the rows after them, and the
 * latest completed reset among them is kept in their summary.
 */
import { type SettledSpec, readUnsettled } from './settled';
import { type TableRow, dateOf, textOf } from './table';
import { BREACHES } from './templates';
import type { Workbook } from './workbook';

const COMPLETE = 'Reset complete';

interface SettledBreaches {
  rows: number;
  /** When the latest of their resets completed (its facilitated review, else the breach's day), as epoch ms; null: none dated. */
  latestCompleted: number | null;
}

/** When a completed reset is taken to have completed: its facilitated review, else the breach's day. */
const completedOn = (row: TableRow): Date | null => dateOf(row.values.reviewDate) ?? dateOf(row.values.date);

export const SETTLED_BREACHES: SettledSpec<SettledBreaches> = {
  table: BREACHES,
  keys: ['id', 'date', 'what', 'corner', 'reviewDate', 'status'],
  isSettled: (values) => textOf(values.status) === COMPLETE,
  empty: () => ({ rows: 0, latestCompleted: null }),
  add(summary, row) {
    const on = completedOn(row)?.getTime() ?? null;
    summary.rows += 1;
    if (on !== null && (summary.latestCompleted === null || on > summary.latestCompleted)) summary.latestCompleted = on;
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { rows, latestCompleted } = stored as Partial<SettledBreaches>;
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) return null;
    if (latestCompleted !== null && typeof latestCompleted !== 'number') return null;
    return { rows, latestCompleted };
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
