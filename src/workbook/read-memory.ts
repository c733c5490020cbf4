/**
 * What a request remembers of its table reads, per layout object, and where each table's data ends:
 * kept apart from table.ts so the layout (which forgets reads when a save takes the lock) and the
 * reads (which check the layout) do not import each other.
 */
import type { Extent } from './extent';
import type { TableLayout } from './layout';
import type { TableRead, TableRow } from './table';

export interface RememberedRead {
  keys: ReadonlySet<string>;
  read: TableRead;
  /** Every column of the table was read (so its last data row is known, not just the columns' own). */
  allColumns: boolean;
  /** The first data row read: 2 for a whole table, later for a read of its unsettled rows only (settled.ts). */
  fromRow: number;
}

export const memory = new WeakMap<TableLayout, RememberedRead>();

/** A read of some rows only (table.ts readRowSpan): rows fromRow..toRow, the columns of `keys`. */
export interface RememberedSpan {
  keys: ReadonlySet<string>;
  fromRow: number;
  toRow: number;
  rows: TableRow[];
}

export const spanMemory = new WeakMap<TableLayout, RememberedSpan>();

/** Where the document properties say each table's data ends (Workbook.layout sets it; extent.ts). */
export const extentSources = new WeakMap<TableLayout, () => Extent | null>();

/** Reads through `layout` stop at the extent `source` gives (asked at each read: the lock may have moved it). */
export function trackExtent(layout: TableLayout, source: () => Extent | null): void {
  extentSources.set(layout, source);
}

/** Drops what was read through `layout` (the lock was just taken: read again under it). */
export function forgetRead(layout: TableLayout): void {
  memory.delete(layout);
  spanMemory.delete(layout);
}
