/**
 * Reading a table of one row per quarter and side (the Joint Health Scorecard, the Value Exchange)
 * with its old quarters settled (settled.ts): rows of a quarter that ended a year or more ago are
 * summed up, and a view of a recent quarter reads the rows after them only. Years of quarters are
 * a few recent ones in play and a history the views only count (and the sheet keeps).
 *
 * The summary keeps the latest settled quarter with its rows (the scorecard's "previous quarter"
 * may be it), the earliest, how many rows there are, and each satisfaction rating's count (pNPS
 * over every quarter). A view of a quarter at or before the latest settled one reads the table
 * whole: a settled quarter is rarely looked at, and then everything on its rows is needed.
 */
import { quarterOf } from '../domain/calendar';
import { SCORECARD_DIMENSIONS, quarterIndex, quarterKey } from '../domain/scorecard';
import { type SettleContext, type SettledSpec, isCount, readUnsettled } from './settled';
import { type CellValue, type TableRow, readRowSpan, readRows, textOf } from './table';
import type { TableSpec } from './schema';
import { SCORECARD, VALUE_EXCHANGE } from './templates';
import { VALUE_COLUMNS } from './value-exchange';
import type { Workbook } from './workbook';

/** A quarter stays in play this many quarters after its own (late scores and figures come in). */
const QUARTERS_IN_PLAY = 4;

export interface SettledQuarters {
  rows: number;
  /** The earliest settled quarter (its key, 2019-Q1). */
  earliest: string | null;
  /** The latest settled quarter: its key, its label as first typed, and its rows. */
  latest: { key: string; label: string; rows: number[] } | null;
  /** Each rating counted (`rating` of the spec) and how many rows hold it, by the number as text. */
  ratings: Record<string, number>;
}

/** The key of a settled row's quarter (every settled row has one: 2026-Q4). */
const keyOf = (cell: CellValue | undefined): string => quarterKey(textOf(cell));

function isSettled(values: Readonly<Record<string, CellValue>>, { asOf, calendar }: SettleContext): boolean {
  const index = quarterIndex(textOf(values.quarter));
  return index !== null && index <= (quarterIndex(quarterOf(calendar, asOf)) as number) - QUARTERS_IN_PLAY;
}

function parseSummary(stored: unknown): SettledQuarters | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { rows, earliest, latest, ratings } = stored as Partial<SettledQuarters>;
  if (!isCount(rows)) return null;
  if (earliest !== null && typeof earliest !== 'string') return null;
  if (latest !== null && (typeof latest !== 'object' || typeof latest.key !== 'string' || typeof latest.label !== 'string' || !Array.isArray(latest.rows) || !latest.rows.every(Number.isInteger))) return null;
  if (typeof ratings !== 'object' || ratings === null || !Object.values(ratings).every((count) => Number.isInteger(count))) return null;
  return { rows, earliest, latest, ratings };
}

/** The settled spec of a quarterly table; `rating` picks the figure counted over every quarter (none: nothing counted). */
function settledQuarters(table: TableSpec, keys: readonly string[], rating: (row: TableRow) => number | null = () => null): SettledSpec<SettledQuarters> {
  return {
    table,
    keys,
    isSettled,
    empty: () => ({ rows: 0, earliest: null, latest: null, ratings: {} }),
    add(summary, row) {
      const key = keyOf(row.values.quarter);
      summary.rows += 1;
      if (summary.earliest === null || key < summary.earliest) summary.earliest = key;
      if (summary.latest === null || key > summary.latest.key) summary.latest = { key, label: textOf(row.values.quarter), rows: [row.rowNumber] };
      else if (key === summary.latest.key) summary.latest.rows.push(row.rowNumber);
      const value = rating(row);
      if (value !== null) summary.ratings[String(value)] = (summary.ratings[String(value)] ?? 0) + 1;
      return summary;
    },
    parse: parseSummary,
  };
}

/** What a view of one quarter reads of a quarterly table. */
export interface QuarterlyRead {
  /** The rows read, in row order: every row (whole) or the unsettled ones after the latest settled quarter's rows (when asked for). */
  rows: TableRow[];
  /** The settled rows' summary; null when the table was read whole (`rows` is then every row). */
  settled: SettledQuarters | null;
  /** The last settled row: rows at or before it in `rows` are counted in `settled` already (1: none). */
  through: number;
}

/**
 * The rows a view of `quarter` needs: the unsettled ones when `quarter` is after every settled
 * quarter, else the whole table; `withLatest` adds the latest settled quarter's rows (one more
 * round trip), for a view that compares with the quarter before.
 */
export function readQuarterly(workbook: Workbook, spec: SettledSpec<SettledQuarters>, quarter: string, { withLatest = false, extra = [] }: { withLatest?: boolean; extra?: readonly string[] } = {}): QuarterlyRead {
  const read = readUnsettled(workbook, spec, extra);
  const latest = read.summary.latest;
  if (read.through <= 1 || latest === null) return { rows: read.rows, settled: null, through: 1 };
  const keys = [...new Set([...spec.keys, ...extra])];
  if (quarterKey(quarter) <= latest.key) return { rows: readRows(workbook.layout(spec.table), keys), settled: null, through: 1 };
  // The quarter before `quarter` is the latest settled one only when no unsettled row's quarter lies between them.
  const between = (row: TableRow) => keyOf(row.values.quarter) > latest.key && keyOf(row.values.quarter) < quarterKey(quarter);
  if (!withLatest || read.rows.some(between)) return { rows: read.rows, settled: read.summary, through: read.through };
  const wanted = new Set(latest.rows);
  const span = readRowSpan(workbook.layout(spec.table), keys, Math.min(...latest.rows), Math.max(...latest.rows)).filter((row) => wanted.has(row.rowNumber));
  return { rows: [...span, ...read.rows], settled: read.summary, through: read.through };
}

/** Every rating counted in the settled rows, as a list (the order does not matter to pNPS). */
export function settledRatings(summary: SettledQuarters): number[] {
  return Object.entries(summary.ratings).flatMap(([value, count]) => Array.from({ length: count }, () => Number(value)));
}

const SATISFACTION = SCORECARD_DIMENSIONS.find((dimension) => dimension.key === 'satisfaction') as (typeof SCORECARD_DIMENSIONS)[number];

/** A Partner satisfaction score as the scorecard counts it: a number within its scale (a cell typed by hand may hold anything). */
const satisfactionOf = (cell: CellValue | undefined): number | null =>
  typeof cell === 'number' && Number.isFinite(cell) && cell >= SATISFACTION.min && cell <= SATISFACTION.max ? cell : null;

/** The Joint Health Scorecard: every column is shown for the quarter and the one before; pNPS counts every quarter's satisfaction. */
export const SETTLED_SCORECARD = settledQuarters(SCORECARD, SCORECARD.columns.map((column) => column.key), (row) => satisfactionOf(row.values.satisfaction));

/** The Value Exchange: the quarter's figures, balances and ROPI come from its own rows only. */
export const SETTLED_VALUE = settledQuarters(VALUE_EXCHANGE, VALUE_COLUMNS);
