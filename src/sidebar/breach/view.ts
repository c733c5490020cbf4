/**
 * Breach mode: a severe breach (confidential information shared, a deliberate deception) is not
 * gradual erosion. Recording one pauses the 90-day loop; the sidebar guides a reset instead:
 * acknowledgment, a prevention plan, consistent behaviour tracked as commitments, a facilitated review.
 */
import type { App } from '../client/app';
import { h } from '../client/dom';
import { CORNER_NAMES, todayIso } from '../client/format';
import { backToTools, dateInput } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, confirmFirst, field, heading, loadInto, notice, radioGroup, section, select, textArea } from '../client/ui';
import { RECOVERY_ANSWERS, type RecoveryAnswer, recommendBreachDecision } from '../../domain/governance';
import type { BreachDecisionView, BreachView } from './api';

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

function breachCard(app: App, view: BreachView, b: BreachView['breaches'][number]): HTMLElement {
  const open = b.status !== 'Reset complete' && !view.exited;
  const decision = view.decisions[b.id];
  return h(
    'li',
    { class: open ? 'card overdue' : 'card', 'data-id': b.id, tabindex: '-1' },
    h('p', { class: 'card-title' }, b.what),
    h('p', { class: 'meta' }, [b.id, b.date, b.corner, b.status].filter(Boolean).join(' · ')),
    !open && b.preventionPlan ? h('p', { class: 'meta' }, 'Prevention plan: ', b.preventionPlan) : null,
    decision?.decision ? decidedNote(decision) : null,
    open ? resetForm(app, b) : null,
    decision && !decision.decision && !view.exited ? decisionForm(app, b, decision) : null,
  );
}

function decidedNote(decision: BreachDecisionView): HTMLElement {
  return notice(
    decision.decision === 'Exit' ? 'warning' : 'info',
    h('strong', null, `Decision: ${decision.decision}. `),
    decision.reasons,
    h('br', null),
    h('span', { class: 'meta' }, `Decided ${decision.decidedOn} by ${decision.decidedBy}. Dishonesty or data misuse: ${decision.dishonestyOrDataMisuse || '–'}; acknowledged: ${decision.partnerAcknowledged || '–'}; next cycle recovered: ${decision.nextCycleRecovered || '–'}.`),
  );
}

/** What the cycles say about the breached corner, in one line. */
function recoveryHint(corner: string, computed: BreachDecisionView['computedRecovery']): string {
  const { before, after } = computed;
  if (!after) return `No cycle since the breach has rated ${corner || 'the corner'} yet${before ? ` (before it: ${before.mean.toFixed(1)} in ${before.cycle})` : ''}.`;
  return `From the cycles: ${corner} ${before ? `${before.mean.toFixed(1)} in ${before.cycle} before the breach, ` : ''}${after.mean.toFixed(1)} in ${after.cycle} after it.`;
}

