import { describe, expect, it } from 'vitest';
import { loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';

/** The built Code.js in a VM whose globals are the Apps Script double, as Apps Script would run it. */
function bundleOnDouble() {
  return loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
}

describe('workbook actions through build/Code.js', () => {
  it('onOpen builds the add-on menu and touches nothing else', () => {
    const { double, bundle } = bundleOnDouble();
    double.calls.reset();
    double.runSimpleTrigger('NONE', () => bundle.call('onOpen', bundle.realm({ authMode: 'NONE' })));
    const items = double.inspect.menus()[0].items.map((item: { functionName?: string }) => item.functionName).filter(Boolean);
    expect(items).toEqual(['showSidebar', 'menuSetUpWorkbook', 'menuRepairWorkbook', 'menuVerifyHistory', 'menuLoadExample', 'menuCreatePortfolio', 'showHelp', 'showAboutAndDiagnostics']);
    for (const name of items) expect(bundle.evaluate(`typeof ${name}`)).toBe('function');
    expect(Object.keys(double.calls.byMethod()).every((method) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(method))).toBe(true);
  });

  it('sets up, repairs and loads the example', () => {
    const { double, bundle } = bundleOnDouble();
    bundle.call('menuSetUpWorkbook');
    expect(double.inspect.sheetNames()).toEqual(expect.arrayContaining(['Dashboard', 'Partnership', 'Assessments', 'Shared Commitments Log', 'Change History']));
    double.spreadsheet.getSheetByName('Assessments')!.setName('Our ratings');
    bundle.call('menuRepairWorkbook');
    expect(double.inspect.sheetNames()).not.toContain('Assessments');
    bundle.call('menuLoadExample');
    expect(double.inspect.values('Shared Commitments Log').length).toBeGreaterThan(25);
    expect(double.inspect.values('Our ratings').length).toBeGreaterThan(6);
  });

  it('stamps an edit of the Commitments Log and records it in the Change History', () => {
    const { double, bundle } = bundleOnDouble();
    bundle.call('menuLoadExample');
    bundle.call('saveIdentity', bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const cell = log.getRange('H5');
    const oldValue = cell.getValue();
    cell.setValue('At risk');
    double.runSimpleTrigger('LIMITED', () => bundle.call('onEdit', { range: cell, value: 'At risk', oldValue, authMode: 'LIMITED' }));
    bundle.call('changesSince', null); // an open sidebar's poll writes the held entry
    const row = double.inspect.values('Shared Commitments Log')[4];
    expect(row[13]).toBe('Ana Silva (Acme Analytics)');
    expect(Object.prototype.toString.call(row[14])).toBe('[object Date]');
    const history = double.inspect.values('Change History');
    const last = history[history.length - 1];
    expect(last.slice(1, 7)).toEqual(['Ana Silva (Acme Analytics)', 'Shared Commitments Log', row[0], 'Status', String(oldValue), 'At risk']);
  });

  it('reads the event the way Apps Script sends it: strings, a date as its serial, nothing for a cleared cell', () => {
    const { double, bundle } = bundleOnDouble();
    bundle.call('menuLoadExample');
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const due = log.getRange('G4');
    const before = due.getValue() as Date;
    const serial = Math.round((Date.UTC(before.getFullYear(), before.getMonth(), before.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
    due.setValue('2027-01-15');
    bundle.call('onEdit', { range: due, value: '46402', oldValue: String(serial) });
    bundle.call('changesSince', null);
    const pad = (n: number) => String(n).padStart(2, '0');
    const oldDay = `${before.getFullYear()}-${pad(before.getMonth() + 1)}-${pad(before.getDate())}`;
    expect(double.inspect.values('Change History').at(-1)?.slice(4, 7)).toEqual(['Due date', oldDay, '2027-01-15']);

    const plan = log.getRange('L4');
    plan.setValue("'Call weekly");
    bundle.call('onEdit', { range: plan, value: 'Call weekly' });
    plan.setValue('');
    bundle.call('onEdit', { range: plan, oldValue: 'Call weekly' });
    bundle.call('changesSince', null);
    expect(double.inspect.values('Change History').at(-1)?.slice(4, 7)).toEqual(['Recovery plan', 'Call weekly', '']);
  });

  it('records who edited when no name was saved as unknown: a simple trigger is told no email', () => {
    const { double, bundle } = bundleOnDouble();
    bundle.call('menuLoadExample');
    const cell = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('L3');
    cell.setValue("'New plan");
    double.runSimpleTrigger('LIMITED', () => bundle.call('onEdit', { range: cell, value: 'New plan', oldValue: '', authMode: 'LIMITED' }));
    bundle.call('changesSince', null);
    expect(double.activeUser()).toBe('ana@acme.example');
    expect(double.inspect.values('Change History').at(-1)?.[1]).toBe('unknown');
  });

  it('does nothing on an edit in AuthMode.NONE, where every spreadsheet call would throw', () => {
    const { double, bundle } = bundleOnDouble();
    bundle.call('menuLoadExample');
    const before = double.inspect.values('Change History').length;
    const cell = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('L3');
    cell.setValue("'New plan");
    double.calls.reset();
    expect(() => double.runSimpleTrigger('NONE', () => bundle.call('onEdit', { range: cell, value: 'New plan', oldValue: '', authMode: 'NONE' }))).not.toThrow();
    expect(double.calls.total()).toBe(0);
    expect(double.inspect.values('Change History')).toHaveLength(before);
  });
});

describe('edits that empty a row', () => {
  it('record the change but do not stamp the emptied row back to life', () => {
    const { double, bundle } = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
    bundle.call('menuLoadExample');
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const width = log.getLastColumn();
    const row = log.getRange(2, 1, 1, width);
    const id = row.getValues()[0][0];
    row.clearContent();
    bundle.call('onEdit', { range: row });
    bundle.call('changesSince', null);
    expect(double.inspect.values('Shared Commitments Log')[1].every((cell) => cell === '')).toBe(true);
    const history = double.inspect.values('Change History');
    expect(history.some((entry) => entry[3] === '' && entry[4] === 'Commitment')).toBe(true);
    expect(history.some((entry) => entry[3] === id)).toBe(false);
  });
});

describe('the Change History chain through build/Code.js', () => {
  it('a pasted block is chained, Verify history says so, and names a row edited afterwards', () => {
    const { double, bundle } = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
    bundle.call('menuSetUpWorkbook');
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const block = log.getRange(2, 2, 300, 4);
    block.setValues(Array.from({ length: 300 }, (_, i) => [`'Commitment ${i}`, "'Acme", "'Ana", 'Reliability']));
    double.calls.reset();
    bundle.call('onEdit', { range: block });
    const calls = double.calls.byMethod();
    expect(calls['Range.setValues']).toBeLessThanOrEqual(4);
    expect(calls['Range.getValues']).toBeLessThanOrEqual(4); // edited rows, ID column, the cached layouts' header checks
    expect(double.inspect.values('Shared Commitments Log')[300][0]).toBe('C-300');
    expect(double.inspect.values('Change History').length).toBe(1 + 1500);

    bundle.call('menuVerifyHistory');
    expect(double.inspect.alerts().at(-1)?.prompt).toMatch(/verifies: 1500 entries from row 2/);
    double.spreadsheet.getSheetByName('Change History')!.getRange(40, 7).setValue('forged');
    double.spreadsheet.getSheetByName('Change History')!.deleteRow(90);
    bundle.call('menuVerifyHistory');
    const report = String(double.inspect.alerts().at(-1)?.prompt);
    expect(report).toContain('row 40 was changed after it was written');
    expect(report).toContain('between row 89 and row 90, 1 entry is missing (#89)');
  });
});
