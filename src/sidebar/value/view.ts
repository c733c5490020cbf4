/**
 * Value Exchange: what each side gave the other this quarter (leads, referrals, deals and revenue
 * influenced) and what it invested, side by side; the balance each way of each counted kind as the
 * ratio it is (1 = even); and a form for one figure at a time, checked field by field with the
 * same rules the server applies (domain/value.ts) before anything is sent.
 */
import { type ValueEntryField, valueEntryProblems } from '../../domain/value';
import type { ValueExchangeView } from './api';
import type { App } from '../client/app';
import { h, uid } from '../client/dom';
import { backToTools, numberInput, olderQuartersNote } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionForm, announce, heading, loadInto, notice, section, select, textArea, textInput } from '../client/ui';

export function showValue(app: App, quarter: string | null = null): void {
  void loadInto(app.slot, () => call('loadValueExchange', quarter), (view) => renderValue(app, view));
}

const figure = (value: number | null): string => (value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function quarterPicker(app: App, view: ValueExchangeView): HTMLElement {
  const picker = select(view.quarters, view.quarter, { id: uid('quarter') });
  picker.addEventListener('change', () => showValue(app, picker.value));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: picker.id }, 'Quarter shown'),
    picker,
    olderQuartersNote(view.olderQuarters, 'Value Exchange', 'Type one of them under Record a figure to add to it.'),
  );
}

