/**
 * The sidebar's own record of how long its calls took, as the person waited for them: from the
 * click to the answer, google.script.run and Apps Script's start-up included (client/rpc.ts
 * measures around each call). Kept in the browser tab (session storage; in memory when the browser
 * refuses it), never in the spreadsheet or the account: measuring costs no round trip. What is kept
 * is the call's name, when it started, how long it took and whether it succeeded: nothing
 * personal, no cell content. The About and diagnostics view shows it (client/about-view.ts).
 */

export interface TimedCall {
  action: string;
  /** Start, epoch milliseconds from the browser's clock. */
  at: number;
  /** From the call to its answer, in whole milliseconds. */
  ms: number;
  ok: boolean;
}

const CALLS_KEPT = 20;
const STORAGE_KEY = 'trust-corners:sidebar-calls';

let kept: TimedCall[] | null = null;

function isTimedCall(value: unknown): value is TimedCall {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.action === 'string' && typeof record.at === 'number' && typeof record.ms === 'number' && typeof record.ok === 'boolean';
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // a sandbox or a privacy setting without storage: memory only
  }
}

function load(): TimedCall[] {
  if (kept) return kept;
  kept = [];
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(parsed)) kept = parsed.filter(isTimedCall).slice(0, CALLS_KEPT);
  } catch {
    // unreadable: start afresh
  }
  return kept;
}

/** Keeps one call, most recent first, at most CALLS_KEPT. A failure to store never fails the call. */
export function recordCall(call: TimedCall): void {
  kept = [call, ...load()].slice(0, CALLS_KEPT);
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // quota or no storage: kept in memory for this page
  }
}

/** The calls kept, most recent first. */
export function recentCalls(): TimedCall[] {
  return [...load()];
}
