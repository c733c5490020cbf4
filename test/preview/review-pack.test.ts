/**
 * The steering-committee pack as a person sees it: Prepare review on the preview's example
 * partnership, the "Review pack" sheet drawn by the preview's grid (formulas evaluated by the same
 * engine), saved as docs/review-pack.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../preview/start';
import { projectRoot } from '../../runtime/bundle/project-root';
import { REVIEW_PACK_TITLE } from '../../src/workbook/review-pack';

const ANA = 'ana@acme.example';
const SCREENSHOT = path.join(projectRoot(), 'docs', 'review-pack.png');

let dir: string;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trust-corners-pack-'));
  server = await startPreviewServer({ port: 0, dataFile: path.join(dir, 'workbook.json'), log: () => {} });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the review pack in the preview', () => {
  it('is drawn from the data with no error cell, and saved as docs/review-pack.png', async () => {
    const [ours] = server.workbook.double.inspect.values('Partnership')[1]!.map(String);
    server.workbook.call(ANA, 'saveIdentity', [{ displayName: 'Ana Silva', side: ours }]);
    const { value } = server.workbook.call(ANA, 'prepareReview', [null]);
    expect(value).toMatchObject({ sheet: REVIEW_PACK_TITLE });

    const context = await browser.newContext({ viewport: { width: 900, height: 2400 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/?user=${encodeURIComponent(ANA)}`);
      await page.waitForSelector('table.grid');
      await page.getByRole('tab', { name: REVIEW_PACK_TITLE, exact: true }).click();
      const grid = page.locator(`table.grid[data-sheet="${REVIEW_PACK_TITLE}"]`);
      await grid.waitFor();
      await expect(grid.locator('td[data-a1="A1"]').textContent()).resolves.toBe('Steering-committee review pack');
      const text = (await grid.textContent()) ?? '';
      expect(text).not.toMatch(/#(REF|VALUE|NAME|ERROR|N\/A|DIV\/0)/);
      expect(text).toContain('Gradual commitment');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await grid.screenshot({ path: SCREENSHOT });
    } finally {
      await context.close();
    }
  });
});
