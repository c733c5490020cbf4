/**
 * Times the functions Apps Script calls by name (menu items and google.script.run handlers) in one
 * place, so no handler knows it is measured. The clock is the server's own (Date.now), read before
 * and after the action: no service call is spent on measuring, only the one write that keeps it.
 */
import { recordAction } from './action-log';

type EntryPoint = (...args: never[]) => unknown;

export function timed<F extends EntryPoint>(action: string, run: F): F {
  const wrapper = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const startedAt = Date.now();
    const result = run.apply(this, args) as ReturnType<F>;
    // Only an action that succeeded is recorded: one that failed leaves every property as it was.
    recordAction({ action, startedAt, durationMs: Date.now() - startedAt, ok: true });
    return result;
  };
  return wrapper as unknown as F;
}

/** Every function of `entryPoints`, timed under its own name. */
export function timeEach<T extends Record<string, EntryPoint>>(entryPoints: T): T {
  const out: Record<string, EntryPoint> = {};
  for (const [name, run] of Object.entries(entryPoints)) out[name] = timed(name, run);
  return out as T;
}
