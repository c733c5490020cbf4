import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { PORTFOLIO_HEADERS, PORTFOLIO_NAMES, PORTFOLIO_ROWS, createPortfolioSheet } from '../../src/workbook/portfolio';

let double: AppsScriptDouble;
let uninstall: () => void;
beforeEach(() => {
  double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
});
afterEach(() => uninstall());

/**
 * No engine here can fetch another workbook, so the IMPORTRANGE formulas are checked for their
 * shape: every one keyed off the URL in column A, pulling a name the Dashboard defines.
 */
describe('Create portfolio sheet', () => {
  it('builds one row of IMPORTRANGE formulas per partnership URL', () => {
    createPortfolioSheet();
    const formulas = double.inspect.formulas('Portfolio');
    expect(double.inspect.values('Portfolio')[0]).toEqual(PORTFOLIO_HEADERS);
    for (let row = 2; row <= PORTFOLIO_ROWS + 1; row++) {
      const cells = formulas[row - 1].slice(1, PORTFOLIO_HEADERS.length);
      expect(cells.every((formula) => formula.startsWith(`=IF(`) && formula.includes(`$A${row}`))).toBe(true);
      const pulled = [...cells.join(' ').matchAll(/IMPORTRANGE\(\$A(\d+), "([A-Za-z_]+)"\)/g)];
      expect(pulled.length).toBeGreaterThan(10);
      for (const [, urlRow, name] of pulled) {
        expect(Number(urlRow)).toBe(row);
        expect(Object.values(PORTFOLIO_NAMES)).toContain(name);
      }
      // One trend arrow per corner, comparing with the previous cycle's mean.
      expect(cells.filter((formula) => formula.includes('"↑"') && formula.includes(PORTFOLIO_NAMES.previousMeans))).toHaveLength(4);
    }
  });

  it('keeps the URLs people typed when it is run again', () => {
    const sheet = createPortfolioSheet();
    sheet.getRange('A2').setValue('https://docs.google.com/spreadsheets/d/abc/edit');
    createPortfolioSheet();
    expect(double.inspect.values('Portfolio')[1][0]).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(double.inspect.sheetNames().filter((name) => name === 'Portfolio')).toHaveLength(1);
  });
});
