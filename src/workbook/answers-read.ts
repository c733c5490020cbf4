/**
 * The Assessments as the views read them: the answers of the cycles not summed up on the Cycles
 * sheet (the open one, one closed before summaries), and every cycle name the Cycle column holds.
 * Answers of closed cycles with a summary are settled (settled.ts): a view reads the rows after
 * them; their summary keeps each cycle's name and rows, so a closed cycle a view must set against
 * a day (a major change, a breach) is still read from its answers, in one more read.
 */
import { CORNERS } from '../domain/corners';
import { cycleNameKey } from '../domain/cycles';
import { cyclesLayout } from './cycle-settings';
import { summaryFromRow } from './cycle-summary';
import { readEndOf } from './extent';
import { type SettleContext, type SettledSpec, hasSettlement, isRowNumber, readUnsettled } from './settled';
import { type CellValue, ROUND_TRIP_CELLS, type TableRow, readRowSpan, readRows, recordedExtent, textOf } from './table';
import { ASSESSMENTS } from './templates';
import type { Workbook } from './workbook';

/** The Assessments columns the views and saves use: everything but the evidence texts. */
export const ASSESSMENT_RATING_KEYS: readonly string[] = ['cycle', 'date', 'side', 'participant', 'responses', ...CORNERS.map((corner) => corner.toLowerCase())];

interface SettledAnswers {
  rows: number;
  /** Each cycle among them: its name key, its name as first spelled, and its first and last row. */
  cycles: Array<[key: string, name: string, first: number, last: number]>;
}

/** The cycles the Cycles sheet records as closed with a summary, by name key, as this request read it. */
const closedSets = new WeakMap<readonly TableRow[], Set<string>>();

function closedCycles(workbook: Workbook): Set<string> {
  const layout = cyclesLayout(workbook);
  if (!layout) return new Set();
  const rows = readRows(layout);
  let closed = closedSets.get(rows);
  if (!closed) {
    closed = new Set(rows.filter((row) => summaryFromRow(row.values) !== null).map((row) => cycleNameKey(textOf(row.values.name))));
    closedSets.set(rows, closed);
  }
  return closed;
}

/** Settled: an answer of a cycle closed with its summary; a row without a cycle (no view counts it). */
function isSettled(values: Readonly<Record<string, CellValue>>, { workbook }: SettleContext): boolean {
  const name = textOf(values.cycle);
  return name === '' || closedCycles(workbook).has(cycleNameKey(name));
}

export const SETTLED_ANSWERS: SettledSpec<SettledAnswers> = {
  table: ASSESSMENTS,
  keys: ASSESSMENT_RATING_KEYS,
  isSettled,
  empty: () => ({ rows: 0, cycles: [] }),
  add(summary, row) {
    summary.rows += 1;
    const name = textOf(row.values.cycle);
    if (name === '') return summary;
    const key = cycleNameKey(name);
    const known = summary.cycles.find((entry) => entry[0] === key);
    if (known) known[3] = Math.max(known[3], row.rowNumber);
    else summary.cycles.push([key, name, row.rowNumber, row.rowNumber]);
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { rows, cycles } = stored as Partial<SettledAnswers>;
    if (typeof rows !== 'number' || !Array.isArray(cycles)) return null;
    const valid = cycles.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' && isRowNumber(entry[2]) && isRowNumber(entry[3]));
    return valid ? { rows, cycles } : null;
  },
};

/**
 * The answers of the cycles not in `summarized` (name keys), the columns `keys` (with the rating
 * columns), and every cycle name the Cycle column holds, first spelling first. One read of the rows
 * after the settled ones; one more for the rows of a settled cycle that `summarized` leaves out.
 */
export function readAnswerRows(workbook: Workbook, keys: readonly string[], summarized: ReadonlySet<string>): { rows: TableRow[]; names: string[] } {
  const needed = (row: TableRow) => {
    const name = textOf(row.values.cycle);
    return name !== '' && !summarized.has(cycleNameKey(name));
  };
  // A view of a workbook no save has summed up yet reads the Cycle column first (the settled rows
  // are recorded by a save, which reads the table whole for it).
  if (!workbook.underLock && !hasSettlement(workbook, SETTLED_ANSWERS as SettledSpec<unknown>)) return readCycleColumnFirst(workbook, keys, needed);
  // A settled cycle the caller does not take from its summary is read from its rows, in the same read.
  const firstUnsummed = (summary: SettledAnswers): number | null => {
    const rows = summary.cycles.filter(([key]) => !summarized.has(key)).map((entry) => entry[2]);
    return rows.length > 0 ? Math.min(...rows) : null;
  };
  const read = readUnsettled(workbook, SETTLED_ANSWERS, keys, { settledFrom: firstUnsummed });
  const rows = [...read.settledRows, ...read.rows].filter(needed);
  const names = new Map<string, string>(read.summary.cycles.map(([key, name]) => [key, name]));
  for (const name of namesOf(read.rows)) if (!names.has(cycleNameKey(name))) names.set(cycleNameKey(name), name);
  return { rows, names: [...names.values()] };
}


/**
 * Without settled rows: a small table, or one whose end is not recorded, read whole in one round
 * trip; a large one in two: its Cycle column, then the rows from the first to the last of a cycle
 * still needed (the open cycle's answers are the last ones, unless someone sorted the sheet).
 */
function readCycleColumnFirst(workbook: Workbook, keys: readonly string[], needed: (row: TableRow) => boolean): { rows: TableRow[]; names: string[] } {
  const layout = workbook.layout(ASSESSMENTS);
  const columns = keys.includes('cycle') ? keys : ['cycle', ...keys];
  const extent = recordedExtent(layout);
  // Reading the Cycle column first pays one round trip more and saves the other columns of every
  // summed-up row: worth it once those cells cost more than the round trip.
  const twoReads = extent !== null && readEndOf(extent) * (columns.length - 1) > ROUND_TRIP_CELLS;
  if (!twoReads) {
    const rows = readRows(layout, columns);
    return { rows: rows.filter(needed), names: namesOf(rows) };
  }
  const named = readRows(layout, ['cycle']);
  const wanted = named.filter(needed);
  if (wanted.length === 0) return { rows: [], names: namesOf(named) };
  const span = readRowSpan(layout, columns, wanted[0].rowNumber, wanted[wanted.length - 1].rowNumber);
  return { rows: span.filter(needed), names: namesOf(named) };
}

function namesOf(rows: readonly TableRow[]): string[] {
  const names = new Map<string, string>();
  for (const row of rows) {
    const name = textOf(row.values.cycle);
    if (name !== '' && !names.has(cycleNameKey(name))) names.set(cycleNameKey(name), name);
  }
  return [...names.values()];
}