/** Each kind per company, as on the sheet's rows of the quarter. */
function figuresTable(view: ValueExchangeView): HTMLElement {
  if (view.rows.length < 2) return h('p', { class: 'muted' }, 'Name the two companies on the Partnership sheet first.');
  return h(
    'table',
    { class: 'compact' },
    h('caption', { class: 'sr-only' }, `What each side gave the other in ${view.quarter}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Kind'), view.rows.map((row) => h('th', { scope: 'col', class: 'num' }, row.side)))),
    h(
      'tbody',
      null,
      view.kinds.map((kind) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, kind),
          view.rows.map((row) => {
            const amount = row.amounts[kind] ?? null;
            return h('td', { class: 'num' }, amount === null ? [h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'sr-only' }, 'none')] : figure(amount));
          }),
        ),
      ),
    ),
  );
}

/** The balance each way of each counted kind, as the ratio it is, and the quarter's ROPI. */
function balancesList(view: ValueExchangeView): HTMLElement {
  return h(
    'div',
    null,
    h(
      'dl',
      { class: 'pair' },
      view.balances.map((entry) => [h('dt', null, entry.kind), h('dd', null, entry.balance ? h('strong', null, entry.balance) : h('span', { class: 'muted' }, entry.missing || 'No figures yet.'))]),
      h('dt', null, 'ROPI'),
      h('dd', null, view.ropi ? [h('strong', null, view.ropi), ' (revenue influenced ÷ investment, both sides)'] : h('span', { class: 'muted' }, 'Shown once the quarter has revenue influenced and investment.')),
    ),
    h('p', { class: 'hint' }, 'Balance: the smaller side’s total ÷ the larger side’s, one kind at a time; 1 is even, 0 is all one way.'),
  );
}

function figuresNotes(view: ValueExchangeView): HTMLElement {
  const notes = view.rows.filter((row) => row.note !== '');
  return h(
    'div',
    null,
    view.duplicateSides.length
      ? notice('warning', `${view.duplicateSides.join(' and ')} ${view.duplicateSides.length === 1 ? 'has' : 'have'} more than one row for ${view.quarter} on the Value Exchange sheet: the sidebar shows and writes the first; merge them on the sheet.`)
      : null,
    notes.length ? h('dl', { class: 'pair' }, notes.map((row) => [h('dt', null, `Note, ${row.side}`), h('dd', null, row.note)])) : null,
  );
}

/** A labelled field with its own error line, which the form fills from the domain's checks. */
function checkedField(label: string, control: HTMLElement, hint?: string): { element: HTMLElement; show(message: string | null): void } {
  control.id = control.id || uid('f');
  const hintEl = hint ? h('p', { class: 'hint', id: uid('hint') }, hint) : null;
  const error = h('p', { class: 'error', id: uid('err') });
  error.hidden = true;
  const describe = (withError: boolean) => {
    const ids = [hintEl?.id, withError ? error.id : null].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  describe(false);
  return {
    element: h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl, error),
    show(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      if (message === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
      describe(message !== null);
    },
  };
}

function entryForm(app: App, view: ValueExchangeView): HTMLElement {
  const quarter = textInput({ required: true, autocomplete: 'off' }, view.quarter);
  const side = select(view.sides, view.identity?.side ?? view.sides[0] ?? '');
  const kind = select(view.kinds, view.kinds[0] ?? '');
  const amount = numberInput({ min: '0', step: 'any' });
  const note = textArea('', { rows: 2 });
  const fields: Record<ValueEntryField, ReturnType<typeof checkedField>> = {
    quarter: checkedField('Quarter', quarter, 'Like 2026-Q4.'),
    side: checkedField('Side that gave it', side, 'The company that passed the leads or referrals, helped win the deals, or made the investment.'),
    kind: checkedField('Kind', kind, `Counted (whole numbers): ${view.countedKinds.join(', ')}. The others are money, in one currency for the whole sheet.`),
    amount: checkedField('Amount', amount, 'For the whole quarter, 0 or more. It replaces the figure already there.'),
  };
  const { form } = actionForm(
    'Record figure',
    'Recording…',
    [fields.quarter.element, fields.side.element, fields.kind.element, fields.amount.element, h('div', { class: 'field' }, h('label', { for: (note.id = uid('note')) }, 'Note'), note)],
    async () => {
      const entry = { quarter: quarter.value, side: side.value, kind: kind.value, amount: amount.value.trim(), note: note.value };
      const problems = entry.amount === '' ? [{ field: 'amount' as const, message: 'Enter the amount: 0 or more.' }] : valueEntryProblems(entry, view.sides);
      for (const name of Object.keys(fields) as ValueEntryField[]) fields[name].show(problems.find((problem) => problem.field === name)?.message ?? null);
      if (problems.length > 0) {
        const first = fields[problems[0].field].element.querySelector('input, select');
        if (first instanceof HTMLElement) first.focus();
        throw new Error(`Check ${problems.length === 1 ? 'the field' : 'the fields'} marked above: ${problems.map((problem) => problem.field).join(', ')}.`);
      }
      const shownQuarter = view.quarter;
      const before = view.rows.find((row) => row.side.toLowerCase() === side.value.toLowerCase())?.amounts[kind.value] ?? null;
      const next = await call('recordValueEntry', { quarter: entry.quarter.trim(), side: entry.side, kind: entry.kind, amount: Number(entry.amount), note: entry.note.trim() });
      const replaced = next.quarter === shownQuarter && before !== null && before !== Number(entry.amount) ? ` (was ${figure(before)})` : '';
      const message = `${entry.kind} from ${entry.side} in ${next.quarter}: ${figure(Number(entry.amount))}${replaced}.`;
      announce(`Recorded. ${message}`);
      renderValue(app, next, message);
    },
    { 'aria-label': 'Record a Value Exchange figure' },
  );
  return form;
}

function renderValue(app: App, view: ValueExchangeView, saved?: string): void {
  app.learn(view);
  app.render(
    heading('Value Exchange'),
    backToTools(app),
    saved ? notice('success', 'Recorded. ', saved) : null,
    quarterPicker(app, view),
    section(`What each side gave, ${view.quarter}`, figuresTable(view), figuresNotes(view)),
    section(`Balance each way, ${view.quarter}`, balancesList(view)),
    view.sides.length < 2 ? null : section('Record a figure', entryForm(app, view)),
  );
}
