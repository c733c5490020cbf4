import { planHistory } from './history';
import { actorLabel } from './identity';
import { nextIds } from './input';
import { type TableLayout } from './layout';
import { Workbook } from './workbook';
import { LOCK_WAIT_MS } from './lock';
import { type CellValue, textOf, readTable } from './table';
import { COMMITMENTS } from './templates';
import { WritePlan } from './write-plan';
import { SETTLED_COMMITMENTS, readCommitmentLog } from './commitments-read';
import { type SettledSpec, hasSettlement } from './settled';

/** Columns the add-on fills itself: a row with nothing else in them is not a commitment someone typed. */
const FILLED_BY_ADDON = new Set(['id', 'updatedBy', 'updatedAt']);

/** Whether a row of the log (values by sheet column, 1-based minus one) holds anything a person typed. */
export function holdsCommitment(layout: TableLayout, values: readonly CellValue[]): boolean {
  for (const [key, column] of layout.columnOf) {
    if (FILLED_BY_ADDON.has(key)) continue;
    const value = values[column - 1];
    if (value !== '' && value !== null && value !== undefined) return true;
  }
  return false;
}

/**
 * The next `count` free ids C-nnn after every id in the log's ID column: the same allocation as the
 * sidebar's, so call it holding the document lock. One read of the column.
 */
export function freeCommitmentIds(layout: TableLayout, count: number): string[] {
  if (count === 0) return [];
  const lastRow = layout.sheet.getLastRow();
  const idColumn = layout.columnOf.get('id') as number;
  const ids = lastRow < 2 ? [] : (layout.sheet.getRange(2, idColumn, lastRow - 1, 1).getValues() as CellValue[][]);
  return nextIds(
    ids.map(([id], index) => ({ rowNumber: index + 2, values: { id } })),
    'C',
    count,
  );
}

/**
 * Repair: gives every commitment typed by hand without an id one (C-nnn, after the highest in
 * use), in one write, and records each in the Change History. Returns the ids given; null when
 * the other side was saving (the rows keep waiting for the next repair or edit).
 */
export function giveMissingCommitmentIds(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, known?: Readonly<Record<string, string>>): string[] | null {
  // The usual case, every row has its id, costs one read and no lock; rows lacking one are read again under it.
  // The document properties set-up read already (the layout cache, the settlement): not read again.
  const precheck = new Workbook(spreadsheet, known);
  // Settled commitments all have their ids (settled.ts: one without is never settled, and an edit
  // among them clears the settlement): only the rows after them are looked at.
  const ids = hasSettlement(precheck, SETTLED_COMMITMENTS as SettledSpec<unknown>)
    ? readCommitmentLog(precheck).rows
    : readTable(precheck.layout(COMMITMENTS), ['id', 'commitment']).rows;
  if (!ids.some((row) => textOf(row.values.id) === '')) return [];
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    const workbook = new Workbook(spreadsheet);
    const layout = workbook.layout(COMMITMENTS);
    const sheet = layout.sheet;
    const lastRow = sheet.getLastRow();
    if (lastRow < 2) return [];
    const grid = sheet.getRange(2, 1, lastRow - 1, layout.width).getValues() as CellValue[][];
    const idColumn = layout.columnOf.get('id') as number;
    const missing = grid.flatMap((values, index) => (textOf(values[idColumn - 1]) === '' && holdsCommitment(layout, values) ? [index] : []));
    if (missing.length === 0) return [];
    const ids = nextIds(
      grid.map((values, index) => ({ rowNumber: index + 2, values: { id: values[idColumn - 1] } })),
      'C',
      missing.length,
    );
    const plan = new WritePlan();
    planHistory(
      plan,
      workbook,
      actorLabel(spreadsheet.getId()),
      ids.map((id) => ({ sheet: sheet.getName(), rowId: id, field: 'ID', oldValue: '', newValue: id })),
    );
    // One write spanning the rows that get ids; rows between keep their own id text.
    const first = missing[0];
    const last = missing[missing.length - 1];
    const column: CellValue[][] = grid.slice(first, last + 1).map((values) => {
      const id = textOf(values[idColumn - 1]);
      return [id === '' ? '' : `'${id}`];
    });
    missing.forEach((index, n) => {
      column[index - first] = [`'${ids[n]}`];
    });
    sheet.getRange(first + 2, idColumn, column.length, 1).setValues(column);
    plan.commit();
    return ids;
  } finally {
    lock.releaseLock();
  }
}
