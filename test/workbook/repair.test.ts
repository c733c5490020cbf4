import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { setUpWorkbook } from '../../src/workbook/setup';
import { locateTable } from '../../src/workbook/layout';
import { ASSESSMENTS, COMMITMENTS, TABLES } from '../../src/workbook/templates';
import { appendRows } from '../../src/workbook/table';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const operation = fc.oneof(
  fc.record({ kind: fc.constant('insertColumn' as const), table: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('renameHeader' as const), table: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('renameSheet' as const), table: fc.integer({ min: 0, max: 4 }) }),
);

function seed(double: AppsScriptDouble): void {
  setUpWorkbook();
  const sheetOf = (title: string) => double.spreadsheet.getSheetByName(title)!;
  sheetOf('Partnership').getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
  appendRows(locateTable(double.spreadsheet, ASSESSMENTS), [
    { cycle: '2026-Q1', date: new Date(2026, 0, 5), side: 'Acme', participant: 'Ana', responses: 1, competence: 7, reliability: 6, transparency: 5, alignment: 8 },
    { cycle: '2026-Q1', date: new Date(2026, 0, 6), side: 'Beta', participant: '', responses: 1, competence: 6, reliability: 7, transparency: 4, alignment: 6 },
  ]);
  appendRows(locateTable(double.spreadsheet, COMMITMENTS), [
    { id: 'C-001', commitment: 'Send the report', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: new Date(2026, 1, 1), status: 'Open' },
  ]);
}

describe('Repair workbook after people rearranged it', () => {
  it('leaves every data cell as it was and restores only what is missing', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 6 }), (operations) => {
        uninstall?.();
        const double = createAppsScriptDouble();
        uninstall = double.install(globalThis);
        seed(double);
        for (const op of operations) {
          const table = TABLES[op.table];
          const sheet = locateTable(double.spreadsheet, table).sheet;
          if (op.kind === 'insertColumn') sheet.insertColumnBefore(Math.min(op.at, sheet.getLastColumn()));
          if (op.kind === 'renameHeader') sheet.getRange(1, Math.min(op.at, sheet.getLastColumn())).setValue(`'Renamed ${op.at}`);
          if (op.kind === 'renameSheet') sheet.setName(`${sheet.getName()} (ours)`);
        }
        const before = new Map(double.inspect.sheetNames().map((name) => [name, double.inspect.values(name)]));
        const report = setUpWorkbook();
        expect(report.createdSheets).toEqual([]);
        expect(report.addedColumns).toEqual([]);
        for (const [name, values] of before) {
          if (name === 'Dashboard') continue;
          const after = double.inspect.values(name);
          values.forEach((row, r) => row.forEach((cell, c) => expect(after[r][c], `${name} ${r + 1},${c + 1}`).toEqual(cell)));
        }
        // Everything is still found where it now is.
        for (const table of TABLES) expect(() => locateTable(double.spreadsheet, table)).not.toThrow();
        expect(double.inspect.values(locateTable(double.spreadsheet, COMMITMENTS).sheet.getName()).flat()).toContain('Send the report');
      }),
      { numRuns: 25 },
    );
  });

  it('recreates a deleted sheet empty and re-adds a deleted column at the end, data untouched', () => {
    const double = createAppsScriptDouble();
    uninstall = double.install(globalThis);
    seed(double);
    double.spreadsheet.deleteSheet(double.spreadsheet.getSheetByName('Disclosure Ledger')!);
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    log.deleteColumn(12); // Recovery plan
    const before = double.inspect.values('Shared Commitments Log');
    const report = setUpWorkbook();
    expect(report.createdSheets).toEqual(['Disclosure Ledger']);
    expect(report.addedColumns).toEqual(['Shared Commitments Log: Recovery plan']);
    const after = double.inspect.values('Shared Commitments Log');
    before.forEach((row, r) => row.forEach((cell, c) => expect(after[r][c]).toEqual(cell)));
    expect(after[0][after[0].length - 1]).toBe('Recovery plan');
  });

  it('names the sheet and column and how to repair when something cannot be found', () => {
    const double = createAppsScriptDouble();
    uninstall = double.install(globalThis);
    seed(double);
    double.spreadsheet.getSheetByName('Shared Commitments Log')!.deleteColumn(7);
    expect(() => locateTable(double.spreadsheet, COMMITMENTS)).toThrow(
      'The sheet "Shared Commitments Log" has no "Due date" column. Run Extensions → Trust Corners → Repair workbook to restore it.',
    );
  });
});
