/**
 * Settled rows: the first rows of a table that no view needs one by one any more (a commitment
 * closed and past all its dates, an answer of a closed cycle), kept as a summary in a document
 * property per table, so a view reads the rows after them only (issue 21: a log of 10,000 rows
 * is a few dozen open ones and a summary).
 *
 * The property holds `through` (rows 2..through are settled), the summary of those rows, and a
 * mark: a hash of row `through` as read. A read asks for rows through..end in one round trip and
 * compares row `through` with the mark; rows inserted, deleted or sorted above it move it, and the
 * table is then read whole, as without a settlement.
 *
 * Only a sidebar save writes the property, in the property call it makes anyway (sidebar/common/
 * request.ts): from the rows it read under the lock, it extends the settled rows over the rows
 * after them that are settled, stopping at the first that is not, or that the save itself
 * writes. An edit by hand at or above `through` clears it (onEdit, in its own property write), and
 * so does the Repair menu item; the next save that reads the table records it again. Each long
 * table has its reader (commitments-read.ts, answers-read.ts, …), listed in settled-tables.ts.
 *
 * What a settlement cannot see (documented in docs/decisions.md): an edit inside the settled rows
 * by someone whose edit does not run the add-on's onEdit, that leaves row `through` as it was.
 */
import type { Calendar } from '../domain/calendar';
import { SETTLED_PROPERTY_PREFIX } from './property-keys';
import { memory } from './read-memory';
import type { TableSpec } from './schema';
import { sha256Hex } from './sha256';
import { type CellValue, ROUND_TRIP_CELLS, type TableRow, readRows, readTableFrom, textOf } from './table';
import type { Workbook } from './workbook';

/** A count a stored summary holds: a whole number, 0 or more (a parser refuses anything else). */
export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A data row's number a stored summary holds (row 1 is the header). */
export const isRowNumber = (value: unknown): value is number => isCount(value) && value >= 2;

/** What one settlement may take of a document property's 9 KB (counted as 3 bytes a character, the worst case). */
const SETTLEMENT_BYTES_AT_MOST = 8 * 1024;

/** What a table's settled rows are and what is kept of them. */
export interface SettledSpec<S> {
  table: TableSpec;
  /** The columns a read of the table always takes: the mark and the summary are over these. */
  keys: readonly string[];
  /**
   * Whether a row, as read, will never again change what a view shows or counts (`workbook`: the
   * request, for what else it read; `summary`: the settled rows before it, for a summary that must
   * stay small or that only some rows can follow).
   */
  isSettled(values: Readonly<Record<string, CellValue>>, context: SettleContext, summary: S): boolean;
  empty(): S;
  /** `summary` with `row` counted in (may change and return `summary`); `context` for a summary that keeps days. */
  add(summary: S, row: TableRow, context: SettleContext): S;
  /** A summary as stored, or null when it is not one (the table is then read whole). */
  parse(stored: unknown): S | null;
}

export interface SettleContext {
  asOf: Date;
  calendar: Calendar;
  workbook: Workbook;
}

interface Settlement<S> {
  through: number;
  mark: string;
  summary: S;
}

/** What a read of a settled table gives: the rows after the settled ones, and what those sum to. */
export interface UnsettledRead<S> {
  rows: TableRow[];
  /** The settled rows asked for with `settledFrom` (none without it). */
  settledRows: TableRow[];
  summary: S;
  /** The last settled row (1: none, every row is in `rows`). */
  through: number;
}

const settledPropertyOf = (tableKey: string): string => `${SETTLED_PROPERTY_PREFIX}${tableKey}`;

/** A row's mark: its values over the spec's keys, hashed (a date by its instant). */
function markOf(keys: readonly string[], values: Readonly<Record<string, CellValue>>): string {
  const text = JSON.stringify(keys.map((key) => {
    const value = values[key];
    return value instanceof Date ? `d${value.getTime()}` : value ?? '';
  }));
  return sha256Hex(text).slice(0, 24);
}

function parseSettlement<S>(spec: SettledSpec<S>, text: string | undefined): Settlement<S> | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Settlement<unknown>>;
    if (!isRowNumber(parsed.through) || typeof parsed.mark !== 'string') return null;
    const summary = spec.parse(parsed.summary);
    return summary === null ? null : { through: parsed.through, mark: parsed.mark, summary };
  } catch {
    return null;
  }
}

