/**
 * Data validation builder and rule. Apps Script does not reject script writes that violate a
 * rule; `isValidFor` lets inspect.invalidCells() report them.
 */
import { isDate } from './cells';
import { DataValidationCriteria, EnumValue, enumKey, type ValidationCriteriaKey } from './enums';
import type { Env } from './env';
import { assertString } from './env';
import type { SpecArg, ValidationSpec } from './model';
import type { CellValue } from './types';
import { RangeImpl, makeRangeFromGrid } from './range';

export function validationFacade(env: Env, spec: ValidationSpec): DataValidationImpl {
  return env.wrap(new DataValidationImpl(env, spec), 'DataValidation');
}

export function newValidationBuilder(env: Env, from?: ValidationSpec): DataValidationBuilderImpl {
  return env.wrap(new DataValidationBuilderImpl(env, from), 'DataValidationBuilder');
}

/** Spec args as Apps Script returns them: ranges as Range objects, Dates in the caller's realm. */
function outArgs(env: Env, args: SpecArg[]): unknown[] {
  return args.map((a) => {
    if (a && typeof a === 'object' && '$range' in a) return makeRangeFromGrid(env, a.$range);
    if (Array.isArray(a)) return a.map((x) => env.outValue(x));
    return env.outValue(a);
  });
}

