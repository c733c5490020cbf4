/**
 * A strict, counting, in-memory double of the Apps Script services the add-on uses.
 *
 *   const double = createAppsScriptDouble({ timeZone: 'Europe/Berlin' });
 *   const undo = double.install();            // copy globals onto globalThis (console excluded)
 *   // or: Object.assign(vmContext, double.globals)
 *   double.calls.reset(); runAction(); expect(double.calls.total()).toBe(7);
 *   double.inspect.values('Sheet1');           // uncounted reads
 *   double.setActiveUser('ben@partner.example');
 *   double.lock.holdByOther();                 // tryLock -> false, waitLock throws
 *   const saved = double.snapshot(); double.restore(saved);
 */
import { formatA1 } from './a1';
import { pricedMs, type RoundTripCounts } from './cost';
import { ChartType } from './enums';
import { Env, type LockKind, type UiResponse } from './env';
import { newWorkbookState, type MetadataLocation, type SheetState } from './model';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V1, SNAPSHOT_FORMATS_READ, fromSnapshot, toSnapshot, type WorkbookSnapshot } from './snapshot';
import {
  ConsoleImpl,
  LockServiceImpl,
  LoggerImpl,
  PropertiesServiceImpl,
  ScriptAppImpl,
  SessionImpl,
  UtilitiesImpl,
} from './services';
import { SpreadsheetAppImpl, spreadsheetFacade } from './spreadsheet';
import { htmlServiceFacade } from './ui';
import { assertTimeZone } from './timezone';
import { isValidFor } from './validation';
import { parseA1 } from './a1';
import type { AppsScriptDoubleOptions, CellValue, GridRange } from './types';

export type { AppsScriptDoubleOptions, UserPropertyStores, CellValue, FormulaEvaluator, WorkbookContents, EvaluatedWorkbook, SheetContents } from './types';
export type { WorkbookSnapshot } from './snapshot';
export type { UiResponse, LockKind } from './env';
export { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V1, SNAPSHOT_FORMATS_READ };
export { kindOf, pricedMs, SHEETS_PRICES, type CallKind, type Prices, type RoundTripCounts } from './cost';
export { LOCK_TIMEOUT_MESSAGE } from './services';
export { SIMPLE_TRIGGER_LIMIT_MS, USERINFO_EMAIL_SCOPE } from './env';

export interface AppsScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

export interface CellInfo {
  value: CellValue;
  formula: string;
  numberFormat: string | null;
  note: string;
  fontWeight: string;
  background: string | null;
  validation: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null;
}

export interface AppsScriptDouble {
  globals: AppsScriptGlobals;
  /** Service calls by `Class.method`; reset() also resets the round-trip meter. */
  calls: {
    total(): number;
    byMethod(): Record<string, number>;
    reset(): void;
    /** Runs `hook` before every counted service call (null removes it): to interleave another execution. */
    beforeEach(hook: ((method: string) => void) | null): void;
  };
  /** Round trips, forced commits, cells read and written since the last reset (cost.ts). */
  roundTrips: { counts(): RoundTripCounts; reset(): void };
  /** What Apps Script does when an execution ends: locks released, queued writes committed. */
  endExecution(): void;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  inspect: ReturnType<typeof makeInspect>;
  setActiveUser(email: string): void;
  activeUser(): string;
  lock: {
    /** Another execution holds the lock: tryLock returns false, waitLock throws the timeout error. */
    holdByOther(kind?: LockKind): void;
    /** Free the lock, whoever holds it, and cancel scripted failures. */
    release(kind?: LockKind): void;
    /** The next n tryLock/waitLock attempts fail as if another execution held the lock briefly. */
    failNext(n: number, kind?: LockKind): void;
    holder(kind?: LockKind): 'self' | 'other' | null;
    /** What Apps Script does when an execution ends: locks this execution holds are released. */
    endExecution(): void;
    /** LockService.getDocumentLock() returns null (as outside a document) until called with false. */
    documentLockUnavailable(unavailable?: boolean): void;
  };
  /**
   * Runs `run` as a simple trigger (onOpen, onEdit) in `authMode`: Session reveals no email; in
   * NONE every call but building the add-on menu throws; the trigger is stopped once its round
   * trips, priced as in Sheets, pass 30 s. The execution ends afterwards (endExecution).
   */
  runSimpleTrigger<T>(authMode: 'NONE' | 'LIMITED', run: () => T): T;
  /** Runs `run` as a custom function runs (AuthMode.CUSTOM_FUNCTION): Session reveals no email. */
  runCustomFunction<T>(run: () => T): T;
  session: {
    /**
     * Session.getActiveUser().getEmail() returns '' even with the userinfo.email scope, as where an
     * admin policy withholds it or for a consumer account in another domain (false lifts it).
     */
    withholdEmail(withheld?: boolean): void;
  };
  ui: {
    /** Queue answers for the next alert()/prompt() calls (default: first button, empty text). */
    respond(...responses: UiResponse[]): void;
  };
  snapshot(): WorkbookSnapshot;
  restore(snapshot: WorkbookSnapshot | string): void;
  /**
   * Make Dates and errors handed to the add-on belong to another realm, e.g.
   * `double.useRealm(vm.runInContext('globalThis', context))`, so `instanceof Date/Error` hold there.
   */
  useRealm(realm: { Date: DateConstructor; Error: ErrorConstructor }): void;
  /** Copy the globals onto `target` (console only when target is not globalThis); returns an undo. */
  install(target?: object): () => void;
}

