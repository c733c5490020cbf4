/**
 * Shared state behind all facades: the workbook model, the call counter, the session (current
 * user, locks, UI records) and factories that hand out counted facade objects. Facades keep only
 * ids and coordinates and look the model up on every call, so snapshot restore and sheet deletion
 * are seen by objects created earlier.
 */
import { CallCounter, counted, rawOf } from './counting';
import { describeArg } from './enums';
import type { ParseContext } from './cells';
import { isDate } from './cells';
import type { GridRange, FormulaEvaluator, UserPropertyStores } from './types';
import { pricedMs } from './cost';

/** How the current execution was started: a simple trigger runs LIMITED (or NONE) and at most 30 s. */
export interface ExecutionMode {
  simpleTrigger: boolean;
  /** A custom function's execution (AuthMode.CUSTOM_FUNCTION): no user identity. */
  customFunction?: boolean;
  authMode: 'NONE' | 'LIMITED' | 'FULL';
  /** Priced milliseconds (cost.ts) at the start of the execution, for the 30 s limit. */
  startedAtMs: number;
}

export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/** What a script may call before the user has authorised it in the file: build the add-on menu. */
function allowedInAuthModeNone(className: string, method: string): boolean {
  return (
    (className === 'SpreadsheetApp' && method === 'getUi') ||
    ['Ui', 'Menu', 'Logger', 'console', 'Utilities', 'ScriptApp'].includes(className)
  );
}
import { Workbook } from './model';
import type { WorkbookState } from './model';

export type LockKind = 'document' | 'script' | 'user';

export interface LockState {
  holder: 'self' | 'other' | null;
  failNext: number;
}

export interface MenuItemRecord {
  caption?: string;
  functionName?: string;
  separator?: true;
  submenu?: MenuRecord;
}
export interface MenuRecord {
  title: string;
  addon: boolean;
  items: MenuItemRecord[];
}
export interface HtmlShownRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}
export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  response: string;
  text?: string;
}
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}
export interface UiResponse {
  button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

export interface EnvOptions {
  timeZone: string;
  activeUserEmail: string;
  oauthScopes: readonly string[];
  ownerEmail: string;
  htmlFiles: Record<string, string>;
  formulaEvaluator: FormulaEvaluator | undefined;
  addonName: string;
  now: () => Date;
  dateConstructor: DateConstructor;
  errorConstructor: ErrorConstructor;
}

export class Env {
  readonly counter = new CallCounter();
  readonly wb: Workbook;
  activeUser: string;
  readonly locks: Record<LockKind, LockState> = {
    document: { holder: null, failNext: 0 },
    script: { holder: null, failNext: 0 },
    user: { holder: null, failNext: 0 },
  };
  readonly menus: MenuRecord[] = [];
  readonly shown: HtmlShownRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly logs: Array<{ level: string; message: string }> = [];
  readonly uiResponses: UiResponse[] = [];
  sleptMs = 0;
  owner: string;
  execution: ExecutionMode = { simpleTrigger: false, authMode: 'FULL', startedAtMs: 0 };
  /** LockService.getDocumentLock() returns null (as outside a document) while this is false. */
  documentLockAvailable = true;
  /** An admin policy (or a consumer account) keeps the email from the script even with the scope. */
  emailWithheld = false;
  editors: Set<string>;
  private readonly facadeCache = new Map<string, object>();

  constructor(
    readonly options: EnvOptions,
    state: WorkbookState,
    /** Every user's own properties: shared by every spreadsheet (double) given the same object. */
    public userProperties: UserPropertyStores,
  ) {
    this.counter.guard = (className, method) => this.checkAllowed(className, method);
    this.wb = new Workbook(state, options.formulaEvaluator);
    this.activeUser = options.activeUserEmail;
    this.owner = options.ownerEmail;
    this.editors = new Set([this.owner, this.activeUser].filter((e) => e !== ''));
  }

