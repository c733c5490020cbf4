/**
 * The sidebar's rpc layer in Chromium: a google.script.run failure caused by several signed-in
 * Google accounts is explained (what to do), not shown raw.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSidebar } from './browser';
import { type Harness, startHarness } from './harness';

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  browser = await launchBrowser();
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  await browser?.close();
});

describe('google.script.run fails because several Google accounts are signed in', () => {
  for (const raw of ['PERMISSION_DENIED', 'ScriptError: Authorization is required to perform that action.']) {
    it(`"${raw}" becomes what to do: one account per browser profile`, async () => {
      const sidebar = await openSidebar(browser, harness, 'ana@acme.example');
      try {
        const { page } = sidebar;
        await page.waitForFunction(() => !document.querySelector('.loading'));
        // From now on Apps Script refuses every call, as it does for the wrong default account.
        await page.route('**/rpc**', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, message: raw }) }));
        await page.reload();
        const alert = page.getByRole('alert').filter({ hasText: 'signed in to one account only' });
        await expect.poll(() => alert.count()).toBe(1);
        const text = (await alert.textContent()) ?? '';
        expect(text).toContain('browser profile');
        expect(text).not.toContain(raw);
        expect(text).not.toMatch(/PERMISSION_DENIED|Authorization is required/);
      } finally {
        await sidebar.close();
      }
    });
  }

  it('any other server error is still shown as the server said it', async () => {
    const sidebar = await openSidebar(browser, harness, 'ana@acme.example');
    try {
      const { page } = sidebar;
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await page.route('**/rpc**', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, message: 'Exception: The sheet "Assessments" is missing.' }) }));
      await page.reload();
      const alert = page.getByRole('alert').filter({ hasText: 'The sheet "Assessments" is missing.' });
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).not.toContain('Exception:');
    } finally {
      await sidebar.close();
    }
  });
});