export function createAppsScriptDouble(options: AppsScriptDoubleOptions = {}): AppsScriptDouble {
  const timeZone = options.timeZone ?? 'Etc/UTC';
  assertTimeZone(timeZone);
  const activeUserEmail = options.activeUserEmail ?? 'ana@acme.example';
  const env = new Env(
    {
      timeZone,
      activeUserEmail,
      oauthScopes: options.oauthScopes ?? [],
      ownerEmail: options.ownerEmail ?? activeUserEmail,
      htmlFiles: options.htmlFiles ?? {},
      formulaEvaluator: options.formulaEvaluator,
      addonName: options.addonName ?? 'Trust Corners',
      now: options.now ?? (() => new Date()),
      dateConstructor: options.dateConstructor ?? Date,
      errorConstructor: options.errorConstructor ?? Error,
    },
    newWorkbookState(timeZone, options.spreadsheetId),
    options.userProperties ?? {},
  );

  const globals = {
    SpreadsheetApp: env.cached('SpreadsheetApp', () => new SpreadsheetAppImpl(env), 'SpreadsheetApp'),
    HtmlService: htmlServiceFacade(env),
    LockService: env.cached('LockService', () => new LockServiceImpl(env), 'LockService'),
    PropertiesService: env.cached('PropertiesService', () => new PropertiesServiceImpl(env), 'PropertiesService'),
    Session: env.cached('Session', () => new SessionImpl(env), 'Session'),
    Utilities: env.cached('Utilities', () => new UtilitiesImpl(env), 'Utilities'),
    ScriptApp: env.cached('ScriptApp', () => new ScriptAppImpl(), 'ScriptApp'),
    Charts: env.cached('Charts', () => ({ ChartType }), 'Charts'),
    Logger: env.cached('Logger', () => new LoggerImpl(env), 'Logger'),
    console: env.cached('console', () => new ConsoleImpl(env), 'console'),
  } as unknown as AppsScriptGlobals;

  const lockState = (kind: LockKind = 'document') => env.locks[kind];

  const double: AppsScriptDouble = {
    globals,
    calls: {
      total: () => env.counter.total(),
      byMethod: () => env.counter.byMethod(),
      reset: () => env.counter.reset(),
      beforeEach: (hook) => {
        env.counter.beforeCall = hook;
      },
    },
    roundTrips: {
      counts: () => env.counter.meter.current(),
      reset: () => env.counter.meter.reset(),
    },
    endExecution() {
      for (const s of Object.values(env.locks)) if (s.holder === 'self') s.holder = null;
      env.counter.meter.endExecution();
    },
    spreadsheet: spreadsheetFacade(env) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    inspect: makeInspect(env),
    setActiveUser(email: string) {
      env.activeUser = email;
      // Whoever opens the shared workbook is one of its editors.
      if (email !== '') env.editors.add(email);
    },
    activeUser: () => env.activeUser,
    lock: {
      holdByOther: (kind) => {
        lockState(kind).holder = 'other';
      },
      release: (kind) => {
        lockState(kind).holder = null;
        lockState(kind).failNext = 0;
      },
      failNext: (n, kind) => {
        lockState(kind).failNext = n;
      },
      holder: (kind) => lockState(kind).holder,
      endExecution: () => {
        for (const s of Object.values(env.locks)) if (s.holder === 'self') s.holder = null;
      },
      documentLockUnavailable: (unavailable = true) => {
        env.documentLockAvailable = !unavailable;
      },
    },
    runSimpleTrigger(authMode, run) {
      const previous = env.execution;
      env.execution = { simpleTrigger: true, authMode, startedAtMs: pricedMs(env.counter.meter.current()) };
      try {
        return run();
      } finally {
        env.execution = previous;
        double.endExecution();
      }
    },
    runCustomFunction(run) {
      const previous = env.execution;
      env.execution = { ...previous, customFunction: true };
      try {
        return run();
      } finally {
        env.execution = previous;
      }
    },
    session: {
      withholdEmail: (withheld = true) => {
        env.emailWithheld = withheld;
      },
    },
    ui: {
      respond: (...responses) => {
        env.uiResponses.push(...responses);
      },
    },
    snapshot: () => toSnapshot(env.wb.state, env.owner, [...env.editors], env.userProperties),
    restore(snapshot) {
      const { state, owner, editors, userProperties } = fromSnapshot(snapshot);
      // In place: the stores may be shared with other doubles (other spreadsheets of the same users).
      for (const email of Object.keys(env.userProperties)) delete env.userProperties[email];
      Object.assign(env.userProperties, userProperties);
      env.wb.state = state;
      env.owner = owner;
      env.editors = new Set(editors);
      env.clearFacadeCache();
      env.wb.touch();
    },
    useRealm(realm) {
      env.options.dateConstructor = realm.Date;
      env.options.errorConstructor = realm.Error;
    },
    install(target: object = globalThis) {
      const t = target as Record<string, unknown>;
      const previous = new Map<string, unknown>();
      for (const [k, v] of Object.entries(globals)) {
        if (k === 'console' && target === globalThis) continue;
        previous.set(k, t[k]);
        t[k] = v;
      }
      return () => {
        for (const [k, v] of previous) {
          if (v === undefined) delete t[k];
          else t[k] = v;
        }
      };
    },
  };
  return double;
}

