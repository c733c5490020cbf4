/**
 * The sidebar's entry: a skip-free shell (the sidebar is short) with section navigation, the view
 * slot and the live region, then the home view. Bundled by scripts/build-sidebar.mjs.
 */
import { createApp, type App, type ViewInput, type ViewName } from './app';
import { h } from './dom';
import { Freshness, POLL_INTERVAL_MS } from '../freshness/poll';
import { call, errorMessage, followNavigation, isSuperseded, observeCalls } from './rpc';
import { announce, clearAnnouncement } from './ui';
import { SECTIONS, VIEWS } from './views';

/**
 * How often an open view asks whether the workbook changed. A page may set
 * `window.trustCornersPollMs` before this script runs (the browser tests do, to run in seconds).
 */
function pollInterval(): number {
  const configured = Number((window as { trustCornersPollMs?: unknown }).trustCornersPollMs);
  return Number.isFinite(configured) && configured >= 100 ? configured : POLL_INTERVAL_MS;
}

/** What a view is opened with when it is shown again: never the data it was handed last time. */
function freshInput(input: ViewInput): ViewInput {
  return { cycle: input.cycle ?? input.results?.cycle ?? null };
}

function start(): void {
  const slot = h('main', { id: 'view' });
  const buttons = SECTIONS.map((item) => h('button', { type: 'button', 'data-view': item.section }, item.label));
  const nav = h('nav', { 'aria-label': 'Sections' }, buttons);
  const announcer = h('div', { id: 'announcer', class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const changedNote = h('p', { class: 'changed' }, 'The workbook changed since this view loaded.');
  const refresh = h('button', { type: 'button', class: 'secondary small' }, 'Refresh');
  // A save answered after the person moved to another view: its outcome is said here, not drawn over the view.
  const elsewhereNote = h('p', { class: 'changed', id: 'saved-elsewhere' });
  const toolbar = h('div', { class: 'toolbar' }, changedNote, elsewhereNote, refresh);
  changedNote.hidden = true;
  elsewhereNote.hidden = true;

  const mark = (view: ViewName) => {
    const section = VIEWS[view].section;
    for (const b of buttons) {
      if (b.getAttribute('data-view') === section) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    // The who-are-you form belongs to no section: the tabs and the toolbar wait until it is answered.
    nav.hidden = VIEWS[view].section === null;
    toolbar.hidden = nav.hidden;
  };

  const navigate = (app: App, view: ViewName, input: ViewInput) => {
    mark(view);
    clearAnnouncement();
    changedNote.hidden = true;
    elsewhereNote.hidden = true;
    VIEWS[view].show(app, input);
  };
  const app = createApp(slot, navigate);
  buttons.forEach((b) => b.addEventListener('click', () => app.go(b.getAttribute('data-view') as ViewName)));

  /** The view on screen again, with fresh data, in place. */
  const reload = async (message: string) => {
    const { view, input } = app.current;
    if (view === 'identity') return;
    if (view === 'agree') {
      // The agree form is built from the results it was opened with: fetch them again first.
      const results = await call('loadResults', input.results?.cycle ?? null);
      app.refreshInPlace(message);
      app.go('agree', { results });
      return;
    }
    app.refreshInPlace(message);
    app.go(view, freshInput(input));
  };
  refresh.addEventListener('click', () => {
    reload('Refreshed.').catch((failure: unknown) => {
      if (!isSuperseded(failure)) announce(errorMessage(failure));
    });
  });
  const sectionLabel = (view: string) => SECTIONS.find((item) => item.section === VIEWS[view as ViewName]?.section)?.label ?? 'the sidebar';
  followNavigation({
    current: () => ({ generation: app.generation, view: app.current.view }),
    savedElsewhere(_name, from, error) {
      const where = sectionLabel(from.view);
      const text = error === null ? `Your change in ${where} was saved.` : `Your change in ${where} was not saved: ${error}`;
      elsewhereNote.textContent = text;
      elsewhereNote.hidden = false;
      announce(text);
    },
  });

  const freshness = new Freshness({
    intervalMs: pollInterval(),
    poll: (known) => call('changesSince', known),
    changed() {
      if (app.current.view === 'identity') return;
      // Typed input is never thrown away by a change someone else made: the user decides when.
      if (app.inUse()) {
        changedNote.hidden = false;
        announce('The workbook changed since this view loaded. Use Refresh to see it.');
      } else {
        reload('Updated with a change made elsewhere.').catch(() => undefined);
      }
    },
  });
  observeCalls({ started: (name) => freshness.callStarted(name), ended: (name, ok) => freshness.callEnded(name, ok) });

  document.body.append(h('div', { class: 'top' }, nav, toolbar), slot, announcer);
  app.go('home');
  freshness.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
