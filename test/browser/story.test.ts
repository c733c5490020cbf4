/**
 * The 90-day loop over three quarters, as two partners live it in their sidebars (build/Sidebar.html
 * in Chromium, the real build/Code.js on the Apps Script double, the add-on's clock moved forward):
 *
 * Q1, an empty spreadsheet set up from the sidebar; both partners say who they are; a named cycle
 *     both sides answer (several people); closed; three actions agreed, one declined with a reason,
 *     one counter-proposed and then accepted.
 * Q2, 91 days later: the reassessment is due; a sealed cycle; one person answers twice and is
 *     refused; the results stay hidden until each side has its minimum, then show; the focus is
 *     kept (+1). After a major change, an ad hoc cycle (+1.5 since the focus began: kept).
 * Q3, 91 days after that: +3 since the focus began, so it shifts; Results say why.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../runtime/bundle/project-root';
import { openSidebar, type SidebarPage } from './browser';
import { startHarness, type Harness } from './harness';
import { checkView, confirmStep, heading, rate, sheetRows, tab, useBrowser, whoAreYou } from './steps';

const browser = useBrowser();

const ANA = 'ana@acme.example';
const RAJ = 'raj@acme.example';
const EVE = 'eve@acme.example';
const CLEO = 'cleo@globex.example';
const DEV = 'dev@globex.example';
const FAY = 'fay@globex.example';
const NO_EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };

/** Someone answering in their own sidebar session, without a page (the partner's colleagues). */
function answerAs(harness: Harness, email: string, name: string, side: string, cycle: string, [c, r, t, a]: number[]): void {
  harness.run(email, 'saveIdentity', harness.bundle.realm({ displayName: name, side }));
  harness.run(email, 'submitAssessment', harness.bundle.realm({ cycle, ratings: { Competence: c, Reliability: r, Transparency: t, Alignment: a }, evidence: NO_EVIDENCE }));
}

/** Starts the cycle Home offers, from Home, with its suggested name; returns the name. */
async function startOfferedCycle(page: Page, offer: string, anonymity?: 'Sealed'): Promise<string> {
  await page.getByText(offer).waitFor();
  await page.getByRole('button', { name: 'Start the cycle' }).click();
  await heading(page, 'Take the assessment').waitFor();
  const start = page.getByRole('form', { name: 'Start a cycle' });
  const name = await start.getByLabel('Cycle name').inputValue();
  if (anonymity) await start.getByRole('radio', { name: anonymity }).check();
  await start.getByRole('button', { name: 'Start the cycle' }).click();
  await page.getByRole('form', { name: 'Assessment' }).waitFor();
  return name;
}

async function submitRatings(page: Page, ratings: number[]): Promise<void> {
  await rate(page, ratings);
  await page.getByRole('button', { name: 'Submit ratings' }).click();
  await heading(page, 'Thank you').waitFor();
}

/** Closes the open cycle from the Assess tab, after its confirmation; Results of that cycle follow. */
async function closeCycle(page: Page, name: string): Promise<void> {
  await tab(page, 'Assess', 'Take the assessment');
  await page.getByRole('button', { name: `Close ${name}` }).click();
  await confirmStep(page, `Close ${name}?`, 'Close the cycle');
  await heading(page, `Results, ${name}`).waitFor();
}

const reopen = async (old: SidebarPage, harness: Harness): Promise<SidebarPage> => {
  await old.close();
  const page = await openSidebar(browser(), harness, old.user);
  await heading(page.page, 'Trust Corners').waitFor();
  return page;
};

