/**
 * The Joint Health Scorecard ritual in Chromium: two partners score the quarter from the sidebar,
 * both see both sides next to each other with the direction since the previous quarter, an action
 * item is recorded, pNPS and PSAT are shown. Built sidebar against the real build/Code.js on the
 * Apps Script double (harness.ts); checked by what lands in the double's sheet, with axe scans.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSidebar, type SidebarPage } from './browser';
import { startHarness, type Harness } from './harness';
import { checkView, heading, useBrowser } from './steps';

const ANA = 'ana@acme.example';
const CLEO = 'cleo@globex.example';

const browser = useBrowser();


async function openScorecard(harness: Harness, user: string): Promise<SidebarPage> {
  const sidebar = await openSidebar(browser(), harness, user);
  const { page } = sidebar;
  await heading(page, 'Trust Corners').waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'More' }).click();
  await heading(page, 'More tools').waitFor();
  await page.getByRole('button', { name: 'Joint Health Scorecard', exact: true }).click();
  await heading(page, 'Joint Health Scorecard, 2026-Q4').waitFor();
  return sidebar;
}

async function pick(scope: Locator, legend: string, value: number): Promise<void> {
  const group = scope.getByRole('group', { name: new RegExp(`^${legend} \\(`) });
  await group.locator('label', { hasText: new RegExp(`^${value}$`) }).click();
}

/** Fills the scoring form: four corners, the sub-dimensions given, satisfaction, comments. */
async function score(page: Page, form: string, corners: number[], subs: number[], satisfaction: number, comments: string): Promise<void> {
  const scope = page.getByRole('form', { name: form });
  for (const [index, corner] of ['Competence', 'Reliability', 'Transparency', 'Alignment'].entries()) await pick(scope, corner, corners[index]);
  for (const [index, sub] of ['Domain expertise', 'Execution capacity', 'Learning velocity'].entries()) if (subs[index] !== undefined) await pick(scope, sub, subs[index]);
  await pick(scope, 'Partner satisfaction', satisfaction);
  await scope.getByLabel('Comments').fill(comments);
}

