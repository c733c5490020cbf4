/**
 * Where a table's data ends, kept in a document property per table so a read stops there, plus a
 * margin, instead of at the end of its grid (an empty 1,000-row grid costs 20 µs a cell to read:
 * runtime/README.md, the cost model). Every save moves it for the tables it read or wrote, and onEdit
 * moves it for the rows edited, in the property write each makes anyway: it costs no round trip.
 *
 * table.ts reads rows 1..lastRow + EXTENT_MARGIN (never past gridRows) and, when the last row read
 * holds data (rows typed or pasted on from the table's end without onEdit seeing them, rows inserted
 * above), reads on to the grid's end in one more round trip. With no extent recorded (a workbook from
 * before, or a table no save has touched yet) it reads to the grid's end, as before.
 *
 * What it cannot see without a round trip of its own per table (the residual risk):
 * - a row written more than EXTENT_MARGIN rows below the recorded end, with only blank rows between,
 *   by something that does not run the add-on's onEdit: another script, the Sheets API, an editor
 *   who does not have the add-on, an edit while onEdit could not run (AuthMode.NONE, an error), or
 *   an onEdit whose property write lost a race with another one (onEdit takes no lock);
 * - the whole table pushed down past the margin by more blank rows inserted above it than it has
 *   rows (fewer push its last rows into the margin, and the read goes on).
 * Such a row is seen after the next save that appends to that table (an append asks the sheet for
 * its last row and records where it now ends), or after an edit by hand at or below it. Deleting
 * the table's extent property makes the next reads go to the grid's end again.
 */
import { EXTENT_PROPERTY_PREFIX } from './property-keys';


/** Rows read below the recorded last data row: rows typed meanwhile are read with the table. */
export const EXTENT_MARGIN = 20;

export interface Extent {
  /** The last row holding anything of the table (1: only the header). */
  lastRow: number;
  /** Rows the grid had, as last seen: a read never asks for a row past it. */
  gridRows: number;
}

export const extentPropertyOf = (tableKey: string): string => `${EXTENT_PROPERTY_PREFIX}${tableKey}`;

/** "lastRow/gridRows" as stored; null when absent or unreadable (the table is then read to its grid's end). */
export function parseExtent(text: string | undefined | null): Extent | null {
  if (!text) return null;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const lastRow = Number(match[1]);
  const gridRows = Number(match[2]);
  if (lastRow < 1 || gridRows < lastRow) return null;
  return { lastRow, gridRows };
}

export const extentText = (extent: Extent): string => `${extent.lastRow}/${Math.max(extent.gridRows, extent.lastRow)}`;

/** The last row a read of a table with `extent` asks for. */
export const readEndOf = (extent: Extent): number => Math.min(extent.lastRow + EXTENT_MARGIN, extent.gridRows);

/**
 * The property that raises a table's extent to cover `lastRow` (an edit or a write there), or
 * nothing when it already does. A missing extent stays missing: the table is read to its end.
 */
export function raisedExtent(tableKey: string, recorded: Extent | null, lastRow: number): Record<string, string> {
  if (!recorded || lastRow <= recorded.lastRow) return {};
  return { [extentPropertyOf(tableKey)]: extentText({ lastRow, gridRows: Math.max(recorded.gridRows, lastRow) }) };
}
