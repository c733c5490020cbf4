/**
 * Typed descriptions of the template sheets. Setup, repair, table access and the Dashboard's
 * formulas are all driven from these, so a column is named in exactly one place.
 */

/** How a column's cells are validated, formatted and written. */
export type ColumnKind =
  | 'text' // anything a person typed: always stored as text
  | 'id' // allocated by the add-on under the document lock
  | 'date'
  | 'timestamp'
  | 'rating' // whole number 1–10
  | 'score0to10' // whole number 0–10
  | 'count' // whole number ≥ 1
  | 'amount' // number ≥ 0: how many, or how much money
  | 'choice'; // one of `choices` (a fixed list, or the two sides from the Partnership sheet)

export interface ColumnSpec {
  /** Stable key, stored in developer metadata: survives renamed headers and moved columns. */
  key: string;
  header: string;
  kind: ColumnKind;
  /** For 'choice': a fixed list, or 'sides' for the two companies named on the Partnership sheet. */
  choices?: readonly string[] | 'sides';
  /** Shown as the header cell's note: what belongs in the column. */
  help?: string;
  width?: number;
}

export interface TableSpec {
  /** Stable key, stored in developer metadata on the sheet. */
  key: string;
  /** Default sheet name; people may rename it. */
  title: string;
  columns: readonly ColumnSpec[];
  /** Sheets the add-on appends to only (Change History): protected against edits, not just warned. */
  appendOnly?: boolean;
  /**
   * A table of one record (the Partnership): reads take only this many rows below the header,
   * not the sheet's whole grid (1,000 rows by default) for the one row that matters.
   */
  rowsRead?: number;
}


/** The metadata value that marks a column: `sheetKey.columnKey`. */
export const columnTag = (table: TableSpec, column: ColumnSpec): string => `${table.key}.${column.key}`;

export function columnByKey(table: TableSpec, key: string): ColumnSpec {
  const column = table.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`${table.title} has no column "${key}"`);
  return column;
}
