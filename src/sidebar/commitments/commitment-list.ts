/**
 * A commitment as a short card. A proposal shows what its side may do: the side that must answer
 * sees Accept, Decline (with a reason) and Counter-propose (date and wording); the side whose
 * proposal it is sees Withdraw. The server decides again who may; the buttons only save a trip.
 */
import type { CommitmentSummary, CommitmentsView } from './api';
import { h, type Child } from '../client/dom';
import { commitmentMeta } from '../client/format';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, confirmButton, confirmFirst, field, textArea } from '../client/ui';

function dateInput(value: string): HTMLInputElement {
  const input = h('input', { type: 'date' });
  input.value = value;
  return input;
}

/** A button that shows (or hides) a form under the card. */
function disclosure(label: string, slot: HTMLElement, build: () => HTMLElement): HTMLButtonElement {
  const toggle = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, label);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    for (const other of Array.from(toggle.parentElement?.querySelectorAll('button[aria-expanded="true"]') ?? [])) other.setAttribute('aria-expanded', 'false');
    while (slot.firstChild) slot.removeChild(slot.firstChild);
    if (open) return;
    toggle.setAttribute('aria-expanded', 'true');
    slot.appendChild(build());
    const first = slot.querySelector('textarea, input');
    if (first instanceof HTMLElement) first.focus();
  });
  return toggle;
}

function declineForm(c: CommitmentSummary, onChanged: (view: CommitmentsView) => void): HTMLElement {
  const reason = textArea('', { rows: 2, maxlength: 300 });
  const { form, action } = actionForm(
    'Decline',
    'Declining…',
    [field('Why you decline', reason, 'Both sides see the reason.')],
    async () => {
      const why = reason.value.trim();
      if (!why) throw new Error('Say why you decline, so the other side can answer it.');
      confirmFirst(
        form,
        action.button,
        {
          title: `Decline ${c.id}?`,
          body: h('p', null, `“${c.commitment}” is dropped, with your reason. This cannot be undone.`),
          confirmLabel: 'Decline it',
          busyLabel: 'Declining…',
        },
        async () => {
          const view = await call('declineCommitment', c.id, why);
          announce(`Declined: ${c.commitment}`);
          onChanged(view);
        },
      );
    },
    { class: 'decline', 'aria-label': `Decline ${c.commitment}` },
  );
  return form;
}

function counterForm(c: CommitmentSummary, onChanged: (view: CommitmentsView) => void): HTMLElement {
  const wording = textArea(c.commitment, { rows: 2, maxlength: 500 });
  const due = dateInput(c.dueDate);
  const hint = c.source.startsWith('Assessment ') ? 'Agreed actions fall due 30 to 60 days after the day they are agreed.' : undefined;
  return actionForm(
    'Send counter-proposal',
    'Sending…',
    [field('Wording', wording), field('Due date', due, hint)],
    async () => {
      const commitment = wording.value.trim();
      if (!commitment) throw new Error('Give the wording you propose.');
      if (!due.value) throw new Error('Give the due date you propose.');
      const view = await call('counterProposeCommitment', { id: c.id, commitment, dueDate: due.value });
      announce(`Counter-proposal sent: ${commitment}`);
      onChanged(view);
    },
    { class: 'counter', 'aria-label': `Counter-propose ${c.commitment}` },
  ).form;
}

/** What this user's side may do with a proposal, and where the forms open. */
function negotiation(c: CommitmentSummary, onChanged: (view: CommitmentsView) => void): Child[] {
  if (c.awaitingYourAcceptance) {
    const slot = h('div', null);
    const accept = actionButton('Accept', 'Accepting…', async () => {
      const view = await call('acceptCommitment', c.id);
      announce(`Accepted: ${c.commitment}`);
      onChanged(view);
    });
    return [
      h('div', { class: 'buttons negotiate' }, accept.element, disclosure('Decline…', slot, () => declineForm(c, onChanged)), disclosure('Counter-propose…', slot, () => counterForm(c, onChanged))),
      slot,
    ];
  }
  if (c.awaitingTheirAnswer) {
    const withdraw = confirmButton(
      'Withdraw',
      {
        title: `Withdraw ${c.id}?`,
        body: h('p', null, `“${c.commitment}” is dropped. This cannot be undone.`),
        confirmLabel: 'Withdraw it',
        busyLabel: 'Withdrawing…',
      },
      async () => {
        const view = await call('withdrawCommitment', c.id);
        announce(`Withdrawn: ${c.commitment}`);
        onChanged(view);
      },
      { secondary: true },
    );
    return [withdraw];
  }
  return [];
}

/** The state of the negotiation in words; user text goes in as text nodes only. */
function negotiationNotes(c: CommitmentSummary): Child[] {
  const notes: Child[] = [];
  if (c.status === 'Proposed') {
    if (c.counterTo) notes.push(h('p', { class: 'meta counter-note' }, `Counter-proposal from ${c.proposerSide}. It replaced: `, c.counterTo));
    if (c.awaitingYourAcceptance) notes.push(h('p', { class: 'meta' }, 'Waiting for your side to accept, decline or counter-propose.'));
    else notes.push(h('p', { class: 'meta' }, 'Waiting for the other side to answer.'));
  }
  if (c.declinedReason) notes.push(h('p', { class: 'meta declined-note' }, 'Declined: ', c.declinedReason));
  if (c.replaces) notes.push(h('p', { class: 'meta replaces-note' }, `Replaces ${c.replaces}, declined or withdrawn.`));
  return notes;
}

export function commitmentCard(
  c: CommitmentSummary,
  onChanged: (view: CommitmentsView) => void,
  extra: Child[] = [],
): HTMLLIElement {
  return h(
    'li',
    { class: c.overdue ? 'card overdue' : 'card', 'data-id': c.id, tabindex: '-1' },
    h('p', { class: 'card-title' }, c.commitment),
    h('p', { class: 'meta' }, commitmentMeta(c), c.overdue ? h('span', { class: 'badge danger' }, 'Overdue') : null),
    negotiationNotes(c),
    c.recoveryPlan ? h('p', { class: 'meta' }, 'Recovery plan: ', c.recoveryPlan) : null,
    negotiation(c, onChanged),
    extra,
  );
}

export function commitmentList(items: CommitmentSummary[], onChanged: (view: CommitmentsView) => void, empty: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'cards' }, items.map((c) => commitmentCard(c, onChanged)));
}
