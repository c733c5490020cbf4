import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { createFormulaEvaluator } from '../../runtime/formulas/evaluator';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';
import { examplePartnership } from '../../src/workbook/example';
import { loadExamplePartnership } from '../../src/workbook/load-example';
import { Workbook } from '../../src/workbook/workbook';
import {
  REVIEW_PACK_BREACH_ROWS, REVIEW_PACK_COLUMN_WIDTHS, REVIEW_PACK_LINE_CHARS, REVIEW_PACK_PRINT_STEPS, type ReviewPackLayouts, reviewPackCells, writeReviewPack,
} from '../../src/workbook/review-pack';
import { ASSESSMENTS, BREACHES, COMMITMENTS, CYCLES, DISCLOSURES, PARTNERSHIP, SCORECARD, VALUE_EXCHANGE } from '../../src/workbook/templates';
import type { TableSpec } from '../../src/workbook/schema';

/**
 * The pack as it prints: the breach and exit decisions from the Breaches sheet and the Partnership
 * row, the print steps in the pack, every row wrapped except the lines written across the page,
 * and agreed actions counted as agreed. Formulas evaluated by HyperFormula.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let double: AppsScriptDouble;
let uninstall: () => void;
let evaluator: ReturnType<typeof createFormulaEvaluator>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  evaluator = createFormulaEvaluator(customFunctionDecls(), { now: () => new Date() });
  double = createAppsScriptDouble({ formulaEvaluator: evaluator });
  uninstall = double.install(globalThis);
  loadExamplePartnership(NOW);
});
afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

function pack(withBreaches: boolean) {
  const workbook = new Workbook();
  const tables: Record<keyof ReviewPackLayouts, TableSpec> = {
    partnership: PARTNERSHIP, assessments: ASSESSMENTS, cycles: CYCLES, commitments: COMMITMENTS, disclosures: DISCLOSURES, scorecard: SCORECARD, valueExchange: VALUE_EXCHANGE,
  };
  const layouts = {} as ReviewPackLayouts;
  const names = {} as Record<keyof ReviewPackLayouts, string>;
  for (const key of Object.keys(tables) as Array<keyof ReviewPackLayouts>) {
    layouts[key] = workbook.layout(tables[key]);
    names[key] = layouts[key].sheet.getName();
  }
  const breaches = workbook.layout(BREACHES);
  const cycle = String(examplePartnership(NOW).assessments.at(-1)!.cycle);
  const built = reviewPackCells(layouts, names, { cycle, preparedOn: NOW, focusReason: 'Alignment stays the focus.', advice: 'Keep going.', rationale: 'A joint steering committee.' },
    withBreaches ? { breaches: { layout: breaches, sheetName: breaches.sheet.getName() } } : {});
  const sheet = double.spreadsheet.insertSheet('Review pack');
  writeReviewPack(sheet, built.cells, built.lastRow, built.wrap);
  const values = double.inspect.values('Review pack');
  return { ...built, sheet, values, cycle, label: (text: string) => values.find((row) => row[0] === text) };
}

describe('the review pack prints', () => {
  it('shows each breach with its decision and reasons, and the exit decision, from the sheets', () => {
    const { values, rows, label } = pack(true);
    expect(evaluator.lastErrors()).toEqual([]);
    const [breach] = examplePartnership(NOW).breaches;
    const first = values[rows.firstBreach! - 1];
    expect(first[0]).toBe(`${breach.what}\nWhy: ${breach.decisionReasons}`);
    expect(first.slice(2, 4)).toEqual([breach.status, breach.decision]);
    expect(first[5]).toBe(breach.id);
    // Unused breach rows stay blank (no "Not decided" on an empty row).
    for (let index = 1; index < REVIEW_PACK_BREACH_ROWS; index++) expect(values[rows.firstBreach! - 1 + index].every((cell) => cell === '')).toBe(true);
    expect(label('Breaches recorded')?.[1]).toBe(1);
    expect(label('Exit decision')?.[1]).toBe('No exit: the partnership continues');

    // An exit recorded on the Partnership row shows, with the breach it followed.
    const partnership = double.spreadsheet.getSheetByName('Partnership')!;
    const headers = double.inspect.values('Partnership')[0].map(String);
    partnership.getRange(2, headers.indexOf('Exited on') + 1).setValue(new Date(2026, 10, 20));
    partnership.getRange(2, headers.indexOf('Exited after breach') + 1).setValue('B-001');
    const after = double.inspect.values('Review pack').find((row) => row[0] === 'Exit decision');
    expect(after?.[1]).toBe('Exited on 2026-11-20 after breach B-001: the loop stops, every record is kept');
  });

  it('says the exit decision without the Breaches sheet, and carries the steps to save it as PDF', () => {
    const { values, rows, label } = pack(false);
    expect(rows.firstBreach).toBeNull();
    expect(label('Exit decision')?.[1]).toBe('No exit: the partnership continues');
    const text = values.map((row) => String(row[0])).join('\n');
    expect(text).toContain('Saving this pack as PDF');
    expect(text).toContain('File → Download → PDF');
    expect(text).toMatch(/Portrait/);
    expect(text).toMatch(/Fit to width/);
    expect(REVIEW_PACK_PRINT_STEPS.length).toBeGreaterThan(2);
  });

  it('wraps table rows whole and figure labels, and leaves the lines written across the page to fit its width', () => {
    const { values, wrap, sheet, lastRow, rows } = pack(true);
    const wrapped = new Map<number, number>();
    for (const block of wrap) {
      expect(block.column).toBe(1);
      expect([1, REVIEW_PACK_COLUMN_WIDTHS.length]).toContain(block.columns);
      for (let row = block.row; row < block.row + block.rows; row++) wrapped.set(row, block.columns);
    }
    // Action wording, breach reasons and the corner names wrap in every cell; a figure's label wraps
    // and its value (text such as "No exit: the partnership continues") runs on into the empty cells.
    for (const row of [rows.firstAction, rows.firstBreach!, rows.cornerHeader, rows.ours]) expect(wrapped.get(row), `row ${row}`).toBe(REVIEW_PACK_COLUMN_WIDTHS.length);
    for (const row of Object.values(rows.figures)) {
      expect(wrapped.get(row), `row ${row}`).toBe(1);
      expect(values[row - 1].slice(2).every((cell) => cell === '')).toBe(true);
    }
    for (let row = 1; row <= lastRow; row++) {
      const cells = values[row - 1];
      const acrossThePage = cells[0] !== '' && cells.slice(1).every((cell) => cell === '') && !wrapped.has(row);
      if (wrapped.has(row)) {
        expect(sheet.getRange(row, 1).getWrap(), `row ${row}`).toBe(true);
        expect(sheet.getRange(row, 2).getWrap(), `row ${row}`).toBe(wrapped.get(row) !== 1);
      } else {
        expect(acrossThePage || cells.every((cell) => cell === ''), `row ${row}: ${cells.join(' | ')}`).toBe(true);
        expect(String(cells[0]).length, String(cells[0])).toBeLessThanOrEqual(REVIEW_PACK_LINE_CHARS);
      }
    }
    // Column widths fit A4 and Letter portrait (7 in of printable width at 96 px an inch).
    expect(REVIEW_PACK_COLUMN_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7 * 96);
  });

  it('counts as agreed only the actions both sides took on', () => {
    const { cycle, label } = pack(true);
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const headers = double.inspect.values('Shared Commitments Log')[0].map(String);
    const agreed = label('Actions agreed')?.[1] as number;
    for (const [id, status] of [['C-801', 'Declined'], ['C-802', 'Withdrawn'], ['C-803', 'Proposed']]) {
      log.appendRow(headers.map((header) => (header === 'ID' ? id : header === 'Commitment' ? `Replacement ${id}` : header === 'Status' ? status : header === 'Source' ? `Assessment ${cycle}` : '')));
    }
    const values = double.inspect.values('Review pack');
    const figure = (text: string) => values.find((row) => row[0] === text)?.[1];
    expect(figure('Actions agreed')).toBe(agreed);
    expect(figure('Actions declined or withdrawn')).toBe(2);
    expect(figure('Actions still proposed')).toBe(1);
    expect(evaluator.lastErrors()).toEqual([]);
  });
});
