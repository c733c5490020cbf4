/**
 * Governance in Chromium: the trust-building approach and its six-month review on Home, rebuild or
 * exit in breach mode, and Prepare review building the steering-committee pack. Built sidebar
 * against the real build/Code.js on the Apps Script double (harness.ts); every flow is checked by
 * what lands in the double's sheets.
 */
import { describe, expect, it } from 'vitest';
import type { SidebarPage } from './browser';
import { startHarness, type Harness } from './harness';
import { ANA, CLEO, acmeAndGlobex, checkView, confirmStep, heading, homeAs, moreTool, sheetRows, useBrowser } from './steps';

const browser = useBrowser();
const workbook = (): Promise<Harness> => acmeAndGlobex();
const openAs = (harness: Harness, user: string): Promise<SidebarPage> => homeAs(browser(), harness, user);
const tool = moreTool;

const rows = sheetRows;

const isoOf = (value: unknown) => (Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString().slice(0, 10) : String(value));

describe('governance in Chromium', () => {
  it('the approach is chosen with a rationale, and Home says when its six-month review is due', async () => {
    const harness = await workbook();
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      // Before a choice: a gentle prompt on Home.
      await page.getByText('No trust-building approach chosen yet.').waitFor();
      await page.getByRole('button', { name: 'Choose an approach' }).click();
      await heading(page, 'Governance').waitFor();
      await page.getByText('No closed assessment cycle yet').waitFor();
      const form = page.getByRole('form', { name: 'Choose the trust-building approach' });
      await form.getByLabel('Approach').selectOption('Gradual commitment');
      await form.getByRole('button', { name: 'Record the choice' }).click();
      await page.getByRole('alert').filter({ hasText: 'Write down why this approach.' }).waitFor();
      await form.getByLabel('Rationale').fill('<img src=x onerror="window.__xss=1"> Pilot accounts first, then the joint offer');
      await form.getByRole('button', { name: 'Record the choice' }).click();
      await page.getByRole('status').filter({ hasText: 'Governance approach saved: Gradual commitment. Review due 2027-05-30.' }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      const [partnership] = rows(harness, 'Partnership');
      expect(partnership).toMatchObject({
        'Governance approach': 'Gradual commitment',
        'Governance rationale': '<img src=x onerror="window.__xss=1"> Pilot accounts first, then the joint offer',
        'Governance chosen by': 'Ana Silva (Acme)',
      });
      expect(isoOf(partnership['Governance chosen on'])).toBe('2026-11-30'); // the server's today
      await checkView(ana, 'governance-chosen');

      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByText('Gradual commitment: review in 181 days (2027-05-30).').waitFor();
      expect(await page.getByText('Governance review due.').count()).toBe(0);

      // Six months on: the review is due, on Home for everyone.
      harness.setNow(new Date('2027-06-02T12:00:00Z'));
      const cleo = await openAs(harness, CLEO);
      try {
        await cleo.page.getByText('Governance review due.').waitFor();
        await cleo.page.getByText('Gradual commitment: the six-month review is due (since 2027-05-30).').waitFor();
        await checkView(cleo, 'governance-home-review-due');
        await cleo.page.getByRole('button', { name: 'Review the approach' }).click();
        await heading(cleo.page, 'Governance').waitFor();
        const review = cleo.page.getByRole('form', { name: 'Choose the trust-building approach' });
        await review.getByLabel('Approach').selectOption('Shared governance');
        await review.getByLabel('Rationale').fill('Two cycles behind us: a joint steering committee now');
        await review.getByRole('button', { name: 'Save the review' }).click();
        await cleo.page.getByRole('status').filter({ hasText: 'Review due 2027-12-02.' }).waitFor();
        expect(rows(harness, 'Partnership')[0]).toMatchObject({ 'Governance approach': 'Shared governance', 'Governance chosen by': 'Cleo Park (Globex)' });
      } finally {
        await cleo.close();
      }
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('after a severe breach the reset view asks rebuild or exit; an exit closes the loop and keeps the records', async () => {
    const harness = await workbook();
    harness.run(ANA, 'recordBreach', harness.bundle.realm({ date: '2026-11-20', what: 'Customer data used for their own campaign', corner: 'Transparency' }));
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      await tool(page, 'Severe breach', 'Severe breach');
      const form = page.getByRole('form', { name: 'Rebuild or exit after B-001' });
      await form.getByText('Answer the questions to see which way they point.').waitFor();
      await form.getByText('No cycle since the breach has rated Transparency yet.').waitFor();
      await form.getByRole('group', { name: 'Was it dishonesty or misuse of data?' }).getByLabel('Yes').check();
      await form.getByRole('group', { name: 'Did the partner acknowledge it?' }).getByLabel('No').check();
      await form.getByText('The answers point to: Exit.').waitFor();
      await form.getByRole('group', { name: 'Did the partner acknowledge it?' }).getByLabel('Yes').check();
      await form.getByText('The answers point to: Rebuild.').waitFor();
      await form.getByLabel('Did the next cycle recover?').selectOption('No');
      await form.getByText('The answers point to: Exit.').waitFor();
      await checkView(ana, 'breach-decision');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choose rebuild or exit.' }).waitFor();
      await form.getByRole('group', { name: 'Decision' }).getByLabel('Exit the partnership').check();
      await form.getByLabel('Reasons').fill('Data misuse, and Transparency did not come back');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await confirmStep(page, 'Exit the partnership?', 'Exit the partnership');
      await page.getByText('The partnership was exited.').waitFor();
      const [breach] = rows(harness, 'Breaches');
      expect(breach).toMatchObject({
        'What happened': 'Customer data used for their own campaign', 'Dishonesty or data misuse': 'Yes', 'Partner acknowledged': 'Yes',
        'Next cycle recovered': 'No', Decision: 'Exit', 'Decision reasons': 'Data misuse, and Transparency did not come back', 'Decided by': 'Ana Silva (Acme)',
      });
      await checkView(ana, 'breach-exited');

      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByText(/The partnership was exited on 2026-11-30\./).waitFor();
      expect(await page.getByRole('button', { name: 'Take the assessment' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Open the reset' }).count()).toBe(0);
      expect(await page.getByRole('heading', { level: 2, name: 'Next reassessment' }).count()).toBe(0);
      expect(await page.getByRole('heading', { level: 2, name: 'Reset after a severe breach' }).count()).toBe(0);
      await checkView(ana, 'home-exited');
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Prepare review builds the Review pack sheet for the latest closed cycle', async () => {
    const harness = await startHarness();
    harness.run(ANA, 'loadExample');
    harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      // The example chose gradual commitment two months ago: Home counts down to its review.
      await page.getByText(/^Gradual commitment: review in \d+ days/).waitFor();
      await tool(page, 'Governance and review pack', 'Governance');
      const cycle = page.getByLabel('Cycle', { exact: true });
      const cycles = await cycle.locator('option').allTextContents();
      expect(cycles.length).toBe(2);
      await page.getByRole('button', { name: 'Prepare review' }).click();
      await page.locator('#view').getByText(`The “Review pack” sheet is ready for ${cycles[0]}.`).waitFor();
      expect(harness.double.inspect.sheetNames()).toContain('Review pack');
      const values = harness.double.inspect.values('Review pack');
      expect(values[0][0]).toBe('Steering-committee review pack');
      expect(values.find((row) => row[0] === 'Assessment cycle')?.[1]).toBe(cycles[0]);
      await checkView(ana, 'governance-pack-prepared');
      // Another cycle: the pack is rebuilt for it.
      await cycle.selectOption(cycles[1]);
      await page.getByRole('button', { name: 'Prepare review' }).click();
      await page.locator('#view').getByText(`The “Review pack” sheet is ready for ${cycles[1]}.`).waitFor();
      expect(harness.double.inspect.values('Review pack').find((row) => row[0] === 'Assessment cycle')?.[1]).toBe(cycles[1]);
    } finally {
      await ana.close();
      await harness.close();
    }
  });
});
