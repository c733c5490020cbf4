/**
 * Shared pieces of every view: the live region, buttons that run one server call at a time and
 * show their error right beside them, and labelled form fields.
 */
import { h, replaceChildren, uid, type Child } from './dom';
import { errorMessage, isSuperseded } from './rpc';

/** Screen readers hear results through this polite live region (errors use role=alert beside the action). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes the same message announced twice in a row still count as a change.
  region.textContent = '';
  window.requestAnimationFrame(() => {
    region.textContent = message;
  });
}

/**
 * A message belongs to the view that produced it: navigation clears it. One announced in the same
 * moment as the navigation (a save that then shows its result) still lands, a frame later.
 */
export function clearAnnouncement(): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = '';
}

export interface Action {
  /** The wrapper to place in the view: the button, then its error line. */
  element: HTMLElement;
  button: HTMLButtonElement;
  showError(message: string): void;
  clearError(): void;
}

/**
 * A button bound to one async job. While the job runs the button says so (aria-busy) and ignores
 * further clicks, so a slow server cannot receive the same submission twice. It is not `disabled`,
 * which would throw keyboard focus back to the top of the page. A failure stays next to the button.
 */
export function actionButton(
  label: string,
  busyLabel: string,
  job: () => Promise<void>,
  options: { type?: 'button' | 'submit'; secondary?: boolean } = {},
): Action {
  const button = h('button', { type: options.type ?? 'button', class: options.secondary ? 'secondary' : 'primary' }, label);
  const error = h('p', { class: 'error', id: uid('err'), role: 'alert' });
  error.hidden = true;
  let busy = false;
  const action: Action = {
    element: h('div', { class: 'action' }, button, error),
    button,
    showError(message) {
      error.textContent = message;
      error.hidden = false;
      button.setAttribute('aria-describedby', error.id);
    },
    clearError() {
      error.textContent = '';
      error.hidden = true;
      button.removeAttribute('aria-describedby');
    },
  };
  const run = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    action.clearError();
    button.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-disabled', 'true');
    button.textContent = busyLabel;
    try {
      await job();
    } catch (failure) {
      // An answer that came after the person moved to another view is told by the shell, not here.
      if (!isSuperseded(failure)) action.showError(errorMessage(failure));
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
      button.textContent = label;
    }
  };
  if (options.type === 'submit') {
    // Enter in a field submits the form: route that through the same guard.
    window.queueMicrotask(() => button.form?.addEventListener('submit', run));
  } else {
    button.addEventListener('click', run);
  }
  return action;
}

/** A form whose submit button runs `job` under actionButton's guard. */
export function actionForm(
  label: string,
  busyLabel: string,
  fields: Child[],
  job: () => Promise<void>,
  attrs: Record<string, string> = {},
): { form: HTMLFormElement; action: Action } {
  const action = actionButton(label, busyLabel, job, { type: 'submit' });
  const form = h('form', { novalidate: true, ...attrs }, fields, action.element);
  return { form, action };
}

export function field(label: string, control: HTMLElement, hint?: Child): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  let hintEl: HTMLElement | null = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: uid('hint') }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function textInput(attrs: Record<string, string | boolean> = {}, value = ''): HTMLInputElement {
  const input = h('input', { type: 'text', ...attrs });
  input.value = value;
  return input;
}

export function textArea(value = '', attrs: Record<string, string | number> = {}): HTMLTextAreaElement {
  const area = h('textarea', { rows: 2, ...attrs });
  area.value = value;
  return area;
}

export function select(options: string[], selected: string, attrs: Record<string, string> = {}, blank?: string): HTMLSelectElement {
  const el = h('select', attrs);
  if (blank !== undefined) el.appendChild(h('option', { value: '' }, blank));
  for (const option of options) el.appendChild(h('option', { value: option }, option));
  el.value = options.includes(selected) ? selected : blank !== undefined ? '' : options[0] ?? '';
  return el;
}

