/** Weekly sync: review the log, add a commitment, or update one without hunting through the sheet. */
import type { CommitmentSummary, CommitmentsView } from './api';
import type { CornerName } from '../common/api';
import type { CommitmentStatus } from '../../domain/commitments';
import type { App } from '../client/app';
import { commitmentCard } from './commitment-list';
import { ratesSection } from './rates-view';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS } from '../../domain/dates';
import { h, uid } from '../client/dom';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, loadInto, section, select, textArea, textInput } from '../client/ui';

/** Hidden unless asked for: ended, or never taken on (declined or withdrawn proposals). */
const CLOSED = ['Done', 'Dropped', 'Missed', 'Declined', 'Withdrawn'];
/** A sidebar is no place for thousands of cards: the sheet holds the full log. */
const MAX_SHOWN = 50;

export function showSync(app: App): void {
  void loadInto(app.slot, () => call('loadCommitments'), (view) => renderSync(app, view));
}

function dateInput(value: string): HTMLInputElement {
  const input = h('input', { type: 'date', id: uid('date') });
  input.value = value;
  return input;
}

function updateForm(app: App, c: CommitmentSummary, statuses: string[]): HTMLElement {
  const status = select(statuses, c.status);
  const doneOn = dateInput(c.doneOn);
  const flaggedOn = dateInput(c.flaggedOn);
  const plan = textArea(c.recoveryPlan);
  const { form } = actionForm(
    'Save',
    'Saving…',
    [
      field('Status', status),
      field('Done on', doneOn),
      field('Flagged early on', flaggedOn, 'When the owner warned the other side it would slip.'),
      field('Recovery plan', plan),
    ],
    async () => {
      const view = await call('updateCommitment', {
        id: c.id,
        status: status.value as CommitmentStatus,
        doneOn: doneOn.value,
        flaggedOn: flaggedOn.value,
        recoveryPlan: plan.value.trim(),
      });
      announce(`Saved: ${c.commitment}`);
      renderSync(app, view, c.id);
    },
    { class: 'update', 'aria-label': `Update ${c.commitment}` },
  );
  return form;
}

function card(app: App, c: CommitmentSummary, view: CommitmentsView): HTMLLIElement {
  const toggle = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Update');
  const slot = h('div', null);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    while (slot.firstChild) slot.removeChild(slot.firstChild);
    if (!open) {
      slot.appendChild(updateForm(app, c, view.statuses));
      const first = slot.querySelector('select');
      if (first) first.focus();
    }
  });
  return commitmentCard(c, (next) => renderSync(app, next, c.id), [toggle, slot]);
}

function addForm(app: App, view: CommitmentsView): HTMLElement {
  const commitment = textArea('', { rows: 2 });
  const ownerSide = select(view.sides, view.identity?.side ?? '');
  const ownerPerson = textInput({ autocomplete: 'off' }, view.identity?.displayName ?? '');
  const corner = select(view.corners, '', {}, '(none)');
  const due = dateInput('');
  const link = view.focusLink;
  const forFocus = link ? focusCheckbox(link, corner) : null;
  const { form } = actionForm(
    'Add commitment',
    'Adding…',
    [
      field('Commitment', commitment, 'Concrete and measurable.'),
      field('Owner side', ownerSide),
      field('Owner person', ownerPerson),
      field('Corner', corner),
      forFocus?.element,
      field('Due date', due, 'Small, time-bound commitments build reliability.'),
    ],
    async () => {
      if (!commitment.value.trim()) throw new Error('Describe the commitment.');
      if (!due.value) throw new Error('Give the commitment a due date.');
      const linked = link && forFocus?.input.checked ? link : null;
      const next = await call('addCommitment', {
        commitment: commitment.value.trim(),
        ownerSide: ownerSide.value,
        ownerPerson: ownerPerson.value.trim(),
        corner: linked ? linked.corner : (corner.value as CornerName | ''),
        dueDate: due.value,
        ...(linked ? { forCycle: linked.cycle } : {}),
      });
      announce(`Added: ${commitment.value.trim()}`);
      const known = new Set(view.commitments.map((c) => c.id));
      renderSync(app, next, next.commitments.find((c) => !known.has(c.id))?.id);
    },
    { 'aria-label': 'Add a commitment' },
  );
  return form;
}

