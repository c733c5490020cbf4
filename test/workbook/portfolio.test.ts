import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { menuCreatePortfolio } from '../../src/addon';
import { PORTFOLIO_DIALOG_TITLE, PORTFOLIO_HEADERS, PORTFOLIO_NAMES, portfolioDialogHtml, portfolioHandover, portfolioRow } from '../../src/workbook/portfolio';

let double: AppsScriptDouble;
let uninstall: () => void;
beforeEach(() => {
  double = createAppsScriptDouble();
  uninstall = double.install(globalThis);
});
afterEach(() => uninstall());

/** The text of a dialog's read-only box, as a person copies it (HTML entities undone). */
function boxText(html: string, id: string): string {
  const match = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  expect(match, `no box ${id}`).not.toBeNull();
  return match![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * No engine here can fetch another workbook, so the IMPORTRANGE formulas are checked for their
 * shape: every one keyed off the URL in column A of its row, pulling a name the Dashboard defines.
 */
describe('the portfolio, handed over for a spreadsheet of the person’s own', () => {
  it('builds nothing in the shared workbook: the menu shows a dialog with the lines to paste', () => {
    const before = double.inspect.sheetNames();
    menuCreatePortfolio();
    expect(double.inspect.sheetNames()).toEqual(before);
    const dialogs = double.inspect.dialogs();
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0].title).toBe(PORTFOLIO_DIALOG_TITLE);
    const html = dialogs[0].html;
    expect(html).toMatch(/shared with your partner/);
    expect(html).toMatch(/cannot create another one/);
    const handover = portfolioHandover();
    expect(boxText(html, 'headers')).toBe(handover.headerLine);
    expect(boxText(html, 'formulas')).toBe(handover.formulaLine);
    expect(html).not.toMatch(/<script/);
  });

  it('hands over a header line and a formula line that split into the portfolio’s columns', () => {
    const { headerLine, formulaLine, steps } = portfolioHandover();
    expect(headerLine.split('\t')).toEqual(PORTFOLIO_HEADERS);
    const formulas = formulaLine.split('\t');
    // Column A is the URL the person pastes; the formulas fill B onwards.
    expect(formulas).toHaveLength(PORTFOLIO_HEADERS.length - 1);
    expect(formulas.every((formula) => formula.startsWith('=IF(') && formula.includes('$A2') && !formula.includes('\n'))).toBe(true);
    const pulled = [...formulaLine.matchAll(/IMPORTRANGE\(\$A(\d+), "([A-Za-z_]+)"\)/g)];
    expect(pulled.length).toBeGreaterThan(10);
    for (const [, urlRow, name] of pulled) {
      expect(Number(urlRow)).toBe(2);
      expect(Object.values(PORTFOLIO_NAMES)).toContain(name);
    }
    // One trend arrow per corner, comparing with the previous cycle's mean.
    expect(formulas.filter((formula) => formula.includes('"↑"') && formula.includes(PORTFOLIO_NAMES.previousMeans))).toHaveLength(4);
    expect(steps.join(' ')).toMatch(/A1[\s\S]*B2[\s\S]*copy row 2 down/);
  });

  it('copies down as Sheets adjusts it: row 3 is row 2 with $A2 read as $A3', () => {
    const row2 = portfolioRow(2);
    const row3 = portfolioRow(3);
    expect(row3).toEqual(row2.map((formula) => formula.replace(/\$A2\b/g, '$A3').replace(/([A-Z])2\b/g, '$13')));
  });

  it('escapes what it shows', () => {
    const html = portfolioDialogHtml({ headerLine: '<b>', formulaLine: '="a"&"b"', steps: ['x < y'], formats: [] });
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('=&quot;a&quot;&amp;&quot;b&quot;');
    expect(html).toContain('<li>x &lt; y</li>');
  });
});
