/**
 * The steering-committee pack as a person sees it: Prepare review on the preview's example
 * partnership, the "Review pack" sheet drawn by the preview's grid (formulas evaluated by the same
 * engine), saved as docs/review-pack.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { showSheet, usePreview } from './preview-page';
import { projectRoot } from '../../runtime/bundle/project-root';
import { REVIEW_PACK_TITLE, REVIEW_PACK_WIDTH } from '../../src/workbook/review-pack';

const ANA = 'ana@acme.example';
const SCREENSHOT = path.join(projectRoot(), 'docs', 'review-pack.png');

const preview = usePreview('pack');

describe('the review pack in the preview', () => {
  it('is drawn from the data with no error cell, and saved as docs/review-pack.png', async () => {
    const server = preview.server;
    const [ours] = server.workbook.double.inspect.values('Partnership')[1]!.map(String);
    server.workbook.call(ANA, 'saveIdentity', [{ displayName: 'Ana Silva', side: ours }]);
    const { value } = server.workbook.call(ANA, 'prepareReview', [null]);
    expect(value).toMatchObject({ sheet: REVIEW_PACK_TITLE });

    // Letter's width at 96 px an inch (A4 is narrower by 22 px; the pack is 670 px wide either way).
    const page = await preview.openAs(ANA, { width: 816, height: 2400 });
    await showSheet(page, REVIEW_PACK_TITLE);
    const grid = page.locator(`table.grid[data-sheet="${REVIEW_PACK_TITLE}"]`);
    await expect(grid.locator('td[data-a1="A1"]').textContent()).resolves.toBe('Steering-committee review pack');
    const text = (await grid.textContent()) ?? '';
    expect(text).not.toMatch(/#(REF|VALUE|NAME|ERROR|N\/A|DIV\/0)/);
    expect(text).toContain('Gradual commitment');
    // At print size nothing is cut: a wrapped or filled cell holds all its text, and a line
    // written across the page ends inside the page's width (the six columns).
    const cut = await grid.evaluate((table, columns) => {
      // The pack's last column (the first header cell is the row numbers' corner).
      const right = (table.querySelector(`thead th:nth-child(${columns + 1})`) as HTMLElement).getBoundingClientRect().right;
      const problems: string[] = [];
      for (const td of Array.from(table.querySelectorAll('td'))) {
        const cell = td as HTMLElement;
        if (cell.textContent === '') continue;
        if (cell.classList.contains('spill')) {
          const range = document.createRange();
          range.selectNodeContents(cell);
          if (range.getBoundingClientRect().right > right + 1) problems.push(`${cell.dataset.a1} runs past the page: ${cell.textContent}`);
        } else if (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1) {
          problems.push(`${cell.dataset.a1} is cut: ${cell.textContent}`);
        }
      }
      return problems;
    }, REVIEW_PACK_WIDTH);
    expect(cut).toEqual([]);
    const width = await grid.evaluate(
      (table, columns) => Array.from(table.querySelectorAll('colgroup col')).slice(1, 1 + columns).reduce((sum, col) => sum + parseFloat((col as HTMLElement).style.width), 0),
      REVIEW_PACK_WIDTH,
    );
    expect(width).toBeLessThanOrEqual(7 * 96);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await grid.screenshot({ path: SCREENSHOT });
    expect(preview.pageErrors).toEqual([]);
  });
});
