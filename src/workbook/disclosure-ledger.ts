/**
 * The Disclosure Ledger's rows as the domain reads them, and the value a new row's Reciprocates
 * cell gets (domain/disclosure-ledger.ts decides which entry it answers). Record disclosure reads
 * the ledger once with LEDGER_COLUMNS and appends the row with `reciprocates` filled in.
 */
import { parseStage } from '../domain/disclosure';
import { type LedgerEntry, entryToReciprocate, reciprocationLinks } from '../domain/disclosure-ledger';
import { type CellValue, textOf } from './table';

/** The columns the ledger must be read with for the Reciprocates rule (and the stage the partner matched). */
export const LEDGER_COLUMNS = ['id', 'side', 'stage', 'decision', 'reciprocates'] as const;

/** The rows with a known stage, in sheet order; a row without one (a typo, a blank) answers and is answered by nothing. */
export function ledgerEntries(rows: ReadonlyArray<{ values: Record<string, CellValue> }>): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const row of rows) {
    const stage = parseStage(textOf(row.values.stage));
    if (!stage) continue;
    entries.push({
      id: textOf(row.values.id),
      side: textOf(row.values.side),
      stage,
      decision: textOf(row.values.decision),
      reciprocates: textOf(row.values.reciprocates),
    });
  }
  return entries;
}

/** The Reciprocates cell of a row about to be appended: the ID it answers, or '' when it goes first. */
export function reciprocatesCell(rows: ReadonlyArray<{ values: Record<string, CellValue> }>, entry: Pick<LedgerEntry, 'side' | 'stage' | 'decision'>): string {
  return entryToReciprocate(ledgerEntries(rows), entry)?.id ?? '';
}

/**
 * The blank Reciprocates cells a ledger kept before the column was filled in would get, as
 * (row index in `rows`, ID) pairs: for a Repair or a one-off fill. Typed values are never changed.
 */
export function missingReciprocates(rows: ReadonlyArray<{ values: Record<string, CellValue> }>): Array<{ index: number; reciprocates: string }> {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (parseStage(textOf(row.values.stage))) indexes.push(index);
  });
  const entries = ledgerEntries(rows);
  const links = reciprocationLinks(entries);
  const missing: Array<{ index: number; reciprocates: string }> = [];
  links.forEach((link, position) => {
    if (link !== '' && entries[position].reciprocates.trim() === '') missing.push({ index: indexes[position], reciprocates: link });
  });
  return missing;
}
