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
import { REVIEW_PACK_TITLE } from '../../src/workbook/review-pack';

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

    const page = await preview.openAs(ANA, { width: 900, height: 2400 });
    await showSheet(page, REVIEW_PACK_TITLE);
    const grid = page.locator(`table.grid[data-sheet="${REVIEW_PACK_TITLE}"]`);
    await expect(grid.locator('td[data-a1="A1"]').textContent()).resolves.toBe('Steering-committee review pack');
    const text = (await grid.textContent()) ?? '';
    expect(text).not.toMatch(/#(REF|VALUE|NAME|ERROR|N\/A|DIV\/0)/);
    expect(text).toContain('Gradual commitment');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await grid.screenshot({ path: SCREENSHOT });
    expect(preview.pageErrors).toEqual([]);
  });
});
