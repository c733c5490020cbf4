/** Debian's Chromium driven by playwright-core, and a sidebar page per user. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../runtime/bundle/project-root';
import type { Harness } from './harness';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(projectRoot(), 'test-output/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface SidebarPage {
  page: Page;
  context: BrowserContext;
  user: string;
  /** Requests the page tried to make anywhere but the harness (all are blocked). */
  external: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens the sidebar as `user` in its own browser context, 300 px wide like a Sheets sidebar. */
export async function openSidebar(browser: Browser, harness: Harness, user: string): Promise<SidebarPage> {
  const context = await browser.newContext({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 1 });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.url + '/')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  // The page's own clock agrees with the add-on's (the sidebar computes "today" for hints and defaults).
  await page.clock.setFixedTime(harness.now());
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${harness.url}/sidebar?user=${encodeURIComponent(user)}`);
  return { page, context, user, external, errors, close: () => context.close() };
}

export async function screenshot(page: Page, name: string, also?: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (also) {
    mkdirSync(path.dirname(also), { recursive: true });
    await page.screenshot({ path: also, fullPage: true });
  }
}
