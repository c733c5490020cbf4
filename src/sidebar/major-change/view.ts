/** Ad hoc reassessment: a major change recorded on the Partnership sheet makes the reassessment due now. */
import { MAJOR_CHANGES } from '../../domain/audits';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { backToTools } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, radioGroup, textArea } from '../client/ui';

export function showChange(app: App): void {
  const change = radioGroup('What changed?', 'change', MAJOR_CHANGES.map((c) => ({ value: c, label: c })), null);
  const note = textArea('', { rows: 3 });
  const { form } = actionForm(
    'Record change',
    'Recording…',
    [change.element, field('Note', note, 'What happened, and why it may move trust. Shown on Home with the reassessment.')],
    async () => {
      const chosen = change.value();
      if (!chosen) throw new Error('Choose what changed.');
      const home = await call('recordMajorChange', { change: chosen, note: note.value.trim() });
      announce(`${chosen} recorded. The reassessment is due now.`);
      app.go('home', { home });
    },
    { 'aria-label': 'Record a major change' },
  );
  app.render(
    heading('Major change'),
    backToTools(app),
    h('p', null, 'Trust is reassessed every quarter, and also after a major change: a leadership change, a launch, a merger or a market disruption. Recording one here sets the next reassessment to today.'),
    form,
  );
}
