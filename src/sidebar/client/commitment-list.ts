/** A commitment as a short card, with *Accept* when the other side proposed it to this user's side. */
import type { CommitmentSummary, CommitmentsView } from '../api';
import { h, type Child } from './dom';
import { commitmentMeta } from './format';
import { call } from './rpc';
import { actionButton, announce } from './ui';

export function commitmentCard(
  c: CommitmentSummary,
  onAccepted: (view: CommitmentsView) => void,
  extra: Child[] = [],
): HTMLLIElement {
  const accept = c.awaitingYourAcceptance
    ? actionButton('Accept', 'Accepting…', async () => {
        const view = await call('acceptCommitment', c.id);
        announce(`Accepted: ${c.commitment}`);
        onAccepted(view);
      })
    : null;
  return h(
    'li',
    { class: c.overdue ? 'card overdue' : 'card', 'data-id': c.id, tabindex: '-1' },
    h('p', { class: 'card-title' }, c.commitment),
    h('p', { class: 'meta' }, commitmentMeta(c), c.overdue ? h('span', { class: 'badge danger' }, 'Overdue') : null),
    c.status === 'Proposed' && !c.awaitingYourAcceptance ? h('p', { class: 'meta' }, 'Waiting for the other side to accept.') : null,
    c.recoveryPlan ? h('p', { class: 'meta' }, 'Recovery plan: ', c.recoveryPlan) : null,
    accept ? accept.element : null,
    extra,
  );
}

export function commitmentList(items: CommitmentSummary[], onAccepted: (view: CommitmentsView) => void, empty: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, empty);
  return h('ul', { class: 'cards' }, items.map((c) => commitmentCard(c, onAccepted)));
}
