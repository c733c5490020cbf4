/**
 * The preview page behaves like the Sheets window it stands in for (issue 11): the × closes the
 * sidebar, the sheet tabs stay under the grid beside the sidebar, every used cell can be scrolled
 * to (array results included), an error cell explains itself on hover, and `@name` stays text.
 * Debian's Chromium against the preview server started in-process on the example workbook.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, showSheet, typeInto, usePreview } from './preview-page';

const ANA = 'ana@acme.example';
const LOG = 'Shared Commitments Log';

const preview = usePreview('page', { keepDirWhen: Boolean(process.env.KEEP_PREVIEW_SHOTS) });
const { openAs, pageErrors } = preview;
/** Screenshots for a person to look at; not part of docs/. */
const shot = (name: string) => path.join(preview.dir, `${name}.png`);

const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
const inspect = () => preview.server.workbook.double.inspect;

async function openSidebar(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Open Trust Corners' }).click();
  await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(true);
}

/** True when the cell is inside the grid's visible area and nothing outside the grid covers its centre. */
async function reachable(page: Page, a1: string): Promise<boolean> {
  return cell(page, a1).evaluate((td) => {
    const wrap = document.getElementById('grid-wrap') as HTMLElement;
    const box = td.getBoundingClientRect();
    // The visible grid: the wrap's client area (scrollbars excluded), below the sticky header row.
    const outer = wrap.getBoundingClientRect();
    const header = (wrap.querySelector('thead th') as HTMLElement).getBoundingClientRect().height;
    const inside =
      box.left >= outer.left + 45 && box.right <= outer.left + wrap.clientWidth + 0.5 && box.top >= outer.top + header - 0.5 && box.bottom <= outer.top + wrap.clientHeight + 0.5;
    // Text run on from the cell to the left, or a chart, may be drawn there; the sidebar or tabs may not.
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && hit !== null && wrap.contains(hit);
  });
}

/** Scrolls the grid all the way right, and all the way down unless `top`. */
async function scrollToEnd(page: Page, top = false): Promise<void> {
  await page.evaluate((stayAtTop) => {
    const wrap = document.getElementById('grid-wrap') as HTMLElement;
    wrap.scrollTo(wrap.scrollWidth, stayAtTop ? 0 : wrap.scrollHeight);
  }, top);
}

