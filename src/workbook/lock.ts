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
 * When a save lets go of the lock once its writes are committed: at once (`releaseLock`, a round
 * trip), or with the execution, which Apps Script ends by releasing every lock it holds (Lock
 * reference: "the lock is automatically released when the script terminates"). The second is for
 * a save whose execution only reads after it (a sidebar save building the view it returns): it
 * spares every save a round trip, and a partner saving at that very moment waits for those reads
 * too (docs/decisions.md: the lock goes with the execution).
 */
export type LockRelease = 'after the writes' | 'with the execution';

/**
 * Runs `write` holding the document lock, so two partners appending rows or allocating ids at the
 * same moment cannot interleave. When the lock cannot be had, nothing is written and the user is
 * told. Its writes are committed (flush) before the lock can go, as the Lock reference asks of a
 * spreadsheet; when `write` or the commit throws, the lock is released at once, whatever `release` says.
 */
export function withDocumentLock<T>(action: string, write: () => T, release: LockRelease = 'after the writes'): T {
  const lock = saveLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError(action);
  let committed = false;
  try {
    const result = write();
    SpreadsheetApp.flush();
    committed = true;
    return result;
  } finally {
    if (!committed || release === 'after the writes') lock.releaseLock();
  }
}