/**
 * "For 2026-Q4's focus, Transparency": ticked, the commitment joins that cycle's actions (its
 * corner is the focus, its due date 30 to 60 days out), so Results count it with them.
 */
function focusCheckbox(link: NonNullable<CommitmentsView['focusLink']>, corner: HTMLSelectElement): { element: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', id: uid('focus') });
  const hint = h('p', { class: 'hint', id: uid('hint') }, `It joins ${link.cycle}'s agreed actions: due ${ACTION_DUE_MIN_DAYS} to ${ACTION_DUE_MAX_DAYS} days out, proposed to the other side like them.`);
  input.setAttribute('aria-describedby', hint.id);
  input.addEventListener('change', () => {
    if (input.checked) corner.value = link.corner;
    corner.disabled = input.checked;
  });
  return { element: h('div', { class: 'check' }, input, h('label', { for: input.id }, `For ${link.cycle}'s focus, ${link.corner}`), hint), input };
}

/** What needs someone first: awaiting your acceptance, overdue, at risk; then by due date. */
function rank(c: CommitmentSummary): number {
  if (c.awaitingYourAcceptance) return 0;
  if (c.overdue) return 1;
  if (c.status === 'At risk') return 2;
  if (c.status === 'Proposed') return 3;
  return CLOSED.includes(c.status) ? 5 : 4;
}

function ordered(items: CommitmentSummary[], first?: string): CommitmentSummary[] {
  return items
    .map((c, index) => ({ c, index }))
    .sort((a, b) => {
      if (a.c.id === first || b.c.id === first) return a.c.id === first ? -1 : 1;
      return rank(a.c) - rank(b.c) || (a.c.dueDate || '9999').localeCompare(b.c.dueDate || '9999') || a.index - b.index;
    })
    .map((x) => x.c);
}

/** `focusId`: the commitment just added or changed, listed first and focused. */
function renderSync(app: App, view: CommitmentsView, focusId?: string): void {
  app.learn(view);
  const showAll = h('input', { type: 'checkbox', id: uid('all') });
  const list = h('ul', { class: 'cards' });
  const count = h('p', { class: 'hint' });
  const fill = () => {
    const items = ordered(view.commitments.filter((c) => showAll.checked || c.id === focusId || !CLOSED.includes(c.status)), focusId);
    while (list.firstChild) list.removeChild(list.firstChild);
    items.slice(0, MAX_SHOWN).forEach((c) => list.appendChild(card(app, c, view)));
    const shown =
      items.length === 0
        ? 'No commitments to show.'
        : items.length > MAX_SHOWN
          ? `Showing ${MAX_SHOWN} of ${items.length}; the Shared Commitments Log sheet has them all.`
          : `${items.length} shown.`;
    // Closed long ago and past all their dates: counted in the rates, not sent to the sidebar.
    const older = view.settledCount;
    count.textContent =
      showAll.checked && older > 0
        ? `${shown} ${older} older closed commitment${older === 1 ? ' is' : 's are'} counted in the rates and listed on the Shared Commitments Log sheet.`
        : shown;
  };
  showAll.addEventListener('change', fill);
  fill();
  app.render(
    heading('Weekly sync'),
    ratesSection(view.rates),
    section(
      'Commitments',
      h('div', { class: 'check' }, showAll, h('label', { for: showAll.id }, 'Include done, missed, dropped, declined and withdrawn')),
      count,
      list,
    ),
    section('Add a commitment', addForm(app, view)),
  );
  if (focusId) {
    const target = list.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
    if (target instanceof HTMLElement) target.focus();
  }
}
