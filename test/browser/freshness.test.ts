/**
 * Two partners in Chromium on one workbook: what one saves shows in the other's open sidebar
 * within the poll interval, without wiping what the other is typing. The interval is set to
 * POLL_MS through window.trustCornersPollMs so the test runs in seconds.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { openSidebar, screenshot, type SidebarPage } from './browser';
import { startHarness, type Harness } from './harness';
import { heading, useBrowser } from './steps';

const ANA = 'ana@acme.example';
const BEN = 'ben@globex.example';
const POLL_MS = 300;
/** Comfortably more than one interval plus a poll and a reload on a busy machine. */
const WITHIN_POLL = 5_000;

const browser = useBrowser();


/** The example workbook, Ana on its first company and Ben on its second. */
function twoPartners(harness: Harness): string[] {
  harness.run(ANA, 'menuLoadExample');
  const { sides } = harness.run(ANA, 'loadHome') as { sides: string[] };
  harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: sides[0] }));
  harness.run(BEN, 'saveIdentity', harness.bundle.realm({ displayName: 'Ben Okoro', side: sides[1] }));
  return sides;
}

/** A sidebar polling every POLL_MS, opened on the weekly sync. */
async function openFastSync(harness: Harness, user: string): Promise<SidebarPage> {
  const sidebar = await openSidebar(browser(), harness, user);
  await sidebar.page.addInitScript((ms) => {
    (window as unknown as { trustCornersPollMs: number }).trustCornersPollMs = ms;
  }, POLL_MS);
  await sidebar.page.reload();
  await heading(sidebar.page, 'Trust Corners').waitFor();
  await sidebar.page.getByRole('navigation').getByRole('button', { name: 'Sync' }).click();
  await heading(sidebar.page, 'Weekly sync').waitFor();
  return sidebar;
}

const addForm = (page: Page): Locator => page.getByRole('form', { name: 'Add a commitment' });
const calls = (harness: Harness, user: string, name: string) => harness.rpc.filter((r) => r.user === user && r.name === name).length;

async function addThroughSidebar(page: Page, text: string): Promise<void> {
  const form = addForm(page);
  await form.getByLabel('Commitment').fill(text);
  await form.getByLabel('Due date').fill('2027-01-15');
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await page.locator('li[data-id]', { hasText: text }).first().waitFor();
}

describe('the sidebar stays current', () => {
  it("shows Ben's saved commitment in Ana's open Sync view, keeps typed input, counts her own saves, and clears messages on navigation", async () => {
    const harness = await startHarness();
    try {
      twoPartners(harness);
      const ana = await openFastSync(harness, ANA);
      const ben = await openFastSync(harness, BEN);

      // Polls run, and while nothing changed they reload nothing.
      const loadsBefore = calls(harness, ANA, 'loadCommitments');
      await ana.page.waitForTimeout(4 * POLL_MS);
      expect(calls(harness, ANA, 'changesSince')).toBeGreaterThanOrEqual(2);
      expect(calls(harness, ANA, 'loadCommitments')).toBe(loadsBefore);

      // Ben saves; Ana's open view shows it within the interval, focus not taken from her nav.
      await ana.page.getByRole('navigation').getByRole('button', { name: 'Sync' }).focus();
      await addThroughSidebar(ben.page, 'Ben shares the churn report');
      await expect.poll(() => ana.page.getByText('Ben shares the churn report').count(), { timeout: WITHIN_POLL }).toBeGreaterThan(0);
      expect(await ana.page.evaluate(() => document.activeElement?.textContent)).toBe('Sync');
      await expect.poll(() => ana.page.locator('#announcer').textContent(), { timeout: WITHIN_POLL }).toBe('Updated with a change made elsewhere.');

      // Ana is typing: Ben's next save brings a note and a Refresh, never a reload over her text.
      await addForm(ana.page).getByLabel('Commitment').fill('Ana drafts the joint plan');
      await addThroughSidebar(ben.page, 'Ben books the quarterly review');
      const note = ana.page.locator('.toolbar .changed', { hasText: 'The workbook changed since this view loaded.' });
      await note.waitFor({ timeout: WITHIN_POLL });
      await ana.page.waitForTimeout(3 * POLL_MS);
      expect(await addForm(ana.page).getByLabel('Commitment').inputValue()).toBe('Ana drafts the joint plan');
      expect(await ana.page.getByText('Ben books the quarterly review').count()).toBe(0);
      expect(await seriousViolations(ana.page), 'axe with the note shown').toEqual([]);
      await screenshot(ana.page, 'sync-partner-changed');

      // Refresh, from the keyboard: the change shows, the note goes, and it is announced.
      await ana.page.getByRole('button', { name: 'Refresh' }).focus();
      await ana.page.keyboard.press('Enter');
      await ana.page.getByText('Ben books the quarterly review').first().waitFor({ timeout: WITHIN_POLL });
      expect(await note.isHidden()).toBe(true);
      await expect.poll(() => ana.page.locator('#announcer').textContent()).toBe('Refreshed.');

      // Her own save is not mistaken for a partner's: no reload follows it.
      await addThroughSidebar(ana.page, 'Ana sends the minutes');
      await expect.poll(() => ana.page.locator('#announcer').textContent()).toBe('Added: Ana sends the minutes');
      const loadsAfterOwnSave = calls(harness, ANA, 'loadCommitments');
      const pollsAfterOwnSave = calls(harness, ANA, 'changesSince');
      await ana.page.waitForTimeout(5 * POLL_MS);
      expect(calls(harness, ANA, 'changesSince')).toBeGreaterThan(pollsAfterOwnSave);
      expect(calls(harness, ANA, 'loadCommitments')).toBe(loadsAfterOwnSave);
      expect(await ana.page.locator('#announcer').textContent()).toBe('Added: Ana sends the minutes');

      // A message belongs to its view: Home does not repeat Sync's "Added".
      await ana.page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await heading(ana.page, 'Trust Corners').waitFor();
      expect(await ana.page.locator('#announcer').textContent()).toBe('');

      // Ben's sidebar saw Ana's save too.
      await expect.poll(() => ben.page.getByText('Ana sends the minutes').count(), { timeout: WITHIN_POLL }).toBeGreaterThan(0);

      expect(ana.errors).toEqual([]);
      expect(ben.errors).toEqual([]);
      expect(await seriousViolations(ana.page)).toEqual([]);
      await ana.close();
      await ben.close();
    } finally {
      await harness.close();
    }
  });

  it('stops polling while the sidebar is hidden and looks at once when it is shown again', async () => {
    const harness = await startHarness();
    try {
      const sides = twoPartners(harness);
      const ana = await openFastSync(harness, ANA);
      const setVisibility = (state: 'hidden' | 'visible') =>
        ana.page.evaluate((value) => {
          Object.defineProperty(document, 'visibilityState', { value, configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        }, state);
      await setVisibility('hidden');
      await ana.page.waitForTimeout(POLL_MS); // a poll already in flight may still land
      const polls = calls(harness, ANA, 'changesSince');
      await ana.page.waitForTimeout(5 * POLL_MS);
      expect(calls(harness, ANA, 'changesSince')).toBe(polls);

      harness.run(BEN, 'addCommitment', harness.bundle.realm({ commitment: 'Ben while Ana was away', ownerSide: sides[1], ownerPerson: 'Ben Okoro', corner: '', dueDate: '2027-01-15' }));
      await setVisibility('visible');
      await ana.page.getByText('Ben while Ana was away').first().waitFor({ timeout: WITHIN_POLL });
      await ana.close();
    } finally {
      await harness.close();
    }
  });
});