  /**
   * Platform rules checked before every counted call: in AuthMode.NONE only the menu may be built;
   * a simple trigger is stopped once its round trips (priced by cost.ts) pass 30 s.
   */
  checkAllowed(className: string, method: string): void {
    if (this.execution.authMode === 'NONE' && !allowedInAuthModeNone(className, method)) {
      throw new Error(`You do not have permission to call ${className}.${method} (AuthMode.NONE: the add-on is not authorised in this file yet).`);
    }
    if (this.execution.simpleTrigger && pricedMs(this.counter.meter.current()) - this.execution.startedAtMs > SIMPLE_TRIGGER_LIMIT_MS) {
      throw new Error('Exceeded maximum execution time (a simple trigger may run 30 s).');
    }
  }

  /**
   * The email Session reveals: none in a simple trigger or a custom function, none without the
   * userinfo.email scope, none where a policy withholds it.
   */
  get revealedEmail(): string {
    if (this.execution.simpleTrigger || this.execution.customFunction || this.emailWithheld) return '';
    if (!this.options.oauthScopes.includes(USERINFO_EMAIL_SCOPE)) return '';
    return this.activeUser;
  }

  get parseCtx(): ParseContext {
    return { timeZone: this.wb.state.timeZone, now: this.options.now };
  }

  /** Wrap a facade so its method calls are counted as `className.method`. */
  wrap<T extends object>(obj: T, className: string): T {
    return counted(obj, className, this.counter, (e) => this.realmError(e));
  }

  /**
   * Errors leaving a service method look like Apps Script's: name 'Exception' (String(e) is
   * 'Exception: <message>'), created with the add-on realm's Error so `instanceof Error` holds in vm.
   */
  realmError(e: unknown): unknown {
    if (!(e instanceof Error) || e.name === 'Exception') return e;
    const out = new this.options.errorConstructor(e.message);
    out.name = 'Exception';
    return out;
  }

  /** One counted facade per key (sheets, the spreadsheet, services), so identity is stable. */
  cached<T extends object>(key: string, make: () => T, className: string): T {
    let f = this.facadeCache.get(key) as T | undefined;
    if (!f) {
      f = this.wrap(make(), className);
      this.facadeCache.set(key, f);
    }
    return f;
  }

  clearFacadeCache(): void {
    for (const key of [...this.facadeCache.keys()]) if (key.startsWith('sheet:')) this.facadeCache.delete(key);
  }

  /** Check that a facade argument is of the expected class and return the raw object. */
  unwrap<T>(value: unknown, cls: abstract new (...args: never[]) => T, method: string): T {
    const raw = rawOf(value);
    if (!(raw instanceof cls)) {
      throw new Error(`The parameters (${describeArg(value)}) don't match the method signature for ${method}.`);
    }
    return raw;
  }

  /** A Date in the add-on's realm (node:vm contexts have their own Date). */
  outDate(d: Date): Date {
    return new this.options.dateConstructor(d.getTime());
  }

  outValue<T>(v: T): T {
    return (isDate(v) ? this.outDate(v as unknown as Date) : v) as T;
  }

  /** Whether the current user may write into `range` (protections that are not warning-only). */
  assertCanEdit(range: GridRange): void {
    const user = this.activeUser;
    if (user !== '' && user === this.owner) return;
    for (const p of this.wb.state.protections) {
      if (p.sheetId !== range.sheetId || p.warningOnly) continue;
      if (!intersects(p.range, range)) continue;
      if (p.type === 'SHEET' && p.unprotected.some((u) => contains(u, range))) continue;
      if (user !== '' && p.editors.includes(user)) continue;
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
}

export function intersects(a: GridRange, b: GridRange): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

export function contains(outer: GridRange, inner: GridRange): boolean {
  return (
    outer.sheetId === inner.sheetId &&
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

export function assertInteger(value: unknown, method: string, what: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new Error(`The parameters (${describeArg(value)}) don't match the method signature for ${method}.`);
  }
  if (!Number.isInteger(value)) {
    // Apps Script would truncate; a fractional index is always a bug in the caller, so fail loudly.
    throw new Error(`${method}: ${what} must be a whole number, got ${value} (strict double).`);
  }
  return value;
}

export function assertString(value: unknown, method: string): string {
  if (typeof value !== 'string') {
    throw new Error(`The parameters (${describeArg(value)}) don't match the method signature for ${method}.`);
  }
  return value;
}
