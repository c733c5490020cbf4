import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { setUpWorkbook } from '../../src/workbook/setup';
import { COMMITMENTS, TABLES } from '../../src/workbook/templates';
import { METADATA_SHEET_KEY, METADATA_COLUMN_KEY } from '../../src/workbook/property-keys';

let double: AppsScriptDouble;
let uninstall: () => void;

beforeEach(() => {
  double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
});
afterEach(() => uninstall());

describe('Set up partnership workbook on an empty spreadsheet', () => {
  it('creates every sheet with its headers, frozen and bold', () => {
    const report = setUpWorkbook();
    expect(report.createdSheets).toEqual(expect.arrayContaining(['Dashboard', ...TABLES.map((t) => t.title)]));
    for (const table of TABLES) {
      const header = double.inspect.values(table.title)[0];
      expect(header.slice(0, table.columns.length)).toEqual(table.columns.map((c) => c.header));
      const sheet = double.spreadsheet.getSheetByName(table.title)!;
      expect(sheet.getFrozenRows()).toBe(1);
      expect(double.inspect.cell(table.title, 'A1').fontWeight).toBe('bold');
    }
  });

  it('marks every sheet and column with developer metadata', () => {
    setUpWorkbook();
    const metadata = double.inspect.metadata();
    for (const table of TABLES) {
      expect(metadata.filter((m) => m.key === METADATA_SHEET_KEY && m.value === table.key)).toHaveLength(1);
      for (const column of table.columns) {
        expect(metadata.filter((m) => m.key === METADATA_COLUMN_KEY && m.value === `${table.key}.${column.key}`), column.key).toHaveLength(1);
      }
    }
  });

  it('adds dropdowns, rating and date validation, formats, protections and highlights', () => {
    setUpWorkbook();
    const cell = (sheet: string, a1: string) => double.inspect.cell(sheet, a1);
    expect(cell('Shared Commitments Log', 'H2').validation?.criteria).toBe('VALUE_IN_LIST');
    expect(cell('Shared Commitments Log', 'H2').validation?.values[0]).toEqual(['Proposed', 'Open', 'At risk', 'Done', 'Missed', 'Renegotiated', 'Dropped', 'Declined', 'Withdrawn']);
    expect(cell('Shared Commitments Log', 'C2').validation?.criteria).toBe('VALUE_IN_RANGE');
    expect(cell('Assessments', 'F2').validation).toMatchObject({ criteria: 'NUMBER_BETWEEN', values: [1, 10], allowInvalid: false });
    expect(cell('Shared Commitments Log', 'G2').numberFormat).toBe('yyyy-mm-dd');
    expect(cell('Shared Commitments Log', 'B2').numberFormat).not.toBe('@');
    const protections = double.inspect.protections();
    for (const table of TABLES) {
      const ours = protections.filter((p) => p.sheet === table.title && p.description?.startsWith('Trust Corners:'));
      expect(ours, table.title).toHaveLength(1);
      expect(ours[0].warningOnly).toBe(true);
    }
    const rules = double.inspect.conditionalFormats(COMMITMENTS.title);
    expect(rules).toHaveLength(2);
    expect(double.inspect.charts('Dashboard')).toHaveLength(5);
  });

  it('removes the new spreadsheet\'s empty Sheet1, but never one with content', () => {
    expect(double.inspect.sheetNames()).toContain('Sheet1');
    setUpWorkbook();
    expect(double.inspect.sheetNames()).not.toContain('Sheet1');

    uninstall();
    double = createAppsScriptDouble();
    uninstall = double.install(globalThis);
    double.spreadsheet.getSheetByName('Sheet1')!.getRange('C3').setValue('notes');
    setUpWorkbook();
    expect(double.inspect.values('Sheet1')[2][2]).toBe('notes');
  });

  it('is idempotent: a second run creates nothing and adds no duplicate rules', () => {
    setUpWorkbook();
    const before = { metadata: double.inspect.metadata().length, protections: double.inspect.protections().length };
    const report = setUpWorkbook();
    expect(report).toEqual({ createdSheets: [], addedColumns: [], adoptedColumns: [], givenIds: [] });
    expect(double.inspect.metadata().length).toBe(before.metadata);
    expect(double.inspect.protections().length).toBe(before.protections);
    expect(double.inspect.conditionalFormats(COMMITMENTS.title)).toHaveLength(2);
    expect(double.inspect.charts('Dashboard')).toHaveLength(5);
  });
});
