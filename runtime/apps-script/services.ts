/** LockService, PropertiesService, Session, Utilities, ScriptApp, Logger and console. */
import { randomUUID } from 'node:crypto';
import { isDate } from './cells';
import { AuthMode, describeArg } from './enums';
import type { Env, LockKind, LockState } from './env';
import { assertString } from './env';
import { assertTimeZone, formatDatePattern } from './timezone';

// ---- LockService ----

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

function timeout(v: unknown, method: string): number {
  if (typeof v !== 'number' || Number.isNaN(v) || v < 0) {
    throw new Error(`The parameters (${describeArg(v)}) don't match the method signature for LockService.Lock.${method}.`);
  }
  return v;
}

/**
 * One Lock object per getXLock() call, all sharing the lock's state. The double runs one
 * execution ("self"); contention comes from "other", controlled by double.lock. A lock already
 * held by this execution is granted again to a second Lock object of the same execution.
 */
export class LockImpl {
  private acquired = false;
  constructor(
    private readonly env: Env,
    private readonly kind: LockKind,
  ) {}
  private get state(): LockState {
    return this.env.locks[this.kind];
  }
  private acquire(): boolean {
    if (this.acquired && this.state.holder === 'self') return true;
    if (this.state.failNext > 0) {
      this.state.failNext--;
      return false;
    }
    if (this.state.holder === 'other') return false;
    this.state.holder = 'self';
    this.acquired = true;
    return true;
  }
  tryLock(timeoutInMillis: unknown): boolean {
    timeout(timeoutInMillis, 'tryLock');
    return this.acquire();
  }
  waitLock(timeoutInMillis: unknown): void {
    timeout(timeoutInMillis, 'waitLock');
    if (!this.acquire()) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this.acquired && this.state.holder === 'self';
  }
  releaseLock(): void {
    if (this.acquired && this.state.holder === 'self') this.state.holder = null;
    this.acquired = false;
  }
}

export class LockServiceImpl {
  constructor(private readonly env: Env) {}
  /** null outside a document (Apps Script's rule), as set by double.lock.documentLockUnavailable(). */
  getDocumentLock(): LockImpl | null {
    if (!this.env.documentLockAvailable) return null;
    return this.env.wrap(new LockImpl(this.env, 'document'), 'Lock');
  }
  getScriptLock(): LockImpl {
    return this.env.wrap(new LockImpl(this.env, 'script'), 'Lock');
  }
  getUserLock(): LockImpl {
    return this.env.wrap(new LockImpl(this.env, 'user'), 'Lock');
  }
}

// ---- PropertiesService ----

/** Apps Script's limits: about 9 KB per value and 500 KB per store; the double holds values to 8 KB. */
const MAX_VALUE_BYTES = 8 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
const QUOTA_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function propKey(k: unknown): string {
  if (k === null || k === undefined || typeof k === 'object' || typeof k === 'function') throw new Error('Invalid argument: key');
  return String(k);
}

/** Values are stored as strings; numbers and booleans are converted, anything else is rejected. */
function propValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error('Invalid argument: value');
}

export class PropertiesImpl {
  constructor(private readonly store: () => Record<string, string>) {}

  private commit(next: Record<string, string>): void {
    for (const v of Object.values(next)) if (bytes(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) throw new Error(QUOTA_MESSAGE);
    const target = this.store();
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, next);
  }