/** Uncounted, read-only views of the double's state for assertions. */
function makeInspect(env: Env) {
  const wb = env.wb;
  const sheet = (name: string): SheetState => {
    const s = wb.sheetByName(name);
    if (!s) throw new Error(`inspect: no sheet named "${name}"`);
    return s;
  };
  const a1Of = (g: GridRange) => {
    const s = wb.sheetById(g.sheetId);
    const body = s ? formatA1(g.row, g.col, g.numRows, g.numCols, s.maxRows, s.maxCols) : '?';
    return `${s?.name ?? '?'}!${body}`;
  };
  const region = <T>(name: string, fn: (s: SheetState, r: number, c: number) => T): T[][] => {
    const s = sheet(name);
    const rows = wb.lastRow(s);
    const cols = wb.lastCol(s);
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= cols; c++) line.push(fn(s, r, c));
      out.push(line);
    }
    return out;
  };
  const copy = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime()) : v);
  const describeLocation = (loc: MetadataLocation) => {
    if (loc.type === 'SPREADSHEET') return { type: loc.type };
    const s = wb.sheetById(loc.sheetId);
    if (loc.type === 'SHEET') return { type: loc.type, sheet: s?.name };
    const a1 =
      loc.type === 'COLUMN'
        ? formatA1(1, loc.start, s!.maxRows, loc.count, s!.maxRows, s!.maxCols)
        : formatA1(loc.start, 1, loc.count, s!.maxCols, s!.maxRows, s!.maxCols);
    return { type: loc.type, sheet: s?.name, start: loc.start, count: loc.count, a1 };
  };

  return {
    sheetNames: (): string[] => wb.state.sheets.map((s) => s.name),
    /** Grid facts of a sheet. */
    sheet: (name: string) => {
      const s = sheet(name);
      return {
        id: s.id,
        maxRows: s.maxRows,
        maxColumns: s.maxCols,
        lastRow: wb.lastRow(s),
        lastColumn: wb.lastCol(s),
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenCols,
        hidden: s.hidden,
        tabColor: s.tabColor,
        columnWidths: { ...s.colWidths },
      };
    },
    /** Values (formulas evaluated) of rows 1..lastRow x columns 1..lastColumn. */
    values: (name: string): CellValue[][] => region(name, (s, r, c) => copy(wb.readValue(s, r, c))),
    formulas: (name: string): string[][] => region(name, (s, r, c) => wb.cell(s, r, c)?.f ?? ''),
    notes: (name: string): string[][] => region(name, (s, r, c) => wb.cell(s, r, c)?.note ?? ''),
    /** Everything about one cell, by A1 ('B2') on the named sheet. */
    cell: (name: string, a1: string): CellInfo => {
      const s = sheet(name);
      const ref = parseA1(a1);
      if (!ref || ref.startRow === undefined || ref.startCol === undefined) throw new Error(`inspect: bad cell ${a1}`);
      const cell = wb.cell(s, ref.startRow, ref.startCol);
      return {
        value: copy(wb.readValue(s, ref.startRow, ref.startCol)),
        formula: cell?.f ?? '',
        numberFormat: cell?.fmt ?? null,
        note: cell?.note ?? '',
        fontWeight: cell?.fw ?? 'normal',
        background: cell?.bg ?? null,
        validation: cell?.dv
          ? { criteria: cell.dv.criteria, values: structuredClone(cell.dv.args), allowInvalid: cell.dv.allowInvalid, helpText: cell.dv.helpText }
          : null,
      };
    },
    /** Every cell carrying a data validation rule. */
    validations: (name: string) => {
      const s = sheet(name);
      const out: Array<{ a1: string; row: number; column: number; criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string }> = [];
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.dv) {
            out.push({
              a1: formatA1(r + 1, c + 1, 1, 1, s.maxRows, s.maxCols),
              row: r + 1,
              column: c + 1,
              criteria: cell.dv.criteria,
              values: structuredClone(cell.dv.args),
              allowInvalid: cell.dv.allowInvalid,
              helpText: cell.dv.helpText,
            });
          }
        }),
      );
      return out;
    },
    /** A1 of cells whose value breaks their validation (Apps Script lets scripts write those). */
    invalidCells: (name: string): string[] => {
      const s = sheet(name);
      const rangeValues = (g: { $range: GridRange }) => {
        const src = wb.sheetById(g.$range.sheetId);
        const vals: CellValue[] = [];
        if (!src) return vals;
        for (let r = 0; r < g.$range.numRows; r++) {
          for (let c = 0; c < g.$range.numCols; c++) vals.push(wb.readValue(src, g.$range.row + r, g.$range.col + c));
        }
        return vals;
      };
      const out: string[] = [];
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.dv && !isValidFor(cell.dv, wb.readValue(s, r + 1, c + 1), rangeValues)) {
            out.push(formatA1(r + 1, c + 1, 1, 1, s.maxRows, s.maxCols));
          }
        }),
      );
      return out;
    },
    protections: () =>
      wb.state.protections.map((p) => ({
        id: p.id,
        type: p.type,
        sheet: wb.sheetById(p.sheetId)?.name,
        range: a1Of(p.range),
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors],
        unprotected: p.unprotected.map(a1Of),
      })),
    metadata: () =>
      wb.state.metadata.map((m) => ({ id: m.id, key: m.key, value: m.value, visibility: m.visibility, location: describeLocation(m.location) })),
    namedRanges: () => wb.state.namedRanges.map((nr) => ({ name: nr.name, range: a1Of(nr.range) })),
    conditionalFormats: (name: string) =>
      sheet(name).cf.map((rule) => ({ ...structuredClone(rule), ranges: rule.ranges.map(a1Of) })),
    charts: (name?: string) =>
      wb.state.sheets
        .filter((s) => name === undefined || s.name === name)
        .flatMap((s) => s.charts.map((c) => ({ ...structuredClone(c), sheet: s.name, ranges: c.ranges.map(a1Of) }))),
    menus: () => structuredClone(env.menus),
    /** Sidebars shown, oldest first, with title and HTML content. */
    sidebars: () => env.shown.filter((x) => x.kind === 'sidebar').map((x) => ({ ...x })),
    /** Modal and modeless dialogs shown. */
    dialogs: () => env.shown.filter((x) => x.kind !== 'sidebar').map((x) => ({ ...x })),
    /** alert() and prompt() calls with the response given. */
    alerts: () => env.dialogs.map((x) => ({ ...x })),
    toasts: () => env.toasts.map((x) => ({ ...x })),
    logs: () => env.logs.map((x) => ({ ...x })),
    properties: (kind: 'document' | 'script' | 'user', email?: string): Record<string, string> => {
      const p = wb.state.properties;
      if (kind === 'user') return { ...(env.userProperties[email ?? env.activeUser] ?? {}) };
      return { ...p[kind] };
    },
    sleptMs: () => env.sleptMs,
    timeZone: () => wb.state.timeZone,
    activeSheetName: () => wb.sheetById(wb.state.activeSheetId)?.name,
  };
}
