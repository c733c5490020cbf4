/**
 * Call counting. Every service object handed to add-on code is a Proxy made by `counted`, so each
 * method call is counted as `Class.method` in one place, never by hand inside methods. The wrapped
 * method runs with `this` bound to the raw target: calls the double makes internally (a facade's
 * method calling another method of its own) are not counted, only calls from outside.
 */
import { RoundTripMeter } from './cost';

export class CallCounter {
  private readonly counts = new Map<string, number>();
  /** Round trips, forced commits and cells of the same calls (cost.ts). */
  readonly meter = new RoundTripMeter();
  /** Platform rules checked before each call (env.ts); throwing refuses the call. */
  guard: (className: string, method: string) => void = () => {};
  /** Called before every counted call: lets a test run another execution between two service calls. */
  beforeCall: ((key: string) => void) | null = null;

  bump(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.beforeCall?.(key);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, n] of [...this.counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) out[k] = n;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.meter.reset();
  }
}

const rawTargets = new WeakMap<object, object>();

/** Wrap `target` so every method call through the result bumps `className.method`. */
export function counted<T extends object>(
  target: T,
  className: string,
  counter: CallCounter,
  mapError: (e: unknown) => unknown = (e) => e,
): T {
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  const proxy = new Proxy(target, {
    get(t, key) {
      const value: unknown = Reflect.get(t, key, t);
      if (typeof value !== 'function' || typeof key === 'symbol' || key === 'constructor') return value;
      let wrapper = wrappers.get(key);
      if (!wrapper) {
        const name = `${className}.${key}`;
        const fn = value as (...args: unknown[]) => unknown;
        wrapper = function countedCall(...args: unknown[]) {
          let result: unknown;
          try {
            counter.guard(className, key);
            counter.bump(name);
            counter.meter.observe(className, key, t, args);
            result = fn.apply(t, args);
          } catch (e) {
            throw mapError(e);
          }
          // Chaining methods return `this` (the raw target); hand back the proxy so the next call counts.
          return result === t ? proxy : result;
        };
        wrappers.set(key, wrapper);
      }
      return wrapper;
    },
  });
  rawTargets.set(proxy, target);
  return proxy;
}

/** The raw object behind a counted proxy (or the object itself). */
export function rawOf<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    const raw = rawTargets.get(value as object);
    if (raw) return raw as T;
  }
  return value;
}
