/**
 * The built sidebar (build/Sidebar.html) in Debian's Chromium, talking through a google.script.run
 * shim to the real build/Code.js running on the Apps Script double. See harness.ts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../runtime/bundle/project-root';
import { SIDE_COLOURS } from '../../src/palette';
import { openSidebar, type SidebarPage } from './browser';
import { readSidebarHtml, SIDEBAR_PATH, startHarness, type Harness } from './harness';
import { checkView, confirmStep, heading, rate, useBrowser, whoAreYou } from './steps';

/** Ana's sidebar on the example workbook, opened on the weekly sync. */
async function openSyncOnExample(harness: Harness): Promise<SidebarPage> {
  exampleHarness(harness);
  const sidebar = await openSidebar(browser(), harness, ANA);
  await heading(sidebar.page, 'Trust Corners').waitFor();
  await sidebar.page.getByRole('navigation').getByRole('button', { name: 'Sync' }).click();
  await heading(sidebar.page, 'Weekly sync').waitFor();
  return sidebar;
}

/** Starts a harness on the example workbook with Ana, of its first company, already introduced. */
function exampleHarness(harness: Harness): void {
  harness.run(ANA, 'menuLoadExample');
  const { sides } = harness.run(ANA, 'loadHome') as { sides: string[] };
  harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: sides[0] }));
}

const ANA = 'ana@acme.example';
const RAJ = 'raj@acme.example';
const CLEO = 'cleo@globex.example';
const DEV = 'dev@globex.example';
const COMMITMENTS_SHEET = 'Shared Commitments Log';

const browser = useBrowser();

/** Partnership sheet, row 2: the two companies and the model, as a person would type them. */
function nameCompanies(harness: Harness, ours: string, partner: string, model = 'Strategic'): void {
  const sheet = harness.double.spreadsheet.getSheetByName('Partnership');
  if (!sheet) throw new Error('no Partnership sheet');
  sheet.getRange(2, 1, 1, 3).setValues([[ours, partner, model]]);
}

