import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V1, createAppsScriptDouble, type WorkbookSnapshot } from '../../runtime/apps-script';
import type { CellRecord } from '../../runtime/apps-script/model';
import { FORMAT_1_COPY, flushSaves, keepOlderFormat, loadSaved, saveSoon, savesWritten } from '../../preview/store';
import { loadExamplePartnership } from '../../src/workbook/load-example';

/** The preview's saved workbook: what is there, not empty grids; written off the action's path. */
let dir: string;
let double: AppsScriptDouble;
let uninstall: () => void;
let example: WorkbookSnapshot;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tc-store-'));
  double = createAppsScriptDouble({ now: () => new Date('2026-11-20T10:00:00Z') });
  uninstall = double.install(globalThis);
  loadExamplePartnership(new Date('2026-11-20T10:00:00Z'));
  double.endExecution();
  example = double.snapshot();
});
afterAll(() => {
  uninstall();
  rmSync(dir, { recursive: true, force: true });
});

/** The snapshot as format 1 wrote it: one [row, column, cell] triple per non-empty cell, styles included. */
function asFormat1(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  type V2 = { sheets: Array<{ cells: Array<[number, number, CellRecord]>; formats?: Array<[number, number, number, number]> }>; styles?: CellRecord[] };
  const workbook = structuredClone(snapshot.workbook) as unknown as V2;
  const styles = workbook.styles ?? [];
  for (const sheet of workbook.sheets) {
    const byCell = new Map<string, [number, number, CellRecord]>();
    for (const [row, column, count, style] of sheet.formats ?? []) {
      for (let r = row; r < row + count; r++) byCell.set(`${r},${column}`, [r, column, structuredClone(styles[style])]);
    }
    for (const [row, column, content] of sheet.cells) {
      const at = byCell.get(`${row},${column}`);
      byCell.set(`${row},${column}`, [row, column, { ...(at?.[2] ?? {}), ...content }]);
    }
    sheet.cells = [...byCell.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    delete sheet.formats;
  }
  delete workbook.styles;
  return { ...snapshot, format: SNAPSHOT_FORMAT_V1, workbook: workbook as never };
}

describe('the saved workbook', () => {
  it('holds the example in under 1 MB (it was 10.9 MB: every formatted, validated empty cell)', () => {
    const bytes = Buffer.byteLength(JSON.stringify(example));
    expect(example.format).toBe(SNAPSHOT_FORMAT);
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('comes back equal: saved, loaded, saved again gives the same file, and every cell reads the same', () => {
    const file = path.join(dir, 'roundtrip.json');
    saveSoon(file, JSON.stringify(example));
    flushSaves(file);
    const other = createAppsScriptDouble();
    other.restore(loadSaved(file) as WorkbookSnapshot);
    expect(JSON.stringify(other.snapshot())).toBe(JSON.stringify(example));
    for (const name of double.inspect.sheetNames()) {
      expect(other.inspect.values(name)).toEqual(double.inspect.values(name));
      expect(other.inspect.formulas(name)).toEqual(double.inspect.formulas(name));
      expect(other.inspect.sheet(name).maxRows).toBe(double.inspect.sheet(name).maxRows);
    }
    // Validations and formats of empty rows survive (row 900 of the Commitments Log).
    expect(other.inspect.cell('Shared Commitments Log', 'G900')).toEqual(double.inspect.cell('Shared Commitments Log', 'G900'));
    expect(double.inspect.cell('Shared Commitments Log', 'G900').validation).toBeTruthy();
  });

  it('loads a file in the older format and keeps a copy of it before it is saved in the new one', () => {
    const file = path.join(dir, 'format-1.json');
    const old = asFormat1(example);
    const text = JSON.stringify(old);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);
    writeFileSync(file, text);
    const loaded = loadSaved(file) as WorkbookSnapshot;
    expect(loaded.format).toBe(SNAPSHOT_FORMAT_V1);
    const other = createAppsScriptDouble();
    other.restore(loaded);
    expect(JSON.stringify(other.snapshot())).toBe(JSON.stringify(example));
    const copy = keepOlderFormat(file, loaded);
    expect(copy).toBe(`${file}${FORMAT_1_COPY}`);
    expect(readFileSync(copy as string, 'utf8')).toBe(text);
  });

  it('writes changes after the action, the newest of quick ones in one write, and at once when the file is read', async () => {
    const file = path.join(dir, 'soon.json');
    saveSoon(file, '{"n":1}');
    saveSoon(file, '{"n":2}');
    expect(existsSync(file)).toBe(false);
    await savesWritten(file);
    expect(readFileSync(file, 'utf8')).toBe('{"n":2}');
    const stamp = statSync(file).mtimeMs;
    await savesWritten(file); // nothing waiting: nothing written
    expect(statSync(file).mtimeMs).toBe(stamp);
    saveSoon(file, '{"n":3}');
    flushSaves(file);
    expect(readFileSync(file, 'utf8')).toBe('{"n":3}');
    // No temp file is left behind.
    expect(readdirSync(dir).filter((name) => name.startsWith('soon.json.'))).toEqual([]);
  });
});
