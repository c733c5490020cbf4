/**
 * Steps the Chromium tests share: one browser per file, the checks every view gets, and what a
 * person does in the sidebar (say who they are, rate the four corners, open a view by its tab).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser, openSidebar, screenshot, type SidebarPage } from './browser';
import { startHarness, type Harness } from './harness';

/** One Chromium for the test file; `browser()` is it once beforeAll has run. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser starts in beforeAll');
    return browser;
  };
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Nothing external, no script errors, no XSS, axe clean, a screenshot (also to `alsoTo`, e.g. docs/). */
export async function checkView(sidebar: SidebarPage, name: string, alsoTo?: string): Promise<void> {
  const { page } = sidebar;
  await page.waitForFunction(() => !document.querySelector('.loading'));
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${name}: window.__xss`).toBeUndefined();
  expect(sidebar.external, `${name}: external requests`).toEqual([]);
  expect(sidebar.errors, `${name}: page errors`).toEqual([]);
  expect(await seriousViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
  await screenshot(page, name, alsoTo);
}

/** Opens a tab of the sidebar's navigation and waits for its heading. */
export async function tab(page: Page, name: string, title: string | RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await heading(page, title).waitFor();
}

/** The who-are-you view: name and side, saved; Home follows. */
export async function whoAreYou(page: Page, name: string, side: string): Promise<void> {
  await heading(page, 'Who are you?').waitFor();
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('radio', { name: side, exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Trust Corners').waitFor();
}

export const CORNER_ORDER = ['Competence', 'Reliability', 'Transparency', 'Alignment'] as const;

/** Picks the four ratings (canonical corner order) on their 1–10 scales, as a pointer user would. */
export async function rate(page: Page, ratings: readonly number[], evidence: readonly string[] = []): Promise<void> {
  for (let i = 0; i < CORNER_ORDER.length; i++) {
    const group = page.getByRole('group', { name: new RegExp(`^${CORNER_ORDER[i]} \\(`) });
    await group.locator('label', { hasText: new RegExp(`^${ratings[i]}$`) }).click();
    if (evidence[i]) await page.getByLabel('What observable evidence supports this rating?').nth(i).fill(evidence[i]);
  }
}

/** The rows of a sheet below its header, as objects keyed by header. */
export function sheetRows(harness: Harness, sheet: string): Array<Record<string, unknown>> {
  const [header, ...body] = harness.double.inspect.values(sheet);
  return body.filter((row) => row.some((cell) => cell !== '')).map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i]])));
}

export const ANA = 'ana@acme.example';
export const CLEO = 'cleo@globex.example';

/** A workbook set up for Acme and Globex, with Ana (Acme) and Cleo (Globex) known. */
export function acmeAndGlobex(ours = 'Acme', theirs = 'Globex', names: [string, string] = ['Ana Silva', 'Cleo Park']): Promise<Harness> {
  return startHarness().then((harness) => {
    harness.run(ANA, 'setUpWorkbook', harness.bundle.realm({ ourCompany: ours, partnerCompany: theirs, model: 'Strategic' }));
    harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: names[0], side: ours }));
    harness.run(CLEO, 'saveIdentity', harness.bundle.realm({ displayName: names[1], side: theirs }));
    return harness;
  });
}

/** The sidebar as `user`, once Home has loaded. */
export async function homeAs(browser: Browser, harness: Harness, user: string): Promise<SidebarPage> {
  const sidebar = await openSidebar(browser, harness, user);
  await heading(sidebar.page, 'Trust Corners').waitFor();
  return sidebar;
}

/** Opens one of the More tab's tools and waits for its heading. */
export async function moreTool(page: Page, name: string, title: string | RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'More' }).click();
  await heading(page, 'More tools').waitFor();
  await page.getByRole('button', { name, exact: true }).click();
  await heading(page, title).waitFor();
}

/**
 * Goes ahead in the in-sidebar confirmation that asks before what cannot be taken back: it has
 * focus when it appears, says what will happen, and `confirmLabel` goes ahead.
 */
export async function confirmStep(page: Page, title: string | RegExp, confirmLabel: string): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: title });
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((element) => element === document.activeElement)).toBe(true);
  await dialog.getByRole('button', { name: confirmLabel }).click();
}
