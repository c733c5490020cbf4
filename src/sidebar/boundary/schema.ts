/**
 * A few typed combinators for parsing what google.script.run delivers: any JSON, from anyone who
 * can open the file. A schema either returns the typed value or throws an InputError whose message
 * names the field, says what was expected and quotes at most about 60 characters of what came.
 *
 * Why our own and not a library: the whole boundary needs strings, whole numbers, booleans, one-of,
 * dates, objects with no unknown fields and lists; that is about a hundred lines, adds a few KB to
 * Code.js, and keeps the messages in the add-on's own words.
 */

class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Parses `value` (the field called `label` in messages) or throws an InputError. */
export type Schema<T> = (value: unknown, label: string) => T;

const QUOTE_LIMIT = 60;

/** What came, for a message: short, never the whole of a huge or nested value. */
function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function fail(label: string, expected: string, value: unknown): never {
  throw new InputError(`${label} must be ${expected}; got ${quote(value)}.`);
}

export interface TextOptions {
  /** Longest text accepted, after trimming; longer text is refused, never cut. */
  max: number;
  /** Refuse text that is empty after trimming. */
  required?: boolean;
  /** A shape the text must have, described for the message. */
  pattern?: { test: RegExp; expected: string };
}

/** Text, trimmed at both ends on every path (so "=1" and " =1" are one cycle). */
export function text(options: TextOptions): Schema<string> {
  return (value, label) => {
    if (typeof value !== 'string') fail(label, 'text', value);
    const trimmed = value.trim();
    if (options.required && trimmed === '') throw new InputError(`${label} is empty; please fill it in.`);
    if (trimmed.length > options.max) {
      throw new InputError(`${label} is ${trimmed.length} characters long; at most ${options.max} fit. Please shorten it.`);
    }
    if (options.pattern && trimmed !== '' && !options.pattern.test.test(trimmed)) fail(label, options.pattern.expected, value);
    return trimmed;
  };
}

/** One of `choices`, matched without regard to case or surrounding spaces; returns the canonical spelling. */
export function oneOf<T extends string>(choices: readonly T[]): Schema<T> {
  const expected = `one of ${choices.map((choice) => (choice === '' ? 'blank' : choice)).join(', ')}`;
  return (value, label) => {
    if (typeof value !== 'string') fail(label, expected, value);
    const wanted = value.trim().toLowerCase();
    const found = choices.find((choice) => choice.toLowerCase() === wanted);
    if (found === undefined) fail(label, expected, value);
    return found;
  };
}

export function wholeNumber(min: number, max: number): Schema<number> {
  return (value, label) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(label, `a whole number from ${min} to ${max}`, value);
    }
    return value;
  };
}

export function decimal(min: number, max: number): Schema<number> {
  return (value, label) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(label, `a number from ${min} to ${max}`, value);
    return value;
  };
}

