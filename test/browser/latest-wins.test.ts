/**
 * The latest request wins (issue 21): in Sheets an answer can take seconds, and a person moves on.
 * A view's answer that arrives after another view was opened is dropped; a save's answer is not
 * drawn over the view the person moved to, and the toolbar says it was saved. The harness holds
 * an answer until the test lets it go, so "late" needs no timer.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSidebar } from './browser';
import { type Harness, startHarness } from './harness';
import { heading, useBrowser } from './steps';

const ANA = 'ana@acme.example';
const browser = useBrowser();

/** An answer held back until `release()`. */
function holdBack(names: readonly string[]) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { holdAnswer: (name: string) => (names.includes(name) ? held : undefined), release: () => release() };
}

/** The example partnership, Ana saying who she is: the sidebar opens on Home. */
async function exampleHarness(hold: ReturnType<typeof holdBack>): Promise<Harness> {
  const harness = await startHarness({ holdAnswer: hold.holdAnswer });
  harness.run(ANA, 'menuLoadExample');
  harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
  return harness;
}

const ran = (harness: Harness, name: string) => expect.poll(() => harness.rpc.some((call) => call.name === name)).toBe(true);
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name });
/** Two frames: whatever an answer that just arrived would draw is drawn by then. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('the latest request wins, in Chromium', () => {
  it('Results, then More before Results has answered: More stays', async () => {
    const hold = holdBack(['loadResults']);
    const harness = await exampleHarness(hold);
    const sidebar = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = sidebar;
      await heading(page, 'Trust Corners').waitFor();
      await nav(page, 'Results').click();
      await ran(harness, 'loadResults');
      await nav(page, 'More').click();
      await heading(page, 'More tools').waitFor();
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/rpc' && response.request().postData()?.includes('loadResults') === true);
      hold.release();
      await answered;
      // The sidebar has taken the answer in: it timed the call (client/call-times.ts).
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('trust-corners:sidebar-calls') ?? '')).toContain('"loadResults"');
      await settle(page);
      expect(await page.locator('h1').allTextContents()).toEqual(['More tools']);
      await expect.poll(() => nav(page, 'More').getAttribute('aria-current')).toBe('page');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(sidebar.errors).toEqual([]);
      // Results opened again shows its answer as before.
      await nav(page, 'Results').click();
      await heading(page, /^Results, /).waitFor();
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('a save answered after the person moved on is said in the toolbar, not drawn over the view', async () => {
    const hold = holdBack(['addCommitment']);
    const harness = await exampleHarness(hold);
    const sidebar = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = sidebar;
      await heading(page, 'Trust Corners').waitFor();
      await nav(page, 'Sync').click();
      await heading(page, 'Weekly sync').waitFor();
      const form = page.getByRole('form', { name: 'Add a commitment' });
      await form.getByLabel('Commitment').fill('Share the pipeline every Monday');
      await form.getByLabel('Due date').fill('2026-12-20');
      await form.getByRole('button', { name: 'Add commitment' }).click();
      await ran(harness, 'addCommitment');
      await nav(page, 'Home').click();
      await heading(page, 'Trust Corners').waitFor();
      hold.release();
      await expect.poll(() => page.locator('#saved-elsewhere').textContent()).toBe('Your change in Sync was saved.');
      await settle(page);
      expect(await page.locator('h1').allTextContents()).toEqual(['Trust Corners']);
      expect(await page.locator('#saved-elsewhere').isVisible()).toBe(true);
      // It was saved: Sync shows it.
      await nav(page, 'Sync').click();
      await heading(page, 'Weekly sync').waitFor();
      await expect.poll(() => page.locator('#saved-elsewhere').isVisible()).toBe(false);
      expect(harness.double.inspect.values('Shared Commitments Log').flat()).toContain('Share the pipeline every Monday');
      expect(sidebar.errors).toEqual([]);
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });
});