  getProperty(key: unknown): string | null {
    const store = this.store();
    const k = propKey(key);
    return Object.prototype.hasOwnProperty.call(store, k) ? store[k]! : null;
  }
  getProperties(): Record<string, string> {
    return { ...this.store() };
  }
  getKeys(): string[] {
    return Object.keys(this.store());
  }
  setProperty(key: unknown, value: unknown): this {
    const k = propKey(key);
    const v = propValue(value);
    if (bytes(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    this.commit({ ...this.store(), [k]: v });
    return this;
  }
  setProperties(properties: unknown, deleteAllOthers?: unknown): this {
    if (!properties || typeof properties !== 'object' || Array.isArray(properties)) throw new Error('Invalid argument: properties');
    const next: Record<string, string> = deleteAllOthers === true ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) next[propKey(k)] = propValue(v);
    this.commit(next);
    return this;
  }
  deleteProperty(key: unknown): this {
    const next = { ...this.store() };
    delete next[propKey(key)];
    this.commit(next);
    return this;
  }
  deleteAllProperties(): this {
    this.commit({});
    return this;
  }
}

export class PropertiesServiceImpl {
  constructor(private readonly env: Env) {}
  /**
   * The store of the user active when this is called: each partner has their own, and it is the
   * same store in every spreadsheet that user opens (env.userProperties is shared between doubles).
   */
  getUserProperties(): PropertiesImpl {
    const email = this.env.activeUser;
    return this.env.wrap(new PropertiesImpl(() => (this.env.userProperties[email] ??= {})), 'Properties');
  }
  getDocumentProperties(): PropertiesImpl {
    return this.env.wrap(new PropertiesImpl(() => this.env.wb.state.properties.document), 'Properties');
  }
  getScriptProperties(): PropertiesImpl {
    return this.env.wrap(new PropertiesImpl(() => this.env.wb.state.properties.script), 'Properties');
  }
}

// ---- Session ----

export class UserImpl {
  constructor(readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export function userFacade(env: Env, email: string): UserImpl {
  return env.wrap(new UserImpl(email), 'User');
}

function stableKey(email: string): string {
  let h = 0x811c9dc5;
  for (const ch of `tc-double:${email}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `tmp${h.toString(36)}${email.length.toString(36)}`;
}

export class SessionImpl {
  constructor(private readonly env: Env) {}
  /** The email is '' in a simple trigger and without the userinfo.email scope (env.revealedEmail). */
  getActiveUser(): UserImpl {
    return userFacade(this.env, this.env.revealedEmail);
  }
  /** An add-on runs as the user who invoked it, so the effective user is the active user. */
  getEffectiveUser(): UserImpl {
    return userFacade(this.env, this.env.revealedEmail);
  }
  getScriptTimeZone(): string {
    return this.env.options.timeZone;
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  /** Stable per user, opaque, and available even when the email is not. */
  getTemporaryActiveUserKey(): string {
    return stableKey(this.env.activeUser);
  }
}

// ---- Utilities ----

export class UtilitiesImpl {
  constructor(private readonly env: Env) {}
  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date)) {
      throw new Error(`The parameters (${describeArg(date)},${describeArg(timeZone)},${describeArg(format)}) don't match the method signature for Utilities.formatDate.`);
    }
    const tz = assertString(timeZone, 'Utilities.formatDate');
    assertTimeZone(tz);
    return formatDatePattern(date, tz, assertString(format, 'Utilities.formatDate'));
  }
  getUuid(): string {
    return randomUUID();
  }
  /** No real wait; the total is visible through inspect.sleptMs(). Apps Script caps one sleep at 5 minutes. */
  sleep(ms: unknown): void {
    if (typeof ms !== 'number' || Number.isNaN(ms)) throw new Error("The parameters don't match the method signature for Utilities.sleep.");
    if (ms > 300000) throw new Error('Invalid argument: milliseconds (max 300000)');
    this.env.sleptMs += Math.max(0, ms);
  }
  /** sprintf-style: %s, %d, %i, %f, %.Nf, %%. */
  formatString(template: unknown, ...args: unknown[]): string {
    let i = 0;
    return assertString(template, 'Utilities.formatString').replace(/%(\.(\d+))?([sdif%])/g, (_m, _p, precision, conv) => {
      if (conv === '%') return '%';
      const a = args[i++];
      if (conv === 's') return String(a);
      if (conv === 'd' || conv === 'i') return String(Math.trunc(Number(a)));
      return precision !== undefined ? Number(a).toFixed(Number(precision)) : String(Number(a));
    });
  }
}

// ---- ScriptApp, Logger, console ----

export class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  getScriptId(): string {
    return '1DoubleScriptId000000000000000000000000000000000000000';
  }
}

function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : isDate(a) ? a.toISOString() : JSON.stringify(a))).join(' ');
}

export class LoggerImpl {
  constructor(private readonly env: Env) {}
  log(...args: unknown[]): this {
    let message: string;
    if (typeof args[0] === 'string' && args.length > 1) {
      const rest = args.slice(1);
      message = args[0].replace(/%s/g, () => render([rest.shift()]));
    } else message = render(args);
    this.env.logs.push({ level: 'Logger', message });
    return this;
  }
  getLog(): string {
    return this.env.logs
      .filter((l) => l.level === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }
  clear(): void {
    for (let i = this.env.logs.length - 1; i >= 0; i--) if (this.env.logs[i]!.level === 'Logger') this.env.logs.splice(i, 1);
  }
}

/** console output is recorded (inspect.logs()), not printed, to keep test output clean. */
export class ConsoleImpl {
  constructor(private readonly env: Env) {}
  private rec(level: string, args: unknown[]): void {
    this.env.logs.push({ level, message: render(args) });
  }
  log(...args: unknown[]): void {
    this.rec('log', args);
  }
  info(...args: unknown[]): void {
    this.rec('info', args);
  }
  warn(...args: unknown[]): void {
    this.rec('warn', args);
  }
  error(...args: unknown[]): void {
    this.rec('error', args);
  }
  debug(...args: unknown[]): void {
    this.rec('debug', args);
  }
}
