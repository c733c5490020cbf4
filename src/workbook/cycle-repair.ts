import { zoneCalendar } from '../domain/calendar';
import { cycleNameKey, SEALED_MINIMUM_DEFAULT } from '../domain/cycles';
import { parseModel } from '../domain/models';
import { backfillCycles, type CycleRow, type LegacyOpenCycle } from './cycle-backfill';
import type { TableLayout } from './layout';
import { LOCK_WAIT_MS } from './lock';
import { type CellValue, readTable, rowFor, textOf } from './table';
import { type SummaryRepair, summariesToRepair } from './cycle-summary';
import { planHistory } from './history';
import { actorLabel } from './identity';
import { sheetNameOf } from './layout';
import { type Workbook } from './workbook';
import { ASSESSMENTS, CYCLES, PARTNERSHIP } from './templates';
import { saveAtomically } from './write-plan';
import { LEGACY_OPEN_CYCLE_PROPERTY, CYCLES_RECORDED_PROPERTY } from './property-keys';

/**
 * Repair's part in recording past cycles: workbooks from before the Cycles sheet name their cycles
 * only in the Assessments Cycle column, and may hold an open sealed cycle in a document property.
 * Split like setup itself: `readPastCycles` reads (setup's phase 1, holding the document lock so
 * no cycle can be started in between), `writePastCycles` writes (phase 3), so Repair still never
 * reads after a write. Once done, a document property says so, and an intact workbook costs no read.
 */


/** The old property's record, or null when it is absent or unreadable (then there is nothing to keep open). */
export function legacyOpenCycleOf(text: string | undefined): LegacyOpenCycle | null {
  if (text === undefined) return null;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return null;
  }
  if (!record || typeof record !== 'object') return null;
  const { cycle, sealed, minimumPerSide } = record as Record<string, unknown>;
  if (typeof cycle !== 'string' || cycle.trim() === '') return null;
  return {
    cycle: cycle.trim(),
    sealed: sealed === true,
    minimumPerSide: typeof minimumPerSide === 'number' && Number.isInteger(minimumPerSide) ? minimumPerSide : SEALED_MINIMUM_DEFAULT,
  };
}

export interface PastCyclesTables {
  /** null: the sheet is about to be created, so it holds nothing yet. */
  cycles: TableLayout | null;
  assessments: TableLayout | null;
  partnership: TableLayout | null;
}

/** What phase 1 found; `release` (flush, then unlock) must be called whatever happens next. */
export interface PastCyclesRead {
  /** Rows to append to the Cycles sheet, below `firstRow`. */
  rows: CycleRow[];
  firstRow: number;
  gridRows: number;
  /** The cycle names recorded by this repair. */
  names: string[];
  removeLegacyProperty: boolean;
  release: () => void;
}

/** Whether Repair has anything to look at: the common case (already recorded, nothing legacy) answers from the properties alone. */
export function pastCyclesNeedLook(properties: Readonly<Record<string, string>>, cyclesSheetCreated: boolean): boolean {
  return properties[CYCLES_RECORDED_PROPERTY] === undefined || properties[LEGACY_OPEN_CYCLE_PROPERTY] !== undefined || cyclesSheetCreated;
}

const CYCLE_RECORD_COLUMNS = ['name', 'kind', 'anonymity', 'sealedMinimum', 'openedOn', 'openedBy', 'closedOn', 'closedBy', 'focus'];
const ASSESSMENT_COLUMNS = ['cycle', 'date', 'side', 'participant', 'responses', 'competence', 'reliability', 'transparency', 'alignment'];

/**
 * Phase 1: the Cycles rows, then only the Assessments Cycle column; the rest of the Assessments
 * columns and the model only when some cycle lacks its row. Holds the document lock from here to
 * `release` (a cycle started by the other side meanwhile would land on the row this plans to
 * fill). Returns null when the lock cannot be had: the cycles wait for the next Repair.
 */