/** The settled tables a request read, with the settlement each read started from (null: read whole). */
interface SettledReadRecord {
  spec: SettledSpec<unknown>;
  settlement: Settlement<unknown> | null;
}

const readsOf = new WeakMap<Workbook, Map<string, SettledReadRecord>>();

/**
 * The rows after the table's settled rows, the columns of the spec and `extra`, with the summary
 * of the settled ones: one round trip for the unsettled rows when the settlement holds, else the
 * whole table (and an empty summary). `settledFrom` names, from the summary, the first settled row
 * the caller needs too (null: none): the same read then starts there, and those rows come back in
 * `settledRows`.
 */
export function readUnsettled<S>(
  workbook: Workbook,
  spec: SettledSpec<S>,
  extra: readonly string[] = [],
  { settledFrom }: { settledFrom?: (summary: S) => number | null } = {},
): UnsettledRead<S> {
  const layout = workbook.layout(spec.table);
  const keys = [...new Set([...spec.keys, ...extra])];
  const settlement = parseSettlement(spec, workbook.documentProperties()[settledPropertyOf(spec.table.key)]);
  const reads = readsOf.get(workbook) ?? new Map<string, SettledReadRecord>();
  readsOf.set(workbook, reads);
  if (settlement) {
    const also = settledFrom?.(settlement.summary) ?? null;
    const from = also === null ? settlement.through : Math.min(also, settlement.through);
    // A save with few rows above reads from the top, header and all: it checks a cached layout,
    // which the save's writes would otherwise check with a round trip of its own.
    const fromTop = workbook.underLock && from * keys.length <= ROUND_TRIP_CELLS;
    const read = readTableFrom(layout, keys, fromTop ? 2 : from);
    const markRow = read.rows.find((row) => row.rowNumber === settlement.through);
    if (markRow && markOf(spec.keys, markRow.values) === settlement.mark) {
      reads.set(spec.table.key, { spec: spec as SettledSpec<unknown>, settlement: settlement as Settlement<unknown> });
      return {
        rows: read.rows.filter((row) => row.rowNumber > settlement.through),
        settledRows: also === null ? [] : read.rows.filter((row) => row.rowNumber >= also && row.rowNumber <= settlement.through),
        summary: structuredCopy(settlement.summary),
        through: settlement.through,
      };
    }
  }
  const rows = readRows(layout, keys);
  reads.set(spec.table.key, { spec: spec as SettledSpec<unknown>, settlement: null });
  return { rows, settledRows: [], summary: spec.empty(), through: 1 };
}

/**
 * A log whose settled rows only count and number the rest (the Breach Log, the Pre-mortem): how
 * many they are, the highest id among them (a new row's id comes after it), and every column of
 * the rows after them.
 */
export interface CountedLog {
  /** Rows before `rows` that are settled (counted, not read). */
  settledRows: number;
  settledHighestId: number;
  rows: TableRow[];
}

export function readCountedLog<S extends { rows: number; highestId: number }>(workbook: Workbook, spec: SettledSpec<S>): CountedLog {
  const read = readUnsettled(workbook, spec, spec.table.columns.map((column) => column.key));
  return { settledRows: read.summary.rows, settledHighestId: read.summary.highestId, rows: read.rows };
}

/**
 * The row whose id is `id`, among the rows after the settled ones, else (a row the view did not
 * list, changed again by a save) in the whole table, with the log it was found in: the answer a
 * whole read gives. Null: no such row.
 */
export function findInCountedLog<S extends { rows: number; highestId: number }>(workbook: Workbook, spec: SettledSpec<S>, id: string): { row: TableRow; log: CountedLog } | null {
  const reads = [() => readCountedLog(workbook, spec), (): CountedLog => ({ settledRows: 0, settledHighestId: 0, rows: readRows(workbook.layout(spec.table)) })];
  for (const read of reads) {
    const log = read();
    const row = log.rows.find((candidate) => textOf(candidate.values.id) === id);
    if (row) return { row, log };
    if (log.settledRows === 0) return null;
  }
  return null;
}