export const boolean: Schema<boolean> = (value, label) => {
  if (typeof value !== 'boolean') fail(label, 'true or false', value);
  return value;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as yyyy-mm-dd (a real day: no 2026-02-30); which zone it starts in is the handler's business. */
export function isoDay(options: { blank?: boolean } = {}): Schema<string> {
  const expected = options.blank ? 'a date (yyyy-mm-dd) or blank' : 'a date (yyyy-mm-dd)';
  return (value, label) => {
    if (typeof value !== 'string') fail(label, expected, value);
    const trimmed = value.trim();
    if (trimmed === '' && options.blank) return '';
    const match = ISO_DAY.exec(trimmed);
    if (!match) fail(label, expected, value);
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (year < 1900 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) fail(label, expected, value);
    return trimmed;
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, label) => (value === null ? null : schema(value, label));
}

/** A field of an object: its label in messages, its schema, and whether it may be left out. */
export interface FieldSpec<T> {
  label: string;
  schema: Schema<T>;
  optional?: boolean;
}

export const field = <T>(label: string, schema: Schema<T>): FieldSpec<T> => ({ label, schema });
export const optionalField = <T>(label: string, schema: Schema<T>): FieldSpec<T> => ({ label, schema, optional: true });

type Parsed<F> = {
  [K in keyof F as F[K] extends { optional: true } ? never : K]: F[K] extends FieldSpec<infer T> ? T : never;
} & {
  [K in keyof F as F[K] extends { optional: true } ? K : never]?: F[K] extends FieldSpec<infer T> ? T : never;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object with exactly these fields: a missing required field or any field not listed is
 * refused, so nothing outside the API can be set.
 */
export function object<F extends Record<string, FieldSpec<unknown>>>(fields: F): Schema<Parsed<F>> {
  const names = Object.keys(fields);
  return (value, label) => {
    if (!isPlainObject(value)) fail(label, `an object with ${names.join(', ')}`, value);
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) {
        throw new InputError(`${label} has a field ${quote(key)} that is not part of it; expected only ${names.join(', ')}.`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const spec = fields[name];
      const present = Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined;
      if (!present) {
        if (spec.optional) continue;
        throw new InputError(`${spec.label} is missing.`);
      }
      out[name] = spec.schema(value[name], spec.label);
    }
    return out as Parsed<F>;
  };
}

/** An object whose keys are exactly `keys` (each required), every value parsed by `schema`. */
export function keyed<K extends string, T>(keys: readonly K[], schema: Schema<T>, labelOf: (key: K) => string): Schema<Record<K, T>> {
  return (value, label) => {
    if (!isPlainObject(value)) fail(label, `an object with ${keys.join(', ')}`, value);
    for (const key of Object.keys(value)) {
      if (!(keys as readonly string[]).includes(key)) throw new InputError(`${label} has ${quote(key)}, which is not one of ${keys.join(', ')}.`);
    }
    const out = {} as Record<K, T>;
    for (const key of keys) {
      if (value[key] === undefined) throw new InputError(`${labelOf(key)} is missing.`);
      out[key] = schema(value[key], labelOf(key));
    }
    return out;
  };
}

/** An object holding some of `keys` (at least `min`), every value parsed by `schema`. */
export function someOf<K extends string, T>(keys: readonly K[], schema: Schema<T>, labelOf: (key: K) => string, min = 1): Schema<Partial<Record<K, T>>> {
  return (value, label) => {
    if (!isPlainObject(value)) fail(label, 'an object', value);
    const out: Partial<Record<K, T>> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (!(keys as readonly string[]).includes(key)) throw new InputError(`${label} has ${quote(key)}, which is not one of the questions.`);
      out[key as K] = schema(entry, labelOf(key as K));
    }
    if (Object.keys(out).length < min) throw new InputError(`${label} is empty; answer at least ${min}.`);
    return out;
  };
}

export function list<T>(item: Schema<T>, options: { min: number; max: number; itemLabel: (index: number) => string }): Schema<T[]> {
  const size = options.min === options.max ? `exactly ${options.min}` : `${options.min} to ${options.max}`;
  return (value, label) => {
    if (!Array.isArray(value)) fail(label, `a list of ${size}`, value);
    if (value.length < options.min || value.length > options.max) {
      throw new InputError(`${label} must be a list of ${size}; got ${value.length}.`);
    }
    return value.map((entry, index) => item(entry, options.itemLabel(index)));
  };
}

/**
 * The arguments of one server function, positionally: each parsed by its schema, and no more
 * arguments than the function takes.
 */
export function args<T extends unknown[]>(name: string, ...specs: { [I in keyof T]: FieldSpec<T[I]> }): (values: readonly unknown[]) => T {
  return (values) => {
    if (values.length > specs.length) {
      throw new InputError(`${name} takes ${specs.length === 0 ? 'no arguments' : `at most ${specs.length} argument${specs.length > 1 ? 's' : ''}`}; got ${values.length}.`);
    }
    return specs.map((spec, index) => {
      const value = values[index];
      if (value === undefined && spec.optional) return undefined;
      if (value === undefined) throw new InputError(`${spec.label} is missing.`);
      return spec.schema(value, spec.label);
    }) as T;
  };
}
