import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { projectRoot } from './project-root';
import { type AppsScriptDouble, type AppsScriptDoubleOptions, createAppsScriptDouble } from '../apps-script';
import { type LoadedBundle, loadBundle } from './bundle';

export interface BundleOnDouble {
  double: AppsScriptDouble;
  bundle: LoadedBundle;
  /** Top-level functions of Code.js that google.script.run and menus can call. */
  functions: string[];
  /** Moves the add-on's clock: `new Date()` and `Date.now()` inside Code.js give this instant (null: the real time). */
  setNow(instant: Date | null): void;
}

/**
 * A Date for the context whose "now" can be set, so a test (or the preview) can move the add-on
 * through quarters. Dates made with arguments are ordinary Dates; instanceof holds for both.
 */
const SETTABLE_CLOCK = `(() => {
  const RealDate = Date;
  let fixed = null;
  class ClockDate extends RealDate {
    constructor(...args) { if (args.length === 0 && fixed !== null) super(fixed); else super(...args); }
    static now() { return fixed !== null ? fixed : RealDate.now(); }
  }
  globalThis.Date = ClockDate;
  return (ms) => { fixed = ms; };
})()`;

/**
 * build/Code.js in a node:vm context whose globals are the Apps Script double. The context is made
 * first so the double hands the add-on Dates and Errors of the add-on's own realm (instanceof holds
 * in Code.js, as on Apps Script). `options` receives that realm, e.g. for a formula evaluator.
 * The double is granted the OAuth scopes of appsscript.json unless `options` says otherwise.
 */
export function loadBundleOnDouble(
  options: (realm: { Date: DateConstructor; Error: ErrorConstructor }) => AppsScriptDoubleOptions = () => ({}),
): BundleOnDouble {
  const context = vm.createContext({});
  const setClock = vm.runInContext(SETTABLE_CLOCK, context) as (ms: number | null) => void;
  const realm = {
    Date: vm.runInContext('Date', context) as DateConstructor,
    Error: vm.runInContext('Error', context) as ErrorConstructor,
  };
  // The add-on gets the scopes its manifest asks for, so Session reveals what it would in Sheets.
  const double = createAppsScriptDouble({ oauthScopes: manifestScopes(), ...options(realm), dateConstructor: realm.Date, errorConstructor: realm.Error });
  const bundle = loadBundle(double.globals as unknown as Record<string, unknown>, context);
  const services = new Set([...Object.keys(double.globals), 'Date']);
  const functions = Object.getOwnPropertyNames(context).filter(
    // Apps Script hides names ending in "_" from google.script.run and menus.
    (name) => !services.has(name) && !name.endsWith('_') && bundle.evaluate(`typeof ${name}`) === 'function',
  );
  return { double, bundle, functions, setNow: (instant) => setClock(instant === null ? null : instant.getTime()) };
}

/** The oauthScopes appsscript.json declares. */
export function manifestScopes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot(), 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
  return manifest.oauthScopes ?? [];
}
