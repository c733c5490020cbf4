/**
 * The preview page: tabs, grid, the Extensions > Trust Corners menu and the sidebar panel. It
 * polls the server's revision twice a second and redraws when another window (or the sidebar)
 * changed the workbook, so two partners see each other's edits within a second.
 */
import type { ActionReply, CellView, PreviewState } from '../protocol';
import { api, user } from './api';
import { Grid } from './grid';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const POLL_MS = 500;

let state: PreviewState | null = null;
let shownRevision = -1;
let current = decodeURIComponent(location.hash.replace(/^#sheet=/, '')) || '';
let refreshing = false;
let pendingRefresh = false;

function toast(message: string, error = false): void {
  const box = document.createElement('div');
  box.className = `toast${error ? ' error' : ''}`;
  box.setAttribute('role', error ? 'alert' : 'status');
  box.textContent = message;
  $('toasts').append(box);
  setTimeout(() => box.remove(), error ? 8000 : 5000);
}

const grid = new Grid($('grid-wrap'), {
  select(a1: string, cell: CellView) {
    $('cell-ref').textContent = a1;
    $('cell-content').textContent = cell.input;
  },
  commit(row, col, text) {
    const sheet = grid.sheetName;
    if (!sheet) return;
    void track(api.edit({ sheet, row, col, text }).then(afterAction, (error: Error) => toast(error.message, true)));
  },
});

/** Actions in flight; tests wait for 0 (data-busy) before the next gesture. */
let busy = 0;
function track<T>(promise: Promise<T>): Promise<T> {
  document.body.dataset.busy = String(++busy);
  const done = () => {
    document.body.dataset.busy = String(--busy);
  };
  return promise.finally(done);
}

function afterAction(reply: ActionReply): void {
  if (!reply.ok && reply.message) toast(reply.message, true);
  for (const message of reply.toasts ?? []) toast(message);
  for (const message of reply.alerts ?? []) toast(message);
  if (reply.sidebar) openSidebar();
  for (const dialog of reply.dialogs ?? []) showDialog(dialog);
  return void track(refresh(true));
}

/** A dialog of the add-on (Ui.showModalDialog): its own HTML in a sandboxed frame, like Sheets' iframe. */
function showDialog(dialog: { title: string; html: string; width?: number; height?: number }): void {
  const box = $<HTMLDialogElement>('addon-dialog');
  $('addon-dialog-title').textContent = dialog.title;
  const frame = $<HTMLIFrameElement>('addon-dialog-frame');
  frame.title = dialog.title;
  frame.style.width = `${dialog.width ?? 500}px`;
  frame.style.height = `${dialog.height ?? 400}px`;
  frame.srcdoc = dialog.html;
  box.showModal();
}
$('addon-dialog-close').addEventListener('click', () => $<HTMLDialogElement>('addon-dialog').close());

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...(state?.sheets ?? []).map((name) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.role = 'tab';
      button.textContent = name;
      button.setAttribute('aria-selected', String(name === current));
      button.addEventListener('click', () => {
        current = name;
        history.replaceState(null, '', `${location.search}#sheet=${encodeURIComponent(name)}`);
        renderTabs();
        void refresh(true);
      });
      return button;
    }),
  );
}

function renderMenu(): void {
  const menu = $('extensions-menu');
  const items = state?.menu?.items ?? [];
  menu.replaceChildren();
  const heading = document.createElement('div');
  heading.className = 'heading';
  heading.textContent = state?.menu?.title ?? 'No add-on menu (onOpen did not build one)';
  menu.append(heading);
  for (const item of items) {
    if ('separator' in item) {
      menu.append(document.createElement('hr'));
      continue;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.role = 'menuitem';
    button.textContent = item.caption;
    button.addEventListener('click', () => {
      closeMenu();
      void track(api.menu(item.functionName).then(afterAction, (error: Error) => toast(error.message, true)));
    });
    menu.append(button);
  }
}

function closeMenu(): void {
  $('extensions-menu').hidden = true;
  $('extensions').setAttribute('aria-expanded', 'false');
}

$('extensions').addEventListener('click', (e) => {
  e.stopPropagation();
  const menu = $('extensions-menu');
  menu.hidden = !menu.hidden;
  $('extensions').setAttribute('aria-expanded', String(!menu.hidden));
});
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.menu-root')) closeMenu();
});

function openSidebar(): void {
  $('sidebar').hidden = false;
  $<HTMLIFrameElement>('sidebar-frame').src = api.sidebarUrl();
}

function closeSidebar(): void {
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

$('sidebar-close').addEventListener('click', closeSidebar);
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.data?.source !== 'trust-corners-sidebar') return;
  if (e.data.type === 'close') closeSidebar();
  if (e.data.type === 'changed') void refresh(true);
});

/** Reads the revision; redraws the grid when it moved (or when `force`). Never while editing. */
async function refresh(force = false): Promise<void> {
  if (refreshing) {
    pendingRefresh = pendingRefresh || force;
    return;
  }
  refreshing = true;
  try {
    state = await api.state();
    const problem = $('problem');
    problem.hidden = !state.problem;
    problem.textContent = state.problem ? `Preview: ${state.problem}` : '';
    if (!state.sheets.includes(current)) current = state.sheets[0] ?? '';
    if ((force || state.revision !== shownRevision) && !grid.editing && current) {
      const view = await api.sheet(current);
      grid.render(view);
      shownRevision = view.revision;
      renderTabs();
      renderMenu();
      document.body.dataset.revision = String(view.revision);
    }
  } catch (error) {
    $('problem').hidden = false;
    $('problem').textContent = `Preview server not reachable (${(error as Error).message}). Retrying…`;
  } finally {
    refreshing = false;
    if (pendingRefresh) {
      pendingRefresh = false;
      void refresh(true);
    }
  }
}

document.body.dataset.busy = '0';
$('user').textContent = user;
document.title = `Trust Corners preview – ${user}`;
void refresh(true);
setInterval(() => void refresh(), POLL_MS);
