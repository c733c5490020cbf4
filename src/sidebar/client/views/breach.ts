/**
 * Breach mode: a severe breach (confidential information shared, a deliberate deception) is not
 * gradual erosion. Recording one pauses the 90-day loop; the sidebar guides a reset instead:
 * acknowledgment, a prevention plan, consistent behaviour tracked as commitments, a facilitated review.
 */
import type { BreachView } from '../../api';
import type { App } from '../app';
import { h } from '../dom';
import { CORNER_NAMES, todayIso } from '../format';
import { backToTools, dateInput } from '../method-ui';
import { call } from '../rpc';
import { actionButton, actionForm, announce, field, heading, loadInto, notice, section, select, textArea } from '../ui';

export function showBreach(app: App): void {
  void loadInto(app.slot, () => call('loadBreaches'), (view) => renderBreach(app, view));
}

function resetForm(app: App, b: BreachView['breaches'][number]): HTMLElement {
  const acknowledged = dateInput(b.acknowledgedOn);
  const plan = textArea(b.preventionPlan, { rows: 3 });
  const review = dateInput(b.reviewDate);
  const { form } = actionForm(
    'Save reset steps',
    'Saving…',
    [
      field('Acknowledged on', acknowledged, 'The day it was acknowledged to the partner, in writing.'),
      field('Prevention plan', plan, 'What changes so it cannot happen again.'),
      field('Facilitated review', review, 'The agreed date of a review with a neutral facilitator.'),
    ],
    async () => {
      const next = await call('updateBreach', { id: b.id, acknowledgedOn: acknowledged.value, preventionPlan: plan.value.trim(), reviewDate: review.value });
      announce(`Reset steps saved for ${b.id}.`);
      renderBreach(app, next, b.id);
    },
    { class: 'update', 'aria-label': `Reset steps for ${b.id}` },
  );
  const complete = actionButton('Mark reset complete', 'Saving…', async () => {
    if (!b.acknowledgedOn || !b.reviewDate) throw new Error('Save the acknowledgment and the facilitated review date first.');
    const next = await call('updateBreach', { id: b.id, status: 'Reset complete' });
    announce(`Reset complete for ${b.id}. The 90-day loop resumes.`);
    renderBreach(app, next, b.id);
  }, { secondary: true });
  return h('div', null, form, complete.element);
}

function breachCard(app: App, b: BreachView['breaches'][number]): HTMLElement {
  const open = b.status !== 'Reset complete';
  return h(
    'li',
    { class: open ? 'card overdue' : 'card', 'data-id': b.id, tabindex: '-1' },
    h('p', { class: 'card-title' }, b.what),
    h('p', { class: 'meta' }, [b.id, b.date, b.corner, b.status].filter(Boolean).join(' · ')),
    !open && b.preventionPlan ? h('p', { class: 'meta' }, 'Prevention plan: ', b.preventionPlan) : null,
    open ? resetForm(app, b) : null,
  );
}

function recordForm(app: App): HTMLElement {
  const date = dateInput(todayIso());
  const what = textArea('', { rows: 3 });
  const corner = select(CORNER_NAMES, 'Transparency');
  const { form } = actionForm(
    'Record breach',
    'Recording…',
    [field('What happened', what, 'Facts only: what, who was affected.'), field('Date', date), field('Corner it hit', corner)],
    async () => {
      if (!what.value.trim()) throw new Error('Describe what happened.');
      if (!date.value) throw new Error('Give the date it happened.');
      const next = await call('recordBreach', { date: date.value, what: what.value.trim(), corner: corner.value });
      announce('Breach recorded. The 90-day loop is paused until the reset is complete.');
      renderBreach(app, next, next.breaches[next.breaches.length - 1]?.id);
    },
    { 'aria-label': 'Record a severe breach' },
  );
  return form;
}

function renderBreach(app: App, view: BreachView, focusId?: string): void {
  const open = view.breaches.filter((b) => b.status !== 'Reset complete');
  const closed = view.breaches.filter((b) => b.status === 'Reset complete');
  app.render(
    heading('Severe breach'),
    backToTools(app),
    view.active
      ? notice('warning', h('strong', null, 'Reset under way. '), 'The 90-day loop is paused: work through the reset with the partner, with a mediator if needed.')
      : h('p', null, 'A severe breach, such as confidential information shared, is not gradual erosion: it calls for a formal reset, not the 90-day loop.'),
    section(
      'The reset',
      h('ol', null, view.steps.map((step) => h('li', null, step))),
      h('p', null, h('button', { type: 'button', class: 'link', onclick: () => app.go('sync') }, 'Track consistent behaviour as commitments in the weekly sync')),
    ),
    open.length ? section('Open breaches', h('ul', { class: 'cards' }, open.map((b) => breachCard(app, b)))) : null,
    section('Record a severe breach', recordForm(app)),
    closed.length ? section('Resets completed', h('ul', { class: 'cards' }, closed.map((b) => breachCard(app, b)))) : null,
  );
  if (focusId) {
    const target = app.slot.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
    if (target instanceof HTMLElement) target.focus();
  }
}
