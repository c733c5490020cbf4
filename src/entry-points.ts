import { menuCreatePortfolio, menuLoadExample, menuRepairWorkbook, menuSetUpWorkbook, menuVerifyHistory, onEdit, onInstall, onOpen, showSidebar } from './addon';
import { showAboutAndDiagnostics } from './diagnostics/about';
import { showHelp } from './diagnostics/help';
import { timeEach } from './diagnostics/timing';
import { SIDEBAR_HANDLERS } from './sidebar/server';

/**
 * Functions Apps Script calls by name: simple triggers, menu items, and the sidebar's
 * google.script.run handlers. The build emits one top-level declaration for each, forwarding to
 * the bundle.
 *
 * Menu items and sidebar handlers are timed here, in one place (src/diagnostics/timing.ts): each
 * run costs one user-property write. The simple triggers are not timed: onEdit runs on every edit
 * by every editor, and onOpen on every opening, where a write would delay the menu for everyone.
 */
export const ENTRY_POINTS = {
  onOpen,
  onInstall,
  onEdit,
  ...timeEach({
    showSidebar,
    menuSetUpWorkbook,
    menuRepairWorkbook,
    menuVerifyHistory,
    menuLoadExample,
    menuCreatePortfolio,
    ...SIDEBAR_HANDLERS,
  }),
  // The sidebar's poll is not timed: a timing record is a property write, and the poll must stay one read.
  changesSince: SIDEBAR_HANDLERS.changesSince,
  showHelp,
  showAboutAndDiagnostics,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof ENTRY_POINTS;
