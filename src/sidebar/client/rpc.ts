/**
 * The only way the sidebar talks to the server: a typed promise over google.script.run. The
 * handler names and shapes come from ServerApi, so renaming a handler breaks the build, not the user.
 */
import type { ServerApi } from '../rituals';

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
  settled.then(() => observer?.ended(name, true), () => observer?.ended(name, false));
  return settled;
}
