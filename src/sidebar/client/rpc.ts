/**
 * The only way the sidebar talks to the server: a typed promise over google.script.run. The
 * handler names and shapes come from ServerApi, so renaming a handler breaks the build, not the user.
 */
import type { ServerApi } from '../rituals';
import { recordCall } from './call-times';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [handler: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/**
 * With several Google accounts signed in to one browser, google.script.run runs as the default
 * account, which may not be the one using the spreadsheet: Apps Script then fails every call with
 * PERMISSION_DENIED or "Authorization is required to perform that action". Neither says what to do.
 */
const MULTIPLE_ACCOUNTS = /PERMISSION_DENIED|Authorization is required/i;

const MULTIPLE_ACCOUNTS_MESSAGE =
  'Google could not tell which of your accounts is using Trust Corners: this browser is signed in to ' +
  'more than one Google account. Open the spreadsheet in a browser profile (or a private window) ' +
  'signed in to one account only, then open Trust Corners again.';

/** Server exceptions arrive as Error-like objects; Apps Script prefixes some with "Exception: ". */
export function errorMessage(error: unknown): string {
  const raw =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? '');
  if (MULTIPLE_ACCOUNTS.test(raw)) return MULTIPLE_ACCOUNTS_MESSAGE;
  const text = raw.replace(/^(Exception|Error|TypeError|ScriptError): /, '').trim();
  return text || 'Something went wrong on the server. Please try again.';
}

/**
 * An answer that arrived after the person moved on (issue 21, "the latest request wins"): a view's
 * answer once another view was opened since, a save's once the sidebar shows another view. Callers
 * drop it silently (loadInto, actionButton); a save's outcome is told through Navigation.savedElsewhere.
 */
class SupersededError extends Error {
  constructor(name: string) {
    super(`The answer to ${name} arrived after another view was opened.`);
    this.name = 'SupersededError';
  }
}

export const isSuperseded = (error: unknown): boolean => error instanceof SupersededError;

/** Where the person is: each opening of a view counts up `generation` (client/app.ts go). */
export interface Whereabouts {
  generation: number;
  view: string;
}

/** What call() asks about navigation, and where it tells the outcome of a save the person moved away from. */
export interface Navigation {
  current(): Whereabouts;
  /** A save finished (or failed: `error`) after the person left the view it was made in (`from`). */
  savedElsewhere(name: string, from: Whereabouts, error: string | null): void;
}

let navigation: Navigation | null = null;

export function followNavigation(next: Navigation | null): void {
  navigation = next;
}

/** The calls that only read for a view: their answers belong to the view that asked (loading the example is a save). */
const isRead = (name: string): boolean => (name.startsWith('load') && name !== 'loadExample') || name === 'adviseDisclosure';
/** The freshness poll answers the shell, not a view: never superseded, and not listed among the timings. */
const SHELL_CALLS = new Set(['changesSince']);

/** Told when each call starts and settles: the sidebar's freshness check counts its own saves. */
export interface CallObserver {
  started(name: string): void;
  ended(name: string, ok: boolean): void;
}

let observer: CallObserver | null = null;

export function observeCalls(next: CallObserver | null): void {
  observer = next;
}

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  observer?.started(name);
  const origin = navigation?.current() ?? null;
  const at = Date.now();
  const started = performance.now();
  const settled = new Promise<ReturnType<ServerApi[K]>>((resolve, reject) => {
    // Outside Sheets (a file opened directly) there is no bridge: say so instead of failing silently.
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('Open Trust Corners from the Extensions menu in Google Sheets.'));
      return;
    }
    try {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
        .withFailureHandler((error) => reject(new Error(errorMessage(error))));
      const handler = runner[name];
      if (typeof handler !== 'function') {
        throw new Error(`The add-on has no "${name}" action yet. Reload the sidebar after updating the add-on.`);
      }
      (handler as (...a: unknown[]) => void).apply(runner, args);
    } catch (error) {
      reject(new Error(errorMessage(error)));
    }
  });
  const finished = (ok: boolean) => {
    observer?.ended(name, ok);
    // From the click to the answer: the wait the person saw (About and diagnostics in the sidebar).
    if (!SHELL_CALLS.has(name)) recordCall({ action: name, at, ms: Math.max(0, Math.round(performance.now() - started)), ok });
  };
  return settled.then(
    (value) => {
      finished(true);
      if (stale(name, origin)) {
        if (!isRead(name)) navigation?.savedElsewhere(name, origin as Whereabouts, null);
        throw new SupersededError(name);
      }
      return value;
    },
    (error: unknown) => {
      finished(false);
      if (stale(name, origin)) {
        if (!isRead(name)) navigation?.savedElsewhere(name, origin as Whereabouts, errorMessage(error));
        throw new SupersededError(name);
      }
      throw error;
    },
  );
}

/** Whether the person moved on since the call started: another view opened since a read, another view on screen since a save. */
function stale(name: string, origin: Whereabouts | null): boolean {
  const now = navigation?.current();
  if (!origin || !now || SHELL_CALLS.has(name)) return false;
  return isRead(name) ? now.generation !== origin.generation : now.view !== origin.view;
}
