/**
 * Runs tasks one at a time, in arrival order. The add-on's code is synchronous, but a request also
 * saves the workbook (asynchronously) before answering; serializing whole requests means no
 * request ever sees, or saves, another one's half-done state, as Apps Script executions of one
 * document are serialized by its lock.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // A failed task must not stop the ones queued after it.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
