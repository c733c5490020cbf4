/**
 * Pre-mortem before a joint initiative: imagine it failed and list what went wrong, how likely and
 * how bad, the early signal, the recovery standard both sides agree on and the side that owns it.
 * A risk becomes a commitment (Proposed, in the Shared Commitments Log) with one click.
 */
import { LEVELS } from '../../domain/disclosure-advisor';
import type { PremortemView } from './api';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { addDays, todayIso } from '../client/format';
import { backToTools, dateInput } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, loadInto, section, select, textArea, textInput } from '../client/ui';

export function showPremortem(app: App): void {
  void loadInto(app.slot, () => call('loadPremortem'), (view) => renderPremortem(app, view));
}

function addForm(app: App, view: PremortemView): HTMLElement {
  const sides = view.sides.length ? view.sides : app.sides;
  const last = view.risks[view.risks.length - 1];
  const initiative = textInput({ required: true, autocomplete: 'off' }, last?.initiative ?? '');
  const risk = textArea('', { rows: 2 });
  const likelihood = select([...LEVELS], 'Medium');
  const impact = select([...LEVELS], 'Medium');
  const signal = textArea('', { rows: 2 });
  const recovery = textArea('', { rows: 2 });
  const owner = select(sides, app.identity?.side ?? '');
  const { form } = actionForm(
    'Add risk',
    'Adding…',
    [
      field('Initiative', initiative, 'The joint initiative this pre-mortem is for.'),
      field('What could go wrong', risk, 'Imagine it failed: what went wrong?'),
      h('div', { class: 'inline' }, field('Likelihood', likelihood), field('Impact', impact)),
      field('Early signal', signal, 'What would tell you early that it is happening?'),
      field('Agreed recovery standard', recovery, 'What both sides commit to do if it happens, e.g. tell the partner within 48 hours.'),
      field('Owner side', owner),
    ],
    async () => {
      if (!initiative.value.trim()) throw new Error('Name the initiative.');
      if (!risk.value.trim()) throw new Error('Describe what could go wrong.');
      const next = await call('addRisk', {
        initiative: initiative.value.trim(),
        risk: risk.value.trim(),
        likelihood: likelihood.value,
        impact: impact.value,
        earlySignal: signal.value.trim(),
        recoveryStandard: recovery.value.trim(),
        ownerSide: owner.value,
      });
      announce(`Risk added: ${risk.value.trim()}`);
      renderPremortem(app, next, next.risks[next.risks.length - 1]?.id);
    },
    { 'aria-label': 'Add a risk' },
  );
  return form;
}

function riskCard(app: App, r: PremortemView['risks'][number]): HTMLElement {
  let commit: HTMLElement | null = null;
  if (!r.commitmentId) {
    const due = dateInput(addDays(todayIso(), 30));
    commit = actionForm(
      'Make it a commitment',
      'Adding…',
      [field('Due date', due, 'Saved as Proposed in the Shared Commitments Log; the other side accepts it.')],
      async () => {
        if (!due.value) throw new Error('Give the commitment a due date.');
        const next = await call('riskToCommitment', r.id, due.value);
        const made = next.risks.find((x) => x.id === r.id)?.commitmentId;
        announce(`${r.id} is now commitment ${made ?? ''}.`);
        renderPremortem(app, next, r.id);
      },
      { class: 'update', 'aria-label': `Make ${r.id} a commitment` },
    ).form;
  }
  return h(
    'li',
    { class: 'card', 'data-id': r.id, tabindex: '-1' },
    h('p', { class: 'card-title' }, r.risk),
    h('p', { class: 'meta' }, `${r.id} · ${r.initiative}`),
    h('p', { class: 'meta' }, `Likelihood ${r.likelihood} · impact ${r.impact} · owner ${r.ownerSide}`),
    r.earlySignal ? h('p', { class: 'meta' }, 'Early signal: ', r.earlySignal) : null,
    r.recoveryStandard ? h('p', { class: 'meta' }, 'Recovery standard: ', r.recoveryStandard) : null,
    r.commitmentId ? h('p', { class: 'meta' }, h('span', { class: 'badge' }, `Commitment ${r.commitmentId}`)) : commit,
  );
}

function renderPremortem(app: App, view: PremortemView, focusId?: string): void {
  app.learn({ identity: app.identity, sides: view.sides });
  // Highest risks first: impact, then likelihood; the sheet keeps the order they were added.
  const weight = (level: string) => (LEVELS as readonly string[]).indexOf(level);
  const risks = [...view.risks].sort((a, b) => weight(b.impact) - weight(a.impact) || weight(b.likelihood) - weight(a.likelihood));
  app.render(
    heading('Pre-mortem'),
    backToTools(app),
    h('p', null, 'Before a big joint initiative, imagine it has failed. What went wrong, how would you see it coming, and how will you recover?'),
    section(
      'Risks',
      risks.length ? h('ul', { class: 'cards' }, risks.map((r) => riskCard(app, r))) : h('p', { class: 'muted' }, view.earlier > 0 ? 'No open risks.' : 'No risks yet.'),
      view.earlier > 0 ? h('p', { class: 'meta' }, `${view.earlier === 1 ? '1 earlier risk, now a commitment, is' : `${view.earlier} earlier risks, each now a commitment, are`} not listed: the Pre-mortem sheet has them.`) : null,
    ),
    section('Add a risk', addForm(app, view)),
  );
  if (focusId) {
    const target = app.slot.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
    if (target instanceof HTMLElement) target.focus();
  }
}
