/**
 * The one shared workbook: ONE Apps Script double holding the spreadsheet, and ONE instance of the
 * real build/Code.js loaded into a node:vm context whose globals are the double's services, as
 * Apps Script runs it. Every action runs as one user, as one "execution": the active user is set
 * first, and the locks the execution still holds are released at its end, as Apps Script does.
 * After each execution the workbook is saved if it changed, and the revision moves on so the pages
 * refresh. Callers serialize executions (see SerialQueue); nothing here is re-entrant.
 */
import { readFileSync } from 'node:fs';
import { type AppsScriptDouble, type FormulaEvaluator, type Prices, pricedMs } from '../runtime/apps-script';
import { BUILD_DIR, type LoadedBundle } from '../runtime/bundle/bundle';
import { loadBundleOnDouble } from '../runtime/bundle/bundle-on-double';
import { engineFor, previewEvaluator, type PreviewEvaluator } from './evaluator';
import { keepOlderFormat, loadSaved, refuse, saveNow, saveSoon, savesWritten } from './store';
import type { EditRequest } from './protocol';

export interface HostOptions {
  dataFile: string;
  /** Start without the example partnership (only when there is no saved file). */
  empty: boolean;
  log: (message: string) => void;
  /** Make each execution cost what the round-trip model prices it at in Sheets (--latency=sheets); null: no wait. */
  latency?: Prices | null;
  /** The day the add-on's clock starts on (--today=yyyy-mm-dd), at the time of day it is now; it runs on from there. */
  today?: Date | null;
}

export interface Feedback {
  toasts: string[];
  alerts: string[];
  sidebar: boolean;
  /** Modal or modeless dialogs the action opened (Help, About and diagnostics). */
  dialogs: Array<{ title: string; html: string; width?: number; height?: number }>;
}

export class UserFacingError extends Error {}

/** Service methods that only read: an execution calling nothing else cannot have changed the workbook. */
const READ_ONLY_METHOD = /\.(get|is|has|find|with|can)[A-Za-z]*$/;

export class WorkbookHost {
  readonly double: AppsScriptDouble;
  readonly bundle: LoadedBundle;
  readonly evaluator: PreviewEvaluator;
  /** Top-level functions of Code.js: what menu items and google.script.run may call. */
  readonly functions: string[];
  revision = 1;
  private savedJson = '';
  /** What the executions since the last takeWaitMs() would have made the user wait in Sheets. */
  private owedWaitMs = 0;
  private readonly vmDate: DateConstructor;

  private constructor(private readonly options: HostOptions) {
    // The VM's Date and Error must exist before the double, so the values the add-on sees are
    // its own realm's (instanceof Date holds in Code.js), as on Apps Script.
    let bundle: LoadedBundle | undefined;
    let vmDate: DateConstructor = Date;
    let evaluator: PreviewEvaluator | undefined;
    const hosted = loadBundleOnDouble((realm) => {
      vmDate = realm.Date;
      evaluator = previewEvaluator(engineFor(() => bundle!, realm.Date), options.log);
      return {
        // Code.js builds dates with the process's local clock (new Date(y, m, d)); using that zone as
        // the spreadsheet's keeps a date typed as 2026-03-01 and one made in code the same day.
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC',
        activeUserEmail: 'ana@acme.example',
        htmlFiles: { Sidebar: readFileSync(`${BUILD_DIR}/Sidebar.html`, 'utf8') },
        formulaEvaluator: evaluator,
      };
    });
    this.evaluator = evaluator as PreviewEvaluator;
    this.vmDate = vmDate;
    this.double = hosted.double;
    bundle = hosted.bundle;
    this.bundle = bundle;
    this.functions = hosted.functions;
    if (options.today) hosted.setNow(options.today);
  }

