/**
 * Agree three concrete actions for the priority corner. They are saved as Proposed: someone of the
 * other side accepts them in their own sidebar, so both sides sign off.
 */
import type { ActionInput, ResultsView } from './api';
import type { App } from '../client/app';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS } from '../../domain/dates';
import { h, uid } from '../client/dom';
import { addDays, daysBetween, todayIso } from '../client/format';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, select, textArea, textInput } from '../client/ui';


export function dueDateWarning(due: string, today = todayIso()): string {
  const days = daysBetween(today, due);
  if (days === null) return 'Enter a due date.';
  if (days < ACTION_DUE_MIN_DAYS || days > ACTION_DUE_MAX_DAYS) {
    return `That is ${days} days out: agreed actions fall due ${ACTION_DUE_MIN_DAYS} to ${ACTION_DUE_MAX_DAYS} days from now.`;
  }
  return '';
}

/** A due date input that says, as it changes, when the date falls outside the 30–60 days of an agreed action. */
export function dueDateInput(value: string, today: string): { dueDate: HTMLInputElement; warning: HTMLElement } {
  const dueDate = h('input', { type: 'date', id: uid('date') });
  dueDate.value = value;
  const warning = h('p', { class: 'warning-text', id: uid('due'), 'aria-live': 'polite' });
  const check = () => {
    warning.textContent = dueDateWarning(dueDate.value, today);
  };
  dueDate.addEventListener('input', check);
  dueDate.setAttribute('aria-describedby', warning.id);
  check();
  return { dueDate, warning };
}

export function showAgree(app: App, results: ResultsView): void {
  const cycle = results.cycle;
  const corner = results.priority;
  if (!cycle || !corner) {
    app.go('results');
    return;
  }
  const today = todayIso();
  const defaultDue = results.defaultDueDate || addDays(today, 45);
  const sides = app.sides;
  const rows = [1, 2, 3].map((n) => {
    const commitment = textArea('', { rows: 2, required: 'required' });
    const ownerSide = select(sides, app.identity?.side ?? sides[0] ?? '');
    const ownerPerson = textInput({ autocomplete: 'off' });
    const { dueDate, warning } = dueDateInput(defaultDue, today);
    const block = h(
      'fieldset',
      { class: 'action-row' },
      h('legend', null, `Action ${n}`),
      field('What will be done (concrete, measurable)', commitment),
      field('Owner side', ownerSide),
      field('Owner person', ownerPerson),
      h('div', { class: 'field' }, h('label', { for: (dueDate.id = uid('date')) }, 'Due date'), dueDate, warning),
    );
    return { commitment, ownerSide, ownerPerson, dueDate, block };
  });

  const { form } = actionForm(
    'Propose actions',
    'Saving…',
    rows.map((r) => r.block),
    async () => {
      const actions: ActionInput[] = rows.map((r) => ({
        commitment: r.commitment.value.trim(),
        ownerSide: r.ownerSide.value,
        ownerPerson: r.ownerPerson.value.trim(),
        dueDate: r.dueDate.value,
      }));
      const empty = actions.findIndex((a) => !a.commitment);
      if (empty >= 0) throw new Error(`Describe action ${empty + 1}.`);
      const ownerless = actions.findIndex((a) => !a.ownerPerson);
      if (ownerless >= 0) throw new Error(`Name the owner person of action ${ownerless + 1}.`);
      const undated = actions.findIndex((a) => !a.dueDate);
      if (undated >= 0) throw new Error(`Give action ${undated + 1} a due date.`);
      const misdated = actions.findIndex((a) => dueDateWarning(a.dueDate, today) !== '');
      if (misdated >= 0) throw new Error(`Action ${misdated + 1}: ${dueDateWarning(actions[misdated].dueDate, today)}`);
      const view = await call('agreeActions', cycle, corner, actions);
      announce('Three actions proposed. The other side sees Accept in their sidebar.');
      app.go('results', { results: view });
    },
    { 'aria-label': 'Agree three actions' },
  );

  app.render(
    heading(`Agree three actions: ${corner}`),
    h('p', null, `For cycle ${cycle}. Each needs an owner and a due date ${ACTION_DUE_MIN_DAYS}–${ACTION_DUE_MAX_DAYS} days out. They are saved to the Shared Commitments Log as Proposed until someone of the other side accepts them.`),
    form,
    h('button', { type: 'button', class: 'link', onclick: () => app.go('results', { results }) }, 'Back to results'),
  );
}
