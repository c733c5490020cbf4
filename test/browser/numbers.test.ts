/**
 * The method's numbers in the sidebar, in Chromium on the real build/Code.js over the Apps Script
 * double: both reliability rates on Home, a replacement proposed from Results after the partner
 * declined an action, the trend over every cycle, and the quarterly review's calendar link.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openSidebar } from './browser';
import { type Harness, startHarness } from './harness';
import { ANA, CLEO, checkView, heading, tab, useBrowser } from './steps';

const browser = useBrowser();
const NO_EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const ACME = ['ana@acme.example', 'raj@acme.example', 'mia@acme.example'];
const GLOBEX = ['cleo@globex.example', 'dev@globex.example', 'eli@globex.example'];

function answer(harness: Harness, email: string, cycle: string, [c, r, t, a]: number[]): void {
  harness.run(email, 'submitAssessment', harness.bundle.realm({ cycle, ratings: { Competence: c, Reliability: r, Transparency: t, Alignment: a }, evidence: NO_EVIDENCE }));
}

/** A cycle opened, answered by `people` of each side with the same ratings, and closed. */
function cycle(harness: Harness, name: string, on: string, acme: number[], globex: number[], people = 1): void {
  harness.setNow(new Date(`${on}T12:00:00Z`));
  harness.run(ANA, 'startCycle', harness.bundle.realm(people > 1 ? { name, kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: people } : { name, kind: 'Quarterly', anonymity: 'Named' }));
  for (let i = 0; i < people; i++) {
    answer(harness, ACME[i], name, acme);
    answer(harness, GLOBEX[i], name, globex);
  }
  harness.run(ANA, 'closeCycle', name);
}

type Actions = { actions: Array<{ id: string; commitment: string }> };

function agree(harness: Harness, name: string, corner: string, due: string, texts: string[]): string[] {
  const view = harness.run(ANA, 'agreeActions', ...harness.bundle.realm([name, corner, texts.map((commitment) => ({ commitment, ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: due }))])) as Actions;
  return texts.map((text) => view.actions.find((action) => action.commitment === text)!.id);
}

