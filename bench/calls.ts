import { createAppsScriptDouble } from '../test/double';
import { setUpWorkbook } from '../src/workbook/setup';
import { appendCommitments, updateCommitment } from '../src/workbook/commitments-log';
import { stampEdit } from '../src/workbook/stamp';
import { readSnapshot } from '../src/sidebar/read-model';
import { Workbook, locateTable } from '../src/workbook/layout';
import { appendRows } from '../src/workbook/table';
import { ASSESSMENTS, COMMITMENTS } from '../src/workbook/templates';
import { type Figure, printTable, record } from './report';

const SIDES = ['Acme', 'Beta'];

/** A set-up workbook with `rows` commitments and assessments (seeding is not counted). */
function workbookWith(rows: number) {
  const double = createAppsScriptDouble();
  const uninstall = double.install(globalThis);
  setUpWorkbook();
  double.spreadsheet.getSheetByName('Partnership')!.getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
  appendRows(
    locateTable(double.spreadsheet, COMMITMENTS),
    Array.from({ length: rows }, (_, i) => ({ id: `C-${i + 1}`, commitment: `c${i}`, ownerSide: SIDES[i % 2], ownerPerson: `p${i % 7}`, dueDate: new Date(2026, 0, 1 + (i % 300)), status: 'Open' })),
  );
  appendRows(
    locateTable(double.spreadsheet, ASSESSMENTS),
    Array.from({ length: rows }, (_, i) => ({ cycle: `2026-Q${1 + (i % 4)}`, date: new Date(2026, i % 12, 1), side: SIDES[i % 2], responses: 1, competence: 1 + (i % 10), reliability: 5, transparency: 6, alignment: 7 })),
  );
  double.calls.reset();
  return { double, uninstall };
}

const ACTIONS: Record<string, (double: ReturnType<typeof createAppsScriptDouble>) => void> = {
  setup: () => setUpWorkbook(),
  repair: (double) => {
    double.spreadsheet.getSheetByName('Assessments')!.setName('Ratings');
    double.calls.reset();
    setUpWorkbook();
  },
  append_commitment: () => appendCommitments([{ commitment: 'new', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2026-12-31' }], SIDES),
  update_status: () => updateCommitment('C-5', { status: 'Done', doneOn: '2026-11-20' }),
  edit_stamp: (double) => {
    const cell = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange(6, 8);
    double.calls.reset();
    stampEdit({ range: cell, value: 'At risk', oldValue: 'Open' } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  },
  dashboard_inputs: () => readSnapshot(new Workbook()),
};

export function benchServiceCalls(): Figure[] {
  const figures: Figure[] = [];
  for (const [name, action] of Object.entries(ACTIONS)) {
    for (const rows of [10, 1_000, 10_000]) {
      const { double, uninstall } = workbookWith(rows);
      try {
        action(double);
        const figure = { bench: `calls:${name}`, rows, calls: double.calls.total() };
        record(figure);
        figures.push(figure);
      } finally {
        uninstall();
      }
    }
  }
  printTable('Service calls per action (the Apps Script double counts every call)', figures);
  return figures;
}
