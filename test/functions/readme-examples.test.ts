import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/functions/registry';
import { FormulaError, createSheetsFormulaEngine } from '../../runtime/formulas/engine';
import { loadBundle } from '../../runtime/bundle/bundle';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';

/** How the function reference (docs/functions.md) writes a result: a spilled row as "a | b | c | d", a date as yyyy-mm-dd. */
function shown(value: unknown): string {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'number') return String(Math.round(value * 1e9) / 1e9);
  return String(value);
}

/**
 * Every example and error formula of the function reference (docs/functions.md), typed into a sheet of a real formula engine with
 * the built Code.js registered through Apps Script's argument marshaling.
 */
describe('the function reference\'s examples evaluate as documented', () => {
  const bundle = loadBundle();
  const engine = createSheetsFormulaEngine(customFunctionDecls(bundle), {
    dateConstructor: bundle.evaluate('Date') as DateConstructor,
  });
  engine.load({
    Examples: CUSTOM_FUNCTIONS.map((spec) => [spec.example.formula]),
    Errors: CUSTOM_FUNCTIONS.map((spec) => [spec.error.formula]),
  });

  it.each(CUSTOM_FUNCTIONS.map((spec, index) => [spec.name, spec, index] as const))('%s', (_name, spec, index) => {
    const row = engine.getSheetValues('Examples')[index];
    const result = spec.resultShape === 'row' ? row.slice(0, 4).map(shown).join(' | ') : shown(row[0]);
    expect(result).toBe(spec.example.result);

    const error = engine.getValue('Errors', index + 1, 1);
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).message).toBe(spec.error.message);
  });
});
