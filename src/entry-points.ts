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
 * Menu items are timed here, in one place (src/diagnostics/timing.ts): each run costs one
 * user-property write. The sidebar's handlers are not: the sidebar times its own calls, from the
 * click to the answer (client/rpc.ts), which is the wait a person sees, and costs no round trip.
 * The simple triggers are not timed: onEdit runs on every edit by every editor, and onOpen on every
 * opening, where a write would delay the menu for everyone.
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
  }),
  ...SIDEBAR_HANDLERS,
  showHelp,
  showAboutAndDiagnostics,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof ENTRY_POINTS;
