/**
 * Set-up asks for the companies and the model: the menu item shows a dialog with the sidebar's
 * set-up fields until the Partnership sheet names both companies, and the set-up handler fills the
 * blanks of a Partnership row without ever overwriting a name typed there.
 */
import { describe, expect, it } from 'vitest';
import { loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { SETUP_DIALOG_TITLE, setupDialogHtml } from '../../src/setup-dialog';
import { contentFingerprint } from '../support/content-fingerprint';
import { double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble({ partnership: false });

const partnershipRow = () => double.inspect.values('Partnership')[1]?.slice(0, 3);

describe('naming the partnership', () => {
  it('set up without names, Home asks for them (setUp with no sides); naming fills the row', () => {
    const before = api.setUpWorkbook(null);
    expect(before).toMatchObject({ setUp: true, sides: [], model: '' });
    const home = api.setUpWorkbook({ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Ecosystem' });
    expect(home).toMatchObject({ setUp: true, sides: ['Acme', 'Beta'], model: 'Ecosystem' });
    expect(partnershipRow()).toEqual(['Acme', 'Beta', 'Ecosystem']);
  });

  it('fills only the blanks of a row typed by hand, and refuses to name one company twice', () => {
    api.setUpWorkbook(null);
    double.spreadsheet.getSheetByName('Partnership')!.getRange('A2').setValue('Acme Analytics');
    // Set-up redraws the Dashboard's charts each time; the content (cells, notes, properties) is what must stay.
    const snapshot = contentFingerprint(double, []);
    expect(() => api.setUpWorkbook({ ourCompany: 'Beta', partnerCompany: 'acme analytics', model: 'Strategic' })).toThrow('The Partnership sheet already names Acme Analytics: name the other company.');
    expect(contentFingerprint(double, [])).toBe(snapshot);
    const home = api.setUpWorkbook({ ourCompany: 'Someone else', partnerCompany: 'Beta Cloud', model: 'Strategic' });
    expect(home.sides).toEqual(['Acme Analytics', 'Beta Cloud']);
    expect(partnershipRow()).toEqual(['Acme Analytics', 'Beta Cloud', 'Strategic']);
    // Named now: a later set-up with other names changes nothing.
    api.setUpWorkbook({ ourCompany: 'X', partnerCompany: 'Y', model: 'Transactional' });
    expect(partnershipRow()).toEqual(['Acme Analytics', 'Beta Cloud', 'Strategic']);
  });
});

describe('the menu’s set-up', () => {
  it('asks for the companies and the model in a dialog, until both are named', () => {
    const { double: menuDouble, bundle } = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
    bundle.call('menuSetUpWorkbook');
    const dialog = menuDouble.inspect.dialogs().pop()!;
    expect(dialog).toMatchObject({ kind: 'modal', title: SETUP_DIALOG_TITLE });
    for (const label of ['Your company', 'Partner company', 'Partnership model']) expect(dialog.html).toContain(`>${label}</label>`);
    expect(dialog.html).toContain('.setUpWorkbook({ ourCompany: ours, partnerCompany: partner, model: model })');
    bundle.call('setUpWorkbook', bundle.realm({ ourCompany: 'Acme', partnerCompany: 'Beta', model: 'Strategic' }));
    const shown = menuDouble.inspect.dialogs().length;
    bundle.call('menuSetUpWorkbook');
    expect(menuDouble.inspect.dialogs().length).toBe(shown);
  });

  it('escapes what it prefills and keeps a known model', () => {
    const html = setupDialogHtml({ ourCompany: '"><script>alert(1)</script>', partnerCompany: '', model: 'Ecosystem' });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<option value="Ecosystem" selected>');
    expect(setupDialogHtml({ ourCompany: '', partnerCompany: '', model: 'Nonsense' })).toContain('<option value="Strategic" selected>');
  });
});
