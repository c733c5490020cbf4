/**
 * What the preview tests share: the preview server started in-process on a free port with a
 * temporary save file, Debian's Chromium, a page per person (offline: any request off the server
 * is refused and recorded), and the grid steps a person takes (show a sheet, type into a cell).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../preview/start';
import { launchBrowser } from '../browser/browser';

export interface PreviewSession {
  readonly server: PreviewServer;
  readonly browser: Browser;
  /** The temporary folder holding the save file (and screenshots kept for a person to look at). */
  readonly dir: string;
  readonly dataFile: string;
  /** Script errors and refused requests of every page opened, "user: message". */
  readonly pageErrors: string[];
  openAs(user: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Stops the server, runs `whileStopped`, and starts it again on the same save file. */
  restart(whileStopped?: () => void): Promise<PreviewServer>;
}

/** Starts the server and the browser before the file's tests, and stops both after them. */
export function usePreview(prefix: string, { keepDirWhen = false }: { keepDirWhen?: boolean } = {}): PreviewSession {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let dir = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the preview starts in beforeAll');
    return value;
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `trust-corners-${prefix}-`));
    server = await startPreviewServer({ port: 0, dataFile: path.join(dir, 'workbook.json'), log: () => {} });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (keepDirWhen) console.log(`screenshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get dir() {
      return dir;
    },
    get dataFile() {
      return path.join(dir, 'workbook.json');
    },
    pageErrors,
    async restart(whileStopped) {
      await started(server).close();
      whileStopped?.();
      server = await startPreviewServer({ port: 0, dataFile: path.join(dir, 'workbook.json'), log: () => {} });
      return server;
    },
    async openAs(user, viewport = { width: 1280, height: 800 }) {
      const url = started(server).url;
      const context = await started(browser).newContext({ viewport });
      contexts.push(context);
      // The preview must work offline: anything but the preview server is refused and recorded.
      await context.route('**/*', (route) => {
        const requested = route.request().url();
        if (requested.startsWith(url + '/') || requested === 'about:blank') return route.continue();
        pageErrors.push(`external request: ${requested}`);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${user}: ${error.message}`));
      await page.goto(`${url}/?user=${encodeURIComponent(user)}`);
      await page.waitForSelector('table.grid');
      return page;
    },
  };
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.waitForSelector(`table.grid[data-sheet="${name}"]`);
}

export const cell = (page: Page, a1: string) => page.locator(`td[data-a1="${a1}"]`);

/** Types into a cell like a person: double-click, then pick from the dropdown or type and Enter. */
export async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  // Like a person, wait until the previous edit came back and the grid was redrawn.
  await page.waitForSelector('body[data-busy="0"]');
  await cell(page, a1).dblclick();
  const editor = page.locator('#cell-editor');
  if ((await editor.evaluate((element) => element.tagName)) === 'SELECT') {
    await editor.selectOption(text);
  } else {
    await editor.fill(text);
    await editor.press('Enter');
  }
}
