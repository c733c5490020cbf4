import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { projectRoot } from './project-root';

export const BUILD_DIR = path.join(projectRoot(), 'build');
export const CODE_PATH = path.join(BUILD_DIR, 'Code.js');

export function readBuiltCode(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

export interface LoadedBundle {
  context: vm.Context;
  /** Calls a top-level function of Code.js, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Builds a value inside the VM's realm (arrays, Dates), as Apps Script passes arguments. */
  realm<T>(value: T): T;
  /** Evaluates an expression inside the VM. */
  evaluate(source: string): unknown;
}

const DATE_TAG = '__trustCornersDate';

/**
 * Loads build/Code.js into a fresh context holding only `globals` (the Apps Script double's
 * services): no require, process, timers, fetch, TextEncoder, URL, atob or Buffer, as on Apps Script.
 */
export function loadBundle(globals: Record<string, unknown> = {}, into?: vm.Context): LoadedBundle {
  // `into`: a context made beforehand, e.g. to hand its Date to the double before the bundle loads.
  const context = into ? Object.assign(into, globals) : vm.createContext({ ...globals });
  vm.runInContext(readBuiltCode(), context, { filename: 'Code.js' });
  const revive = vm.runInContext(
    `(function (json) { return JSON.parse(json, function (key, value) {
      return value && typeof value === 'object' && typeof value.${DATE_TAG} === 'number' ? new Date(value.${DATE_TAG}) : value;
    }); })`,
    context,
  ) as (json: string) => unknown;
  const realm = <T>(value: T): T => {
    if (value === undefined) return value;
    const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string) {
      const raw = this[key];
      return raw instanceof Date ? { [DATE_TAG]: raw.getTime() } : raw;
    });
    return revive(json) as T;
  };
  return {
    context,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    realm,
    evaluate: (source) => vm.runInContext(source, context),
  };
}
