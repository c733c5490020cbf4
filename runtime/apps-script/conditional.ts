/** Conditional format rules (boolean conditions only; gradients are not modelled). */
import { isDate } from './cells';
import { BooleanCriteria, EnumValue, enumKey, type BooleanCriteriaKey } from './enums';
import type { Env } from './env';
import { assertString } from './env';
import type { CfRuleSpec, SpecArg } from './model';
import type { GridRange } from './types';
import { RangeImpl, makeRangeFromGrid } from './range';

export function cfRuleFacade(env: Env, spec: CfRuleSpec): ConditionalFormatRuleImpl {
  return env.wrap(new ConditionalFormatRuleImpl(env, spec), 'ConditionalFormatRule');
}

export function newCfBuilder(env: Env, from?: CfRuleSpec): ConditionalFormatRuleBuilderImpl {
  return env.wrap(new ConditionalFormatRuleBuilderImpl(env, from), 'ConditionalFormatRuleBuilder');
}

function cloneSpec(spec: CfRuleSpec): CfRuleSpec {
  return structuredClone(spec);
}

export class ConditionalFormatRuleImpl {
  constructor(
    private readonly env: Env,
    readonly spec: CfRuleSpec,
  ) {}
  getRanges(): unknown[] {
    return this.spec.ranges.map((g) => makeRangeFromGrid(this.env, g));
  }
  getBooleanCondition(): BooleanConditionImpl {
    return this.env.wrap(new BooleanConditionImpl(this.env, this.spec), 'BooleanCondition');
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    return newCfBuilder(this.env, this.spec);
  }
}

function colorObject(env: Env, hex: string | null | undefined): unknown {
  if (!hex) return null;
  const rgb = env.wrap({ asHexString: () => hex.toLowerCase(), getColorType: () => 'RGB' }, 'RgbColor');
  return env.wrap({ asRgbColor: () => rgb, getColorType: () => 'RGB' }, 'Color');
}

export class BooleanConditionImpl {
  constructor(
    private readonly env: Env,
    private readonly spec: CfRuleSpec,
  ) {}
  getCriteriaType(): EnumValue {
    return BooleanCriteria[this.spec.criteria];
  }
  getCriteriaValues(): unknown[] {
    return this.spec.args.map((a) => this.env.outValue(a));
  }
  getBackground(): string | null {
    return this.spec.background ?? null;
  }
  getBackgroundObject(): unknown {
    return colorObject(this.env, this.spec.background);
  }
  getFontColor(): string | null {
    return this.spec.fontColor ?? null;
  }
  getFontColorObject(): unknown {
    return colorObject(this.env, this.spec.fontColor);
  }
  getBold(): boolean | null {
    return this.spec.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.spec.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.spec.underline ?? null;
  }
}

function number(v: unknown, method: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new Error(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.${method}.`);
  }
  return v;
}

export class ConditionalFormatRuleBuilderImpl {
  private spec: Partial<CfRuleSpec> & { ranges: GridRange[]; args: SpecArg[] };

  constructor(
    private readonly env: Env,
    from?: CfRuleSpec,
  ) {
    this.spec = from ? cloneSpec(from) : { ranges: [], args: [] };
  }

  private when(criteria: BooleanCriteriaKey, args: SpecArg[]): this {
    this.spec.criteria = criteria;
    this.spec.args = args;
    return this;
  }

  whenFormulaSatisfied(formula: unknown): this {
    const f = assertString(formula, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    return this.when('CUSTOM_FORMULA', [f]);
  }
  whenTextEqualTo(t: unknown): this {
    return this.when('TEXT_EQUAL_TO', [assertString(t, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenTextEqualTo')]);
  }
  whenTextContains(t: unknown): this {
    return this.when('TEXT_CONTAINS', [assertString(t, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenTextContains')]);
  }
  whenTextDoesNotContain(t: unknown): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [assertString(t, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenTextDoesNotContain')]);
  }
  whenTextStartsWith(t: unknown): this {
    return this.when('TEXT_STARTS_WITH', [assertString(t, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenTextStartsWith')]);
  }
  whenTextEndsWith(t: unknown): this {
    return this.when('TEXT_ENDS_WITH', [assertString(t, 'SpreadsheetApp.ConditionalFormatRuleBuilder.whenTextEndsWith')]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenNumberBetween(a: unknown, b: unknown): this {
    return this.when('NUMBER_BETWEEN', [number(a, 'whenNumberBetween'), number(b, 'whenNumberBetween')]);
  }
  whenNumberNotBetween(a: unknown, b: unknown): this {
    return this.when('NUMBER_NOT_BETWEEN', [number(a, 'whenNumberNotBetween'), number(b, 'whenNumberNotBetween')]);
  }
  whenNumberEqualTo(n: unknown): this {
    return this.when('NUMBER_EQUAL_TO', [number(n, 'whenNumberEqualTo')]);
  }
  whenNumberNotEqualTo(n: unknown): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [number(n, 'whenNumberNotEqualTo')]);
  }
  whenNumberGreaterThan(n: unknown): this {
    return this.when('NUMBER_GREATER_THAN', [number(n, 'whenNumberGreaterThan')]);
  }
  whenNumberGreaterThanOrEqualTo(n: unknown): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number(n, 'whenNumberGreaterThanOrEqualTo')]);
  }
  whenNumberLessThan(n: unknown): this {
    return this.when('NUMBER_LESS_THAN', [number(n, 'whenNumberLessThan')]);
  }
  whenNumberLessThanOrEqualTo(n: unknown): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number(n, 'whenNumberLessThanOrEqualTo')]);
  }
  withCriteria(criteria: unknown, args: unknown): this {
    const key = enumKey(BooleanCriteria, criteria, 'SpreadsheetApp.ConditionalFormatRuleBuilder.withCriteria');
    if (!Array.isArray(args)) throw new Error('Invalid argument: args');
    return this.when(key, args.map((a) => (isDate(a) ? new Date(a.getTime()) : (a as SpecArg))));
  }
  setBackground(color: unknown): this {
    this.spec.background = color === null ? null : assertString(color, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setBackground');
    return this;
  }
  setFontColor(color: unknown): this {
    this.spec.fontColor = color === null ? null : assertString(color, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setFontColor');
    return this;
  }
  setBold(b: unknown): this {
    this.spec.bold = b === null ? null : Boolean(b);
    return this;
  }
  setItalic(b: unknown): this {
    this.spec.italic = b === null ? null : Boolean(b);
    return this;
  }
  setStrikethrough(b: unknown): this {
    this.spec.strikethrough = b === null ? null : Boolean(b);
    return this;
  }
  setUnderline(b: unknown): this {
    this.spec.underline = b === null ? null : Boolean(b);
    return this;
  }
  setRanges(ranges: unknown): this {
    if (!Array.isArray(ranges)) {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    }
    this.spec.ranges = ranges.map((r) => this.env.unwrap(r, RangeImpl, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges').grid());
    return this;
  }
  getRanges(): unknown[] {
    return this.spec.ranges.map((g) => makeRangeFromGrid(this.env, g));
  }
  getBooleanCondition(): BooleanConditionImpl | null {
    return this.spec.criteria ? this.env.wrap(new BooleanConditionImpl(this.env, this.spec as CfRuleSpec), 'BooleanCondition') : null;
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    return newCfBuilder(this.env, cloneSpec(this.spec as CfRuleSpec));
  }
  build(): ConditionalFormatRuleImpl {
    if (!this.spec.criteria) throw new Error('A conditional format rule needs a condition before it can be built (strict double).');
    return cfRuleFacade(this.env, cloneSpec(this.spec as CfRuleSpec));
  }
}