export class DataValidationImpl {
  constructor(
    private readonly env: Env,
    readonly spec: ValidationSpec,
  ) {}
  getCriteriaType(): EnumValue {
    return DataValidationCriteria[this.spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return outArgs(this.env, this.spec.args);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec.helpText === '' ? null : this.spec.helpText;
  }
  copy(): DataValidationBuilderImpl {
    return newValidationBuilder(this.env, this.spec);
  }
}

function num(v: unknown, method: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new Error(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
  }
  return v;
}

function date(v: unknown, method: string): Date {
  if (!isDate(v)) throw new Error(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
  return new Date(v.getTime());
}

export class DataValidationBuilderImpl {
  private criteria: ValidationCriteriaKey | null;
  private args: SpecArg[];
  private allowInvalid: boolean;
  private helpText: string;

  constructor(
    private readonly env: Env,
    from?: ValidationSpec,
  ) {
    this.criteria = from?.criteria ?? null;
    this.args = from ? structuredClone(from.args) : [];
    // Apps Script's default is to show a warning, not reject input.
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? '';
  }

  private set(criteria: ValidationCriteriaKey, args: SpecArg[]): this {
    this.criteria = criteria;
    this.args = args;
    return this;
  }

  requireValueInList(values: unknown, showDropdown?: unknown): this {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw new Error('The parameters (Object[]) don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList. Pass strings.');
    }
    if (values.length > 500) throw new Error('The data validation list may contain at most 500 items.');
    return this.set('VALUE_IN_LIST', [[...(values as string[])], showDropdown === undefined ? true : Boolean(showDropdown)]);
  }
  requireValueInRange(range: unknown, showDropdown?: unknown): this {
    const r = this.env.unwrap(range, RangeImpl, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this.set('VALUE_IN_RANGE', [{ $range: r.grid() }, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }
  requireNumberBetween(start: unknown, end: unknown): this {
    return this.set('NUMBER_BETWEEN', [num(start, 'requireNumberBetween'), num(end, 'requireNumberBetween')]);
  }
  requireNumberNotBetween(start: unknown, end: unknown): this {
    return this.set('NUMBER_NOT_BETWEEN', [num(start, 'requireNumberNotBetween'), num(end, 'requireNumberNotBetween')]);
  }
  requireNumberEqualTo(n: unknown): this {
    return this.set('NUMBER_EQUAL_TO', [num(n, 'requireNumberEqualTo')]);
  }
  requireNumberGreaterThan(n: unknown): this {
    return this.set('NUMBER_GREATER_THAN', [num(n, 'requireNumberGreaterThan')]);
  }
  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [num(n, 'requireNumberGreaterThanOrEqualTo')]);
  }
  requireNumberLessThan(n: unknown): this {
    return this.set('NUMBER_LESS_THAN', [num(n, 'requireNumberLessThan')]);
  }
  requireNumberLessThanOrEqualTo(n: unknown): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [num(n, 'requireNumberLessThanOrEqualTo')]);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: unknown): this {
    return this.set('DATE_AFTER', [date(d, 'requireDateAfter')]);
  }
  requireDateBefore(d: unknown): this {
    return this.set('DATE_BEFORE', [date(d, 'requireDateBefore')]);
  }
  requireDateBetween(a: unknown, b: unknown): this {
    return this.set('DATE_BETWEEN', [date(a, 'requireDateBetween'), date(b, 'requireDateBetween')]);
  }
  requireDateOnOrAfter(d: unknown): this {
    return this.set('DATE_ON_OR_AFTER', [date(d, 'requireDateOnOrAfter')]);
  }
  requireDateOnOrBefore(d: unknown): this {
    return this.set('DATE_ON_OR_BEFORE', [date(d, 'requireDateOnOrBefore')]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const args: SpecArg[] = [];
    for (const v of [checked, unchecked]) {
      if (v === undefined) break;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new Error("The parameters don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireCheckbox.");
      }
      args.push(v);
    }
    return this.set('CHECKBOX', args);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(t: unknown): this {
    return this.set('TEXT_CONTAINS', [assertString(t, 'SpreadsheetApp.DataValidationBuilder.requireTextContains')]);
  }
  requireTextDoesNotContain(t: unknown): this {
    return this.set('TEXT_DOES_NOT_CONTAIN', [assertString(t, 'SpreadsheetApp.DataValidationBuilder.requireTextDoesNotContain')]);
  }
  requireTextEqualTo(t: unknown): this {
    return this.set('TEXT_EQUAL_TO', [assertString(t, 'SpreadsheetApp.DataValidationBuilder.requireTextEqualTo')]);
  }
  requireFormulaSatisfied(f: unknown): this {
    return this.set('CUSTOM_FORMULA', [assertString(f, 'SpreadsheetApp.DataValidationBuilder.requireFormulaSatisfied')]);
  }
  withCriteria(criteria: unknown, args: unknown): this {
    const key = enumKey(DataValidationCriteria, criteria, 'SpreadsheetApp.DataValidationBuilder.withCriteria');
    if (!Array.isArray(args)) throw new Error('Invalid argument: args');
    return this.set(
      key,
      args.map((a) => {
        const raw = a && typeof a === 'object' && !Array.isArray(a) && !isDate(a) ? this.env.unwrap(a, RangeImpl, 'withCriteria') : null;
        return raw ? { $range: raw.grid() } : (a as SpecArg);
      }),
    );
  }
  setAllowInvalid(allow: unknown): this {
    if (typeof allow !== 'boolean') throw new Error('Invalid argument: allowInvalidData');
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: unknown): this {
    this.helpText = assertString(text, 'SpreadsheetApp.DataValidationBuilder.setHelpText');
    return this;
  }
  getCriteriaType(): EnumValue | null {
    return this.criteria ? DataValidationCriteria[this.criteria] : null;
  }
  getCriteriaValues(): unknown[] {
    return outArgs(this.env, this.args);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText === '' ? null : this.helpText;
  }
  copy(): DataValidationBuilderImpl {
    return newValidationBuilder(this.env, this.snapshot());
  }
  private snapshot(): ValidationSpec {
    if (!this.criteria) throw new Error('A data validation rule needs a criteria before it can be built (strict double).');
    return { criteria: this.criteria, args: structuredClone(this.args), allowInvalid: this.allowInvalid, helpText: this.helpText };
  }
  build(): DataValidationImpl {
    return validationFacade(this.env, Object.freeze(this.snapshot()));
  }
}

/** Whether `value` satisfies `spec` (blank always passes, as in Sheets). */
export function isValidFor(spec: ValidationSpec, value: CellValue, rangeValues: (g: { $range: import('./types').GridRange }) => CellValue[]): boolean {
  if (value === '') return true;
  const a = spec.args;
  const n = typeof value === 'number' ? value : NaN;
  const t = isDate(value) ? value.getTime() : NaN;
  const d = (i: number) => (isDate(a[i]) ? (a[i] as Date).getTime() : NaN);
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).includes(String(value));
    case 'VALUE_IN_RANGE':
      return rangeValues(a[0] as { $range: import('./types').GridRange }).some((v) => String(v) === String(value));
    case 'CHECKBOX':
      return a.length === 0 ? typeof value === 'boolean' : a.includes(value);
    case 'NUMBER_BETWEEN':
      return n >= (a[0] as number) && n <= (a[1] as number);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(n) && (n < (a[0] as number) || n > (a[1] as number));
    case 'NUMBER_EQUAL_TO':
      return n === a[0];
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== a[0];
    case 'NUMBER_GREATER_THAN':
      return n > (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= (a[0] as number);
    case 'NUMBER_LESS_THAN':
      return n < (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= (a[0] as number);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'DATE_AFTER':
      return t > d(0);
    case 'DATE_BEFORE':
      return t < d(0);
    case 'DATE_ON_OR_AFTER':
      return t >= d(0);
    case 'DATE_ON_OR_BEFORE':
      return t <= d(0);
    case 'DATE_BETWEEN':
      return t >= d(0) && t <= d(1);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(a[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(a[0]);
    default:
      return true; // custom formulas and the rest are not evaluated by the double
  }
}
