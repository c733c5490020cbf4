/**
 * Apps Script enums. In Apps Script an enum member is an object (a Java enum), not a string:
 * `String(SpreadsheetApp.ProtectionType.RANGE)` is 'RANGE', and `name()`/`ordinal()` exist.
 * Methods that take an enum check the argument is one of the members, so passing the plain
 * string 'RANGE' fails here as it would there.
 */

export class EnumValue {
  constructor(
    readonly enumName: string,
    private readonly key: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return this.key;
  }
  toJSON(): string {
    return this.key;
  }
  name(): string {
    return this.key;
  }
  ordinal(): number {
    return this.index;
  }
}

export type Enum<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(enumName: string, keys: readonly K[]): Enum<K> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((k, i) => {
    out[k] = new EnumValue(enumName, k, i);
  });
  return Object.freeze(out);
}

/** The member's key if `value` belongs to `e`, else throw the Apps Script signature error. */
export function enumKey<K extends string>(e: Enum<K>, value: unknown, method: string): K {
  for (const k of Object.keys(e) as K[]) if (e[k] === value) return k;
  throw new Error(`The parameters (${describeArg(value)}) don't match the method signature for ${method}.`);
}

export function describeArg(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (value instanceof EnumValue) return value.enumName;
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return '';
    default:
      return 'Object';
  }
}

export const ProtectionType = makeEnum('SpreadsheetApp.ProtectionType', ['RANGE', 'SHEET'] as const);
export type ProtectionTypeKey = keyof typeof ProtectionType;

export const DeveloperMetadataLocationType = makeEnum('SpreadsheetApp.DeveloperMetadataLocationType', [
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
] as const);
export type LocationTypeKey = keyof typeof DeveloperMetadataLocationType;

export const DeveloperMetadataVisibility = makeEnum('SpreadsheetApp.DeveloperMetadataVisibility', [
  'DOCUMENT',
  'PROJECT',
] as const);
export type VisibilityKey = keyof typeof DeveloperMetadataVisibility;

export const DataValidationCriteria = makeEnum('SpreadsheetApp.DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);
export type ValidationCriteriaKey = keyof typeof DataValidationCriteria;

export const BooleanCriteria = makeEnum('SpreadsheetApp.BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);
export type BooleanCriteriaKey = keyof typeof BooleanCriteria;

export const WrapStrategy = makeEnum('SpreadsheetApp.WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const Dimension = makeEnum('SpreadsheetApp.Dimension', ['COLUMNS', 'ROWS'] as const);

export const ChartType = makeEnum('Charts.ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);
export type ChartTypeKey = keyof typeof ChartType;

export const Button = makeEnum('Ui.Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export type ButtonKey = keyof typeof Button;
export const ButtonSet = makeEnum('Ui.ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonSetKey = keyof typeof ButtonSet;

export const SandboxMode = makeEnum('HtmlService.SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum('HtmlService.XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
export const AuthMode = makeEnum('ScriptApp.AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
