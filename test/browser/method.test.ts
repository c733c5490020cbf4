/**
 * The rest of the method in the sidebar (More tab): Competence Audit, Alignment Audit, Pre-mortem,
 * Disclosure advisor, Severe breach, Major change, and the home view's breach and ad hoc modes.
 * Built sidebar in Chromium against the real build/Code.js on the Apps Script double (harness.ts);
 * every flow is checked by what lands in the double's sheets.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INJECTION_PAYLOADS } from '../support/payloads';
import type { SidebarPage } from './browser';
import type { Harness } from './harness';
import { ANA, CLEO, acmeAndGlobex, checkView, heading, homeAs, moreTool, sheetRows, useBrowser } from './steps';


const browser = useBrowser();



const workbook = acmeAndGlobex;
const openAs = (harness: Harness, user: string): Promise<SidebarPage> => homeAs(browser(), harness, user);
const tool = moreTool;

/** Picks a value on a 1–10 scale by its visible label, as a pointer user would. */
async function scale(scope: Page | Locator, legend: string, value: number): Promise<void> {
  const group = scope.getByRole('group', { name: new RegExp(`^${legend} \\(`) });
  await group.locator('label', { hasText: new RegExp(`^${value}$`) }).click();
}


const isDate = (value: unknown) => Object.prototype.toString.call(value) === '[object Date]';
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the method’s tools in Chromium', () => {
  it('More lists every tool; Competence Audit and the learning log', async () => {
    const harness = await workbook();
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      await page.getByRole('navigation').getByRole('button', { name: 'More' }).click();
      await heading(page, 'More tools').waitFor();
      expect(await page.getByRole('navigation').getByRole('button', { name: 'More' }).getAttribute('aria-current')).toBe('page');
      for (const name of ['Competence Audit', 'Alignment Audit', 'Pre-mortem', 'Disclosure advisor', 'Severe breach', 'Major change']) {
        await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
      }
      await checkView(ana, 'method-more');

      // Keyboard: Tab to the first tool and open it with Enter.
      await page.getByRole('button', { name: 'Competence Audit', exact: true }).focus();
      await page.keyboard.press('Enter');
      await heading(page, 'Competence Audit').waitFor();
      await expect(page.getByText('No ratings yet.').isVisible()).resolves.toBe(true);
      // Acme rates Globex: the partner is the only side offered.
      const rateForm = page.getByRole('form', { name: 'Rate the partner’s competence' });
      await expect(rateForm.getByLabel('Side rated').locator('option').allTextContents()).resolves.toEqual(['Globex']);

      // Refused beside the button before any call while a sub-score is unrated.
      const before = harness.rpc.length;
      await scale(rateForm, 'Domain expertise', 8);
      await rateForm.getByRole('button', { name: 'Submit ratings' }).click();
      await expect(rateForm.getByRole('alert').textContent()).resolves.toBe('Rate every sub-score: Execution capacity, Learning velocity are missing.');
      expect(harness.rpc.length).toBe(before);
      await checkView(ana, 'method-competence');

      const rateOnce = async (quarter: string, [d, e, l]: number[], evidence: string) => {
        const form = page.getByRole('form', { name: 'Rate the partner’s competence' });
        await form.getByLabel('Quarter').fill(quarter);
        await scale(form, 'Domain expertise', d);
        await scale(form, 'Execution capacity', e);
        await scale(form, 'Learning velocity', l);
        await form.getByLabel('Evidence').fill(evidence);
        await form.getByRole('button', { name: 'Submit ratings' }).click();
        await page.getByText(`for ${quarter} are saved`).waitFor();
      };
      await rateOnce('2026-Q3', [8, 6, 5], 'Passed the partner certification');
      await rateOnce('2026-Q4', [8, 7, 7], 'Shipped the connector in three weeks');
      const audit = sheetRows(harness, 'Competence Audit');
      expect(audit.map((r) => [r['Quarter'], r['Rated by (side)'], r['Side rated'], r['Participant'], r['Domain expertise'], r['Execution capacity'], r['Learning velocity'], r['Evidence']])).toEqual([
        ['2026-Q3', 'Acme', 'Globex', 'Ana Silva', 8, 6, 5, 'Passed the partner certification'],
        ['2026-Q4', 'Acme', 'Globex', 'Ana Silva', 8, 7, 7, 'Shipped the connector in three weeks'],
      ]);
      // Sub-scores per quarter and side, with the learning-velocity trend.
      const table = page.getByRole('table', { name: 'Competence sub-scores by quarter and side rated' });
      await expect(table.getByRole('row').nth(1).textContent()).resolves.toMatch(/^2026-Q4Globex8\.07\.07\.0 ↑, up 2\.0 since the previous quarter1$/);
      await expect(page.getByText('Globex: 2026-Q3 5.0 → 2026-Q4 7.0').isVisible()).resolves.toBe(true);

      // Learning log; a double click adds it once.
      const log = page.getByRole('form', { name: 'Add a learning activity' });
      await log.getByLabel('Activity').fill('Cloud architect certification');
      await log.getByLabel('Kind').selectOption('Certification');
      await log.getByLabel('Side').selectOption('Globex');
      await log.getByLabel('Person').fill('Dev Rao');
      await log.getByLabel('Date').fill('2026-11-02');
      await log.getByLabel('Hours').fill('-3');
      await log.getByRole('button', { name: 'Add to the log' }).click();
      await expect(log.getByRole('alert').textContent()).resolves.toBe('Hours must be a number from 0 to 1000.');
      await log.getByLabel('Hours').fill('40');
      await log.getByRole('button', { name: 'Add to the log' }).dblclick();
      await page.getByRole('listitem').filter({ hasText: 'Cloud architect certification' }).waitFor();
      expect(harness.rpc.filter((r) => r.name === 'addLearningActivity')).toHaveLength(1);
      await expect(page.getByText('Certification · Globex · Dev Rao · 2026-11-02 · 40 h').isVisible()).resolves.toBe(true);
      const learning = sheetRows(harness, 'Learning Log');
      expect(learning).toHaveLength(1);
      expect(learning[0]).toMatchObject({ Side: 'Globex', Person: 'Dev Rao', Activity: 'Cloud architect certification', Kind: 'Certification', Hours: 40 });
      expect(isDate(learning[0]['Date'])).toBe(true);
      await checkView(ana, 'method-competence-filled');
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Alignment Audit: both sides answer, the answers side by side, marks and the share aligned', async () => {
    const harness = await workbook();
    try {
      const answer = async (user: string, answers: Record<string, string>) => {
        const sidebar = await openAs(harness, user);
        await tool(sidebar.page, 'Alignment Audit', /^Alignment Audit, \d{4}-Q[1-4]$/);
        const form = sidebar.page.getByRole('form', { name: /answers$/ });
        for (const [question, text] of Object.entries(answers)) await form.getByLabel(question, { exact: true }).fill(text);
        await form.getByRole('button', { name: 'Save answers' }).click();
        await sidebar.page.getByRole('status').filter({ hasText: 'answers for' }).waitFor();
        return sidebar;
      };
      const ana = await answer(ANA, { 'Shared purpose': 'Win mid-market retail together', Boundaries: 'No poaching of staff', 'Priority 1 next quarter': 'Joint pipeline review' });
      const quarter = (await ana.page.getByRole('heading', { level: 1 }).textContent())?.replace('Alignment Audit, ', '') ?? '';
      // Saving again with nothing changed is refused before any call.
      const before = harness.rpc.length;
      await ana.page.getByRole('button', { name: 'Save answers' }).click();
      await expect(ana.page.getByRole('alert').filter({ hasText: 'Nothing changed' }).isVisible()).resolves.toBe(true);
      expect(harness.rpc.length).toBe(before);
      await checkView(ana, 'method-alignment-one-side');
      await ana.close();

      const cleo = await answer(CLEO, { 'Shared purpose': 'Grow cloud revenue', Boundaries: 'No poaching of staff', 'Priority 1 next quarter': 'Joint pipeline review' });
      const { page } = cleo;
      const purpose = page.getByRole('listitem', { name: 'Shared purpose' });
      await expect(purpose.getByRole('definition').allTextContents()).resolves.toEqual(['Win mid-market retail together', 'Grow cloud revenue']);
      await expect(purpose.getByRole('term').allTextContents()).resolves.toEqual(['Acme', 'Globex']);
      await expect(page.getByText('Share aligned: –').isVisible()).resolves.toBe(true);

      const mark = async (question: string, value: string) => {
        const pair = page.getByRole('listitem', { name: question });
        await pair.getByRole('button', { name: value, exact: true }).click();
        await expect.poll(() => page.getByRole('listitem', { name: question }).getByRole('button', { name: value, exact: true }).getAttribute('aria-pressed')).toBe('true');
      };
      await mark('Boundaries', 'Aligned');
      // Focus stays on the pair just marked, for keyboard users marking one after another.
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-question'))).toBe('Boundaries');
      await mark('Priority 1 next quarter', 'Aligned');
      await mark('Shared purpose', 'Partly');
      await expect(page.getByText('Share aligned: 67% (of 3 marked pairs; Partly does not count)').isVisible()).resolves.toBe(true);
      await checkView(cleo, 'method-alignment');

      const audit = sheetRows(harness, 'Alignment Audit');
      const byQuestion = Object.fromEntries(audit.map((r) => [r['Question'], r]));
      expect(byQuestion['Shared purpose']).toMatchObject({ Quarter: quarter, 'Our company’s answer': 'Win mid-market retail together', 'Partner company’s answer': 'Grow cloud revenue', Alignment: 'Partly' });
      expect(byQuestion['Boundaries']).toMatchObject({ Alignment: 'Aligned' });
      // Only the questions someone answered have a row.
      expect(Object.keys(byQuestion).sort()).toEqual(['Boundaries', 'Priority 1 next quarter', 'Shared purpose']);

      // Pressing the pressed mark clears it.
      await page.getByRole('listitem', { name: 'Shared purpose' }).getByRole('button', { name: 'Partly' }).click();
      await page.getByText('Share aligned: 100% (of 2 marked pairs; Partly does not count)').waitFor();
      expect(sheetRows(harness, 'Alignment Audit').find((r) => r['Question'] === 'Shared purpose')?.['Alignment']).toBe('');
      await cleo.close();
    } finally {
      await harness.close();
    }
  });

  it('Pre-mortem: a risk, then the risk as a commitment', async () => {
    const harness = await workbook();
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      await tool(page, 'Pre-mortem', 'Pre-mortem');
      await expect(page.getByText('No risks yet.').isVisible()).resolves.toBe(true);
      const form = page.getByRole('form', { name: 'Add a risk' });
      await form.getByRole('button', { name: 'Add risk' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toBe('Name the initiative.');
      await form.getByLabel('Initiative').fill('Joint launch in Q3');
      await form.getByLabel('What could go wrong').fill('Integration slips past the launch date');
      await form.getByLabel('Likelihood').selectOption('High');
      await form.getByLabel('Impact').selectOption('High');
      await form.getByLabel('Early signal').fill('Globex build red two weeks running');
      await form.getByLabel('Agreed recovery standard').fill('Tell the partner within 48 hours');
      await form.getByLabel('Owner side').selectOption('Globex');
      await checkView(ana, 'method-premortem-form');
      await form.getByRole('button', { name: 'Add risk' }).click();
      const card = page.getByRole('listitem').filter({ hasText: 'Integration slips past the launch date' });
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('Likelihood High · impact High · owner Globex');
      expect(sheetRows(harness, 'Pre-mortem')).toEqual([
        {
          ID: 'R-001', Initiative: 'Joint launch in Q3', 'What could go wrong': 'Integration slips past the launch date', Likelihood: 'High', Impact: 'High',
          'Early signal': 'Globex build red two weeks running', 'Agreed recovery standard': 'Tell the partner within 48 hours', 'Owner side': 'Globex', Commitment: '',
        },
      ]);

      const due = iso(40);
      const commit = page.getByRole('form', { name: 'Make R-001 a commitment' });
      await commit.getByLabel('Due date').fill(due);
      await commit.getByRole('button', { name: 'Make it a commitment' }).dblclick();
      await page.getByText('Commitment C-001', { exact: true }).waitFor();
      expect(harness.rpc.filter((r) => r.name === 'riskToCommitment')).toHaveLength(1);
      expect(await page.getByRole('button', { name: 'Make it a commitment' }).count()).toBe(0);
      expect(sheetRows(harness, 'Pre-mortem')[0]['Commitment']).toBe('C-001');
      const log = sheetRows(harness, 'Shared Commitments Log');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        ID: 'C-001', Commitment: 'Prevent: Integration slips past the launch date (recovery standard: Tell the partner within 48 hours)', 'Owner side': 'Globex', Status: 'Proposed', Source: 'Pre-mortem Joint launch in Q3',
      });
      await checkView(ana, 'method-premortem');
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Disclosure advisor: the questions, the decision with reasons and stage, recorded in the ledger', async () => {
    const harness = await workbook();
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      await tool(page, 'Disclosure advisor', 'Disclosure advisor');
      const form = page.getByRole('form', { name: 'Disclosure questions' });
      const answer = async (question: string, option: string) => form.getByRole('group', { name: new RegExp(`^${question}`) }).getByRole('radio', { name: new RegExp(`^${option}`) }).check();
      await form.getByLabel('What do you want to share?').fill('Monthly account list');
      await answer('1\\. Which stage', 'Mid');
      await form.getByRole('button', { name: 'Get advice' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toBe('Answer every question: 4 are still open.');
      await answer('2\\. Exploitation risk', 'Medium');
      await answer('3\\. Coordination value', 'High');
      await answer('4\\. Reciprocity: has Globex', 'No');
      await answer('5\\. Performance reveal', 'No');
      await checkView(ana, 'method-disclosure-questions');
      await form.getByRole('button', { name: 'Get advice' }).click();
      // Globex has shared nothing: Mid is above Early, the highest stage Acme may open.
      const decision = page.getByRole('heading', { level: 2, name: 'Decision: Wait for reciprocity' });
      await decision.waitFor();
      await expect(page.getByText('The partner has shared nothing yet, so Early is the highest stage you may open: Mid waits until they share at the Early stage').isVisible()).resolves.toBe(true);
      await expect(page.getByText('The highest stage you may open now: Early (one above the highest stage Globex has shared).').isVisible()).resolves.toBe(true);
      await checkView(ana, 'method-disclosure-advice');

      // Changing an answer takes the stale advice away.
      await answer('1\\. Which stage', 'Early');
      expect(await decision.count()).toBe(0);
      await answer('2\\. Exploitation risk', 'High');
      await form.getByRole('button', { name: 'Get advice' }).click();
      await page.getByRole('heading', { level: 2, name: 'Decision: Share structurally' }).waitFor();
      await page.getByRole('button', { name: 'Record in the ledger' }).dblclick();
      // Acme goes first: the entry answers nothing of Globex's, so its Reciprocates stays blank.
      await page.getByText('Recorded in the Disclosure Ledger as D-001: “Monthly account list”, Early, Share structurally.', { exact: true }).waitFor();
      expect(harness.rpc.filter((r) => r.name === 'recordDisclosure')).toHaveLength(1);
      const ledger = sheetRows(harness, 'Disclosure Ledger');
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ ID: 'D-001', Side: 'Acme', 'What was shared': 'Monthly account list', Stage: 'Early', 'Exploitation risk': 'High', 'Coordination value': 'High', Decision: 'Share structurally', Reciprocates: '' });
      expect(isDate(ledger[0]['Date'])).toBe(true);
      await checkView(ana, 'method-disclosure-recorded');
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Severe breach: home guides the reset instead of the 90-day loop until the reset is complete', async () => {
    const harness = await workbook();
    const ana = await openAs(harness, ANA);
    try {
      const { page } = ana;
      await expect(page.getByRole('button', { name: 'Take the assessment' }).isVisible()).resolves.toBe(true);
      await tool(page, 'Severe breach', 'Severe breach');
      const form = page.getByRole('form', { name: 'Record a severe breach' });
      await form.getByLabel('What happened').fill('Confidential pricing shared with a competitor');
      await form.getByLabel('Date').fill('2026-11-20');
      await form.getByLabel('Corner it hit').selectOption('Transparency');
      await checkView(ana, 'method-breach-empty');
      await form.getByRole('button', { name: 'Record breach' }).click();
      await page.getByText('Reset under way.').waitFor();
      const breach = sheetRows(harness, 'Breaches');
      expect(breach).toHaveLength(1);
      expect(breach[0]).toMatchObject({ ID: 'B-001', 'What happened': 'Confidential pricing shared with a competitor', Corner: 'Transparency', Status: 'Reset under way' });
      expect(isDate(breach[0]['Date'])).toBe(true);

      // Home: the reset panel, no reassessment, no call to assess.
      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 2, name: 'Reset after a severe breach' }).waitFor();
      await expect(page.getByText('Confidential pricing shared with a competitor (Transparency)').isVisible()).resolves.toBe(true);
      await expect(page.getByText('No facilitated review date agreed yet.').isVisible()).resolves.toBe(true);
      expect(await page.getByRole('button', { name: 'Take the assessment' }).count()).toBe(0);
      expect(await page.getByRole('heading', { level: 2, name: 'Next reassessment' }).count()).toBe(0);
      await checkView(ana, 'method-home-breach');
      await page.getByRole('button', { name: 'Open the reset' }).click();
      await heading(page, 'Severe breach').waitFor();

      // Marking it complete before acknowledging it is refused beside the button.
      const complete = page.getByRole('button', { name: 'Mark reset complete' });
      await complete.click();
      await expect(page.getByRole('alert').filter({ hasText: 'Save the acknowledgment and the facilitated review date first.' }).isVisible()).resolves.toBe(true);
      const steps = page.getByRole('form', { name: 'Reset steps for B-001' });
      await steps.getByLabel('Acknowledged on').fill('2026-11-21');
      await steps.getByLabel('Prevention plan').fill('Need-to-know list for pricing');
      await steps.getByLabel('Facilitated review').fill('2027-02-01');
      await steps.getByRole('button', { name: 'Save reset steps' }).click();
      await page.getByRole('status').filter({ hasText: 'Reset steps saved' }).waitFor();
      let saved = sheetRows(harness, 'Breaches')[0];
      expect(saved['Prevention plan']).toBe('Need-to-know list for pricing');
      expect(isDate(saved['Acknowledged on']) && isDate(saved['Facilitated review'])).toBe(true);
      await checkView(ana, 'method-breach');

      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByText('Facilitated review: 2027-02-01.').waitFor();
      await page.getByRole('button', { name: 'Go to the reset steps' }).click();
      await heading(page, 'Severe breach').waitFor();
      // Complete only once the facilitated review has been held.
      await page.getByRole('button', { name: 'Mark reset complete' }).click();
      await page.getByRole('alert').filter({ hasText: 'the reset is complete once it has been held' }).waitFor();
      harness.setNow(new Date('2027-02-02T12:00:00Z'));
      await page.getByRole('button', { name: 'Mark reset complete' }).click();
      await page.getByRole('heading', { level: 2, name: 'Resets completed' }).waitFor();
      saved = sheetRows(harness, 'Breaches')[0];
      expect(saved['Status']).toBe('Reset complete');

      // The 90-day loop is back.
      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByRole('button', { name: 'Take the assessment' }).waitFor();
      expect(await page.getByRole('heading', { level: 2, name: 'Reset after a severe breach' }).count()).toBe(0);
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('Major change: the reassessment is due now, with the reason on home', async () => {
    const harness = await workbook();
    const cleo = await openAs(harness, CLEO);
    try {
      const { page } = cleo;
      await tool(page, 'Major change', 'Major change');
      await page.getByRole('button', { name: 'Record change' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe('Choose what changed.');
      await page.getByRole('radio', { name: 'Leadership change' }).check();
      await page.getByLabel('Note').fill('New CRO at Globex');
      await checkView(cleo, 'method-change');
      await page.getByRole('button', { name: 'Record change' }).click();
      await heading(page, 'Trust Corners').waitFor();
      const reassessment = page.getByRole('region', { name: 'Next reassessment' });
      await expect(reassessment.textContent()).resolves.toMatch(/^Next reassessmentToday \(\d{4}-\d{2}-\d{2}\)\.Major change: Leadership change on \d{4}-\d{2}-\d{2}: New CRO at Globex\. Reassess now/);
      const partnership = sheetRows(harness, 'Partnership')[0];
      expect(partnership).toMatchObject({ 'Major change': 'Leadership change', 'Major change note': 'New CRO at Globex' });
      expect(isDate(partnership['Major change on']) && isDate(partnership['Next reassessment'])).toBe(true);
      await checkView(cleo, 'method-home-ad-hoc');
    } finally {
      await cleo.close();
      await harness.close();
    }
  });

  it('injection and XSS payloads through every new input stay literal text', async () => {
    const xss = ['<img src=x onerror=window.__xss=1>', '</script><script>window.__xss=1</script>', '"><svg onload=window.__xss=1>', 'javascript:alert(1)'];
    // Round 0 sends an XSS payload through every input; later rounds send the injection payloads, in turn.
    let next = 0;
    let round = 0;
    const sent: Array<{ payload: string; expected: string }> = [];
    /** What the sheet must hold: the client trims, the server drops control characters. */
    const expected = (payload: string) => payload.trim().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
    let injected = 0;
    /** `later`: the input is overwritten by the next round, so it is checked at once, not at the end. */
    const take = (textarea: boolean, later = true): string => {
      let payload = round === 0 ? xss[next % xss.length] : INJECTION_PAYLOADS[injected++ % INJECTION_PAYLOADS.length];
      next += 1;
      // A one-line input drops line breaks as the user types.
      if (!textarea) payload = payload.replace(/\n/g, '');
      if (later) sent.push({ payload, expected: expected(payload) });
      return payload;
    };
    const fill = async (control: Locator, later = true) => {
      const textarea = (await control.evaluate((el) => el.tagName)) === 'TEXTAREA';
      const payload = take(textarea, later);
      await control.fill(payload);
      return payload;
    };

    const ours = `Acme ${xss[2]}`;
    const theirs = `Globex ${xss[0]}`;
    const harness = await workbook(ours, theirs, [`Ana ${xss[1]}`, `Cleo ${xss[3]}`]);
    const ana = await openAs(harness, ANA);
    const { page } = ana;
    try {
      const ROUNDS = 3;
      // Round 0 gets the full check of every view; later rounds only the XSS probe (the same views again).
      const check = async (name: string) => {
        if (round === 0) await checkView(ana, name);
        else expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), name).toBeUndefined();
      };
      for (round = 0; round < ROUNDS; round++) {
        // Competence Audit: quarter, name, evidence; learning log: activity, person.
        await tool(page, 'Competence Audit', 'Competence Audit');
        let form = page.getByRole('form', { name: 'Rate the partner’s competence' });
        await fill(form.getByLabel('Quarter'));
        await fill(form.getByLabel('Your name'));
        await fill(form.getByLabel('Evidence'));
        for (const d of ['Domain expertise', 'Execution capacity', 'Learning velocity']) await scale(form, d, 6);
        await form.getByRole('button', { name: 'Submit ratings' }).click();
        await page.getByRole('status').filter({ hasText: 'are saved' }).waitFor();
        await page.locator('.notice.success').waitFor();
        form = page.getByRole('form', { name: 'Add a learning activity' });
        await fill(form.getByLabel('Activity'));
        await fill(form.getByLabel('Person'));
        await form.getByRole('button', { name: 'Add to the log' }).click();
        await page.getByRole('status').filter({ hasText: 'Added to the learning log' }).waitFor();
        await check(`method-xss-competence`);

        // Alignment Audit: the six answers (round 2 changes every one).
        await tool(page, 'Alignment Audit', /^Alignment Audit/);
        form = page.getByRole('form', { name: /answers$/ });
        const boxes = form.getByRole('textbox');
        const answers: string[] = [];
        for (let i = 0; i < 6; i++) answers.push(await fill(boxes.nth(i), false));
        await form.getByRole('button', { name: 'Save answers' }).click();
        await page.getByRole('status').filter({ hasText: 'answers for' }).waitFor();
        // The next round overwrites these answers: check them now (the first side's answers are "Our company’s").
        expect(sheetRows(harness, 'Alignment Audit').map((r) => r['Our company’s answer'])).toEqual(answers.map(expected));
        await page.getByRole('listitem', { name: 'Boundaries' }).getByRole('button', { name: round % 2 === 0 ? 'Aligned' : 'Not aligned', exact: true }).click();
        await page.getByText(round % 2 === 0 ? 'Share aligned: 100%' : 'Share aligned: 0%').waitFor();
        await check(`method-xss-alignment`);

        // Pre-mortem: initiative, risk, early signal, recovery standard; then a commitment.
        await tool(page, 'Pre-mortem', 'Pre-mortem');
        form = page.getByRole('form', { name: 'Add a risk' });
        await fill(form.getByLabel('Initiative'));
        const risk = await fill(form.getByLabel('What could go wrong'));
        await fill(form.getByLabel('Early signal'));
        await fill(form.getByLabel('Agreed recovery standard'));
        await form.getByRole('button', { name: 'Add risk' }).click();
        await page.getByRole('status').filter({ hasText: 'Risk added' }).waitFor();
        const id = `R-00${round + 1}`;
        await page.getByRole('form', { name: `Make ${id} a commitment` }).getByRole('button', { name: 'Make it a commitment' }).click();
        await page.getByText(`Commitment C-00${round + 1}`, { exact: true }).waitFor();
        expect(await page.getByText(expected(risk), { exact: true }).count()).toBeGreaterThan(0);
        await check(`method-xss-premortem`);

        // Disclosure advisor: what is shared.
        await tool(page, 'Disclosure advisor', 'Disclosure advisor');
        form = page.getByRole('form', { name: 'Disclosure questions' });
        const shared = await fill(form.getByLabel('What do you want to share?'));
        for (const [group, option] of [['1', 'Early'], ['2', 'Low'], ['3', 'Low'], ['4', 'Yes'], ['5', 'No']]) {
          await form.getByRole('group', { name: new RegExp(`^${group}\\.`) }).getByRole('radio', { name: new RegExp(`^${option}`) }).check();
        }
        await form.getByRole('button', { name: 'Get advice' }).click();
        await page.getByRole('button', { name: 'Record in the ledger' }).click();
        await page.locator('.advice .notice.success').waitFor();
        await expect(page.locator('.advice .notice.success').textContent()).resolves.toContain(`“${shared.trim()}”`);
        await check(`method-xss-disclosure`);

        // Severe breach: what happened, prevention plan.
        await tool(page, 'Severe breach', 'Severe breach');
        form = page.getByRole('form', { name: 'Record a severe breach' });
        await fill(form.getByLabel('What happened'));
        await form.getByRole('button', { name: 'Record breach' }).click();
        const steps = page.getByRole('form', { name: `Reset steps for B-00${round + 1}` });
        await steps.waitFor();
        await fill(steps.getByLabel('Prevention plan'));
        await steps.getByRole('button', { name: 'Save reset steps' }).click();
        await page.getByRole('status').filter({ hasText: 'Reset steps saved' }).waitFor();
        await check(`method-xss-breach`);

        // Major change: the note, then home shows it (and the reset panel).
        await tool(page, 'Major change', 'Major change');
        await page.getByRole('radio', { name: 'Other' }).check();
        const note = await fill(page.getByLabel('Note'), false);
        await page.getByRole('button', { name: 'Record change' }).click();
        await heading(page, 'Trust Corners').waitFor();
        await page.getByRole('heading', { level: 2, name: 'Reset after a severe breach' }).waitFor();
        expect(sheetRows(harness, 'Partnership')[0]['Major change note']).toBe(expected(note));
        await check(`method-xss-home`);
      }
      expect(injected).toBeGreaterThanOrEqual(INJECTION_PAYLOADS.length);
      // A javascript: text is never a link.
      expect(await page.locator('a').count()).toBe(0);

      // Every payload sent is in some sheet exactly as typed (trimmed), and no sheet holds a formula.
      const sheets = ['Competence Audit', 'Learning Log', 'Alignment Audit', 'Pre-mortem', 'Disclosure Ledger', 'Breaches', 'Partnership', 'Shared Commitments Log'];
      const cells = new Set(sheets.flatMap((sheet) => harness.double.inspect.values(sheet).flat().filter((v) => typeof v === 'string')));
      const missing = sent.filter((s) => !cells.has(s.expected)).map((s) => s.payload);
      expect(missing, 'payloads not stored literally').toEqual([]);
      for (const sheet of sheets) {
        expect(harness.double.inspect.formulas(sheet).flat().filter((f) => f !== ''), sheet).toEqual([]);
      }
      const premortem = sheetRows(harness, 'Pre-mortem');
      expect(premortem.map((r) => r['Owner side'])).toEqual(Array(ROUNDS).fill(ours));
      expect(sheetRows(harness, 'Disclosure Ledger').map((r) => r['Side'])).toEqual(Array(ROUNDS).fill(ours));
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    } finally {
      await ana.close();
      await harness.close();
    }
  });
});
