/**
 * About and diagnostics after a person used the real sidebar in Chromium: the sidebar's own view
 * (More → About and diagnostics) lists the calls just made, timed from the click to the answer;
 * Extensions → Trust Corners → About and diagnostics, as the real build/Code.js renders it on the
 * double, lists the menu items, timed on the server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../runtime/bundle/project-root';
import { seriousViolations } from './axe';
import { openSidebar, screenshot } from './browser';
import { startHarness } from './harness';
import { useBrowser } from './steps';

const ANA = 'ana@acme.example';
const TIMING_PREFIX = 'trustCorners.timing.';

const browser = useBrowser();

describe('About and diagnostics in Chromium', () => {
  it('the sidebar lists its calls, timed from the click to the answer; the menu’s dialog its menu items, timed on the server', async () => {
    const harness = await startHarness({ timeZone: 'Asia/Kolkata' });
    const sidebar = await openSidebar(browser(), harness, ANA);
    const dialogPage = await browser().newPage({ viewport: { width: 560, height: 600 } });
    try {
      const { page } = sidebar;
      await page.getByRole('button', { name: 'Load the example' }).click();
      await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
      await page.getByLabel('Display name').fill('Ana Silva');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 2, name: 'Next reassessment' }).waitFor();
      const called = harness.rpc.filter((r) => r.name !== 'changesSince').map((r) => r.name);
      expect(called).toEqual(['loadHome', 'loadExample', 'saveIdentity']);

      // In the sidebar: More → About and diagnostics, no call to the server.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'More' }).click();
      await page.getByRole('button', { name: 'About and diagnostics' }).click();
      await page.getByRole('heading', { level: 1, name: 'About and diagnostics' }).waitFor();
      expect(harness.rpc.filter((r) => r.name !== 'changesSince').map((r) => r.name)).toEqual(called);
      const rows = await page.locator('#sidebar-calls tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
      expect(rows.map((cells) => cells[1])).toEqual([...called].reverse());
      for (const [when, , took, result] of rows) {
        expect(when).toMatch(/^\d\d:\d\d:\d\d$/);
        expect(took).toMatch(/^\d+ ms$/);
        expect(result).toBe('ok');
      }
      const sidebarReport = await page.locator('#sidebar-report').inputValue();
      for (const [, action, took] of rows) expect(sidebarReport).toContain(`${action}\t${took}`);
      // Nothing personal is kept in the tab: no name, no email, no cell content.
      const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      expect(kept).toContain('saveIdentity');
      expect(kept).not.toMatch(/Ana|@|Acme|Globex/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'about-sidebar');

      // The sidebar's calls wrote no timing record: only the menu item that opened the sidebar did.
      const stored = harness.double.inspect.properties('user', ANA);
      expect(Object.keys(stored).filter((key) => key.startsWith(TIMING_PREFIX))).toEqual([`${TIMING_PREFIX}showSidebar`]);

      harness.run(ANA, 'showAboutAndDiagnostics');
      const dialog = harness.double.inspect.dialogs().pop()!;
      expect(dialog.kind).toBe('modal');
      expect(dialog.title).toBe('About and diagnostics');
      await dialogPage.setContent(dialog.html);

      const menuRows = await dialogPage.locator('#actions tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
      // showSidebar ran when the harness opened the sidebar.
      expect(menuRows.map((cells) => cells[1])).toEqual(['showSidebar']);
      for (const [when, action, took, result] of menuRows) {
        expect(took).toMatch(/^\d+ ms$/);
        const record = JSON.parse(stored[TIMING_PREFIX + action!]!) as { at: number; ms: number; ok: boolean };
        expect(took).toBe(`${record.ms} ms`);
        expect(result).toBe('ok');
        // Shown in the spreadsheet's time zone (UTC+05:30 has no daylight saving).
        const local = new Date(record.at + 5.5 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
        expect(when).toBe(local);
      }
      // Nothing personal is kept: no name, no email, no cell content.
      const timingText = Object.entries(stored).filter(([key]) => key.startsWith(TIMING_PREFIX)).map(([, value]) => value).join(' ');
      expect(timingText).not.toMatch(/Ana|@|Acme|Globex/);
      expect(await dialogPage.locator('p.note').textContent()).toContain('More → About and diagnostics');

      const facts = Object.fromEntries(
        await dialogPage.locator('#facts dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
      ) as Record<string, string>;
      const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
      expect(facts.Version).toBe(pkg.version);
      const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: projectRoot(), encoding: 'utf8' }).trim();
      expect(facts.Build!.startsWith(commit)).toBe(true);
      expect(facts['Spreadsheet time zone']).toBe('Asia/Kolkata');
      expect(facts.Authorization).toMatch(/^FULL/);
      // The copyable report carries the same rows.
      const report = await dialogPage.locator('#report').inputValue();
      for (const [, action, took] of menuRows) expect(report).toContain(`${action}\t${took}`);
      expect(await seriousViolations(dialogPage)).toEqual([]);
      await screenshot(dialogPage, 'about-and-diagnostics');
    } finally {
      await dialogPage.close();
      await sidebar.close();
      await harness.close();
    }
  });
});