/**
 * What a view of a counted log lists: the rows from the first that `settled` (as of now) does not
 * hold, and how many come before it. The same whether the log was read whole or after its settled
 * rows (the leading settled rows of a whole read are the ones a save sums up), so the view does
 * not depend on what was summed up.
 */
export function listedRows(log: CountedLog, settled: (row: TableRow) => boolean): { earlier: number; rows: TableRow[] } {
  let first = 0;
  while (first < log.rows.length && settled(log.rows[first])) first += 1;
  return { earlier: log.settledRows + first, rows: log.rows.slice(first) };
}

/** Whether the table has settled rows recorded (a read may still find them moved). */
export function hasSettlement(workbook: Workbook, spec: SettledSpec<unknown>): boolean {
  return parseSettlement(spec, workbook.documentProperties()[settledPropertyOf(spec.table.key)]) !== null;
}

/** A summary is plain JSON: a copy keeps the caller's additions out of the settlement it came from. */
const structuredCopy = <S>(summary: S): S => JSON.parse(JSON.stringify(summary)) as S;

/**
 * The settlement properties a save writes with its other properties, for each table of `specs`
 * this request read: from the settlement its read started from (readUnsettled) or, after a whole
 * read, from the top, the settled rows extended over the rows read after them that are settled
 * now, up to the first that is not or that the save writes (`written`: row numbers by table key).
 */
export function settlementProperties(
  workbook: Workbook,
  written: (tableKey: string) => ReadonlySet<number>,
  asOf: Date,
  specs: ReadonlyArray<SettledSpec<unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const reads = readsOf.get(workbook);
  const stored = workbook.documentProperties();
  for (const spec of specs) {
    const tableKey = spec.table.key;
    const layout = workbook.layoutsInUse().find((candidate) => candidate.table.key === tableKey);
    const remembered = layout ? memory.get(layout) : undefined;
    if (!remembered || !spec.keys.every((key) => remembered.keys.has(key))) continue;
    const record = reads?.get(tableKey);
    const writes = written(tableKey);
    const property = settledPropertyOf(tableKey);
    const settlement = record?.settlement ?? null;
    // A save that changes a settled row (found by a whole read) starts the settled rows over.
    const rewritten = settlement !== null && [...writes].some((row) => row <= settlement.through);
    const from = rewritten ? null : settlement;
    const start = from?.through ?? 1;
    const present = stored[property] !== undefined && stored[property] !== '';
    if (remembered.fromRow > start + 1) {
      if (rewritten) out[property] = '';
      continue;
    }
    const context: SettleContext = { asOf, calendar: workbook.calendar, workbook };
    let summary = structuredCopy(from?.summary ?? spec.empty());
    let through = start;
    let mark = from?.mark ?? '';
    for (const row of [...remembered.read.rows].filter((candidate) => candidate.rowNumber > start).sort((a, b) => a.rowNumber - b.rowNumber)) {
      if (writes.has(row.rowNumber) || !spec.isSettled(row.values, context, summary)) break;
      summary = spec.add(summary, row, context);
      through = row.rowNumber;
      mark = markOf(spec.keys, row.values);
    }
    const text = through > 1 ? JSON.stringify({ through, mark, summary }) : null;
    if (text !== null && stored[property] === text) continue;
    // A summary too big for one property is not kept: reads just take more rows.
    if (text !== null && (through > start || from === null) && text.length * 3 <= SETTLEMENT_BYTES_AT_MOST) out[property] = text;
    else if (present && (from === null || rewritten)) out[property] = '';
  }
  return out;
}

/**
 * The property that clears a table's settlement when an edit by hand reaches row `firstRow` at or
 * above its last settled row (the edit may change what the summary holds), else nothing.
 */
export function settlementAfterEdit(tableKey: string, properties: Readonly<Record<string, string>>, firstRow: number): Record<string, string> {
  const property = settledPropertyOf(tableKey);
  const stored = properties[property];
  if (!stored) return {};
  try {
    const through = (JSON.parse(stored) as { through?: unknown }).through;
    return typeof through === 'number' && firstRow > through ? {} : { [property]: '' };
  } catch {
    return { [property]: '' };
  }
}