describe('three quarters of the loop, from an empty spreadsheet', () => {
  it('Q1 named cycle and negotiated actions; Q2 sealed and ad hoc cycles, focus kept; Q3 focus shifts by the +2 rule', async () => {
    const harness = await startHarness({ now: new Date('2026-01-12T12:00:00Z') });
    let ana = await openSidebar(browser(), harness, ANA);
    let cleo: SidebarPage | undefined;
    try {
      // ---- Q1: set up from the sidebar, both partners identify. ----
      await heading(ana.page, 'Trust Corners').waitFor();
      await ana.page.getByLabel('Your company').fill('Acme');
      await ana.page.getByLabel('Partner company').fill('Globex');
      await ana.page.getByLabel('Partner company').press('Enter');
      await whoAreYou(ana.page, 'Ana Silva', 'Acme');
      cleo = await openSidebar(browser(), harness, CLEO);
      await whoAreYou(cleo.page, 'Cleo Park', 'Globex');

      // A named cycle, its name from the calendar; both sides answer, two people each.
      await tab(ana.page, 'Assess', 'Take the assessment');
      const q1 = await ana.page.getByRole('form', { name: 'Start a cycle' }).getByLabel('Cycle name').inputValue();
      expect(q1).toBe('2026-Q1');
      await ana.page.getByRole('form', { name: 'Start a cycle' }).getByRole('button', { name: 'Start the cycle' }).click();
      await submitRatings(ana.page, [8, 4, 7, 7]);
      answerAs(harness, RAJ, 'Raj Patel', 'Acme', q1, [7, 5, 8, 6]);
      await tab(cleo.page, 'Assess', 'Take the assessment');
      await submitRatings(cleo.page, [7, 4, 6, 8]);
      answerAs(harness, DEV, 'Dev Rao', 'Globex', q1, [8, 3, 7, 7]);
      // Closing asks first, in the sidebar: the question has focus and says what closing does;
      // Escape leaves it open and returns focus to the button.
      await tab(ana.page, 'Assess', 'Take the assessment');
      const closeButton = ana.page.getByRole('button', { name: `Close ${q1}` });
      await closeButton.click();
      const question = ana.page.getByRole('alertdialog', { name: `Close ${q1}?` });
      await question.getByText('This cannot be undone.', { exact: false }).waitFor();
      await expect.poll(() => question.evaluate((element) => element === document.activeElement)).toBe(true);
      await checkView(ana, 'story-q1-close-confirm');
      await ana.page.keyboard.press('Escape');
      await expect.poll(() => question.count()).toBe(0);
      await expect.poll(() => closeButton.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(sheetRows(harness, 'Cycles').find((row) => row.Cycle === q1)?.['Closed on']).toBe('');
      await closeCycle(ana.page, q1);
      // Reliability 4.0: the weakest corner of the first cycle is the focus.
      await ana.page.getByRole('heading', { level: 2, name: 'Priority: Reliability' }).waitFor();
      await ana.page.getByText(`Reliability is the focus: the weakest corner of ${q1}, the first assessment (mean 4.0).`).waitFor();

      // Three actions; the partner accepts one, declines one with a reason, counter-proposes one.
      await ana.page.getByRole('button', { name: 'Agree three actions' }).click();
      await heading(ana.page, 'Agree three actions: Reliability').waitFor();
      const actions = ['Weekly delivery report to Globex', 'Flag any slip 5 days before due', 'Pre-mortem before the spring launch'];
      for (let i = 0; i < 3; i++) {
        await ana.page.getByLabel('What will be done (concrete, measurable)').nth(i).fill(actions[i]);
        await ana.page.getByLabel('Owner person').nth(i).fill('Ana Silva');
      }
      await ana.page.getByRole('button', { name: 'Propose actions' }).click();
      await heading(ana.page, `Results, ${q1}`).waitFor();

      await tab(cleo.page, 'Sync', 'Weekly sync');
      const card = (sidebar: SidebarPage, text: string) => sidebar.page.getByRole('listitem').filter({ hasText: text });
      await card(cleo, actions[0]).getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => card(cleo!, actions[0]).getByRole('button', { name: 'Accept' }).count()).toBe(0);
      await card(cleo, actions[1]).getByRole('button', { name: 'Decline…' }).click();
      const decline = cleo.page.getByRole('form', { name: `Decline ${actions[1]}` });
      await decline.getByLabel('Why you decline').fill('We flag slips in the weekly report already');
      await decline.getByRole('button', { name: 'Decline' }).click();
      await confirmStep(cleo.page, /^Decline C-\d+\?$/, 'Decline it');
      await card(cleo, actions[1]).locator('.declined-note').waitFor();
      await card(cleo, actions[2]).getByRole('button', { name: 'Counter-propose…' }).click();
      const counter = cleo.page.getByRole('form', { name: `Counter-propose ${actions[2]}` });
      await counter.getByLabel('Due date').fill('2026-03-03'); // 50 days out
      await counter.getByRole('button', { name: 'Send counter-proposal' }).click();
      await card(cleo, actions[2]).getByRole('button', { name: 'Withdraw' }).waitFor();
      await checkView(cleo, 'story-q1-sync-partner');

      await tab(ana.page, 'Sync', 'Weekly sync');
      await card(ana, actions[2]).locator('.counter-note').waitFor();
      await card(ana, actions[2]).getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => card(ana, actions[2]).getByRole('button', { name: 'Accept' }).count()).toBe(0);
      // A weekly sync: the first action is done.
      const log = () => sheetRows(harness, 'Shared Commitments Log');
      const idOf = (text: string) => String(log().find((row) => row.Commitment === text)?.ID);
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: idOf(actions[0]), status: 'Done' }));
      expect(actions.map((text) => log().find((row) => row.Commitment === text)?.Status)).toEqual(['Done', 'Declined', 'Open']);
      expect(log().find((row) => row.Commitment === actions[1])?.['Declined because']).toBe('We flag slips in the weekly report already');

      // ---- Q2, 91 days after Q1 closed: a sealed cycle. ----
      harness.setNow(new Date('2026-04-13T12:00:00Z'));
      ana = await reopen(ana, harness);
      const q2 = await startOfferedCycle(ana.page, 'The reassessment is due.', 'Sealed');
      expect(q2).toBe('2026-Q2');
      // What came of Q1's actions is listed first.
      await expect(ana.page.getByRole('region', { name: `What came of ${q1}` }).getByText(actions[2]).isVisible()).resolves.toBe(true);
      // Ana has the assessment open twice (two tabs); she answers in one, then tries again in the other.
      const anaAgain = await openSidebar(browser(), harness, ANA);
      await heading(anaAgain.page, 'Trust Corners').waitFor();
      await tab(anaAgain.page, 'Assess', 'Take the assessment');
      await anaAgain.page.getByRole('form', { name: 'Assessment' }).waitFor();
      // A sealed cycle keeps no evidence text: no evidence boxes, and the form says why.
      await ana.page.getByText('Evidence text is not kept in a sealed cycle', { exact: false }).waitFor();
      await expect(ana.page.getByLabel('What observable evidence supports this rating?').count()).resolves.toBe(0);
      await submitRatings(ana.page, [8, 5, 7, 7]);
      await rate(anaAgain.page, [2, 2, 2, 2]);
      await anaAgain.page.getByRole('button', { name: 'Submit ratings' }).click();
      await anaAgain.page.getByRole('alert').filter({ hasText: `You have already answered "${q2}". A sealed answer is held unseen` }).waitFor();
      // The stale tab still says how many had answered when it opened, in one sentence.
      await expect(anaAgain.page.getByText('Answered so far: nobody yet.', { exact: false }).count()).resolves.toBeGreaterThan(0);
      await checkView(anaAgain, 'story-q2-answer-twice');
      await anaAgain.close();

      // Below the minimum (3 a side) nothing of Q2 is in the sheet and Results still show Q1.
      answerAs(harness, RAJ, 'Raj Patel', 'Acme', q2, [7, 5, 8, 6]);
      answerAs(harness, CLEO, 'Cleo Park', 'Globex', q2, [7, 5, 6, 8]);
      answerAs(harness, DEV, 'Dev Rao', 'Globex', q2, [8, 5, 7, 7]);
      await tab(ana.page, 'Results', `Results, ${q1}`);
      expect(sheetRows(harness, 'Assessments').filter((row) => row.Cycle === q2)).toEqual([]);
      await tab(ana.page, 'Home', 'Trust Corners');
      await ana.page.getByText(`Cycle ${q2} is open`).waitFor();
      await expect(ana.page.getByRole('region', { name: 'Next reassessment' }).textContent()).resolves.toContain('Acme: 2, Globex: 2');
      answerAs(harness, EVE, 'Eve Long', 'Acme', q2, [8, 5, 6, 8]);
      answerAs(harness, FAY, 'Fay Ng', 'Globex', q2, [7, 5, 7, 7]);
      // Three a side: each side's means are written, no one's own ratings.
      const sealedRows = sheetRows(harness, 'Assessments').filter((row) => row.Cycle === q2);
      expect(sealedRows.map((row) => [row.Side, row.Participant, row.Responses, row.Reliability])).toEqual([
        ['Acme', '', 3, 5],
        ['Globex', '', 3, 5],
      ]);
      await tab(ana.page, 'Results', `Results, ${q2}`);
      await closeCycle(ana.page, q2);
      await ana.page.getByText(`Reliability stays the focus: it moved +1.0 since ${q1} (4.0 → 5.0), less than the 2 points that shift the focus.`).waitFor();
      await checkView(ana, 'story-q2-results');

      // ---- A major change, a week later: an ad hoc cycle. ----
      harness.setNow(new Date('2026-04-20T12:00:00Z'));
      cleo = await reopen(cleo, harness);
      await cleo.page.getByRole('navigation').getByRole('button', { name: 'More' }).click();
      await heading(cleo.page, 'More tools').waitFor();
      await cleo.page.getByRole('button', { name: 'Major change', exact: true }).click();
      await heading(cleo.page, 'Major change').waitFor();
      await cleo.page.getByRole('radio', { name: 'Leadership change' }).check();
      await cleo.page.getByLabel('Note').fill('New CRO at Globex');
      await cleo.page.getByRole('button', { name: 'Record change' }).click();
      await heading(cleo.page, 'Trust Corners').waitFor();
      const adHoc = await startOfferedCycle(cleo.page, 'A major change calls for an ad hoc reassessment.');
      expect(adHoc).toBe('2026-04 ad hoc: Leadership change');
      await submitRatings(cleo.page, [7, 6, 7, 8]);
      answerAs(harness, ANA, 'Ana Silva', 'Acme', adHoc, [8, 5, 7, 7]);
      await closeCycle(cleo.page, adHoc);
      // +1.5 since the focus began in Q1 (4.0 → 5.5): still kept.
      await cleo.page.getByText(`Reliability stays the focus: it moved +1.5 since ${q1} (4.0 → 5.5)`, { exact: false }).waitFor();
      expect(sheetRows(harness, 'Cycles').map((row) => [row.Cycle, row.Kind, row.Anonymity, row['Focus corner']])).toEqual([
        [q1, 'Quarterly', 'Named', 'Reliability'],
        [q2, 'Quarterly', 'Sealed', 'Reliability'],
        [adHoc, 'Ad hoc', 'Named', 'Reliability'],
      ]);

      // ---- Q3, 91 days after the ad hoc cycle closed: +3 since the focus began, so it shifts. ----
      harness.setNow(new Date('2026-07-20T12:00:00Z'));
      ana = await reopen(ana, harness);
      const q3 = await startOfferedCycle(ana.page, 'The reassessment is due.');
      expect(q3).toBe('2026-Q3');
      await submitRatings(ana.page, [8, 7, 7, 6]);
      answerAs(harness, CLEO, 'Cleo Park', 'Globex', q3, [8, 7, 6, 7]);
      await closeCycle(ana.page, q3);
      await ana.page.getByRole('heading', { level: 2, name: 'Priority: Alignment' }).waitFor();
      await ana.page
        .getByText(`Alignment is the focus: Reliability improved by +3.0 since ${q1} (4.0 → 7.0), so the focus moved to the lowest of the other corners (Alignment, mean 6.5).`)
        .waitFor();
      await checkView(ana, 'story-q3-results', path.join(projectRoot(), 'docs/story-q3-results.png'));
      await tab(ana.page, 'Home', 'Trust Corners');
      await ana.page.getByRole('heading', { level: 2, name: 'Focus' }).waitFor();
      await checkView(ana, 'story-q3-home');
      expect(sheetRows(harness, 'Cycles').at(-1)?.['Focus corner']).toBe('Alignment');

      // Every decision of the three quarters is in the Change History, chained.
      const decisions = sheetRows(harness, 'Change History').map((row) => [row.Who, row.Sheet, row['Row ID'], row.Field]);
      for (const cycle of [q1, q2, adHoc, q3]) {
        expect(decisions.filter((row) => row[2] === cycle && (row[3] === 'Cycle opened' || row[3] === 'Cycle closed')).length, cycle).toBe(2);
      }
      expect(decisions.filter((row) => row[3] === 'Commitment proposed').length).toBe(3);
      expect(decisions).toContainEqual(['Cleo Park (Globex)', 'Shared Commitments Log', idOf(actions[1]), 'Declined because']);
      expect(decisions).toContainEqual(['Cleo Park (Globex)', 'Partnership', 'Partnership', 'Major change']);
      // The sealed cycle's six answers name nobody.
      expect(decisions.filter((row) => row[2] === q2 && row[3] === 'Answer')).toEqual(Array.from({ length: 6 }, () => ['', 'Assessments', q2, 'Answer']));
      expect(sheetRows(harness, 'Change History').every((row) => /^#\d+ [0-9a-f]{12}$/.test(String(row.Chain)))).toBe(true);
    } finally {
      await ana.close();
      await cleo?.close();
      await harness.close();
    }
  });
});
