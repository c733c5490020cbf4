/**
 * Protections. As in Apps Script a new protection starts with the spreadsheet's editors (the
 * owner and every user the double has seen), the owner can never be removed, and writes by a user
 * who is not an editor of a (non warning-only) protection throw (see Env.assertCanEdit).
 */
import { EnumValue, ProtectionType, type ProtectionTypeKey } from './enums';
import type { Env } from './env';
import { assertString } from './env';
import type { ProtectionSpec } from './model';
import type { GridRange } from './types';
import { RangeImpl, makeRangeFromGrid } from './range';
import { UserImpl, userFacade } from './services';
import { rawOf } from './counting';

export function newProtection(env: Env, type: ProtectionTypeKey, range: GridRange): ProtectionSpec {
  const spec: ProtectionSpec = {
    id: env.wb.nextId(),
    type,
    sheetId: range.sheetId,
    range,
    description: '',
    warningOnly: false,
    editors: [...env.editors],
    domainEdit: false,
    unprotected: [],
  };
  env.wb.state.protections.push(spec);
  return spec;
}

export function protectionFacade(env: Env, id: number): ProtectionImpl {
  return env.wrap(new ProtectionImpl(env, id), 'Protection');
}

function emailOf(v: unknown, method: string): string {
  if (typeof v === 'string') return v;
  // A User passed back in is read directly, without counting a getEmail call.
  const raw = rawOf(v);
  if (raw instanceof UserImpl) return raw.email;
  return assertString(v, method);
}

export class ProtectionImpl {
  constructor(
    private readonly env: Env,
    readonly id: number,
  ) {}

  private spec(): ProtectionSpec {
    const s = this.env.wb.state.protections.find((p) => p.id === this.id);
    if (!s) throw new Error('This protection has been removed.');
    return s;
  }

  getProtectionType(): EnumValue {
    return ProtectionType[this.spec().type];
  }
  getRange(): unknown {
    return makeRangeFromGrid(this.env, this.spec().range);
  }
  setRange(range: unknown): this {
    const spec = this.spec();
    if (spec.type !== 'RANGE') throw new Error('Cannot set the range of a sheet protection.');
    spec.range = this.env.unwrap(range, RangeImpl, 'SpreadsheetApp.Protection.setRange').grid();
    spec.sheetId = spec.range.sheetId;
    return this;
  }
  getDescription(): string {
    return this.spec().description;
  }
  setDescription(d: unknown): this {
    this.spec().description = assertString(d, 'SpreadsheetApp.Protection.setDescription');
    return this;
  }
  isWarningOnly(): boolean {
    return this.spec().warningOnly;
  }
  setWarningOnly(w: unknown): this {
    if (typeof w !== 'boolean') throw new Error('Invalid argument: warningOnly');
    this.spec().warningOnly = w;
    return this;
  }
  getEditors(): unknown[] {
    return this.spec().editors.map((e) => userFacade(this.env, e));
  }
  addEditor(emailOrUser: unknown): this {
    const e = emailOf(emailOrUser, 'SpreadsheetApp.Protection.addEditor');
    const spec = this.spec();
    if (!spec.editors.includes(e)) spec.editors.push(e);
    return this;
  }
  addEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw new Error('Invalid argument: emailAddresses');
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(emailOrUser: unknown): this {
    const e = emailOf(emailOrUser, 'SpreadsheetApp.Protection.removeEditor');
    const spec = this.spec();
    // The spreadsheet owner always keeps edit rights.
    if (e !== this.env.owner) spec.editors = spec.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw new Error('Invalid argument: emailAddresses');
    for (const e of emails) this.removeEditor(e);
    return this;
  }
  canEdit(): boolean {
    const spec = this.spec();
    const user = this.env.activeUser;
    return spec.warningOnly || (user !== '' && (user === this.env.owner || spec.editors.includes(user)));
  }
  canDomainEdit(): boolean {
    return this.spec().domainEdit;
  }
  setDomainEdit(v: unknown): this {
    if (typeof v !== 'boolean') throw new Error('Invalid argument: editable');
    this.spec().domainEdit = v;
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    return this.spec().unprotected.map((g) => makeRangeFromGrid(this.env, g));
  }
  setUnprotectedRanges(ranges: unknown): this {
    const spec = this.spec();
    if (spec.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    spec.unprotected = ranges.map((r) => this.env.unwrap(r, RangeImpl, 'SpreadsheetApp.Protection.setUnprotectedRanges').grid());
    return this;
  }
  remove(): void {
    this.spec();
    this.env.wb.state.protections = this.env.wb.state.protections.filter((p) => p.id !== this.id);
  }
}
