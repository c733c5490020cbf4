import { describe, it, expect, beforeEach } from 'vitest';
import vm from 'node:vm';
import { createAppsScriptDouble, LOCK_TIMEOUT_MESSAGE, type AppsScriptDouble, type FormulaEvaluator } from '../runtime/apps-script';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOW = () => new Date('2026-06-15T12:00:00Z');

function setup(opts: Parameters<typeof createAppsScriptDouble>[0] = {}): { d: AppsScriptDouble; sheet: Sheet; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const d = createAppsScriptDouble({ now: NOW, ...opts });
  const ss = d.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { d, ss, sheet: ss.getSheets()[0]! };
}

function typed(sheet: Sheet, input: string): { value: unknown; formula: string } {
  const cell = sheet.getRange('A1');
  cell.setValue(input);
  return { value: cell.getValue(), formula: cell.getFormula() };
}

describe('typing rules of setValue(s)', () => {
  const { sheet } = setup({ timeZone: 'Europe/Berlin' });

  it('a leading apostrophe marks text and is not part of the value', () => {
    expect(typed(sheet, "'=1+2")).toEqual({ value: '=1+2', formula: '' });
    expect(typed(sheet, "'00123")).toEqual({ value: '00123', formula: '' });
    expect(typed(sheet, "''quoted")).toEqual({ value: "'quoted", formula: '' });
  });

  it('= starts a formula; without an evaluator it reads as empty', () => {
    expect(typed(sheet, '=1+2')).toEqual({ value: '', formula: '=1+2' });
  });

  it('+, - and @ before a non-number make a formula', () => {
    expect(typed(sheet, '+cmd')).toEqual({ value: '', formula: '=+cmd' });
    expect(typed(sheet, '-2+3')).toEqual({ value: '', formula: '=-2+3' });
    expect(typed(sheet, '@SUM(1)')).toEqual({ value: '', formula: '=@SUM(1)' });
    // '@' before a plain name is a mention in Sheets: text.
    expect(typed(sheet, '@ana')).toEqual({ value: '@ana', formula: '' });
    expect(typed(sheet, '@ana.silva@acme.example')).toEqual({ value: '@ana.silva@acme.example', formula: '' });
    expect(typed(sheet, '@ana+1').formula).toBe('=@ana+1');
    expect(typed(sheet, '- buy milk').formula).toBe('=- buy milk');
    expect(typed(sheet, '-')).toEqual({ value: '-', formula: '' });
  });

  it('whitespace or control characters do not hide a formula (strict)', () => {
    expect(typed(sheet, '\t=1').formula).toBe('=1');
    expect(typed(sheet, '\n=1').formula).toBe('=1');
    expect(typed(sheet, '  =HYPERLINK("x")').formula).toBe('=HYPERLINK("x")');
    expect(typed(sheet, '\r+1+1').formula).toBe('=+1+1');
  });

  it('plain signed numbers stay numbers', () => {
    expect(typed(sheet, '-5')).toEqual({ value: -5, formula: '' });
    expect(typed(sheet, '+5')).toEqual({ value: 5, formula: '' });
  });

  it('numeric text becomes a number', () => {
    expect(typed(sheet, '00123').value).toBe(123);
    expect(typed(sheet, '1,234.5').value).toBe(1234.5);
    expect(typed(sheet, '12%').value).toBeCloseTo(0.12, 12);
    expect(typed(sheet, '$5').value).toBe(5);
    expect(typed(sheet, '-$5').value).toBe(-5);
    expect(typed(sheet, '1e3').value).toBe(1000);
    expect(typed(sheet, ' 42 ').value).toBe(42);
    expect(typed(sheet, '.5').value).toBe(0.5);
  });

  it('TRUE/FALSE in any case become booleans', () => {
    expect(typed(sheet, 'TRUE').value).toBe(true);
    expect(typed(sheet, 'false').value).toBe(false);
    expect(typed(sheet, 'True').value).toBe(true);
  });

  it('dates become Dates at midnight in the spreadsheet time zone', () => {
    // Europe/Berlin is UTC+1 in March, UTC+2 in summer.
    expect((typed(sheet, '2026-03-01').value as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect((typed(sheet, '3/1/2026').value as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect((typed(sheet, '1/2').value as Date).toISOString()).toBe('2026-01-01T23:00:00.000Z');
    expect((typed(sheet, 'Mar 1').value as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect((typed(sheet, '1 Mar 2026').value as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect((typed(sheet, '2026-07-01').value as Date).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect((typed(sheet, '10:30').value as Date).getTime()).toBe(Date.UTC(1899, 11, 30, 10, 30) - 3600_000);
    expect(typed(sheet, '2/30/2026').value).toBe('2/30/2026');
  });

  it('anything else stays an untouched string', () => {
    for (const s of ['hello', ' padded text ', '1,23', 'Mayday', 'N/A', '', 'a=b']) {
      expect(typed(sheet, s)).toEqual({ value: s, formula: '' });
    }
  });

  it('JS numbers, booleans and Dates are stored as they are; null and undefined write blank', () => {
    const r = sheet.getRange('A1:E1');
    const when = new Date('2026-01-05T10:00:00Z');
    r.setValues([[3.5, true, when, null, undefined]]);
    const [row] = r.getValues();
    expect(row).toEqual([3.5, true, when, '', '']);
    expect(row![2]).not.toBe(when);
  });

  it('objects, arrays and functions as cell values throw, leaving the range untouched', () => {
    const r = sheet.getRange('A1:B1');
    r.setValues([['keep', 'keep']]);
    expect(() => r.setValues([['x', { a: 1 }]] as unknown as string[][])).toThrow(/Cannot write a value of type object/);
    expect(() => sheet.getRange('A1').setValue(() => 1)).toThrow(/function/);
    expect(() => sheet.getRange('A1').setValue([1])).toThrow();
    expect(r.getValues()).toEqual([['keep', 'keep']]);
  });

  it('returned values are copies', () => {
    const r = sheet.getRange('A1:B1');
    r.setValues([['a', new Date('2026-01-01T00:00:00Z')]]);
    const v = r.getValues();
    v[0]![0] = 'changed';
    (v[0]![1] as Date).setFullYear(1999);
    expect(r.getValues()[0]![0]).toBe('a');
    expect((r.getValues()[0]![1] as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('a plain-text number format (@) keeps strings as typed', () => {
    const { sheet: s } = setup();
    const r = s.getRange('A1:C1').setNumberFormat('@');
    r.setValues([['00123', '=1+2', "'quoted"]]);
    expect(r.getValues()).toEqual([['00123', '=1+2', 'quoted']]);
    expect(r.getFormulas()).toEqual([['', '', '']]);
  });

  it('appendRow parses like typing too', () => {
    const { sheet: s } = setup();
    s.appendRow(['=1+1', "'=1+1", '007']);
    expect(s.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(s.getRange('A1:C1').getValues()).toEqual([['', '=1+1', 7]]);
  });
});

describe('formula evaluation hook', () => {
  /** A toy engine: '=N*M' multiplies, '=SEQ(n)' spills n rows down. */
  function toyEvaluator(): FormulaEvaluator & { runs: number } {
    return {
      runs: 0,
      evaluate(contents) {
        this.runs++;
        const out = new Map();
        for (const s of contents.sheets) {
          const grid = s.values.map((row) => [...row]);
          s.formulas.forEach((row, r) =>
            row.forEach((f, c) => {
              const mul = /^=(\d+)\*(\d+)$/.exec(f);
              const seq = /^=SEQ\((\d+)\)$/.exec(f);
              if (mul) grid[r]![c] = Number(mul[1]) * Number(mul[2]);
              else if (seq) for (let i = 0; i < Number(seq[1]); i++) (grid[r + i] ??= [])[c] = i + 1;
              else if (f) grid[r]![c] = '#NAME?';
            }),
          );
          out.set(s.name, grid);
        }
        return out;
      },
    };
  }

  it('evaluates lazily, once per revision, and spills array results', () => {
    const ev = toyEvaluator();
    const { sheet } = setup({ formulaEvaluator: ev });
    sheet.getRange('A1:B1').setValues([['=6*7', 'text']]);
    expect(ev.runs).toBe(0);
    expect(sheet.getRange('B1').getValue()).toBe('text');
    expect(ev.runs).toBe(0); // a literal cell needs no engine
    expect(sheet.getRange('B2').getValue()).toBe('');
    expect(ev.runs).toBe(1); // an empty cell might receive a spill once the workbook has formulas
    expect(sheet.getRange('A1').getValue()).toBe(42);
    expect(ev.runs).toBe(1);
    sheet.getRange('C1').setValue('=SEQ(3)');
    expect(sheet.getRange('C1:C4').getValues()).toEqual([[1], [2], [3], ['']]);
    expect(ev.runs).toBe(2);
    expect(sheet.getRange('C2').getFormula()).toBe('');
  });

  it('does not run the evaluator when no formula exists', () => {
    const ev = toyEvaluator();
    const { sheet } = setup({ formulaEvaluator: ev });
    sheet.getRange('A1').setValue('plain');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['plain', ''], ['', '']]);
    expect(ev.runs).toBe(0);
  });
});

describe('strict errors', () => {
  const { sheet, ss } = setup();

  it('setValues checks dimensions with Apps Script wording', () => {
    const r = sheet.getRange(1, 1, 2, 3);
    expect(() => r.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2, 3], [1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => r.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValues/);
    expect(() => r.setValues('x' as unknown as unknown[][])).toThrow(/method signature/);
  });

  it('getRange checks bounds with Apps Script wording', () => {
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1:AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange(1.5, 1)).toThrow(/whole number/);
  });

  it('A1 notation covers cells, whole columns, open-ended columns and whole rows', () => {
    const col = sheet.getRange('C:C');
    expect([col.getRow(), col.getColumn(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 3, 1000, 1]);
    expect(col.getA1Notation()).toBe('C:C');
    const open = sheet.getRange('C2:F');
    expect([open.getRow(), open.getColumn(), open.getNumRows(), open.getNumColumns()]).toEqual([2, 3, 999, 4]);
    const rows = sheet.getRange('2:3');
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual([2, 2, 26]);
    expect(rows.getA1Notation()).toBe('2:3');
    expect(sheet.getRange('$B$2:C4').getA1Notation()).toBe('B2:C4');
    expect(ss.getRange(`'${sheet.getName()}'!B2`).getA1Notation()).toBe('B2');
  });

  it('sheet names are unique and the last sheet cannot be deleted', () => {
    const { ss: s2 } = setup();
    s2.insertSheet('Log');
    expect(() => s2.insertSheet('Log')).toThrow('A sheet with the name "Log" already exists. Please enter another name.');
    expect(() => s2.getSheets()[0]!.setName('Log')).toThrow('A sheet with the name "Log" already exists. Please enter another name.');
    s2.deleteSheet(s2.getSheetByName('Log')!);
    expect(() => s2.deleteSheet(s2.getSheets()[0]!)).toThrow("You can't remove all the sheets in a document.");
  });

  it('enum arguments must be enum members, not strings', () => {
    expect(() => ss.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType)).toThrow(/method signature/);
  });

  it('a deleted sheet cannot be used', () => {
    const { ss: s2 } = setup();
    const tmp = s2.insertSheet('Tmp');
    s2.deleteSheet(tmp);
    expect(() => tmp.getRange('A1')).toThrow('This sheet has been deleted.');
  });
});

describe('grid size', () => {
  it('new sheets are 1000 x 26; getLastRow/Column follow content', () => {
    const { ss } = setup();
    const s = ss.insertSheet('New');
    expect([s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn()]).toEqual([1000, 26, 0, 0]);
    s.getRange('C5').setValue('=1');
    s.getRange('B7').setValue('x');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([7, 3]);
    expect(s.getDataRange().getA1Notation()).toBe('A1:C7');
    expect(ss.getActiveSheet().getName()).toBe('New');
  });

  it('appendRow writes after the last row and grows the grid', () => {
    const { sheet } = setup();
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['c', 2, 3]);
    expect(sheet.getMaxRows()).toBe(3);
    const wide = new Array(30).fill('w');
    sheet.appendRow(wide);
    expect(sheet.getMaxRows()).toBe(4);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1, 1, 4, 1).getValues()).toEqual([['a'], ['b'], ['c'], ['w']]);
  });

  it('insertRowsAfter and insertColumnsAfter grow the grid; deleting all rows is refused', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 5).insertColumnsAfter(26, 2);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1005, 28]);
    expect(() => sheet.deleteRows(1, 1005)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(1000, 10)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 1004)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('inserting and deleting rows and columns shifts what is anchored to the grid', () => {
  let d: AppsScriptDouble;
  let sheet: Sheet;
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  beforeEach(() => {
    ({ d, sheet, ss } = setup());
    sheet.getRange('A1:C3').setValues([
      ['h1', 'h2', 'h3'],
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    sheet.getRange('B2').setNote('note on b');
    const rule = d.globals.SpreadsheetApp.newDataValidation().requireValueInList(['b', 'e']).build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    sheet.getRange('B:B').addDeveloperMetadata('col', 'status');
    sheet.getRange('3:3').addDeveloperMetadata('row', 'third');
    ss.setNamedRange('Body', sheet.getRange('A2:C3'));
    sheet.getRange('A3:C3').protect().setDescription('row 3');
  });

  it('insertRowsBefore moves values, notes, validations, row metadata, named ranges and protections down', () => {
    sheet.insertRowsBefore(2, 2);
    expect(d.inspect.values(sheet.getName())).toEqual([
      ['h1', 'h2', 'h3'],
      ['', '', ''],
      ['', '', ''],
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(sheet.getRange('B4').getNote()).toBe('note on b');
    expect(d.inspect.validations(sheet.getName()).map((v) => v.a1)).toEqual(['B4', 'B5']);
    const row = d.inspect.metadata().find((m) => m.key === 'row')!;
    expect(row.location).toMatchObject({ type: 'ROW', start: 5, count: 1 });
    expect(d.inspect.namedRanges()).toEqual([{ name: 'Body', range: `${sheet.getName()}!A4:C5` }]);
    expect(d.inspect.protections()[0]!.range).toBe(`${sheet.getName()}!A5:C5`);
    expect(sheet.getMaxRows()).toBe(1002);
  });

  it('deleteRow removes the row, its metadata, and shrinks ranges', () => {
    sheet.deleteRow(3);
    expect(d.inspect.values(sheet.getName())).toEqual([
      ['h1', 'h2', 'h3'],
      ['a', 'b', 'c'],
    ]);
    expect(d.inspect.metadata().map((m) => m.key)).toEqual(['col']);
    expect(d.inspect.namedRanges()[0]!.range).toBe(`${sheet.getName()}!A2:C2`);
    expect(d.inspect.protections()).toEqual([]); // its whole range was deleted
    expect(d.inspect.validations(sheet.getName()).map((v) => v.a1)).toEqual(['B2']);
  });

  it('insertColumnBefore moves column metadata with its column', () => {
    sheet.insertColumnBefore(1);
    const col = d.inspect.metadata().find((m) => m.key === 'col')!;
    expect(col.location).toMatchObject({ type: 'COLUMN', start: 3, a1: 'C:C' });
    expect(sheet.getRange('C2').getValue()).toBe('b');
    expect(sheet.getRange('C2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['b', 'e']);
    const found = sheet.createDeveloperMetadataFinder().withKey('col').find();
    expect(found[0]!.getLocation().getColumn()!.getA1Notation()).toBe('C:C');
  });

  it('deleteColumn deletes the metadata on that column', () => {
    sheet.deleteColumn(2);
    expect(d.inspect.metadata().map((m) => m.key)).toEqual(['row']);
    expect(d.inspect.values(sheet.getName())).toEqual([
      ['h1', 'h3'],
      ['a', 'c'],
      ['d', 'f'],
    ]);
    expect(d.inspect.validations(sheet.getName())).toEqual([]);
    expect(d.inspect.namedRanges()[0]!.range).toBe(`${sheet.getName()}!A2:B3`);
  });

  it('conditional format ranges shift and shrink', () => {
    const SA = d.globals.SpreadsheetApp;
    const rule = SA.newConditionalFormatRule().whenTextEqualTo('x').setBackground('#ff0000').setRanges([sheet.getRange('B2:B10')]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowBefore(1);
    sheet.deleteRows(5, 3);
    expect(d.inspect.conditionalFormats(sheet.getName())[0]!.ranges).toEqual([`${sheet.getName()}!B3:B8`]);
  });
});

describe('developer metadata', () => {
  it('lives only on the spreadsheet, sheets, whole rows or whole columns', () => {
    const { d, sheet, ss } = setup();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).toThrow(/arbitrary ranges is not currently supported/);
    expect(() => sheet.getRange('C2:C').addDeveloperMetadata('k')).toThrow(/arbitrary ranges/);
    const V = d.globals.SpreadsheetApp.DeveloperMetadataVisibility;
    const L = d.globals.SpreadsheetApp.DeveloperMetadataLocationType;
    ss.addDeveloperMetadata('schema', '3');
    sheet.addDeveloperMetadata('table', 'commitments', V.PROJECT);
    sheet.getRange('D:D').addDeveloperMetadata('column', 'owner');
    sheet.getRange('E:E').addDeveloperMetadata('column', 'due');
    sheet.getRange('5:5').addDeveloperMetadata('flag');

    expect(ss.createDeveloperMetadataFinder().withKey('column').find().map((m) => m.getValue())).toEqual(['owner', 'due']);
    expect(ss.createDeveloperMetadataFinder().withLocationType(L.SHEET).find()[0]!.getVisibility()).toBe(V.PROJECT);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['schema']);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['table']);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(4);
    // Range scope: only metadata wholly inside the range.
    expect(sheet.getRange('A1:Y10').createDeveloperMetadataFinder().find()).toHaveLength(0);
    expect(sheet.getRange('D:E').createDeveloperMetadataFinder().withValue('due').find()).toHaveLength(1);
    expect(sheet.getRange('1:10').getDeveloperMetadata().map((m) => m.getKey())).toEqual(['flag']);

    const [due] = ss.createDeveloperMetadataFinder().withKey('column').withValue('due').find();
    expect(due!.getValue()).toBe('due');
    expect(ss.createDeveloperMetadataFinder().withId(due!.getId()).find()).toHaveLength(1);
    const loc = due!.getLocation();
    expect(loc.getLocationType()).toBe(L.COLUMN);
    expect(loc.getColumn()!.getColumn()).toBe(5);
    expect(loc.getSheet()).toBeNull();
    due!.moveToColumn(sheet.getRange('H:H'));
    expect(due!.getLocation().getColumn()!.getA1Notation()).toBe('H:H');
    due!.setValue('due date');
    expect(d.inspect.metadata().find((m) => m.value === 'due date')!.location).toMatchObject({ a1: 'H:H' });
    due!.remove();
    expect(() => due!.getKey()).toThrow(/removed/);
    expect(ss.getSheetByName(sheet.getName())!.getDeveloperMetadata()[0]!.getLocation().getSheet()!.getName()).toBe(sheet.getName());
  });

  it('deleting a sheet deletes its metadata', () => {
    const { d, ss } = setup();
    const s = ss.insertSheet('Gone');
    s.addDeveloperMetadata('k');
    s.getRange('A:A').addDeveloperMetadata('k2');
    ss.deleteSheet(s);
    expect(d.inspect.metadata()).toEqual([]);
  });
});

describe('protections', () => {
  it('records editors, warning-only, and blocks writes by non-editors', () => {
    const { d, sheet, ss } = setup({ activeUserEmail: 'ana@acme.example' });
    d.setActiveUser('ben@partner.example'); // ben opened the file: an editor of the spreadsheet
    d.setActiveUser('ana@acme.example');
    const p = sheet.getRange('A1:B2').protect().setDescription('Ana only');
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['ana@acme.example', 'ben@partner.example']);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['ana@acme.example']); // owner stays
    expect(p.getProtectionType()).toBe(d.globals.SpreadsheetApp.ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
    expect(ss.getProtections(d.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);

    d.setActiveUser('ben@partner.example');
    expect(p.canEdit()).toBe(false);
    expect(() => sheet.getRange('B2').setValue('x')).toThrow(/You are trying to edit a protected cell or object/);
    sheet.getRange('C3').setValue('fine'); // outside the protection
    p.setWarningOnly(true);
    expect(p.canEdit()).toBe(true);
    sheet.getRange('B2').setValue('ok now');

    d.setActiveUser('ana@acme.example');
    const sp = sheet.protect();
    expect(sheet.protect().getProtectionType()).toBe(d.globals.SpreadsheetApp.ProtectionType.SHEET);
    sp.removeEditor('ben@partner.example').setUnprotectedRanges([sheet.getRange('D:D')]);
    d.setActiveUser('ben@partner.example');
    sheet.getRange('D5').setValue('unprotected column');
    expect(() => sheet.appendRow(['x'])).toThrow(/protected/);
    d.setActiveUser('ana@acme.example');
    sp.remove();
    expect(d.inspect.protections().map((x) => x.type)).toEqual(['RANGE']);
  });
});

describe('LockService', () => {
  it('tryLock/waitLock/hasLock/releaseLock with contention controlled by the test', () => {
    const { d } = setup();
    const { LockService } = d.globals;
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);

    d.lock.holdByOther();
    expect(LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(() => LockService.getDocumentLock().waitLock(5000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    // The script lock is a different lock.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    d.lock.release();
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    d.lock.endExecution();

    d.lock.failNext(2);
    const l2 = LockService.getDocumentLock();
    expect([l2.tryLock(10), l2.tryLock(10), l2.tryLock(10)]).toEqual([false, false, true]);
    expect(() => (LockService.getDocumentLock().tryLock as (x?: unknown) => boolean)()).toThrow(/method signature/);
  });
});

describe('PropertiesService', () => {
  it('user properties are per user; document and script properties are shared', () => {
    const { d } = setup();
    const { PropertiesService } = d.globals;
    PropertiesService.getUserProperties().setProperty('pref', 'ana');
    PropertiesService.getDocumentProperties().setProperty('shared', 'yes');
    d.setActiveUser('ben@partner.example');
    expect(PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
    expect(PropertiesService.getDocumentProperties().getProperty('shared')).toBe('yes');
    PropertiesService.getUserProperties().setProperties({ pref: 'ben', n: 3 as unknown as string });
    expect(PropertiesService.getUserProperties().getProperties()).toEqual({ pref: 'ben', n: '3' });
    d.setActiveUser('ana@acme.example');
    expect(PropertiesService.getUserProperties().getProperty('pref')).toBe('ana');
    expect(d.inspect.properties('user', 'ben@partner.example')).toEqual({ pref: 'ben', n: '3' });
  });

  it('stores strings and enforces size limits', () => {
    const { d } = setup();
    const props = d.globals.PropertiesService.getScriptProperties();
    props.setProperty('flag', true as unknown as string);
    expect(props.getProperty('flag')).toBe('true');
    expect(() => props.setProperty('obj', { a: 1 } as unknown as string)).toThrow('Invalid argument: value');
    props.setProperty('at-limit', 'x'.repeat(8 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(8 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('big', 'é'.repeat(4 * 1024 + 1))).toThrow('Argument too large: value'); // bytes, not characters
    props.deleteProperty('at-limit');
    for (let i = 0; i < 63; i++) props.setProperty(`k${i}`, 'y'.repeat(8000)); // 500 KB = 512,000 bytes
    expect(() => props.setProperty('k-last', 'y'.repeat(8000))).toThrow(/property storage quota/);
    expect(props.getKeys()).toHaveLength(64);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });
});

describe('Session and Utilities', () => {
  it('an empty active-user email is possible; the temporary key is stable per user', () => {
    const { d } = setup({ activeUserEmail: '' });
    expect(d.globals.Session.getActiveUser().getEmail()).toBe('');
    const k = d.globals.Session.getTemporaryActiveUserKey();
    expect(d.globals.Session.getTemporaryActiveUserKey()).toBe(k);
    d.setActiveUser('x@y.example');
    expect(d.globals.Session.getTemporaryActiveUserKey()).not.toBe(k);
  });

  it('formatDate handles time zones and SimpleDateFormat letters', () => {
    const { d } = setup();
    const U = d.globals.Utilities;
    const when = new Date('2026-03-29T00:30:00Z'); // Europe/Berlin switches to summer time at 01:00 UTC
    expect(U.formatDate(when, 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss EEE MMM')).toBe('2026-03-29 01:30:00 Sun Mar');
    expect(U.formatDate(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin', "HH:mm 'o''clock' XXX")).toBe("03:30 o'clock +02:00");
    expect(U.formatDate(when, 'America/New_York', 'MM/dd/yy h:mm a')).toBe('03/28/26 8:30 PM');
    expect(() => U.formatDate('2026' as unknown as Date, 'Etc/UTC', 'yyyy')).toThrow(/method signature/);
    expect(U.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    U.sleep(1500);
    expect(d.inspect.sleptMs()).toBe(1500);
    expect(U.formatString('%s has %d items (%.1f%%)', 'list', 3, 42.25)).toBe('list has 3 items (42.3%)');
  });
});

describe('call counting', () => {
  it('counts every service call by Class.method', () => {
    const { d } = setup();
    d.calls.reset();
    const ss = d.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    d.globals.LockService.getDocumentLock().tryLock(10);
    d.globals.PropertiesService.getUserProperties().getProperty('x');
    d.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    expect(d.calls.byMethod()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireCheckbox': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Properties.getProperty': 1,
      'PropertiesService.getUserProperties': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
    expect(d.calls.total()).toBe(11);
  });

  it('a batched read costs the same for 10 rows and 10,000 rows', () => {
    const cost = (rows: number) => {
      const { d, sheet } = setup();
      sheet.insertRowsAfter(1000, 10_000);
      sheet.getRange(1, 1, rows, 3).setValues(Array.from({ length: rows }, (_, i) => [i, `r${i}`, i % 2 === 0]));
      d.calls.reset();
      const values = sheet.getRange(1, 1, sheet.getLastRow(), 3).getValues();
      expect(values).toHaveLength(rows);
      return d.calls.byMethod();
    };
    expect(cost(10_000)).toEqual(cost(10));
  });

  it('inspect helpers and internal calls are not counted', () => {
    const { d, sheet } = setup();
    sheet.getRange('A1').setValue('x');
    d.calls.reset();
    d.inspect.values('Sheet1');
    d.inspect.metadata();
    expect(d.calls.total()).toBe(0);
    sheet.clear();
    sheet.getRange('A1').getValue();
    expect(d.calls.byMethod()).toEqual({ 'Sheet.clear': 1, 'Sheet.getRange': 1, 'Range.getValue': 1 });
  });
});

describe('snapshot and restore', () => {
  it('round-trips the whole workbook through JSON, Dates included', () => {
    const { d, sheet, ss } = setup({ timeZone: 'America/New_York' });
    const SA = d.globals.SpreadsheetApp;
    sheet.getRange('A1:C2').setValues([
      ['When', 'Score', 'Formula'],
      [new Date('2026-02-03T15:04:05Z'), 4.5, '=B2*2'],
    ]);
    sheet.getRange('A2').setNumberFormat('yyyy-mm-dd').setNote('a note');
    sheet.getRange('B2:B').setDataValidation(SA.newDataValidation().requireNumberBetween(0, 5).setAllowInvalid(false).build());
    sheet.getRange('C:C').addDeveloperMetadata('col', 'formula');
    sheet.getRange('A1:C1').protect().setDescription('header');
    ss.setNamedRange('Scores', sheet.getRange('B2:B'));
    sheet.setConditionalFormatRules([SA.newConditionalFormatRule().whenNumberLessThanOrEqualTo(2).setBackground('#f4cccc').setRanges([sheet.getRange('B2:B')]).build()]);
    const chart = sheet.newChart().setChartType(d.globals.Charts.ChartType.LINE).addRange(sheet.getRange('A1:B2')).setPosition(5, 5, 0, 0).setOption('title', 'Trend').build();
    sheet.insertChart(chart);
    sheet.setFrozenRows(1);
    d.globals.PropertiesService.getDocumentProperties().setProperty('schema', '1');
    d.globals.PropertiesService.getUserProperties().setProperty('pref', 'a');

    const json = JSON.stringify(d.snapshot());
    const other = createAppsScriptDouble({ now: NOW });
    other.restore(json);

    expect(other.inspect.values('Sheet1')).toEqual(d.inspect.values('Sheet1'));
    const restoredDate = other.inspect.values('Sheet1')[1]![0];
    expect(restoredDate).toBeInstanceOf(Date);
    expect((restoredDate as Date).toISOString()).toBe('2026-02-03T15:04:05.000Z');
    expect(other.inspect.formulas('Sheet1')[1]![2]).toBe('=B2*2');
    expect(other.inspect.cell('Sheet1', 'A2')).toMatchObject({ numberFormat: 'yyyy-mm-dd', note: 'a note' });
    expect(other.inspect.validations('Sheet1')).toHaveLength(999);
    for (const key of ['metadata', 'protections', 'namedRanges', 'charts', 'menus'] as const) {
      expect(other.inspect[key]()).toEqual(d.inspect[key]());
    }
    expect(other.inspect.conditionalFormats('Sheet1')).toEqual(d.inspect.conditionalFormats('Sheet1'));
    expect(other.inspect.sheet('Sheet1')).toEqual(d.inspect.sheet('Sheet1'));
    expect(other.inspect.properties('document')).toEqual({ schema: '1' });
    expect(other.inspect.properties('user', 'ana@acme.example')).toEqual({ pref: 'a' });
    expect(other.inspect.timeZone()).toBe('America/New_York');
    // The restored workbook is live through the API.
    const s2 = other.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    expect(s2.getRange('A2').getDisplayValue()).toBe('2026-02-03');
    expect(s2.getCharts()[0]!.getOptions().get('title')).toBe('Trend');
    expect(JSON.stringify(other.snapshot())).toBe(json);
  });

  it('rejects foreign JSON', () => {
    const { d } = setup();
    expect(() => d.restore('{"format":"other"}')).toThrow(/Not an Apps Script double snapshot/);
  });
});

describe('validation, conditional formats, charts', () => {
  it('data validation rules read back as in Apps Script; script writes may break them', () => {
    const { d, sheet } = setup();
    const SA = d.globals.SpreadsheetApp;
    const rule = SA.newDataValidation().requireValueInList(['Yes', 'No'], false).setHelpText('pick').build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    const got = sheet.getRange('A2').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(SA.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['Yes', 'No'], false]);
    expect(got.getAllowInvalid()).toBe(true);
    expect(got.getHelpText()).toBe('pick');
    expect(got.copy().requireCheckbox().build().getCriteriaType()).toBe(SA.DataValidationCriteria.CHECKBOX);
    sheet.getRange('A1:A2').setValues([['Yes'], ['Maybe']]);
    expect(d.inspect.invalidCells('Sheet1')).toEqual(['A2']);
    expect(() => SA.newDataValidation().requireValueInList([1, 2] as unknown as string[])).toThrow(/Pass strings/);
    const inRange = SA.newDataValidation().requireValueInRange(sheet.getRange('D1:D5')).build();
    expect((inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('D1:D5');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    sheet.getRange('A1:A3').clearDataValidations();
    expect(d.inspect.validations('Sheet1')).toEqual([]);
    sheet.getRange('E1:E2').insertCheckboxes();
    expect(sheet.getRange('E1:E2').getValues()).toEqual([[false], [false]]);
  });

  it('conditional format rules expose their condition and ranges', () => {
    const { d, sheet } = setup();
    const SA = d.globals.SpreadsheetApp;
    const rule = SA.newConditionalFormatRule()
      .whenFormulaSatisfied('=$B1<3')
      .setBackground('#FCE8E6')
      .setFontColor('#a50e0e')
      .setBold(true)
      .setRanges([sheet.getRange('A1:C10')])
      .build();
    sheet.setConditionalFormatRules([rule, rule.copy().whenNumberBetween(1, 2).build()]);
    const [first, second] = sheet.getConditionalFormatRules();
    const cond = first!.getBooleanCondition()!;
    expect(cond.getCriteriaType()).toBe(SA.BooleanCriteria.CUSTOM_FORMULA);
    expect(cond.getCriteriaValues()).toEqual(['=$B1<3']);
    const withObject = cond as unknown as { getBackgroundObject(): { asRgbColor(): { asHexString(): string } } };
    expect(withObject.getBackgroundObject().asRgbColor().asHexString()).toBe('#fce8e6');
    expect(cond.getBackground()).toBe('#FCE8E6');
    expect(cond.getBold()).toBe(true);
    expect(first!.getRanges()[0]!.getA1Notation()).toBe('A1:C10');
    expect(second!.getBooleanCondition()!.getCriteriaValues()).toEqual([1, 2]);
    const other = d.spreadsheet.insertSheet('Other');
    expect(() => other.setConditionalFormatRules([rule])).toThrow(/must be on the sheet/);
  });

  it('charts are built, inserted, modified and removed', () => {
    const { d, sheet } = setup();
    const C = d.globals.Charts;
    expect(Object.keys(C.ChartType)).toContain('RADAR');
    const built = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B5')).setNumHeaders(1).setOption('legend', { position: 'none' }).build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    expect(chart!.getChartId()).toEqual(expect.any(Number));
    expect(chart!.getRanges()[0]!.getA1Notation()).toBe('A1:B5');
    expect(chart!.getOptions().get('legend')).toEqual({ position: 'none' });
    expect(chart!.getContainerInfo().getAnchorRow()).toBe(1);
    sheet.updateChart(chart!.modify().setChartType(C.ChartType.BAR).setPosition(2, 3, 10, 0).build());
    expect(d.inspect.charts('Sheet1')[0]).toMatchObject({ type: 'BAR', anchorRow: 2, anchorCol: 3, ranges: ['Sheet1!A1:B5'] });
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('Ui and HtmlService', () => {
  it('records menus, sidebars, dialogs, toasts and scripted alert answers', () => {
    const { d, ss } = setup({ htmlFiles: { Sidebar: '<h1>Trust Corners</h1>' } });
    const ui = d.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('More').addItem('Repair', 'repairWorkbook')).addToUi();
    expect(d.inspect.menus()).toEqual([
      {
        title: 'Trust Corners',
        addon: true,
        items: [
          { caption: 'Open sidebar', functionName: 'showSidebar' },
          { separator: true },
          { submenu: { title: 'More', addon: false, items: [{ caption: 'Repair', functionName: 'repairWorkbook' }] } },
        ],
      },
    ]);
    const H = d.globals.HtmlService;
    const out = H.createHtmlOutputFromFile('Sidebar').setTitle('Trust Corners').setSandboxMode(H.SandboxMode.IFRAME);
    ui.showSidebar(out);
    expect(d.inspect.sidebars()).toEqual([{ kind: 'sidebar', title: 'Trust Corners', html: '<h1>Trust Corners</h1>', width: undefined, height: undefined }]);
    expect(() => H.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(() => ui.showSidebar('<p>raw</p>' as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(/method signature/);

    d.ui.respond({ button: 'NO' }, { button: 'OK', text: 'Ben' });
    expect(ui.alert('Sure?', 'Delete it?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['Ben', ui.Button.OK]);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(d.inspect.alerts().map((a) => a.response)).toEqual(['NO', 'OK', 'OK']);
    ss.toast('Saved', 'Trust Corners');
    expect(d.inspect.toasts()).toEqual([{ message: 'Saved', title: 'Trust Corners', timeoutSeconds: 5 }]);

    const tpl = H.createTemplate('<p><?= who ?></p><? for (let i = 0; i < 2; i++) { ?>*<? } ?><?!= raw ?>');
    (tpl as unknown as Record<string, unknown>).who = '<Ana>';
    (tpl as unknown as Record<string, unknown>).raw = '<b>x</b>';
    expect(tpl.evaluate().getContent()).toBe('<p>&lt;Ana&gt;</p>**<b>x</b>');
  });
});

describe('display values and formats', () => {
  it('formats numbers, dates and booleans simply', () => {
    const { sheet } = setup({ timeZone: 'Europe/Berlin' });
    const r = sheet.getRange('A1:F1');
    r.setValues([[1234.5, 0.256, '2026-03-01', true, 1 / 3, 'txt']]);
    r.setNumberFormats([['#,##0.00', '0.0%', 'd mmm yyyy', '@', '0.###############', '@']]);
    expect(r.getDisplayValues()).toEqual([['1,234.50', '25.6%', '1 Mar 2026', 'TRUE', '0.3333333333', 'txt']]);
    expect(sheet.getRange('G1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A2').setValue(new Date('2026-03-01T08:15:00Z'));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('3/1/2026 9:15:00');
    sheet.getRange('A3').setFontWeight('bold').setBackground('#eeeeee');
    expect([sheet.getRange('A3').getFontWeight(), sheet.getRange('A3').getBackground()]).toEqual(['bold', '#eeeeee']);
    expect(() => sheet.getRange('A3').setFontWeight('heavy' as 'bold')).toThrow(/Invalid argument/);
  });
});

describe('running inside a node:vm context', () => {
  it('returns Dates of the context realm when given its Date constructor', () => {
    const context = vm.createContext({});
    const d = createAppsScriptDouble({
      dateConstructor: vm.runInContext('Date', context) as DateConstructor,
      errorConstructor: vm.runInContext('Error', context) as ErrorConstructor,
    });
    d.install(context);
    const result = vm.runInContext(
      `var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
       r.setValue(new Date(Date.UTC(2026, 0, 2)));
       var v = r.getValue();
       var caught;
       try { r.setValues([[1, 2]]); } catch (e) { caught = e; }
       console.log('ran');
       [v instanceof Date, v.toISOString(), caught instanceof Error, String(caught)]`,
      context,
    ) as unknown[];
    expect([...result]).toEqual([
      true,
      '2026-01-02T00:00:00.000Z',
      true,
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 1.',
    ]);
    expect(d.inspect.logs()).toEqual([{ level: 'log', message: 'ran' }]);
  });

  it('useRealm switches realms after the context exists', () => {
    const d = createAppsScriptDouble();
    const context = vm.createContext({ ...d.globals });
    d.useRealm(vm.runInContext('globalThis', context) as { Date: DateConstructor; Error: ErrorConstructor });
    d.spreadsheet.getSheets()[0]!.getRange('A1').setValue('2026-01-02');
    expect(vm.runInContext(`SpreadsheetApp.getActive().getRange('A1').getValue() instanceof Date`, context)).toBe(true);
  });
});
