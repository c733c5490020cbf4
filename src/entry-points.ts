import { onInstall, onOpen, showSidebar } from './addon';

/**
 * Functions Apps Script calls by name: simple triggers, menu items, and later google.script.run
 * handlers. The build emits one top-level declaration for each, forwarding to the bundle.
 */
export const ENTRY_POINTS = {
  onOpen,
  onInstall,
  showSidebar,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof ENTRY_POINTS;
