/**
 * Who are you: a display name, and the side where it is the person's to say. A side the signed-in
 * email decides (or that the person acted for) is shown, not asked; an email neither company
 * lists chooses once; without an email the side is self-declared, and the view says so.
 */
import type { App } from '../client/app';
import { h } from '../client/dom';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, loadInto, notice, radioGroup, textInput } from '../client/ui';
import type { HomeView, WhoView } from './api';

export function showIdentity(app: App, home?: HomeView): void {
  if (home) {
    renderIdentity(app, home.who);
    return;
  }
  void loadInto(app.slot, () => call('loadHome'), (loaded) => {
    app.learn(loaded);
    renderIdentity(app, loaded.who);
  });
}

function sideNote(who: WhoView, sides: readonly string[]): HTMLElement | null {
  if (who.keptBecause) return notice('info', who.keptBecause);
  if (who.fixedSide) return h('p', null, 'Your side: ', h('strong', null, who.fixedSide), ` (your email ${who.email ?? ''} is on its list on the Partnership sheet).`);
  if (sides.length < 2) return null;
  if (who.email) {
    return h('p', { class: 'hint' }, `Your email ${who.email} is on neither company's list on the Partnership sheet. Choose your side once: it is recorded with your email and in the Change History.`);
  }
  return h('p', { class: 'hint' }, 'Your side is self-declared: Google did not tell Trust Corners your email. Once you have acted for a side, it stays yours.');
}

function renderIdentity(app: App, who: WhoView): void {
  const name = textInput({ autocomplete: 'name', required: true }, app.identity?.displayName ?? '');
  const fixed = who.fixedSide;
  // Before setup the two companies are not known yet: the user types theirs.
  const sidePicker =
    !fixed && app.sides.length >= 2
      ? radioGroup('Your side', 'side', app.sides.map((s) => ({ value: s, label: s })), app.identity?.side ?? null)
      : null;
  const sideText = fixed || sidePicker ? null : textInput({ autocomplete: 'organization', required: true }, app.identity?.side ?? '');

  const { form } = actionForm(
    'Save',
    'Saving…',
    [
      field('Display name', name, 'Shown on what you record in the shared sheets.'),
      sidePicker ? sidePicker.element : sideText ? field('Your company', sideText) : null,
    ],
    async () => {
      const displayName = name.value.trim();
      if (!displayName) throw new Error('Enter your display name.');
      const side = sidePicker ? sidePicker.value() : sideText ? sideText.value.trim() : null;
      if (!fixed && !side) throw new Error('Choose your side.');
      const home = await call('saveIdentity', side ? { displayName, side } : { displayName });
      announce(`Saved. Welcome, ${displayName}.`);
      app.go('home', { home });
    },
    { 'aria-label': 'Who are you' },
  );
  app.render(
    heading('Who are you?'),
    h('p', null, 'Trust Corners works with both companies in one shared spreadsheet. Tell it who you are; your name is saved for you only.'),
    sideNote(who, app.sides),
    form,
  );
}
