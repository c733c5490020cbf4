/** How long a save waits for the other side's save to finish before giving up. */
export const LOCK_WAIT_MS = 10_000;

export class BusyError extends Error {
  constructor(action: string) {
    super(`The other side is saving right now, so "${action}" was not saved (nothing was written). Try again in a moment.`);
    this.name = 'BusyError';
  }
}

/**
 * The document lock, or where Apps Script has none (getDocumentLock() returns null outside a
 * document) the script lock: coarser, as it serialises every execution of the add-on in every
 * file, but it still keeps two saves from interleaving, which a user lock would not.
 */
function saveLock(): GoogleAppsScript.Lock.Lock {
  return (LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null) ?? LockService.getScriptLock();
}

/**
 * Runs `write` holding the document lock, so two partners appending rows or allocating ids at the
 * same moment cannot interleave. When the lock cannot be had, nothing is written and the user is
 * told; the lock is always released, even when `write` throws.
 */
export function withDocumentLock<T>(action: string, write: () => T): T {
  const lock = saveLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError(action);
  try {
    const result = write();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