/** The table's cell text of one row, per side column. */
async function rowOf(page: Page, name: string): Promise<string[]> {
  const row = page.getByRole('table', { name: /Scores of both sides/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

function sheetRows(harness: Harness): unknown[][] {
  return harness.double.inspect.values('Joint Health Scorecard').slice(1).filter((row) => row.some((cell) => cell !== ''));
}

describe('the Joint Health Scorecard in Chromium', () => {
  it('two partners score the quarter, both see both sides, an action item is recorded, pNPS is shown', async () => {
    const harness = await startHarness();
    harness.run(ANA, 'setUpWorkbook', harness.bundle.realm({ ourCompany: 'Acme', partnerCompany: 'Globex', model: 'Strategic' }));
    harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: 'Acme' }));
    harness.run(CLEO, 'saveIdentity', harness.bundle.realm({ displayName: 'Cleo Park', side: 'Globex' }));
    // Last quarter Acme scored already: this quarter's arrows compare with it.
    harness.run(ANA, 'saveScorecard', harness.bundle.realm({
      quarter: '2026-Q3', corners: { Competence: 6, Reliability: 6, Transparency: 6, Alignment: 5 },
      domainExpertise: 7, executionCapacity: null, learningVelocity: 5, satisfaction: 6, comments: '',
    }));

    const ana = await openScorecard(harness, ANA);
    const cleo = await openScorecard(harness, CLEO);
    try {
      const a = ana.page;
      await expect(a.getByText('Not scored yet: Acme and Globex.').isVisible()).resolves.toBe(true);
      await expect(a.getByText('Once Acme has scored 2026-Q4, you can add action items here.').isVisible()).resolves.toBe(true);
      await checkView(ana, 'scorecard-empty');

      // A corner left unscored is refused beside the button, before any call.
      const before = harness.rpc.length;
      await a.getByRole('form', { name: 'Acme’s scores for 2026-Q4' }).getByRole('button', { name: 'Save scores' }).click();
      await expect(a.getByRole('form', { name: 'Acme’s scores for 2026-Q4' }).getByRole('alert').textContent()).resolves.toBe(
        'Score every corner and the partner satisfaction: Competence, Reliability, Transparency, Alignment, Partner satisfaction are missing.',
      );
      expect(harness.rpc.length).toBe(before);

      await score(a, 'Acme’s scores for 2026-Q4', [8, 6, 4, 7], [7, 6], 10, '<img src=x onerror="window.__xss=1">');
      await a.getByRole('button', { name: 'Save scores' }).click();
      await a.getByText('Acme’s scores for 2026-Q4 are saved.', { exact: true }).first().waitFor();

      // Cleo scores Globex's side: the side comes from her saved identity, not from the page.
      const c = cleo.page;
      await c.getByRole('button', { name: 'Show' }).click();
      await heading(c, 'Joint Health Scorecard, 2026-Q4').waitFor();
      await score(c, 'Globex’s scores for 2026-Q4', [7, 7, 5, 6], [8, 7, 6], 8, 'Want earlier notice of pricing changes');
      await c.getByRole('button', { name: 'Save scores' }).click();
      await c.getByText('Globex’s scores for 2026-Q4 are saved.', { exact: true }).first().waitFor();

      expect(sheetRows(harness)).toEqual([
        ['2026-Q3', 'Acme', 6, 6, 6, 5, 7, '', 5, 6, '', ''],
        ['2026-Q4', 'Acme', 8, 6, 4, 7, 7, 6, '', 10, '<img src=x onerror="window.__xss=1">', ''],
        ['2026-Q4', 'Globex', 7, 7, 5, 6, 8, 7, 6, 8, 'Want earlier notice of pricing changes', ''],
      ]);

      // Cleo sees both sides next to each other, with Acme's direction since 2026-Q3.
      expect(await rowOf(c, 'Competence')).toEqual(['8 ↑, up from 6 in 2026-Q3', '7']);
      expect(await rowOf(c, 'Transparency')).toEqual(['4 ↓, down from 6 in 2026-Q3', '5']);
      expect(await rowOf(c, 'Learning velocity')).toEqual(['–', '6']);
      // pNPS of the quarter: 10 promoter, 8 passive → 50; PSAT both ≥ 8; all quarters adds a 6 (detractor) → 0.
      const figures = c.getByRole('region', { name: 'Partner satisfaction' });
      await expect(figures.getByText('pNPS, 2026-Q4').isVisible()).resolves.toBe(true);
      expect((await figures.locator('dd').allTextContents()).map((text) => text.trim())).toEqual([
        '50 (from 2 satisfaction scores)',
        '100%',
        '0 (from 3 scores, as on the Dashboard)',
      ]);
      // The comment typed as HTML is shown as text.
      await expect(c.getByText('<img src=x onerror="window.__xss=1">').isVisible()).resolves.toBe(true);

      // Cleo records an action item; Ana sees it when she shows the quarter again.
      await c.getByRole('textbox', { name: 'Action item', exact: true }).fill('Tell Acme of pricing changes a month ahead');
      await c.getByRole('button', { name: 'Add action item' }).click();
      await c.getByText('Action item added: Tell Acme of pricing changes a month ahead').waitFor();
      expect(sheetRows(harness)[2][11]).toBe('Tell Acme of pricing changes a month ahead');
      await checkView(cleo, 'scorecard-both-sides');

      await a.getByRole('button', { name: 'Show' }).click();
      await a.getByText('Added by Globex').waitFor();
      await expect(a.getByText('Tell Acme of pricing changes a month ahead').isVisible()).resolves.toBe(true);
      expect(await rowOf(a, 'Partner satisfaction')).toEqual(['10 ↑, up from 6 in 2026-Q3', '8']);
      // Ana's form shows Acme's saved scores, and saving again replaces Acme's row.
      const form = a.getByRole('form', { name: 'Acme’s scores for 2026-Q4' });
      await expect(form.getByRole('group', { name: /^Competence \(/ }).getByRole('radio', { name: '8', exact: true }).isChecked()).resolves.toBe(true);
      await pick(form, 'Transparency', 5);
      await form.getByRole('button', { name: 'Replace Acme’s scores' }).click();
      await a.getByText('Acme’s scores for 2026-Q4 are saved.', { exact: true }).first().waitFor();
      expect(sheetRows(harness).map((row) => [row[0], row[1], row[4]])).toEqual([['2026-Q3', 'Acme', 6], ['2026-Q4', 'Acme', 5], ['2026-Q4', 'Globex', 5]]);
      await checkView(ana, 'scorecard');
    } finally {
      await ana.close();
      await cleo.close();
      await harness.close();
    }
  });
});
