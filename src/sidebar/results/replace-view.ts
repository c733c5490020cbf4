/**
 * Propose a replacement for an action the other side declined (or its proposer withdrew): the same
 * cycle and corner, an owner and a due date 30 to 60 days out. It is saved as Proposed, linked to
 * the action it replaces, and negotiated like the others.
 */
import type { CommitmentSummary } from '../commitments/api';
import type { ResultsView } from './api';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { todayIso } from '../client/format';
import { call } from '../client/rpc';
import { actionForm, announce, field, select, textArea, textInput } from '../client/ui';
import { dueDateInput, dueDateWarning } from './agree-view';

function replacementForm(app: App, view: ResultsView, replaced: CommitmentSummary): HTMLFormElement {
  const today = todayIso();
  const commitment = textArea('', { rows: 2, maxlength: 500 });
  const sides = app.sides;
  const ownerSide = select(sides, app.identity?.side ?? sides[0] ?? '');
  const ownerPerson = textInput({ autocomplete: 'off' }, app.identity?.displayName ?? '');
  const { dueDate, warning } = dueDateInput(view.defaultDueDate, today);
  return actionForm(
    'Propose the replacement',
    'Proposing…',
    [
      field('What will be done instead (concrete, measurable)', commitment),
      field('Owner side', ownerSide),
      field('Owner person', ownerPerson),
      h('div', { class: 'field' }, h('label', { for: dueDate.id }, 'Due date'), dueDate, warning),
    ],
    async () => {
      const text = commitment.value.trim();
      if (!text) throw new Error('Describe the replacement action.');
      if (!ownerPerson.value.trim()) throw new Error('Name the owner person.');
      const problem = dueDateWarning(dueDate.value, today);
      if (problem) throw new Error(problem);
      const next = await call('proposeReplacement', {
        replaces: replaced.id,
        commitment: text,
        ownerSide: ownerSide.value,
        ownerPerson: ownerPerson.value.trim(),
        dueDate: dueDate.value,
      });
      announce(`Replacement proposed for ${replaced.id}. The other side sees Accept in their sidebar.`);
      app.go('results', { results: next });
    },
    { class: 'replace', 'aria-label': `Propose a replacement for ${replaced.commitment}` },
  ).form;
}

/** The button that opens (and closes) the replacement form under a declined or withdrawn action's card. */
export function replaceControl(app: App, view: ResultsView, replaced: CommitmentSummary): HTMLElement[] {
  const slot = h('div', null);
  const toggle = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Propose a replacement');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    while (slot.firstChild) slot.removeChild(slot.firstChild);
    if (open) return;
    slot.appendChild(replacementForm(app, view, replaced));
    const first = slot.querySelector('textarea');
    if (first instanceof HTMLElement) first.focus();
  });
  return [toggle, slot];
}