describe('build/Sidebar.html', () => {
  const html = readSidebarHtml();

  // The budget grew from 80 to 128 KB with the rituals (fifteen views, the confirmations, the trend
  // chart): still one document loaded once per opening, from the one round trip that opens it.
  it('is one self-contained document under 128 KB', () => {
    expect(statSync(SIDEBAR_PATH).size).toBeLessThan(128 * 1024);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/<style>/);
    const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toMatch(/<!--/);
  });

  it('refers to nothing on the network', () => {
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // The SVG namespace, an identifier that is never fetched, and the one place a link may go (the
    // quarterly review's Google Calendar template, opened by the user in a new tab, never fetched).
    const urls = html.match(/https?:\/\/[^\s"'`)]+/g) ?? [];
    expect(urls.every((url) => url === 'http://www.w3.org/2000/svg' || url === 'https://calendar.google.com/calendar/render?')).toBe(true);
  });

  it('never parses data as HTML', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the sidebar in Chromium', () => {
  it('first open in an empty spreadsheet explains the add-on in three lines, sets up, then asks who you are', async () => {
    const harness = await startHarness();
    const sidebar = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = sidebar;
      await heading(page, 'Trust Corners').waitFor();
      // One round trip loads the view (the change poll, its own call, is tested in freshness.test.ts).
      expect(harness.rpc.filter((r) => r.name !== 'changesSince').map((r) => r.name)).toEqual(['loadHome']);
      const lines = await page.getByRole('list', { name: 'What Trust Corners does' }).getByRole('listitem').allTextContents();
      expect(lines).toHaveLength(3);
      expect(lines.join(' ')).toContain('Competence, Reliability, Transparency, Alignment');
      await expect(page.getByText('not set up for Trust Corners yet').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Load the example' }).isVisible()).resolves.toBe(true);
      await checkView(sidebar, 'home-not-set-up');

      // Nobody has named the companies yet: the person setting up types both. Keyboard only.
      await expect(page.getByLabel('Your company').inputValue()).resolves.toBe('');
      await page.getByLabel('Your company').focus();
      await page.keyboard.type('Acme');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Globex');
      await page.keyboard.press('Enter');
      await heading(page, 'Who are you?').waitFor();
      expect(harness.double.inspect.sheetNames()).toContain(COMMITMENTS_SHEET);
      expect(harness.double.inspect.values('Partnership')[1].slice(0, 3)).toEqual(['Acme', 'Globex', 'Strategic']);
      expect(await page.getByRole('navigation').isVisible()).toBe(false);
      await checkView(sidebar, 'who-are-you');

      await page.getByLabel('Display name').fill('Ana Silva');
      await page.getByRole('radio', { name: 'Acme' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 2, name: 'Next reassessment' }).waitFor();
      expect(harness.double.inspect.properties('user', ANA)).not.toEqual({});
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Welcome, Ana Silva' }).count()).toBe(1);
      await expect(page.getByText('Acme and Globex · Strategic partnership').isVisible()).resolves.toBe(true);
      await checkView(sidebar, 'home-empty');
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('first open offers the example, which loads in one round trip and then asks who you are', async () => {
    const harness = await startHarness();
    const sidebar = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = sidebar;
      await page.getByRole('button', { name: 'Load the example' }).click();
      await heading(page, 'Who are you?').waitFor();
      expect(harness.rpc.filter((r) => r.name !== 'changesSince').map((r) => r.name)).toEqual(['loadHome', 'loadExample']);
      expect(harness.double.inspect.values(COMMITMENTS_SHEET).length).toBeGreaterThan(25);
      // The example lists each company's email domain: Ana's email decides her side, nothing to choose.
      expect(await page.getByRole('radio').count()).toBe(0);
      await page.getByText('Your side: Acme Analytics').waitFor();
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('home on the example workbook', async () => {
    const harness = await startHarness();
    exampleHarness(harness);
    const sidebar = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = sidebar;
      await heading(page, 'Trust Corners').waitFor();
      await page.getByRole('img', { name: /^Trust square/ }).waitFor();
      const table = page.getByRole('table');
      for (const corner of ['Competence', 'Reliability', 'Transparency', 'Alignment']) {
        await expect(table.getByRole('rowheader', { name: corner }).isVisible()).resolves.toBe(true);
      }
      await expect(page.getByRole('heading', { level: 2, name: 'Focus' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { level: 2, name: 'Perception gaps' }).isVisible()).resolves.toBe(true);
      // Both sides rated: the partner side's square is drawn over ours.
      expect(await page.locator('svg .sq-overlay').count()).toBe(1);
      expect(await page.locator('svg .sq-weakest').count()).toBe(1);
      // Each company in its Dashboard colour, whoever is looking (Ana is on our company's side).
      expect(await page.locator('svg .sq-primary').getAttribute('stroke')).toBe(SIDE_COLOURS.ours);
      expect(await page.locator('svg .sq-overlay').getAttribute('stroke')).toBe(SIDE_COLOURS.partner);
      expect(harness.rpc.filter((r) => r.name !== 'changesSince').map((r) => r.name)).toEqual(['loadHome']);
      await checkView(sidebar, 'home-example', path.join(projectRoot(), 'docs/sidebar.png'));
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('the next quarter on the example: the reassessment comes due, a new cycle starts, results keep or shift the focus by the +2 rule', async () => {
    const harness = await startHarness();
    exampleHarness(harness);
    const { sides, nextReassessment } = harness.run(ANA, 'loadHome') as { sides: string[]; nextReassessment: string };
    // The day after the reassessment falls due.
    harness.setNow(new Date(new Date(`${nextReassessment}T12:00:00Z`).getTime() + 86_400_000));
    const ana = await openSidebar(browser(), harness, ANA);
    try {
      const { page } = ana;
      await heading(page, 'Trust Corners').waitFor();
      await page.getByText('The reassessment is due.').waitFor();
      await page.getByRole('button', { name: 'Start the cycle' }).click();
      await heading(page, 'Take the assessment').waitFor();
      const start = page.getByRole('form', { name: 'Start a cycle' });
      const name = await start.getByLabel('Cycle name').inputValue();
      const earlier = (harness.run(ANA, 'loadResults', null) as { cycles: string[] }).cycles;
      expect(earlier).not.toContain(name);
      await start.getByRole('button', { name: 'Start the cycle' }).click();
      await page.getByRole('form', { name: 'Assessment' }).waitFor();
      await rate(page, [8, 8, 7, 7]);
      await page.getByRole('button', { name: 'Submit ratings' }).click();
      await heading(page, 'Thank you').waitFor();
      // The partner answers too; then Ana closes the cycle.
      harness.run(CLEO, 'saveIdentity', harness.bundle.realm({ displayName: 'Cleo Park', side: sides[1] }));
      harness.run(CLEO, 'submitAssessment', harness.bundle.realm({
        cycle: name, ratings: { Competence: 7, Reliability: 7, Transparency: 6, Alignment: 7 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' },
      }));
      await page.getByRole('navigation').getByRole('button', { name: 'Assess' }).click();
      await page.getByRole('button', { name: `Close ${name}` }).click();
      await confirmStep(page, `Close ${name}?`, 'Close the cycle');
      await heading(page, new RegExp(`^Results, ${name.replace(/[()]/g, '\\$&')}`)).waitFor();
      const results = harness.run(ANA, 'loadResults', null) as { priority: string; focusReason: string; gapLabel: string };
      await page.getByText(results.focusReason).waitFor();
      expect(results.gapLabel).toBe(`${sides[0]} − ${sides[1]}`);
      await checkView(ana, 'results-next-quarter', path.join(projectRoot(), 'docs/results-next-quarter.png'));
      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 2, name: 'Focus' }).waitFor();
      await page.getByText(/^In 90 days/).waitFor();
      await checkView(ana, 'home-next-quarter', path.join(projectRoot(), 'docs/home-next-quarter.png'));
    } finally {
      await ana.close();
      await harness.close();
    }
  });

  it('an assessment by both sides, its results, three actions, and the other side accepting', async () => {
    const harness = await startHarness();
    harness.run(ANA, 'setUpWorkbook');
    nameCompanies(harness, 'Acme', 'Globex');
    const participants: Array<[string, string, string, number[]]> = [
      [ANA, 'Ana Silva', 'Acme', [8, 5, 7, 7]],
      [RAJ, 'Raj Patel', 'Acme', [7, 4, 8, 6]],
      [CLEO, 'Cleo Park', 'Globex', [8, 3, 5, 7]],
      [DEV, 'Dev Rao', 'Globex', [9, 4, 4, 8]],
    ];
    try {
      for (const [index, [email, name, side, ratings]] of participants.entries()) {
        const sidebar = await openSidebar(browser(), harness, email);
        const { page } = sidebar;
        await whoAreYou(page, name, side);
        await page.getByRole('navigation').getByRole('button', { name: 'Assess' }).click();
        await heading(page, 'Take the assessment').waitFor();
        if (index === 0) {
          await expect(page.getByText('No actions from a previous cycle yet.').isVisible()).resolves.toBe(true);
          // No cycle is open: the first person starts one, its name suggested from the calendar.
          const start = page.getByRole('form', { name: 'Start a cycle' });
          await expect(start.getByLabel('Cycle name').inputValue()).resolves.toMatch(/^\d{4}-Q[1-4]$/);
          await checkView(sidebar, 'assess-start');
          await start.getByRole('button', { name: 'Start the cycle' }).click();
          await page.getByRole('form', { name: 'Assessment' }).waitFor();
          await checkView(sidebar, 'assess');
        }
        // Submitting with a corner unrated is refused beside the button, before any call.
        if (index === 0) {
          const before = harness.rpc.length;
          await page.getByRole('button', { name: 'Submit ratings' }).click();
          await expect(page.getByRole('alert').filter({ hasText: 'Rate every corner' }).isVisible()).resolves.toBe(true);
          expect(harness.rpc.length).toBe(before);
        }
        await rate(page, ratings, [`Evidence from ${name}`]);
        await page.getByRole('button', { name: 'Submit ratings' }).click();
        await heading(page, 'Thank you').waitFor();
        if (index === 0) await checkView(sidebar, 'assess-submitted');
        await sidebar.close();
      }
      const assessments = harness.double.inspect.values('Assessments');
      expect(assessments.length - 1).toBe(4);
      const header = assessments[0];
      const participantColumn = header.indexOf('Participant');
      // A named cycle: each answer carries the name its person saved.
      expect(assessments.slice(1).map((row) => row[participantColumn])).toEqual(['Ana Silva', 'Raj Patel', 'Cleo Park', 'Dev Rao']);

      // Results, as Ana.
      const ana = await openSidebar(browser(), harness, ANA);
      const { page } = ana;
      await heading(page, 'Trust Corners').waitFor();
      await page.getByRole('navigation').getByRole('button', { name: 'Results' }).click();
      await heading(page, /^Results, /).waitFor();
      const table = page.getByRole('table');
      await expect(table.getByRole('columnheader', { name: 'Acme' }).isVisible()).resolves.toBe(true);
      await expect(table.getByRole('columnheader', { name: 'Globex' }).isVisible()).resolves.toBe(true);
      // Reliability: mean 4.0, needs attention, the priority.
      const reliability = table.getByRole('row', { name: /^Reliability/ });
      await expect(reliability.textContent()).resolves.toMatch(/Priority4\.0 needs attention/);
      await expect(page.getByRole('heading', { level: 2, name: 'Priority: Reliability' }).isVisible()).resolves.toBe(true);
      // Transparency: Acme 7.5, Globex 4.5, a gap of 3 to discuss first.
      await expect(page.locator('.gap.big').filter({ hasText: 'Transparency' }).isVisible()).resolves.toBe(true);
      await checkView(ana, 'results');

      // Agree three actions.
      await page.getByRole('button', { name: 'Agree three actions' }).click();
      await heading(page, 'Agree three actions: Reliability').waitFor();
      const dates = page.getByLabel('Due date');
      const defaultDue = await dates.first().inputValue();
      expect(defaultDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.locator('.warning-text:not(:empty)').count()).toBe(0);
      // A due date outside 30–60 days is shown at once and refused before any call.
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await dates.nth(2).fill(soon);
      await expect(page.getByText(/days out: agreed actions fall due 30 to 60 days/).isVisible()).resolves.toBe(true);
      await checkView(ana, 'agree');
      const actions = ['Weekly delivery report to Globex', 'Flag any slip 5 days before due', 'Pre-mortem before the Q3 launch'];
      for (let i = 0; i < 3; i++) {
        await page.getByLabel('What will be done (concrete, measurable)').nth(i).fill(actions[i]);
        await page.getByLabel('Owner person').nth(i).fill('Ana Silva');
      }
      const callsBefore = harness.rpc.length;
      await page.getByRole('button', { name: 'Propose actions' }).click();
      await page.getByRole('alert').filter({ hasText: /^Action 3: That is \d+ days out/ }).waitFor();
      expect(harness.rpc.length).toBe(callsBefore);
      await dates.nth(2).fill(defaultDue);
      await page.getByRole('button', { name: 'Propose actions' }).click();
      await heading(page, /^Results, /).waitFor();
      for (const action of actions) await expect(page.getByText(action).isVisible()).resolves.toBe(true);
      expect(harness.rpc.filter((r) => r.name === 'agreeActions')).toHaveLength(1);

      const log = harness.double.inspect.values(COMMITMENTS_SHEET);
      const col = (name: string) => log[0].indexOf(name);
      const rows = log.slice(1).filter((row) => actions.includes(String(row[col('Commitment')])));
      expect(rows).toHaveLength(3);
      expect(rows.map((row) => row[col('Status')])).toEqual(['Proposed', 'Proposed', 'Proposed']);
      expect(rows.map((row) => row[col('Owner side')])).toEqual(['Acme', 'Acme', 'Acme']);
      expect(String(rows[0][col('Source')])).toContain(String(harness.rpc.find((r) => r.name === 'agreeActions')?.args[0]));
      await ana.close();

      // Globex accepts in its own sidebar.
      const cleo = await openSidebar(browser(), harness, CLEO);
      await heading(cleo.page, 'Trust Corners').waitFor();
      await cleo.page.getByRole('navigation').getByRole('button', { name: 'Sync' }).click();
      await heading(cleo.page, 'Weekly sync').waitFor();
      const card = cleo.page.getByRole('listitem').filter({ hasText: actions[0] });
      await card.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => cleo.page.getByRole('listitem').filter({ hasText: actions[0] }).getByRole('button', { name: 'Accept' }).count()).toBe(0);
      const after = harness.double.inspect.values(COMMITMENTS_SHEET);
      const accepted = after.slice(1).find((row) => row[col('Commitment')] === actions[0]);
      expect(accepted?.[col('Status')]).toBe('Open');
      expect(String(accepted?.[col('Accepted by')])).toContain('Cleo');
      await checkView(cleo, 'sync');
      await cleo.close();
    } finally {
      await harness.close();
    }
  });

  it('weekly sync: add a commitment and update it; one click is one call', async () => {
    const harness = await startHarness();
    const sidebar = await openSyncOnExample(harness);
    try {
      const { page } = sidebar;
      const form = page.getByRole('form', { name: 'Add a commitment' });
      await form.getByLabel('Commitment').fill('Share the Q3 pipeline by Friday');
      await form.getByLabel('Corner').selectOption('Transparency');
      await form.getByLabel('Due date').fill('2030-01-31');
      // A double click must not add it twice.
      await form.getByRole('button', { name: 'Add commitment' }).dblclick();
      const card = page.getByRole('listitem').filter({ hasText: 'Share the Q3 pipeline by Friday' });
      await card.waitFor();
      expect(harness.rpc.filter((r) => r.name === 'addCommitment')).toHaveLength(1);
      await expect(page.getByRole('status').filter({ hasText: 'Added' }).count()).resolves.toBe(1);

      await card.getByRole('button', { name: 'Update' }).click();
      const update = page.getByRole('form', { name: 'Update Share the Q3 pipeline by Friday' });
      await update.getByLabel('Status').selectOption('At risk');
      await update.getByLabel('Flagged early on').fill('2029-12-20');
      await update.getByLabel('Recovery plan').fill('Send a partial list first');
      await checkView(sidebar, 'sync-update');
      await update.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByText('Recovery plan: Send a partial list first').count()).toBe(1);

      const log = harness.double.inspect.values(COMMITMENTS_SHEET);
      const col = (name: string) => log[0].indexOf(name);
      const row = log.slice(1).find((r) => r[col('Commitment')] === 'Share the Q3 pipeline by Friday');
      expect(row?.[col('Status')]).toBe('At risk');
      expect(row?.[col('Recovery plan')]).toBe('Send a partial list first');
      const flagged = row?.[col('Flagged early on')];
      expect(Object.prototype.toString.call(flagged)).toBe('[object Date]');
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('a failed save is shown next to the action, and the retry works', async () => {
    const harness = await startHarness();
    const sidebar = await openSyncOnExample(harness);
    try {
      const { page } = sidebar;
      const form = page.getByRole('form', { name: 'Add a commitment' });
      await form.getByLabel('Commitment').fill('Joint roadmap review');
      await form.getByLabel('Due date').fill('2030-02-28');
      harness.double.lock.holdByOther();
      const add = form.getByRole('button', { name: 'Add commitment' });
      await add.click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      const message = await alert.textContent();
      expect(message).toContain('The other side is saving right now');
      expect(message).not.toMatch(/^\s*(Error|Exception|undefined|null|\[object)/);
      expect(await add.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
      await expect(add.textContent()).resolves.toBe('Add commitment');
      await checkView(sidebar, 'sync-failed-save');

      harness.double.lock.release();
      await add.click();
      await page.getByRole('listitem').filter({ hasText: 'Joint roadmap review' }).waitFor();
    } finally {
      await sidebar.close();
      await harness.close();
    }
  });

  it('user text is shown as text in every view, never run as HTML', async () => {
    const payloads = [
      '<img src=x onerror=window.__xss=1>',
      '</script><script>window.__xss=1</script>',
      '"><svg onload=window.__xss=1>',
      'javascript:alert(1)',
    ];
    const harness = await startHarness();
    harness.run(ANA, 'setUpWorkbook');
    const ours = `Acme ${payloads[2]}`;
    const theirs = `Globex ${payloads[0]}`;
    nameCompanies(harness, ours, theirs);
    try {
      const people: Array<[string, string, string, number[]]> = [
        [ANA, `Ana ${payloads[0]}`, ours, [5, 4, 6, 7]],
        [CLEO, `Cleo ${payloads[1]}`, theirs, [7, 3, 5, 8]],
      ];
      for (const [email, name, side, ratings] of people) {
        const sidebar = await openSidebar(browser(), harness, email);
        await whoAreYou(sidebar.page, name, side);
        await expect(sidebar.page.getByText(`You: ${name}`).isVisible()).resolves.toBe(true);
        await sidebar.page.getByRole('navigation').getByRole('button', { name: 'Assess' }).click();
        await heading(sidebar.page, 'Take the assessment').waitFor();
        if (email === ANA) {
          // The cycle's name is user text too.
          const start = sidebar.page.getByRole('form', { name: 'Start a cycle' });
          await start.getByLabel('Cycle name').fill(payloads[2].slice(0, 60));
          await start.getByRole('button', { name: 'Start the cycle' }).click();
          await sidebar.page.getByRole('form', { name: 'Assessment' }).waitFor();
        }
        await rate(sidebar.page, ratings, payloads);
        await sidebar.page.getByRole('button', { name: 'Submit ratings' }).click();
        await heading(sidebar.page, 'Thank you').waitFor();
        await checkView(sidebar, `xss-submitted-${email.split('@')[0]}`);
        await sidebar.close();
      }
      const ana = await openSidebar(browser(), harness, ANA);
      const { page } = ana;
      await heading(page, 'Trust Corners').waitFor();
      await checkView(ana, 'xss-home');
      await page.getByRole('navigation').getByRole('button', { name: 'Results' }).click();
      await heading(page, /^Results/).waitFor();
      await expect(page.getByRole('columnheader', { name: ours }).isVisible()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Agree three actions' }).click();
      for (let i = 0; i < 3; i++) {
        await page.getByLabel('What will be done (concrete, measurable)').nth(i).fill(payloads[i + 1]);
        await page.getByLabel('Owner person').nth(i).fill(payloads[i]);
      }
      await page.getByRole('button', { name: 'Propose actions' }).click();
      await heading(page, /^Results/).waitFor();
      await expect(page.getByText(payloads[3], { exact: true }).isVisible()).resolves.toBe(true);
      await checkView(ana, 'xss-results');

      await page.getByRole('navigation').getByRole('button', { name: 'Sync' }).click();
      await heading(page, 'Weekly sync').waitFor();
      const form = page.getByRole('form', { name: 'Add a commitment' });
      await form.getByLabel('Commitment').fill(payloads[3]);
      await form.getByLabel('Owner person').fill(payloads[1]);
      await form.getByLabel('Due date').fill('2030-03-31');
      await form.getByRole('button', { name: 'Add commitment' }).click();
      await expect.poll(() => page.getByText(payloads[3], { exact: true }).count()).toBe(2);
      const card = page.getByRole('listitem').filter({ hasText: payloads[3] }).last();
      await card.getByRole('button', { name: 'Update' }).click();
      await page.getByLabel('Recovery plan').fill(payloads[0]);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.getByText(`Recovery plan: ${payloads[0]}`).count()).toBe(1);
      // A javascript: commitment is text, never a link.
      expect(await page.locator('a').count()).toBe(0);
      await checkView(ana, 'xss-sync');

      await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await heading(page, 'Trust Corners').waitFor();
      await checkView(ana, 'xss-home-after');
      await page.getByRole('navigation').getByRole('button', { name: 'Assess' }).click();
      await heading(page, 'Take the assessment').waitFor();
      await checkView(ana, 'xss-assess');
      await ana.close();

      const log = harness.double.inspect.values(COMMITMENTS_SHEET);
      expect(log.flat()).toContain(payloads[3]);
      expect(log.flat()).toContain(payloads[0]);
    } finally {
      await harness.close();
    }
  });
});
