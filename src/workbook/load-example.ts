import { parseModel } from '../domain/models';
import { prepareChangeCount } from './change-counter';
import { backfillCycles } from './cycle-backfill';
import { type ExamplePartnership, examplePartnership } from './example';
import { CachedTableLayout, MissingTableError, type TableLayout, sheetNameOf } from './layout';
import { Workbook } from './workbook';
import { withDocumentLock } from './lock';
import { type FreshTable, setUpKnowing } from './setup';
import type { TableSpec } from './schema';
import { type CellValue, type TableRead, readTable, rowFor } from './table';
import { extentPropertyOf, extentText } from './extent';
import { ALIGNMENT_AUDIT, ASSESSMENTS, COMMITMENTS, CYCLES, COMPETENCE_AUDIT, DISCLOSURES, LEARNING_LOG, PARTNERSHIP, PREMORTEM, SCORECARD, VALUE_EXCHANGE, BREACHES } from './templates';

type Records = Array<Record<string, CellValue>>;

/** The tables the example fills; any data in one of them means a real partnership lives here. */
const DATA_TABLES: readonly TableSpec[] = [PARTNERSHIP, ASSESSMENTS, CYCLES, COMMITMENTS, SCORECARD, DISCLOSURES, COMPETENCE_AUDIT, LEARNING_LOG, ALIGNMENT_AUDIT, PREMORTEM, VALUE_EXCHANGE, BREACHES];

/** Anything below the header row (one round trip, no cells: the sheet's last row). */
function hasData(workbook: Workbook, table: TableSpec): boolean {
  try {
    const layout = workbook.layout(table);
    // No column is read, so a cached layout needs no check against the header here.
    const sheet = layout instanceof CachedTableLayout ? layout.unchecked().sheet : layout.sheet;
    return sheet.getLastRow() > 1;
  } catch (error) {
    if (error instanceof MissingTableError) return false;
    throw error;
  }
}

function refuseOverData(workbook: Workbook, withData: readonly TableSpec[]): void {
  if (withData.length === 0) return;
  throw new Error(
    `The example was not loaded: ${withData.map((table) => `"${sheetNameOf(workbook.layout(table))}"`).join(', ')} already ${withData.length > 1 ? 'have' : 'has'} data. Load the example into a new spreadsheet.`,
  );
}

/**
 * Sets up the workbook and fills it with the example partnership. Refuses when any table already
 * has data: the example is for trying the add-on, never mixed into a real partnership's records.
 */
export function loadExamplePartnership(today: Date = new Date()): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // A workbook already set up is checked before Repair runs, so a refusal leaves it exactly as it was.
  const before = new Workbook(spreadsheet);
  if (before.isSetUp()) refuseOverData(before, DATA_TABLES.filter((table) => hasData(before, table)));
  // The spreadsheet's time zone is asked before set-up queues its writes (a read after them would
  // wait for their commit), and set-up is given the properties read just now rather than reading them again.
  const calendar = before.calendar;
  const setUp = setUpKnowing(spreadsheet, before.documentProperties());
  const workbook = new Workbook(spreadsheet, setUp.properties);
  const example: ExamplePartnership = examplePartnership(today, calendar);
  // The example's past cycles, recorded closed with each one's focus, as Repair records old ones.
  const cycles = backfillCycles({
    assessments: example.assessments as Records, existingCycles: [], model: parseModel(String(example.partnership.model ?? '')), legacyOpen: null, today, calendar,
    companies: [String(example.partnership.ourCompany ?? ''), String(example.partnership.partnerCompany ?? '')],
  });
  // The first cycle after the breach's completed reset is the reset cycle (the one that showed Transparency recovering).
  for (const breach of example.breaches) {
    const reviewed = breach.reviewDate instanceof Date ? breach.reviewDate.getTime() : null;
    const reset = reviewed === null ? undefined : cycles.find((cycle) => cycle.openedOn instanceof Date && cycle.openedOn.getTime() >= reviewed);
    if (reset) reset.kind = 'Reset';
  }
  withDocumentLock('Load example partnership', () => {
    const records: Array<[TableSpec, Records]> = [
      [PARTNERSHIP, [example.partnership as Record<string, CellValue>]],
      [ASSESSMENTS, example.assessments as Records],
      [CYCLES, cycles as Records],
      [COMMITMENTS, example.commitments as Records],
      [SCORECARD, example.scorecard as Records],
      [DISCLOSURES, example.disclosures as Records],
      [COMPETENCE_AUDIT, example.competenceAudit as Records],
      [LEARNING_LOG, example.learningLog as Records],
      [ALIGNMENT_AUDIT, example.alignmentAudit as Records],
      [PREMORTEM, example.premortem as Records],
      [VALUE_EXCHANGE, example.valueExchange as Records],
      [BREACHES, example.breaches as Records],
    ];
    // Every read first (one per table), then only writes: no read waits for a commit in between.
    const tables = records.map(([table]) => tableNow(workbook, table, setUp.fresh.get(table.key)));
    refuseOverData(workbook, records.filter((_, index) => tables[index].rows > 0).map(([table]) => table));
    const countChange = prepareChangeCount(); // open sidebars reload (src/workbook/change-counter.ts)
    // Where each table's data now ends (extent.ts), written with the change counter.
    const extents: Record<string, string> = {};
    records.forEach(([table, rows], index) => {
      const { layout, gridRows, lastUsedRow } = tables[index];
      const firstRow = lastUsedRow + 1;
      const lastRow = firstRow + rows.length - 1;
      if (lastRow > gridRows) layout.sheet.insertRowsAfter(gridRows, lastRow - gridRows);
      layout.sheet.getRange(firstRow, 1, rows.length, layout.width).setValues(rows.map((record) => rowFor(layout, record)));
      if (table.rowsRead === undefined) extents[extentPropertyOf(table.key)] = extentText({ lastRow, gridRows: Math.max(gridRows, lastRow) });
    });
    countChange(extents);
  });
}

/**
 * A table as the example finds it: read under the lock, except one set-up made a moment ago in
 * this execution, which holds its header row only, in a new sheet's grid: set-up wrote it, and
 * nobody's save could use it before set-up wrote its layout a moment ago. Not reading those spares
 * a round trip per new table (docs/decisions.md: loading the example).
 */
function tableNow(workbook: Workbook, table: TableSpec, fresh: FreshTable | undefined): { layout: TableLayout; rows: number; lastUsedRow: number; gridRows: number } {
  if (fresh) return { layout: fresh.layout, rows: 0, lastUsedRow: fresh.lastUsedRow, gridRows: fresh.gridRows };
  const layout = workbook.layout(table);
  const read: TableRead = readTable(layout);
  return { layout, rows: read.rows.length, lastUsedRow: read.lastUsedRow, gridRows: read.gridRows };
}