  /**
   * The saved workbook, else a fresh one (with the example partnership unless `empty`), saved at
   * once. A saved file that cannot be used throws PreviewDataError and is left as it is.
   */
  static open(options: HostOptions): WorkbookHost {
    const host = new WorkbookHost(options);
    const saved = loadSaved(options.dataFile);
    if (saved) {
      try {
        host.double.restore(saved);
      } catch (error) {
        throw refuse(options.dataFile, `its contents are not a workbook this preview can open (${(error as Error).message})`);
      }
      host.savedJson = JSON.stringify(saved);
      const copy = keepOlderFormat(options.dataFile, saved);
      if (copy) options.log(`preview: ${options.dataFile} is in the older format; it is saved in the new one from now on (the old file is kept as ${copy})`);
      options.log(`preview: opened the saved workbook ${options.dataFile}${options.empty ? ' (--empty applies only when there is no saved file)' : ''}`);
    }
    // What opening the file in Sheets does: the simple trigger builds the add-on menu.
    host.execute('ana@acme.example', () => host.double.runSimpleTrigger('LIMITED', () => host.bundle.call('onOpen', host.event({}))), 'onOpen');
    if (!saved && !options.empty) host.execute('ana@acme.example', () => host.bundle.call('menuLoadExample'), 'menuLoadExample');
    // Nobody waited for the server to start: the first request does not pay for it.
    host.takeWaitMs();
    // At start nobody waits: the first save is written at once (a file in the older format is upgraded).
    host.persist(true, true);
    return host;
  }

  /** Runs `action` as `user`, as one Apps Script execution; saves if the workbook changed. */
  execute<T>(user: string, action: () => T, label = 'execution'): { value: T; feedback: Feedback } {
    const inspect = this.double.inspect;
    const before = { toasts: inspect.toasts().length, alerts: inspect.alerts().length, sidebars: inspect.sidebars().length, dialogs: inspect.dialogs().length };
    this.double.setActiveUser(user);
    this.double.calls.reset();
    let value: T;
    try {
      value = action();
    } finally {
      this.double.endExecution();
      this.chargeLatency(label);
      this.persist(Object.keys(this.double.calls.byMethod()).some((method) => !READ_ONLY_METHOD.test(method)));
    }
    return {
      value,
      feedback: {
        toasts: inspect.toasts().slice(before.toasts).map((t) => t.message),
        alerts: inspect.alerts().slice(before.alerts).map((a) => [a.title, a.prompt].filter(Boolean).join(': ')),
        sidebar: inspect.sidebars().length > before.sidebars,
        dialogs: inspect.dialogs().slice(before.dialogs).map(({ title, html, width, height }) => ({ title, html, ...(width ? { width } : {}), ...(height ? { height } : {}) })),
      },
    };
  }

  /** With --latency=sheets: owe the execution's priced wait (round trips, forced commits, cells read). */
  private chargeLatency(label: string): void {
    const prices = this.options.latency;
    if (!prices) return;
    const counts = this.double.roundTrips.counts();
    const ms = Math.round(pricedMs(counts, prices));
    this.owedWaitMs += ms;
    this.options.log(`preview: ${label}: ${counts.roundtrips} round trips, ${counts.commits} forced commits, ${counts.cells_read} cells read: waits ${ms} ms`);
  }

  /** The wait owed since the last call (the server sleeps it before answering), reset to 0. */
  takeWaitMs(): number {
    const ms = this.owedWaitMs;
    this.owedWaitMs = 0;
    return ms;
  }

  /** A top-level function of Code.js, called by name as a menu item or google.script.run would. */
  call(user: string, name: string, args: unknown[]): { value: unknown; feedback: Feedback } {
    if (!this.functions.includes(name)) throw new UserFacingError(`Script function not found: ${name}`);
    return this.execute(user, () => this.bundle.call(name, ...(this.bundle.realm(args) as unknown[])), name);
  }