describe('the numbers in the sidebar', () => {
  it('rates on Home, a replacement after a decline, the trend over every cycle, the review on the calendar', async () => {
    const harness = await startHarness({ now: new Date('2026-02-02T12:00:00Z') });
    try {
      harness.run(ANA, 'setUpWorkbook', harness.bundle.realm({ ourCompany: 'Acme', partnerCompany: 'Globex', model: 'Strategic' }));
      for (const [people, side] of [[ACME, 'Acme'], [GLOBEX, 'Globex']] as const) {
        for (const email of people) harness.run(email, 'saveIdentity', harness.bundle.realm({ displayName: email.split('@')[0], side }));
      }
      // Q1: Reliability is weakest. Of its actions one is done on time, one slips flagged early, one is declined.
      cycle(harness, '2026-Q1', '2026-02-02', [7, 4, 6, 6], [7, 4, 5, 5]);
      const [kept, slipped, declinedQ1] = agree(harness, '2026-Q1', 'Reliability', '2026-03-19', ['Weekly delivery report', 'Flag slips five days ahead', 'Shared status page']);
      harness.run(CLEO, 'acceptCommitment', kept);
      harness.run(CLEO, 'acceptCommitment', slipped);
      harness.run(CLEO, 'declineCommitment', declinedQ1, 'We have one already');
      harness.setNow(new Date('2026-03-16T12:00:00Z'));
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: kept, status: 'Done', doneOn: '2026-03-10' }));
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: slipped, status: 'At risk', flaggedOn: '2026-03-15' }));
      // Q2 sealed (three a side): Reliability +1.5, the focus stays. Q3: Reliability +3, the focus moves to Transparency.
      cycle(harness, '2026-Q2', '2026-05-05', [7, 6, 6, 6], [7, 5, 5, 5], 3);
      cycle(harness, '2026-Q3', '2026-08-05', [8, 7, 6, 7], [7, 7, 4, 6]);
      const q3 = ['Open books on the joint pipeline', 'Monthly roadmap call', 'No-surprises rule in writing'];
      const [, declined, accepted] = agree(harness, '2026-Q3', 'Transparency', '2026-09-19', q3);
      harness.run(CLEO, 'acceptCommitment', accepted);
      harness.run(CLEO, 'declineCommitment', declined, 'The roadmap is confidential until the merger closes');
      harness.setNow(new Date('2026-08-06T12:00:00Z'));

      const ana = await openSidebar(browser(), harness, ANA);
      const { page } = ana;
      await heading(page, 'Trust Corners').waitFor();

      // Home: both rates, with what they count (declined and proposed ones left out).
      const rates = page.getByRole('region', { name: 'Reliability evidence' });
      await expect(rates.locator('dd').allInnerTexts()).resolves.toEqual([
        '50%\nof commitments due so far done on time',
        '100%\nof slips flagged before the due date',
      ]);
      await expect(rates.locator('.rates-counts').textContent()).resolves.toBe(
        '1 of 2 due so far done on time · 1 of 1 slip flagged early · 3 proposed, declined or withdrawn not counted. Only commitments both sides took on count.',
      );

      // Home: the quarterly review, a link into Google Calendar, opened in a new tab.
      const link = page.getByRole('link', { name: 'Add the quarterly review to Google Calendar (opens in a new tab)' });
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
      const href = (await link.getAttribute('href')) as string;
      expect(href.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
      const params = new URL(href).searchParams;
      expect([params.get('text'), params.get('dates'), params.get('recur')]).toEqual(['Quarterly trust review: Acme and Globex', '20261103/20261104', 'RRULE:FREQ=MONTHLY;INTERVAL=3']);
      const details = params.get('details') as string;
      expect(details).toContain('   - Transparency +2.0 (Acme rates it higher)');
      expect(details).toContain('2. The +2 rule moved the focus: Reliability improved +3.0 since 2026-Q1, so the focus is now Transparency.');
      expect(details).toContain(`${q3[2]} (Acme, due 2026-09-19, Open)`);
      expect(details).not.toContain(q3[1]); // declined: not an action due
      await checkView(ana, 'numbers-home');

      // Results: the declined action is replaced for the same cycle and corner.
      await tab(page, 'Results', 'Results, 2026-Q3');
      const actions = page.getByRole('region', { name: 'Agreed actions' });
      await expect(actions.locator('.action-counts').textContent()).resolves.toBe('1 agreed · 1 declined · 0 replaced · 1 waiting for an answer');
      const card = actions.getByRole('listitem').filter({ hasText: q3[1] });
      await card.getByRole('button', { name: 'Propose a replacement' }).click();
      const form = page.getByRole('form', { name: `Propose a replacement for ${q3[1]}` });
      await form.getByLabel('What will be done instead (concrete, measurable)').fill('Share the public roadmap slides monthly');
      await form.getByRole('button', { name: 'Propose the replacement' }).click();
      const replacement = actions.getByRole('listitem').filter({ hasText: 'Share the public roadmap slides monthly' });
      await expect(replacement.locator('.replaces-note').textContent()).resolves.toBe(`Replaces ${declined}, declined or withdrawn.`);
      await expect(actions.locator('.action-counts').textContent()).resolves.toBe('1 agreed · 1 declined · 1 replaced · 2 waiting for an answer');
      await expect(card.getByRole('button', { name: 'Propose a replacement' }).count()).resolves.toBe(0);

      // The trend over every cycle: four lines, the focus ringed, the sealed cycle labelled, the values in a table.
      const trend = page.getByRole('region', { name: 'Trend over every cycle' });
      const chart = trend.getByRole('img', { name: "Each corner's mean per cycle: Both sides" });
      await expect(chart.locator('path.tr-path').count()).resolves.toBe(4);
      await expect(chart.locator('circle.tr-focus').count()).resolves.toBe(3);
      await expect(chart.locator('text.tr-note').allTextContents()).resolves.toEqual(['sealed']);
      await expect(chart.locator('desc').textContent()).resolves.toBe(
        'Both sides, 3 cycles from 2026-Q1 to 2026-Q3. Competence: 7.0 to 7.5 (+0.5); Reliability: 4.0 to 7.0 (+3.0); Transparency: 5.5 to 5.0 (−0.5); Alignment: 5.5 to 6.5 (+1.0). Focus now: Transparency.',
      );
      await trend.getByText('The values as a table').click();
      await expect(trend.getByRole('row').nth(2).locator('th, td').allTextContents()).resolves.toEqual(['2026-Q2 (sealed)', '7.0', '5.5 (focus) ◎', '5.5', '5.5']);
      await trend.getByRole('radio', { name: 'Globex' }).check();
      await trend.getByRole('img', { name: "Each corner's mean per cycle: Globex" }).waitFor();
      await expect(trend.getByRole('row').nth(3).locator('th, td').allTextContents()).resolves.toEqual(['2026-Q3', '7.0', '7.0', '4.0 (focus) ◎', '6.0']);
      await trend.getByRole('radio', { name: 'Both sides' }).check();
      await trend.screenshot({ path: path.join(SCREENSHOT_DIR, 'numbers-trend.png') });
      await checkView(ana, 'numbers-results');
      await ana.close();
    } finally {
      await harness.close();
    }
  });

  it('Sync lists what is in play and counts the older closed commitments it does not send, with the same rates', async () => {
    const harness = await startHarness({ now: new Date('2026-02-02T12:00:00Z') });
    try {
      harness.run(ANA, 'setUpWorkbook', harness.bundle.realm({ ourCompany: 'Acme', partnerCompany: 'Globex', model: 'Strategic' }));
      harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana', side: 'Acme' }));
      harness.run(CLEO, 'saveIdentity', harness.bundle.realm({ displayName: 'Cleo', side: 'Globex' }));
      type Listed = { commitments: Array<{ id: string; commitment: string }> };
      const add = (commitment: string, dueDate: string): string =>
        (harness.run(ANA, 'addCommitment', harness.bundle.realm({ commitment, ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate })) as Listed).commitments.find((c) => c.commitment === commitment)!.id;
      const done = ['Weekly delivery report', 'Pricing sheet for the launch', 'Joint webinar'].map((text) => add(text, '2026-02-20'));
      for (const id of done) harness.run(CLEO, 'acceptCommitment', id);
      harness.setNow(new Date('2026-02-25T12:00:00Z'));
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: done[0], status: 'Done', doneOn: '2026-02-18' }));
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: done[1], status: 'Done', doneOn: '2026-02-24' }));
      harness.run(ANA, 'updateCommitment', harness.bundle.realm({ id: done[2], status: 'Missed' }));
      // Weeks later the three are closed and past every date: the next save sums them up.
      harness.setNow(new Date('2026-04-01T12:00:00Z'));
      add('Quarterly roadmap call', '2026-04-20');

      const cleo = await openSidebar(browser(), harness, CLEO);
      const { page } = cleo;
      await heading(page, 'Trust Corners').waitFor();
      const homeCounts = await page.getByRole('region', { name: 'Reliability evidence' }).locator('.rates-counts').textContent();
      expect(homeCounts).toContain('1 of 3 due so far done on time');
      await tab(page, 'Sync', 'Weekly sync');
      await expect(page.getByRole('region', { name: 'Reliability evidence' }).locator('.rates-counts').textContent()).resolves.toBe(homeCounts);
      const list = page.getByRole('region', { name: 'Commitments' });
      await expect(list.getByRole('listitem').allInnerTexts()).resolves.toEqual([expect.stringContaining('Quarterly roadmap call')]);
      await list.getByLabel('Include done, missed, dropped, declined and withdrawn').check();
      await expect(list.locator('p.hint').first().textContent()).resolves.toBe('1 shown. 3 older closed commitments are counted in the rates and listed on the Shared Commitments Log sheet.');
      await checkView(cleo, 'numbers-sync-settled');
      await cleo.close();
    } finally {
      await harness.close();
    }
  });
});
