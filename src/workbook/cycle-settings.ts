/**
 * A cycle's settings (kind, anonymity, sealed minimum) are fixed when it opens (DOMAIN.md): kept
 * in document properties (cycle-store.ts), they win over the Cycles sheet, and a cell retyped by
 * hand is put back by the next cycle save or Repair, with a Change History row saying so.
 */
import type { CycleRecord } from '../domain/cycles';
import { cycleRecordsOf } from './cycle-records';
import { CycleStore, type RetypedSetting, settingsOf, withFixedSettings } from './cycle-store';
import { planDecisions } from './history';
import { MissingTableError, type TableLayout } from './layout';
import { Workbook } from './workbook';
import { type CellValue, type TableRow, readRows } from './table';
import { CYCLES, CYCLES_BEFORE_ONE_SIDED } from './templates';
import { WritePlan, saveAtomically } from './write-plan';
import { SETTINGS_KEY_PREFIX } from './property-keys';

/** The Cycles sheet as read for a request, with each cycle's settings as they were fixed when it opened. */
export interface CyclesRead {
  records: CycleRecord[];
  rows: TableRow[];
  layout: TableLayout | null;
  /** Cells where the sheet disagrees with a fixed setting (a hand edit): the next cycle save puts them back. */
  retyped: RetypedSetting[];
}

/**
 * The Cycles sheet as records; an older workbook without the sheet has none until Repair adds it,
 * and one without the one-sided columns reads as before (a one-sided close asks for Repair).
 * The settings kept in document properties win over what the sheet says.
 */
/** The Cycles sheet's layout, also as it was before the one-sided columns; null before Repair adds the sheet. */
export function cyclesLayout(workbook: Workbook): TableLayout | null {
  try {
    return workbook.layout(CYCLES);
  } catch (error) {
    if (!(error instanceof MissingTableError)) throw error;
    try {
      return workbook.layout(CYCLES_BEFORE_ONE_SIDED);
    } catch (again) {
      if (again instanceof MissingTableError) return null;
      throw again;
    }
  }
}

export function readCycleRecords(workbook: Workbook): CyclesRead {
  const layout = cyclesLayout(workbook);
  if (!layout) return { records: [], rows: [], layout: null, retyped: [] };
  const rows = readRows(layout);
  const { records, retyped } = withFixedSettings(cycleRecordsOf(rows), rows, CycleStore.of(workbook));
  return { records, rows, layout, retyped };
}

const SETTING_HEADERS: Record<RetypedSetting['key'], string> = { kind: 'Kind', anonymity: 'Anonymity', sealedMinimum: 'Sealed minimum' };

/** Who the Change History names for a setting put back: the add-on, keeping the rule. */
export const KEEPER = 'Trust Corners (settings fixed when a cycle opens)';

/**
 * In a cycle save: puts back every Cycles cell retyped against its cycle's fixed settings, each
 * with a Change History row saying what was typed and what stays, and fixes the settings of an
 * open cycle from before they were kept (as the sheet shows them now).
 */
export function planFixedSettings(plan: WritePlan, workbook: Workbook, read: CyclesRead): void {
  if (!read.layout) return;
  const store = CycleStore.of(workbook);
  const open = read.records.find((record) => record.closedOn === null);
  if (open && !store.settings(open.name)) store.planSettings(plan, open.name, settingsOf(open));
  if (read.retyped.length === 0) return;
  const byRow = new Map<number, Record<string, CellValue>>();
  for (const cell of read.retyped) byRow.set(cell.rowNumber, { ...byRow.get(cell.rowNumber), [cell.key]: cell.fixed });
  for (const [rowNumber, changes] of byRow) plan.update(read.layout, rowNumber, changes);
  planDecisions(
    plan,
    workbook,
    KEEPER,
    read.retyped.map((cell) => ({ table: CYCLES, rowId: cell.cycle, what: `${SETTING_HEADERS[cell.key]}: typed by hand, put back`, old: cell.typed, now: cell.fixed })),
  );
}


/**
 * Repair's part: when a setting of some cycle was retyped on the sheet, puts it back in one save
 * (read first without the lock, so an intact workbook costs one read of the Cycles sheet and no
 * save; one that keeps no settings, as `known` properties tell, costs nothing). Returns the
 * cycles whose settings were put back.
 */
export function putBackCycleSettings(known?: Readonly<Record<string, string>>): string[] {
  const keeps = (properties: Readonly<Record<string, string>>) => Object.keys(properties).some((key) => key.startsWith(SETTINGS_KEY_PREFIX));
  if (known && !keeps(known)) return [];
  const workbook = new Workbook();
  if (!keeps(workbook.documentProperties())) return [];
  if (readCycleRecords(workbook).retyped.length === 0) return [];
  return saveAtomically(workbook, 'Put back cycle settings', (plan) => {
    const read = readCycleRecords(workbook);
    planFixedSettings(plan, workbook, read);
    return [...new Set(read.retyped.map((cell) => cell.cycle))];
  });
}
