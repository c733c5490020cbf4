/**
 * The Alignment Audit as its view and saves read it, with its old quarters settled (settled.ts):
 * a quarter's six rows stay in play while it is the current quarter or the one before (a
 * strategic review held early in a quarter still marks the last one's pairs); rows of earlier
 * quarters are summed up, and a view reads the rows after them only (issue 21: years of audits are
 * thousands of rows, of which a partnership looks at the last few quarters).
 *
 * The summary keeps the latest KEPT_QUARTERS settled quarters with the rows each spans, so the
 * view still lists them and shows one of them from its own rows; the settled quarters before
 * those are only counted (`older`): asking for one of them reads the table whole. Only quarters
 * saved in the add-on's own form (2026-Q4) are settled: a row typed otherwise stops the settled
 * rows, so a quarter label compares as text within the settled rows.
 */
import { isQuarterLabel, quarterIndex } from '../domain/scorecard';
import { quarterOf } from '../domain/calendar';
import { type SettleContext, type SettledSpec, isCount, readUnsettled } from './settled';
import { type CellValue, type TableRow, textOf } from './table';
import { ALIGNMENT_AUDIT } from './templates';
import type { Workbook } from './workbook';

/** Quarters in play: the current one and the one before. */
const QUARTERS_IN_PLAY = 2;
/** Settled quarters still listed, with their rows: two years of quarterly reviews to look back on. */
const KEPT_QUARTERS = 8;

/** A settled quarter kept: its first row (its others come after it, among other quarters' maybe) and how many it has. */
interface KeptQuarter {
  quarter: string;
  first: number;
  rows: number;
}

export interface SettledAlignment {
  rows: number;
  /** The latest settled quarters, latest first (at most KEPT_QUARTERS). */
  kept: KeptQuarter[];
  /** The settled quarters before the kept ones (each label at most `through`), only counted; null: none. */
  older: { from: string; through: string; rows: number } | null;
}

const COLUMNS = ALIGNMENT_AUDIT.columns.map((column) => column.key);

function isSettled(values: Readonly<Record<string, CellValue>>, { asOf, calendar }: SettleContext): boolean {
  const label = textOf(values.quarter);
  if (!isQuarterLabel(label)) return false;
  return (quarterIndex(label) as number) <= (quarterIndex(quarterOf(calendar, asOf)) as number) - QUARTERS_IN_PLAY;
}

function add(summary: SettledAlignment, row: TableRow): SettledAlignment {
  const quarter = textOf(row.values.quarter);
  summary.rows += 1;
  const kept = summary.kept.find((candidate) => candidate.quarter === quarter);
  if (kept) {
    kept.rows += 1;
    return summary;
  }
  // A quarter before every kept one (a counted one among them) is counted right away: a kept quarter's rows all come from its first on.
  summary.kept.push({ quarter, first: row.rowNumber, rows: 1 });
  summary.kept.sort((a, b) => (a.quarter < b.quarter ? 1 : -1));
  if (summary.kept.length > KEPT_QUARTERS) {
    const dropped = summary.kept.pop() as KeptQuarter;
    const older = summary.older;
    summary.older = older
      ? { from: dropped.quarter < older.from ? dropped.quarter : older.from, through: dropped.quarter > older.through ? dropped.quarter : older.through, rows: older.rows + dropped.rows }
      : { from: dropped.quarter, through: dropped.quarter, rows: dropped.rows };
  }
  return summary;
}

function parse(stored: unknown): SettledAlignment | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { rows, kept, older } = stored as Partial<SettledAlignment>;
  if (!isCount(rows) || !Array.isArray(kept)) return null;
  const keptOk = kept.every((entry: Partial<KeptQuarter> | null) =>
    typeof entry === 'object' && entry !== null && typeof entry.quarter === 'string' && isQuarterLabel(entry.quarter) && isCount(entry.first) && entry.first >= 2 && isCount(entry.rows));
  if (!keptOk) return null;
  if (older !== null && (typeof older !== 'object' || typeof older.from !== 'string' || typeof older.through !== 'string' || !isCount(older.rows))) return null;
  return { rows, kept, older: older ?? null };
}

export const SETTLED_ALIGNMENT: SettledSpec<SettledAlignment> = {
  table: ALIGNMENT_AUDIT,
  keys: COLUMNS,
  isSettled,
  empty: () => ({ rows: 0, kept: [], older: null }),
  add,
  parse,
};

/** What a view or a save of one quarter reads of the Alignment Audit. */
export interface AlignmentRead {
  /** In row order: the rows of the quarter asked for among the settled ones, then every row after them (every row when read whole). */
  rows: TableRow[];
  /** The rows read that were not settled (every row when read whole): they, and `kept`, name the quarters listed. */
  unsettled: TableRow[];
  /** The settled quarters kept with their rows (listed), latest first. */
  kept: string[];
  /** The settled quarters only counted (not listed); null: none, or the table was read whole. */
  older: SettledAlignment['older'];
}

/**
 * The rows a view or save of `asked` (null: the latest quarter listed) needs, in one round trip:
 * the unsettled rows, and from the first row of a kept quarter asked for (or of the latest kept
 * one, which may be the latest of all), or from the top for a quarter only counted.
 */
export function readAlignment(workbook: Workbook, asked: string | null): AlignmentRead {
  const settledFrom = (summary: SettledAlignment): number | null => {
    const quarter = asked ?? summary.kept[0]?.quarter ?? null;
    if (quarter === null) return null;
    const kept = summary.kept.find((candidate) => candidate.quarter === quarter);
    if (kept) return kept.first;
    // Settled labels are in the add-on's form, so a label after `through` as text is none of them.
    return summary.older && quarter <= summary.older.through ? 2 : null;
  };
  const read = readUnsettled(workbook, SETTLED_ALIGNMENT, COLUMNS, { settledFrom });
  const quarter = asked ?? read.summary.kept[0]?.quarter ?? null;
  const settledOfQuarter = read.settledRows.filter((row) => textOf(row.values.quarter) === quarter);
  return { rows: [...settledOfQuarter, ...read.rows], unsettled: read.rows, kept: read.summary.kept.map((kept) => kept.quarter), older: read.summary.older };
}
