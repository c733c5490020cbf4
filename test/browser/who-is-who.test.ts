/**
 * Who is who in the sidebar (build/Sidebar.html in Chromium, on the real build/Code.js over the
 * Apps Script double, which grants the scopes appsscript.json asks for): a person whose email the
 * Partnership sheet lists gives only a name and gets their side from the email; where a policy
 * withholds the email the side is self-declared, Home says so, and once they acted a change of
 * side is refused with what they did.
 */
import { describe, expect, it } from 'vitest';
import { openSidebar } from './browser';
import { startHarness } from './harness';
import { checkView, heading, useBrowser } from './steps';

const ANA = 'ana@acme.example';
const BOB = 'bob@globex.example';
const DANA = 'dana@acme.example';

const browser = useBrowser();

describe('sides bound to verified people', () => {
  it('binds a side by email, and in fallback says the side is self-declared and keeps it once acted', async () => {
    const harness = await startHarness();
    try {
      harness.run(ANA, 'setUpWorkbook', harness.bundle.realm({ ourCompany: 'Acme', partnerCompany: 'Globex', model: 'Strategic' }));
      // Both companies name their domains on the Partnership sheet.
      const sheet = harness.double.spreadsheet.getSheetByName('Partnership')!;
      const headers = harness.double.inspect.values('Partnership')[0] as unknown[];
      sheet.getRange(2, headers.indexOf("Our company's emails") + 1).setValue('acme.example');
      sheet.getRange(2, headers.indexOf("Partner company's emails") + 1).setValue('globex.example');

      // Bob's email is on Globex's list: he is asked his name only.
      const bob = await openSidebar(browser(), harness, BOB);
      await heading(bob.page, 'Who are you?').waitFor();
      await bob.page.getByText('Your side: Globex').waitFor();
      await expect(bob.page.getByRole('radio').count()).resolves.toBe(0);
      await checkView(bob, 'who-by-email');
      await bob.page.getByLabel('Display name').fill('Bob Lee');
      await bob.page.getByRole('button', { name: 'Save' }).click();
      await heading(bob.page, 'Trust Corners').waitFor();
      await bob.page.getByText('You: Bob Lee (Globex)').waitFor();
      await bob.page.getByText(`Your side comes from your email (${BOB}).`).waitFor();
      await bob.close();

      // A policy withholds the email: Dana declares her side, and Home says it is self-declared.
      harness.double.session.withholdEmail();
      const dana = await openSidebar(browser(), harness, DANA);
      await heading(dana.page, 'Who are you?').waitFor();
      await dana.page.getByText('Your side is self-declared: Google did not tell Trust Corners your email.').first().waitFor();
      await dana.page.getByLabel('Display name').fill('Dana');
      await dana.page.getByRole('radio', { name: 'Acme', exact: true }).check();
      await dana.page.getByRole('button', { name: 'Save' }).click();
      await heading(dana.page, 'Trust Corners').waitFor();
      await dana.page.getByText('Your side is self-declared: Google did not tell Trust Corners your email.').waitFor();
      await checkView(dana, 'who-self-declared');

      // She proposes a commitment; a change of side afterwards is refused, naming what she did.
      harness.run(DANA, 'addCommitment', harness.bundle.realm({ commitment: 'Share the roadmap', ownerSide: 'Acme', ownerPerson: 'Dana', corner: 'Alignment', dueDate: '2027-01-10' }));
      await dana.page.getByRole('button', { name: 'Change', exact: true }).click();
      await heading(dana.page, 'Who are you?').waitFor();
      await dana.page.getByRole('radio', { name: 'Globex', exact: true }).check();
      await dana.page.getByRole('button', { name: 'Save' }).click();
      await dana.page.getByRole('alert').filter({ hasText: 'You proposed a commitment on 2026-11-30 for Acme; your side stays Acme.' }).waitFor();
      expect(harness.run(DANA, 'loadHome')).toMatchObject({ identity: { side: 'Acme' } });
      await dana.close();
    } finally {
      await harness.close();
    }
  });
});