export function readPastCycles(tables: PastCyclesTables, properties: Readonly<Record<string, string>>, timeZone: () => string, today: Date): PastCyclesRead | null {
  const lock = (LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null) ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  // As withDocumentLock does: the queued rows are committed before the lock goes, or the other
  // side's save could read the Cycles sheet without them and append over them.
  const release = () => {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  };
  try {
    const legacyOpen = legacyOpenCycleOf(properties[LEGACY_OPEN_CYCLE_PROPERTY]);
    const removeLegacyProperty = properties[LEGACY_OPEN_CYCLE_PROPERTY] !== undefined;
    // The record's own columns (not the summaries after them): names and focus are what is looked at.
    const cyclesRead = tables.cycles ? readTable(tables.cycles, CYCLE_RECORD_COLUMNS.filter((key) => tables.cycles?.columnOf.has(key))) : null;
    const existingCycles = cyclesRead ? cyclesRead.rows.map((row) => row.values) : [];
    const recorded = new Set(existingCycles.map((values) => cycleNameKey(textOf(values.name))));
    const nothing: PastCyclesRead = {
      rows: [], firstRow: (cyclesRead?.lastUsedRow ?? 1) + 1, gridRows: cyclesRead?.gridRows ?? 0, names: [], removeLegacyProperty, release,
    };
    if (!tables.assessments) return nothing;
    // One read of the answers: this look runs until the cycles are recorded once (a workbook from
    // before the Cycles sheet), and then nearly always finds some to record.
    const assessments = readTable(tables.assessments, ASSESSMENT_COLUMNS.filter((key) => tables.assessments?.columnOf.has(key))).rows.map((row) => row.values);
    const named = assessments.map((values) => textOf(values.cycle)).filter((name) => name !== '');
    const legacyMissing = legacyOpen?.sealed === true && !recorded.has(cycleNameKey(legacyOpen.cycle));
    if (!legacyMissing && named.every((name) => recorded.has(cycleNameKey(name)))) return nothing;

    const partnership = tables.partnership ? (readTable(tables.partnership, ['ourCompany', 'partnerCompany', 'model']).rows[0]?.values ?? {}) : {};
    const rows = backfillCycles({
      assessments, existingCycles, model: parseModel(textOf(partnership.model)), legacyOpen, today, calendar: zoneCalendar(timeZone()),
      companies: [textOf(partnership.ourCompany), textOf(partnership.partnerCompany)],
    });
    return { ...nothing, rows, names: rows.map((row) => String(row.name)) };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Phase 3: the new Cycles rows in one write (converted before it, so a value Sheets would refuse
 * fails before anything is written). Returns the property changes for setup's one properties
 * write; the legacy property's removal is the caller's, in the same breath.
 */
export function writePastCycles(read: PastCyclesRead, cycles: TableLayout): Record<string, string> {
  const grid: CellValue[][] = read.rows.map((row) => rowFor(cycles, row));
  if (grid.length > 0) {
    const lastRow = read.firstRow + grid.length - 1;
    if (read.gridRows > 0 && lastRow > read.gridRows) cycles.sheet.insertRowsAfter(read.gridRows, lastRow - read.gridRows);
    cycles.sheet.getRange(read.firstRow, 1, grid.length, cycles.width).setValues(grid);
  }
  return cyclesRecordedProperty();
}

/** The property that spares later Repairs the look. */
export function cyclesRecordedProperty(): Record<string, string> {
  return { [CYCLES_RECORDED_PROPERTY]: new Date().toISOString() };
}

/**
 * Repair's part in closed cycles' summaries (cycle-summary.ts): every closed cycle with answers
 * whose Cycles row holds no summary (closed before summaries, or by hand) or one that no longer
 * matches its answers (edited by hand; the Change History shows the edit) gets it rebuilt from the
 * answers, in one save, each rebuilt row recorded in the Change History. Reads the Cycles sheet,
 * the Assessments' cycle, side, responses and rating columns and the two companies: call it after
 * setUpWorkbook (its columns exist then). Returns what it rebuilt.
 */
export function repairCycleSummaries(workbook: Workbook): SummaryRepair[] {
  return saveAtomically(workbook, 'Rebuild closed cycles’ summaries', (plan) => {
    const cycles = workbook.layout(CYCLES);
    const cycleRows = readTable(cycles).rows;
    if (!cycleRows.some((row) => row.values.closedOn instanceof Date || textOf(row.values.closedOn) !== '')) return [];
    const assessments = readTable(workbook.layout(ASSESSMENTS), ASSESSMENT_COLUMNS.filter((key) => key !== 'date' && key !== 'participant')).rows.map((row) => row.values);
    const partnership = readTable(workbook.layout(PARTNERSHIP), ['ourCompany', 'partnerCompany', 'model']).rows[0]?.values ?? {};
    const companies: [string, string] = [textOf(partnership.ourCompany), textOf(partnership.partnerCompany)];
    const repairs = summariesToRepair(cycleRows, assessments, companies, parseModel(textOf(partnership.model)));
    for (const repair of repairs) plan.update(cycles, repair.rowNumber, repair.cells);
    if (repairs.length > 0) {
      planHistory(
        plan,
        workbook,
        actorLabel(workbook.id),
        repairs.map((repair) => ({
          sheet: sheetNameOf(cycles),
          rowId: repair.cycle,
          field: 'Summary',
          oldValue: repair.why === 'missing' ? '' : '(did not match the answers)',
          newValue: 'rebuilt from the answers',
        })),
      );
    }
    return repairs;
  });
}
