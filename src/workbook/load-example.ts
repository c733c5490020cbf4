import { countChange } from './change-counter';
import { type ExamplePartnership, examplePartnership } from './example';
import { Workbook } from './layout';
import { withDocumentLock } from './lock';
import { setUpWorkbook } from './setup';
import { type CellValue, appendRows, readRows } from './table';
import { ALIGNMENT_AUDIT, ASSESSMENTS, COMMITMENTS, COMPETENCE_AUDIT, DISCLOSURES, LEARNING_LOG, PARTNERSHIP, PREMORTEM, SCORECARD, VALUE_EXCHANGE } from './templates';

type Records = Array<Record<string, CellValue>>;

/**
 * Sets up the workbook and fills it with the example partnership. Refuses when any table already
 * has data: the example is for trying the add-on, never mixed into a real partnership's records.
 */
export function loadExamplePartnership(today: Date = new Date()): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  setUpWorkbook(spreadsheet);
  const workbook = new Workbook(spreadsheet);
  const example: ExamplePartnership = examplePartnership(today, workbook.calendar);
  withDocumentLock('Load example partnership', () => {
    const tables = [PARTNERSHIP, ASSESSMENTS, COMMITMENTS, SCORECARD, DISCLOSURES, COMPETENCE_AUDIT, LEARNING_LOG, ALIGNMENT_AUDIT, PREMORTEM, VALUE_EXCHANGE];
    const withData = tables.filter((table) => readRows(workbook.layout(table)).length > 0);
    if (withData.length > 0) {
      throw new Error(
        `The example was not loaded: ${withData.map((table) => `"${workbook.layout(table).sheet.getName()}"`).join(', ')} already ${withData.length > 1 ? 'have' : 'has'} data. Load the example into a new spreadsheet.`,
      );
    }
    appendRows(workbook.layout(PARTNERSHIP), [example.partnership as Record<string, CellValue>]);
    appendRows(workbook.layout(ASSESSMENTS), example.assessments as Records);
    appendRows(workbook.layout(COMMITMENTS), example.commitments as Records);
    appendRows(workbook.layout(SCORECARD), example.scorecard as Records);
    appendRows(workbook.layout(DISCLOSURES), example.disclosures as Records);
    appendRows(workbook.layout(COMPETENCE_AUDIT), example.competenceAudit as Records);
    appendRows(workbook.layout(LEARNING_LOG), example.learningLog as Records);
    appendRows(workbook.layout(ALIGNMENT_AUDIT), example.alignmentAudit as Records);
    appendRows(workbook.layout(PREMORTEM), example.premortem as Records);
    appendRows(workbook.layout(VALUE_EXCHANGE), example.valueExchange as Records);
    countChange(); // open sidebars reload (src/workbook/change-counter.ts)
  });
}
