import { menuCreatePortfolio, menuLoadExample, menuRepairWorkbook, menuSetUpWorkbook, menuVerifyHistory, onEdit, onInstall, onOpen, showSidebar } from './addon';
import { SIDEBAR_HANDLERS } from './sidebar/handlers';

/**
 * Functions Apps Script calls by name: simple triggers, menu items, and the sidebar's
 * google.script.run handlers. The build emits one top-level declaration for each, forwarding to
 * the bundle.
 */
export const ENTRY_POINTS = {
  onOpen,
  onInstall,
  onEdit,
  showSidebar,
  menuSetUpWorkbook,
  menuRepairWorkbook,
  menuVerifyHistory,
  menuLoadExample,
  menuCreatePortfolio,
  ...SIDEBAR_HANDLERS,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof ENTRY_POINTS;
