/**
 * Issue 20's sidebar half in Chromium, against the real build/Code.js on the double: the Value
 * Exchange form (problems beside their fields before any call, figures into the sheet, the balance
 * as a ratio), a named answer's "Replace my answer" starting from the earlier answer, and the
 * menu's set-up dialog naming the companies and the model.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { screenshot } from './browser';
import { startHarness } from './harness';
import { ANA, CLEO, acmeAndGlobex, checkView, heading, homeAs, moreTool, sheetRows, tab, useBrowser } from './steps';

const browser = useBrowser();

describe('issue 20 in the sidebar', () => {
  it('Value Exchange: problems beside their fields, then figures recorded and the balance as a ratio', async () => {
    const harness = await acmeAndGlobex();
    const ana = await homeAs(browser(), harness, ANA);
    try {
      const { page } = ana;
      await moreTool(page, 'Value Exchange', 'Value Exchange');
      const form = page.getByRole('form', { name: 'Record a Value Exchange figure' });
      // Refused in the form, each problem beside its field, with no call made.
      const before = harness.rpc.length;
      await form.getByLabel('Quarter').fill('Q4 2026');
      await form.getByLabel('Amount').fill('-3');
      await form.getByRole('button', { name: 'Record figure' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toBe('Check the fields marked above: quarter, amount.');
      await expect(form.getByLabel('Quarter').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(form.getByText('The quarter "Q4 2026" is not a quarter like 2026-Q1.').isVisible()).resolves.toBe(true);
      await expect(form.getByText('The amount -3 is negative; enter 0 or more (a correction replaces the figure).').isVisible()).resolves.toBe(true);
      expect(harness.rpc.length).toBe(before);
      await checkView(ana, 'value-exchange-problems');

      const record = async (side: string, kind: string, amount: string, note = '') => {
        const current = page.getByRole('form', { name: 'Record a Value Exchange figure' });
        await current.getByLabel('Quarter').fill('2026-Q4');
        await current.getByLabel('Side that gave it').selectOption(side);
        await current.getByLabel('Kind').selectOption(kind);
        await current.getByLabel('Amount').fill(amount);
        await current.getByLabel('Note').fill(note);
        await current.getByRole('button', { name: 'Record figure' }).click();
        await page.locator('.notice.success').getByText(`${kind} from ${side} in 2026-Q4: `).waitFor();
      };
      await record('Acme', 'Leads', '10', 'Webinar <b>leads</b>');
      await record('Globex', 'Leads', '5');
      await record('Globex', 'Referrals', '4');
      await record('Acme', 'Referrals', '3');
      await record('Globex', 'Revenue influenced', '64000');
      await record('Acme', 'Investment', '20000');
      await record('Acme', 'Leads', '12');
      await expect(page.locator('.notice.success').getByText('Leads from Acme in 2026-Q4: 12 (was 10).').isVisible()).resolves.toBe(true);

      expect(sheetRows(harness, 'Value Exchange').map((row) => [row.Quarter, row.Side, row.Leads, row.Referrals, row['Revenue influenced'], row.Investment, row.Note])).toEqual([
        ['2026-Q4', 'Acme', 12, 3, '', 20000, 'Webinar <b>leads</b>'],
        ['2026-Q4', 'Globex', 5, 4, 64000, '', ''],
      ]);
      const table = page.getByRole('table', { name: 'What each side gave the other in 2026-Q4' });
      const rowOf = async (kind: string) => (await table.getByRole('row', { name: new RegExp(`^${kind}`) }).locator('td').allTextContents()).map((text) => text.trim());
      expect(await rowOf('Leads')).toEqual(['12', '5']);
      // A blank cell shows a dash and is read as "none".
      expect(await rowOf('Revenue influenced')).toEqual(['–none', '64,000']);
      const balances = page.getByRole('region', { name: 'Balance each way, 2026-Q4' });
      const pairs = await balances.locator('dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
      expect(pairs).toEqual([
        ['Leads', '0.42 (1 = even)'],
        ['Referrals', '0.75 (1 = even)'],
        ['Deals influenced', 'No figures yet.'],
        ['ROPI', '3.20 (revenue influenced ÷ investment, both sides)'],
      ]);
      // The note typed as HTML is shown as text.
      await expect(page.getByText('Webinar <b>leads</b>').isVisible()).resolves.toBe(true);
      await checkView(ana, 'value-exchange');
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Replace my answer starts from the earlier ratings and evidence of a named cycle', async () => {
    const harness = await acmeAndGlobex();
    harness.run(ANA, 'startCycle', harness.bundle.realm({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' }));
    harness.run(ANA, 'submitAssessment', harness.bundle.realm({
      cycle: '2026-Q4',
      ratings: { Competence: 7, Reliability: 6, Transparency: 4, Alignment: 8 },
      evidence: { Competence: 'Shipped the connector', Reliability: '', Transparency: 'Pricing change came as a surprise', Alignment: '' },
    }));
    const ana = await homeAs(browser(), harness, ANA);
    const cleo = await homeAs(browser(), harness, CLEO);
    try {
      const { page } = ana;
      await tab(page, 'Assess', 'Take the assessment');
      await page.getByText('your ratings and evidence are filled in below').waitFor();
      const group = (corner: string) => page.getByRole('group', { name: new RegExp(`^${corner} \\(`) });
      await expect(group('Competence').getByRole('radio', { name: '7', exact: true }).isChecked()).resolves.toBe(true);
      await expect(group('Transparency').getByRole('radio', { name: '4', exact: true }).isChecked()).resolves.toBe(true);
      const evidence = page.getByLabel('What observable evidence supports this rating?');
      await expect(evidence.nth(0).inputValue()).resolves.toBe('Shipped the connector');
      await expect(evidence.nth(2).inputValue()).resolves.toBe('Pricing change came as a surprise');
      await checkView(ana, 'assessment-replace-my-answer');
      // Change one rating only; the rest goes as it was.
      await group('Transparency').locator('label', { hasText: /^5$/ }).click();
      await page.getByRole('button', { name: 'Replace my answer' }).click();
      await heading(page, /./).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const answers = sheetRows(harness, 'Assessments').filter((row) => row.Cycle === '2026-Q4');
      expect(answers.map((row) => [row.Side, row.Participant, row.Competence, row.Transparency, row['Transparency evidence']])).toEqual([
        ['Acme', 'Ana Silva', 7, 5, expect.stringContaining('Pricing change')],
      ]);

      // Cleo has not answered: her form starts blank, and shows nothing of Ana's.
      await tab(cleo.page, 'Assess', 'Take the assessment');
      await expect(cleo.page.getByRole('button', { name: 'Submit ratings' }).isVisible()).resolves.toBe(true);
      expect(await cleo.page.getByRole('radio', { checked: true }).count()).toBe(0);
      await expect(cleo.page.getByText('Shipped the connector').count()).resolves.toBe(0);
    } finally {
      await ana.close();
      await cleo.close();
      await harness.close();
    }
  });

  it('the menu’s set-up asks for the companies and the model in a dialog', async () => {
    const harness = await startHarness();
    const context = await browser().newContext({ viewport: { width: 420, height: 400 } });
    try {
      harness.run(ANA, 'menuSetUpWorkbook');
      const page = await context.newPage();
      await page.goto(`${harness.url}/dialog?user=${encodeURIComponent(ANA)}`);
      await page.getByLabel('Your company').fill('Acme');
      await page.getByRole('button', { name: 'Set up' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe('Type both company names.');
      await page.getByLabel('Partner company').fill('Globex');
      await page.getByLabel('Partnership model').selectOption('Co-innovation');
      await page.getByRole('button', { name: 'Set up' }).click();
      await page.getByText('Set up for Acme and Globex (Co-innovation).', { exact: false }).waitFor();
      expect(harness.double.inspect.values('Partnership')[1].slice(0, 3)).toEqual(['Acme', 'Globex', 'Co-innovation']);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'setup-dialog');
    } finally {
      await context.close();
      await harness.close();
    }
  });
});
