/**
 * Loading the example reads only what it cannot know (src/workbook/load-example.ts): the document
 * properties once, and under the lock only the tables set-up did not make in the same execution.
 * The tables it made a moment ago are written where a read would have put the rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { loadExamplePartnership } from '../../src/workbook/load-example';
import { setUpWorkbook } from '../../src/workbook/setup';
import { TABLES } from '../../src/workbook/templates';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const TODAY = new Date(2026, 10, 24);

function fresh(): AppsScriptDouble {
  uninstall?.();
  const double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
  return double;
}

/** Every sheet's values except the Change History's timestamps and chain (which name the moment). */
function contents(double: AppsScriptDouble): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const table of TABLES) if (table.title !== 'Change History') out[table.title] = double.inspect.values(table.title);
  return out;
}

describe('loading the example into a new spreadsheet', () => {
  it('reads the properties once and no table it made itself, with one forced commit', () => {
    const double = fresh();
    double.calls.reset();
    loadExamplePartnership(TODAY);
    const calls = double.calls.byMethod();
    expect(calls['Properties.getProperties']).toBe(1);
    expect(calls['Range.getValues'] ?? 0).toBe(0);
    double.endExecution();
    expect(double.roundTrips.counts().commits).toBe(1);
  });

  it('writes the same rows as loading into a workbook set up beforehand, which reads every table', () => {
    const direct = fresh();
    loadExamplePartnership(TODAY);
    const loadedDirectly = contents(direct);
    const setUpFirst = fresh();
    setUpWorkbook();
    setUpFirst.endExecution();
    setUpFirst.calls.reset();
    loadExamplePartnership(TODAY);
    expect(setUpFirst.calls.byMethod()['Range.getValues']).toBeGreaterThan(0);
    expect(contents(setUpFirst)).toEqual(loadedDirectly);
    // Each table's data ends on the same row (extent.ts); the grid a read vouches for is only the rows it read.
    const lastRows = (double: AppsScriptDouble) =>
      Object.fromEntries(Object.entries(double.inspect.properties('document')).filter(([key]) => key.includes('.extent.')).map(([key, value]) => [key, value.split('/')[0]]));
    expect(lastRows(setUpFirst)).toEqual(lastRows(direct));
  });

  it('still reads, and refuses, a sheet of the same name that set-up adopted with rows in it', () => {
    const double = fresh();
    const own = double.spreadsheet.insertSheet('Assessments');
    own.getRange(1, 1, 2, 3).setValues([['Cycle', 'Date', 'Side'], ['2026-Q1', '2026-01-15', 'Acme']]);
    expect(() => loadExamplePartnership(TODAY)).toThrow(/not loaded: "Assessments"/);
    expect(double.inspect.values('Assessments')).toHaveLength(2);
  });
});