  /**
   * A user typing `text` into one cell: written with Range.setValue (so Sheets' typing rules apply:
   * =formula, dates, numbers, 'apostrophe text), refused like the Sheets UI refuses input that a
   * rejecting validation rule does not allow, then the simple onEdit trigger with the event Apps
   * Script builds for a single-cell edit. A failing trigger does not undo the edit (as in Sheets).
   */
  edit(user: string, request: EditRequest): { feedback: Feedback; triggerError: string | null } {
    let triggerError: string | null = null;
    const { feedback } = this.execute(user, () => {
      const sheet = this.double.spreadsheet.getSheetByName(request.sheet);
      if (!sheet) throw new UserFacingError(`There is no sheet named "${request.sheet}".`);
      const range = sheet.getRange(request.row, request.col);
      const oldFormula = range.getFormula();
      const oldValue = range.getValue();
      range.setValue(request.text);
      this.refuseInvalid(request.sheet, range, oldFormula, oldValue);
      const value = range.getValue();
      try {
        const event = this.event({
          range,
          // Apps Script leaves these undefined for an empty cell.
          value: value === '' ? undefined : value,
          oldValue: oldFormula === '' && oldValue === '' ? undefined : oldValue,
        });
        // Sheets has committed the typed value before the trigger runs: only the trigger is priced.
        this.double.roundTrips.reset();
        this.double.runSimpleTrigger('LIMITED', () => this.bundle.call('onEdit', event));
      } catch (error) {
        triggerError = `onEdit failed: ${(error as Error).message}`;
        this.options.log(`preview: ${triggerError}`);
      }
    }, 'onEdit');
    return { feedback, triggerError };
  }

  /** Another HyperFormula evaluator with this Code.js's custom functions (e.g. for conditional formats). */
  newEvaluator(): FormulaEvaluator {
    return engineFor(() => this.bundle, this.vmDate);
  }

  /** The HTML showSidebar served last (the real build/Sidebar.html), else the built file. */
  sidebarHtml(): string {
    const shown = this.double.inspect.sidebars().pop();
    return shown?.html ?? readFileSync(`${BUILD_DIR}/Sidebar.html`, 'utf8');
  }

  private event(fields: Record<string, unknown>): Record<string, unknown> {
    const globals = this.double.globals;
    return {
      authMode: globals.ScriptApp.AuthMode.LIMITED,
      source: globals.SpreadsheetApp.getActiveSpreadsheet(),
      user: globals.Session.getActiveUser(),
      ...fields,
    };
  }

  private refuseInvalid(sheetName: string, range: GoogleAppsScript.Spreadsheet.Range, oldFormula: string, oldValue: unknown): void {
    const a1 = range.getA1Notation();
    const rule = this.double.inspect.cell(sheetName, a1).validation;
    if (!rule || rule.allowInvalid || !this.double.inspect.invalidCells(sheetName).includes(a1)) return;
    // Put back exactly what was there: a formula, text (behind an apostrophe so it is not re-parsed), or the value.
    if (oldFormula) range.setFormula(oldFormula);
    else if (typeof oldValue === 'string' && oldValue !== '') range.setValue(`'${oldValue}`);
    else range.setValue(oldValue);
    const expected = /^VALUE_IN_/.test(rule.criteria)
      ? 'Input must be an item on the specified list.'
      : /^DATE_/.test(rule.criteria)
        ? 'Input must be a valid date.'
        : 'Input breaks the data validation rule of this cell.';
    throw new UserFacingError(`There was a problem with ${a1}: ${expected}${rule.helpText ? ` ${rule.helpText}` : ''}`);
  }

  /**
   * Saves when the snapshot differs from the last saved one; only then does the revision move. The
   * file is written after the action, off its path (store.ts: saveSoon), unless `now`.
   */
  private persist(maybeChanged: boolean, now = false): void {
    if (!maybeChanged) return;
    const json = JSON.stringify(this.double.snapshot());
    if (json === this.savedJson) return;
    if (now) saveNow(this.options.dataFile, json);
    else saveSoon(this.options.dataFile, json);
    this.revision++;
    this.savedJson = json;
  }

  /** Resolves once every change is in the data file (the server's close waits for it). */
  saved(): Promise<void> {
    return savesWritten(this.options.dataFile);
  }
}