/** Rebuild or exit: the questions that decide it, the rule's recommendation as they are answered, the decision and why. */
function decisionForm(app: App, b: BreachView['breaches'][number], facts: BreachDecisionView): HTMLElement {
  const yesNo = [{ value: 'Yes', label: 'Yes' }, { value: 'No', label: 'No' }];
  const dishonesty = radioGroup('Was it dishonesty or misuse of data?', `dishonesty-${b.id}`, yesNo, facts.dishonestyOrDataMisuse || null);
  const acknowledged = radioGroup('Did the partner acknowledge it?', `acknowledged-${b.id}`, yesNo, facts.partnerAcknowledged || null);
  const recovered = select([...RECOVERY_ANSWERS], facts.nextCycleRecovered || facts.computedRecovery.recovered);
  const decision = radioGroup('Decision', `decision-${b.id}`, [{ value: 'Rebuild', label: 'Rebuild' }, { value: 'Exit', label: 'Exit the partnership' }], null);
  const reasons = textArea('', { rows: 3 });
  const advice = h('div', { class: 'recommendation', 'aria-live': 'polite' });
  const update = () => {
    const d = dishonesty.value();
    const a = acknowledged.value();
    if (!d || !a) {
      advice.replaceChildren(h('p', { class: 'hint' }, 'Answer the questions to see which way they point.'));
      return;
    }
    const recommendation = recommendBreachDecision({ dishonestyOrDataMisuse: d === 'Yes', partnerAcknowledged: a === 'Yes', recovered: recovered.value as RecoveryAnswer });
    advice.replaceChildren(
      notice(recommendation.decision === 'Exit' ? 'warning' : 'info', h('strong', null, `The answers point to: ${recommendation.decision}. `), recommendation.reasons.join(' ')),
    );
  };
  for (const control of [dishonesty.element, acknowledged.element, recovered]) control.addEventListener('change', update);
  update();
  const { form, action } = actionForm(
    'Record the decision',
    'Recording…',
    [
      h('p', null, `Corner it hit: ${b.corner || '–'}.`),
      dishonesty.element,
      acknowledged.element,
      field('Did the next cycle recover?', recovered, recoveryHint(b.corner, facts.computedRecovery)),
      advice,
      decision.element,
      field('Reasons', reasons, 'Why, in writing: both sides read this later. An exit stops the 90-day loop; every record is kept.'),
    ],
    async () => {
      const d = dishonesty.value();
      const a = acknowledged.value();
      const chosen = decision.value();
      if (!d || !a) throw new Error('Answer whether it was dishonesty or misuse of data, and whether the partner acknowledged it.');
      if (chosen !== 'Rebuild' && chosen !== 'Exit') throw new Error('Choose rebuild or exit.');
      if (!reasons.value.trim()) throw new Error('Write down the reasons.');
      const why = reasons.value.trim();
      const answer = recovered.value as RecoveryAnswer;
      confirmFirst(
        form,
        action.button,
        {
          title: chosen === 'Exit' ? 'Exit the partnership?' : `Record rebuild after ${b.id}?`,
          body: h(
            'p',
            null,
            chosen === 'Exit'
              ? 'The 90-day loop stops and no new cycle starts; every record is kept. This cannot be undone.'
              : 'The decision and your reasons are recorded. This cannot be undone.',
          ),
          confirmLabel: chosen === 'Exit' ? 'Exit the partnership' : 'Record rebuild',
          busyLabel: 'Recording…',
        },
        async () => {
          const next = await call('decideBreach', {
            id: b.id, dishonestyOrDataMisuse: d === 'Yes', partnerAcknowledged: a === 'Yes', recovered: answer, decision: chosen, reasons: why,
          });
          announce(chosen === 'Exit' ? 'Exit recorded. The 90-day loop has stopped; every record is kept.' : `Rebuild recorded for ${b.id}.`);
          renderBreach(app, next, b.id);
        },
      );
    },
    { class: 'decision', 'aria-label': `Rebuild or exit after ${b.id}` },
  );
  return h('div', null, h('h3', null, 'Rebuild or exit'), form);
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
  const open = view.breaches.filter((b) => b.status !== 'Reset complete' && !view.exited);
  const closed = view.breaches.filter((b) => b.status === 'Reset complete' || view.exited);
  app.render(
    heading('Severe breach'),
    backToTools(app),
    view.exited
      ? notice('warning', h('strong', null, 'The partnership was exited. '), `Decided after ${view.exited.breachId}${view.exited.decidedOn ? ` on ${view.exited.decidedOn}` : ''}. The 90-day loop has stopped; every record is kept.`)
      : view.active
      ? notice('warning', h('strong', null, 'Reset under way. '), 'The 90-day loop is paused: work through the reset with the partner, with a mediator if needed.')
      : h('p', null, 'A severe breach, such as confidential information shared, is not gradual erosion: it calls for a formal reset, not the 90-day loop.'),
    section(
      'The reset',
      h('ol', null, view.steps.map((step) => h('li', null, step))),
      h('p', null, h('button', { type: 'button', class: 'link', onclick: () => app.go('sync') }, 'Track consistent behaviour as commitments in the weekly sync')),
    ),
    open.length ? section('Open breaches', h('ul', { class: 'cards' }, open.map((b) => breachCard(app, view, b)))) : null,
    view.exited ? null : section('Record a severe breach', recordForm(app)),
    closed.length ? section(view.exited ? 'Breaches' : 'Resets completed', h('ul', { class: 'cards' }, closed.map((b) => breachCard(app, view, b)))) : null,
    view.earlier > 0 ? h('p', { class: 'meta' }, `${view.earlier === 1 ? '1 earlier breach, reset and decided, is' : `${view.earlier} earlier breaches, reset and decided, are`} not listed: the Breaches sheet has them.`) : null,
  );
  if (focusId) {
    const target = app.slot.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
    if (target instanceof HTMLElement) target.focus();
  }
}