describe('the preview page', () => {
  it('shows no sidebar until it is opened, and the × closes it and gives the grid its width back', async () => {
    const page = await openAs(ANA);
    const gridWidth = () => page.locator('#grid-wrap').evaluate((wrap) => wrap.getBoundingClientRect().width);
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    const fullWidth = await gridWidth();
    expect(fullWidth).toBe(1280);
    await openSidebar(page);
    expect(await gridWidth()).toBe(fullWidth - 300);
    await page.screenshot({ path: shot('sidebar-open') });
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
    expect(await gridWidth()).toBe(fullWidth);
    expect(await page.locator('#sidebar-frame').getAttribute('src')).toBe('about:blank');
    await page.screenshot({ path: shot('sidebar-closed') });
    expect(pageErrors).toEqual([]);
  });

  it('keeps the sheet tabs under the grid, beside the sidebar, which runs to the bottom', async () => {
    const page = await openAs(ANA);
    await openSidebar(page);
    const boxes = await page.evaluate(() => {
      const box = (id: string) => document.getElementById(id)!.getBoundingClientRect().toJSON() as DOMRect;
      return { tabs: box('tabs'), sidebar: box('sidebar'), grid: box('grid-wrap'), height: innerHeight };
    });
    expect(boxes.tabs.right).toBeLessThanOrEqual(boxes.sidebar.left);
    expect(boxes.grid.right).toBeLessThanOrEqual(boxes.sidebar.left);
    expect(boxes.tabs.top).toBeGreaterThanOrEqual(boxes.grid.bottom - 0.5);
    expect(boxes.sidebar.bottom).toBe(boxes.height);
    expect(boxes.tabs.bottom).toBe(boxes.height);
    // Every tab can still be reached and clicked (the bar scrolls when the tabs are wider).
    const last = inspect().sheetNames().at(-1)!;
    await showSheet(page, last);
    const lastTab = await page.getByRole('tab', { name: last, exact: true }).boundingBox();
    expect(lastTab!.x + lastTab!.width).toBeLessThanOrEqual(boxes.sidebar.left + 0.5);
    await page.screenshot({ path: shot('tabs-beside-sidebar') });
  });

  it('scrolls to the last used row and column of every sheet, with the sidebar open', async () => {
    const page = await openAs(ANA);
    await openSidebar(page);
    for (const name of inspect().sheetNames()) {
      const facts = inspect().sheet(name);
      if (facts.lastRow === 0) continue;
      await showSheet(page, name);
      const corner = `${letters(facts.lastColumn)}${facts.lastRow}`;
      // Charts and the sidebar may still be laying out after the sheet is shown: scroll again until settled.
      await expect
        .poll(async () => {
          await scrollToEnd(page);
          return reachable(page, corner);
        }, { message: `${name}!${corner}` })
        .toBe(true);
    }
  });

  it('reaches the cells an array formula spills into past the last typed column', async () => {
    const page = await openAs(ANA);
    await showSheet(page, 'Dashboard');
    // The grid's last column: a formula there spills past what the grid drew before it was typed.
    const column = (await page.locator('table.grid thead th').count()) - 1;
    const origin = `${letters(column)}2`;
    await page.evaluate(() => (document.getElementById('grid-wrap') as HTMLElement).scrollTo(100_000, 0));
    await typeInto(page, origin, '=CORNER_SCORES({7,8,5,9})');
    // The fourth value lands three columns to the right of the formula.
    const spilledInto = `${letters(column + 3)}2`;
    await expect.poll(() => cell(page, spilledInto).textContent()).toBe('9');
    // Under load the grid may still be laying out the new columns: scroll again until it has.
    await expect.poll(async () => {
      await scrollToEnd(page, true);
      return reachable(page, spilledInto);
    }).toBe(true);
  });

  it('shows an error cell\'s message on hover, as Sheets does', async () => {
    const page = await openAs(ANA);
    await showSheet(page, 'Dashboard');
    const a1 = 'D40';
    await typeInto(page, a1, '=WEAKEST_CORNER({7,8,"n/a",9})');
    await expect.poll(() => cell(page, a1).textContent()).toBe('#ERROR!');
    await cell(page, 'A40').hover();
    expect(await page.locator('.error-tip').count()).toBe(0);
    await cell(page, a1).hover();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toContain('WEAKEST_CORNER: scores row 1, Transparency is "n/a"; expected a number from 1 to 10');
    // The tip sits right under the cell and goes away when the pointer leaves it.
    const [cellBox, tipBox] = [await cell(page, a1).boundingBox(), await tip.boundingBox()];
    expect(Math.abs(tipBox!.y - (cellBox!.y + cellBox!.height))).toBeLessThanOrEqual(4);
    await page.screenshot({ path: shot('error-tip') });
    await cell(page, 'A40').hover();
    await expect.poll(() => page.locator('.error-tip').count()).toBe(0);
  });

  it('keeps text typed as @name as text, as Sheets does', async () => {
    const page = await openAs(ANA);
    await showSheet(page, LOG);
    const header = inspect().values(LOG)[0]!;
    const owner = header.indexOf('Owner person') + 1;
    const a1 = `${letters(owner)}3`;
    await typeInto(page, a1, '@ana.silva');
    await expect.poll(() => cell(page, a1).textContent()).toBe('@ana.silva');
    const stored = inspect().cell(LOG, a1);
    expect(stored).toMatchObject({ value: '@ana.silva', formula: '' });
    expect(await cell(page, a1).getAttribute('class')).not.toContain('err');
    expect(pageErrors).toEqual([]);
  });
});
