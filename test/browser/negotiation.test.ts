/**
 * Negotiating proposals in two partners' sidebars at once (build/Sidebar.html in Chromium, on the
 * real build/Code.js over the Apps Script double): Globex declines one of Acme's proposals with a
 * reason and counter-proposes another; Acme sees the counter-proposal and accepts it.
 */
import { describe, expect, it } from 'vitest';
import { openSidebar, type SidebarPage } from './browser';
import { startHarness } from './harness';
import { checkView, confirmStep, heading, useBrowser } from './steps';

const ANA = 'ana@acme.example';
const CLEO = 'cleo@globex.example';
const COMMITMENTS_SHEET = 'Shared Commitments Log';
/** A reason that would run script if it were ever shown as HTML. */
const REASON = '<img src=x onerror="window.__xss=1">Not before the launch';

const browser = useBrowser();


async function openSync(sidebar: SidebarPage): Promise<void> {
  await heading(sidebar.page, 'Trust Corners').waitFor();
  await sidebar.page.getByRole('navigation').getByRole('button', { name: 'Sync' }).click();
  await heading(sidebar.page, 'Weekly sync').waitFor();
}

describe('negotiating a proposal between two sidebars', () => {
  it('the other side declines one and counter-proposes another; the proposer accepts the counter-proposal', async () => {
    const harness = await startHarness();
    try {
      harness.run(ANA, 'menuLoadExample');
      const { sides } = harness.run(ANA, 'loadHome') as { sides: string[] };
      harness.run(ANA, 'saveIdentity', harness.bundle.realm({ displayName: 'Ana Silva', side: sides[0] }));
      harness.run(CLEO, 'saveIdentity', harness.bundle.realm({ displayName: 'Cleo Park', side: sides[1] }));
      for (const commitment of ['Share the pricing calendar', 'Send the pipeline report']) {
        harness.run(ANA, 'addCommitment', harness.bundle.realm({ commitment, ownerSide: sides[0], ownerPerson: 'Ana Silva', corner: 'Transparency', dueDate: '2026-12-20' }));
      }
      const ana = await openSidebar(browser(), harness, ANA);
      const cleo = await openSidebar(browser(), harness, CLEO);
      await openSync(ana);
      await openSync(cleo);

      // Ana, the proposer, may only withdraw; Cleo may accept, decline or counter-propose.
      const anaCard = (text: string) => ana.page.getByRole('listitem').filter({ hasText: text });
      const cleoCard = (text: string) => cleo.page.getByRole('listitem').filter({ hasText: text });
      await expect(anaCard('Share the pricing calendar').getByRole('button', { name: 'Withdraw' }).isVisible()).resolves.toBe(true);
      await expect(anaCard('Share the pricing calendar').getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
      await expect(cleoCard('Share the pricing calendar').getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);

      // Cleo declines the first, with a reason; an empty reason is refused before any call.
      await cleoCard('Share the pricing calendar').getByRole('button', { name: 'Decline…' }).click();
      const decline = cleo.page.getByRole('form', { name: 'Decline Share the pricing calendar' });
      const callsBefore = harness.rpc.length;
      await decline.getByRole('button', { name: 'Decline' }).click();
      await decline.getByRole('alert').filter({ hasText: 'Say why you decline' }).waitFor();
      expect(harness.rpc.length).toBe(callsBefore);
      await decline.getByLabel('Why you decline').fill(REASON);
      await decline.getByRole('button', { name: 'Decline' }).click();
      await confirmStep(cleo.page, /^Decline C-\d+\?$/, 'Decline it');
      await cleoCard('Share the pricing calendar').locator('.declined-note').waitFor();
      await expect(cleoCard('Share the pricing calendar').locator('.declined-note').textContent()).resolves.toBe(`Declined: ${REASON}`);
      await expect(cleoCard('Share the pricing calendar').getByRole('button').count()).resolves.toBe(1); // only Update: nothing left to answer

      // Cleo counter-proposes the second: new wording and a later date.
      await cleoCard('Send the pipeline report').getByRole('button', { name: 'Counter-propose…' }).click();
      const counter = cleo.page.getByRole('form', { name: 'Counter-propose Send the pipeline report' });
      await counter.getByLabel('Wording').fill('Send the pipeline report with win rates');
      await counter.getByLabel('Due date').fill('2027-01-08');
      await counter.getByRole('button', { name: 'Send counter-proposal' }).click();
      await cleoCard('Send the pipeline report with win rates').getByRole('button', { name: 'Withdraw' }).waitFor();
      await expect(cleoCard('Send the pipeline report with win rates').getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
      await checkView(cleo, 'negotiation-countered');

      // Ana reopens the sync: the declined reason (as text) and the counter-proposal to answer.
      await ana.page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
      await openSync(ana);
      await ana.page.getByLabel('Include done, missed, dropped, declined and withdrawn').check();
      await expect(anaCard('Share the pricing calendar').locator('.declined-note').textContent()).resolves.toBe(`Declined: ${REASON}`);
      const countered = anaCard('Send the pipeline report with win rates');
      await expect(countered.locator('.counter-note').textContent()).resolves.toBe(
        `Counter-proposal from ${sides[1]}. It replaced: Due 2026-12-20: Send the pipeline report`,
      );
      await expect(countered.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
      await countered.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => anaCard('Send the pipeline report with win rates').getByRole('button', { name: 'Accept' }).count()).toBe(0);
      await checkView(ana, 'negotiation-accepted');

      const log = harness.double.inspect.values(COMMITMENTS_SHEET);
      const col = (name: string) => log[0].indexOf(name);
      const row = (text: string) => log.slice(1).find((candidate) => candidate[col('Commitment')] === text)!;
      expect(row('Share the pricing calendar')[col('Status')]).toBe('Declined');
      expect(row('Share the pricing calendar')[col('Declined because')]).toBe(REASON);
      const accepted = row('Send the pipeline report with win rates');
      expect([accepted[col('Status')], accepted[col('Proposed by (side)')], String(accepted[col('Accepted by')])]).toEqual(['Open', sides[1], `Ana Silva (${sides[0]})`]);
      expect(accepted[col('Counter-proposal to')]).toBe('Due 2026-12-20: Send the pipeline report');
      await ana.close();
      await cleo.close();
    } finally {
      await harness.close();
    }
  });
});