/** A fieldset of radio buttons; returns the fieldset and a getter for the chosen value. */
export function radioGroup(
  legend: string,
  name: string,
  options: Array<{ value: string; label: string }>,
  selected: string | null,
  className = 'radios',
): { element: HTMLFieldSetElement; value(): string | null } {
  const inputs = options.map((option) => {
    const input = h('input', { type: 'radio', name, value: option.value, id: uid(name) });
    input.checked = option.value === selected;
    return { input, label: h('label', { for: input.id }, option.label) };
  });
  const element = h('fieldset', { class: className }, h('legend', null, legend), inputs.map((x) => h('span', { class: 'radio' }, x.input, x.label)));
  return { element, value: () => inputs.find((x) => x.input.checked)?.input.value ?? null };
}

export function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: '-1' }, text);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uid('sec');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), children);
}

export function notice(kind: 'warning' | 'info' | 'success', ...children: Child[]): HTMLElement {
  return h('div', { class: `notice ${kind}` }, children);
}

/**
 * A view slot that shows "Loading…" and, on failure, the error and a Retry button. An answer that
 * arrives after another view was opened is dropped (client/rpc.ts: the latest request wins).
 */
export async function loadInto<T>(slot: HTMLElement, load: () => Promise<T>, render: (data: T) => void): Promise<void> {
  // A view reloading in place (app.refreshInPlace) keeps its content on screen until the new one is ready.
  if (slot.hasAttribute('data-refreshing')) slot.setAttribute('aria-busy', 'true');
  else replaceChildren(slot, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    render(await load());
  } catch (failure) {
    // The person opened another view meanwhile: that view owns the slot now.
    if (isSuperseded(failure)) return;
    slot.removeAttribute('data-refreshing');
    const retry = h('button', { type: 'button', class: 'secondary' }, 'Try again');
    retry.addEventListener('click', () => void loadInto(slot, load, render));
    replaceChildren(slot, h('p', { class: 'error', role: 'alert' }, errorMessage(failure)), retry);
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

export interface Confirmation {
  /** The question, e.g. "Close 2026-Q4?" */
  title: string;
  /** What will happen, in plain words (and that it cannot be taken back). */
  body: Child;
  /** The button that goes ahead, e.g. "Close the cycle". */
  confirmLabel: string;
  busyLabel: string;
}

/**
 * Asks before what cannot be taken back: an in-sidebar confirmation placed right after `anchor`
 * (the button or form that asked), saying what will happen. Focus moves to it; Escape or Cancel
 * removes it and returns focus to `anchor`'s button. The go-ahead button runs `run` under
 * actionButton's guard, so a failure stays beside it and the panel stays open.
 */
export function confirmFirst(anchor: HTMLElement, returnFocusTo: HTMLElement, confirmation: Confirmation, run: () => Promise<void>): HTMLElement {
  const existing = anchor.nextElementSibling;
  if (existing instanceof HTMLElement && existing.classList.contains('confirm')) existing.remove();
  const titleId = uid('confirm');
  const bodyId = uid('confirm-body');
  let panel: HTMLElement;
  const dismiss = () => {
    panel.remove();
    returnFocusTo.focus();
  };
  const go = actionButton(confirmation.confirmLabel, confirmation.busyLabel, async () => {
    await run();
    if (panel.isConnected) panel.remove();
  });
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  cancel.addEventListener('click', dismiss);
  panel = h(
    'div',
    { class: 'confirm', role: 'alertdialog', 'aria-labelledby': titleId, 'aria-describedby': bodyId, tabindex: '-1' },
    h('p', { class: 'confirm-title', id: titleId }, confirmation.title),
    h('div', { id: bodyId }, confirmation.body),
    h('div', { class: 'buttons' }, go.element, cancel),
  );
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    dismiss();
  });
  anchor.insertAdjacentElement('afterend', panel);
  panel.focus();
  return panel;
}

/** A button that asks first (confirmFirst) and then runs `run`. */
export function confirmButton(label: string, confirmation: Confirmation, run: () => Promise<void>, options: { secondary?: boolean } = {}): HTMLElement {
  const button = h('button', { type: 'button', class: options.secondary ? 'secondary' : 'primary', 'aria-haspopup': 'dialog' }, label);
  const wrapper = h('div', { class: 'action' }, button);
  button.addEventListener('click', () => confirmFirst(wrapper, button, confirmation, run));
  return wrapper;
}
