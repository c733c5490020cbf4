/**
 * Writing one Value Exchange figure (domain/value.ts parseValueEntry) into the sheet: a row per
 * quarter and side with a column per kind. The figure goes into the existing row of its quarter
 * and side, or a new row; the balance each way of the quarter is computed from the rows already
 * read, so a view after the save needs no second read.
 */
import { sideKey } from '../domain/scores';
import { type ReciprocityResult, type ValueEntry, type ValueKind, parseQuarterLabel, reciprocity } from '../domain/value';
import { type CellValue, textOf } from './table';

/** The Value Exchange column (templates.ts VALUE_EXCHANGE) of each kind. */
export const VALUE_KIND_COLUMNS: Record<ValueKind, string> = {
  Leads: 'leads',
  Referrals: 'referrals',
  'Deals influenced': 'dealsInfluenced',
  'Revenue influenced': 'revenueInfluenced',
  Investment: 'investment',
};

/** Columns to read the sheet with for planValueEntry and quarterBalances. */
export const VALUE_COLUMNS = ['quarter', 'side', ...Object.values(VALUE_KIND_COLUMNS), 'note'] as const;

type Row = { values: Record<string, CellValue> };

export type ValueEntryPlan =
  /** No row for this quarter and side yet: append one with these values. */
  | { action: 'append'; values: Record<string, CellValue> }
  /** Set `column` of the row at `index` (in the rows given); `previous` is what it held. */
  | { action: 'update'; index: number; column: string; value: number; previous: CellValue | ''; note: string | null; duplicates: number };

const sameQuarter = (cell: CellValue | undefined, quarter: string): boolean => {
  const text = textOf(cell);
  return (parseQuarterLabel(text) ?? text.trim()) === quarter;
};

/**
 * Where the entry goes. Two rows for one quarter and side (typed by hand) get the figure in the
 * first, and `duplicates` says how many more there are, so the view can say so.
 */
export function planValueEntry(rows: readonly Row[], entry: ValueEntry): ValueEntryPlan {
  const column = VALUE_KIND_COLUMNS[entry.kind];
  const matches = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => sameQuarter(row.values.quarter, entry.quarter) && sideKey(textOf(row.values.side)) === sideKey(entry.side));
  if (matches.length === 0) {
    return { action: 'append', values: { quarter: entry.quarter, side: entry.side, [column]: entry.amount, ...(entry.note ? { note: entry.note } : {}) } };
  }
  const [{ row, index }] = matches;
  return {
    action: 'update',
    index,
    column,
    value: entry.amount,
    previous: row.values[column] ?? '',
    note: entry.note ? entry.note : null,
    duplicates: matches.length - 1,
  };
}

/** Each kind's balance each way in `quarter` (RECIPROCITY's rule: the smaller side's total ÷ the larger's, 1 = even). */
export function quarterBalances(rows: readonly Row[], quarter: string): Array<{ kind: ValueKind; result: ReciprocityResult }> {
  const wanted = parseQuarterLabel(quarter) ?? quarter.trim();
  const inQuarter = rows.filter((row) => sameQuarter(row.values.quarter, wanted));
  return (Object.keys(VALUE_KIND_COLUMNS) as ValueKind[])
    .filter((kind) => kind !== 'Revenue influenced' && kind !== 'Investment')
    .map((kind) => {
      const column = VALUE_KIND_COLUMNS[kind];
      const exchanges = inQuarter
        .filter((row) => typeof row.values[column] === 'number' && textOf(row.values.side).trim() !== '')
        .map((row) => ({ side: textOf(row.values.side), amount: row.values[column] as number }));
      return { kind, result: reciprocity(exchanges) };
    });
}
