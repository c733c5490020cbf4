/** Who are you: a display name and a side, saved in the user's own properties on first open. */
import type { App } from '../client/app';
import { h } from '../client/dom';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, radioGroup, textInput } from '../client/ui';

export function showIdentity(app: App): void {
  const name = textInput({ autocomplete: 'name', required: true }, app.identity?.displayName ?? '');
  // Before setup the two companies are not known yet: the user types theirs.
  const sidePicker =
    app.sides.length >= 2
      ? radioGroup('Your side', 'side', app.sides.map((s) => ({ value: s, label: s })), app.identity?.side ?? null)
      : null;
  const sideText = sidePicker ? null : textInput({ autocomplete: 'organization', required: true }, app.identity?.side ?? '');

  const { form } = actionForm(
    'Save',
    'Saving…',
    [
      field('Display name', name, 'Shown on what you record in the shared sheets.'),
      sidePicker ? sidePicker.element : field('Your company', sideText as HTMLInputElement),
    ],
    async () => {
      const displayName = name.value.trim();
      const side = sidePicker ? sidePicker.value() : (sideText as HTMLInputElement).value.trim();
      if (!displayName) throw new Error('Enter your display name.');
      if (!side) throw new Error('Choose your side.');
      const home = await call('saveIdentity', { displayName, side });
      announce(`Saved. Welcome, ${displayName}.`);
      app.go('home', { home });
    },
    { 'aria-label': 'Who are you' },
  );
  app.render(
    heading('Who are you?'),
    h('p', null, 'Trust Corners works with both companies in one shared spreadsheet. Tell it who you are; this is saved for you only.'),
    form,
  );
}
