import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/functions/registry';

/** Cells as Apps Script passes them: numbers (huge, negative, fractional), text, booleans, Dates, blanks. */
const cell = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 1, max: 10 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0, -0),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('Competence', 'Reliability', 'Transparency', 'Alignment', 'Acme', 'Beta', 'Early', 'Mid', 'Late', 'strategic', '2026-01-31', ' 7 '),
  fc.boolean(),
  fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
);
const grid = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
const argument = fc.oneof(cell, grid, fc.constant(undefined));

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
const validScalar = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (isDate(value) && !Number.isNaN(value.getTime()));

function isValidResult(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((row) => Array.isArray(row) && row.length > 0 && row.every(validScalar));
  }
  return validScalar(value);
}

describe('every custom function on arbitrary input', () => {
  it.each(CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s returns a valid cell value or throws an Error naming itself',
    (name, spec) => {
      const fn = spec.implementation as (...args: unknown[]) => unknown;
      fc.assert(
        fc.property(fc.array(argument, { minLength: 0, maxLength: spec.params.length }), (args) => {
          let result: unknown;
          try {
            result = fn(...args);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message.startsWith(`${name}: `), (error as Error).message).toBe(true);
            return;
          }
          expect(isValidResult(result), `${name} returned ${String(result)}`).toBe(true);
        }),
        { numRuns: 400 },
      );
    },
  );

  it('WEAKEST_CORNER agrees with the lowest of CORNER_SCORES on valid ratings', () => {
    const weakest = CUSTOM_FUNCTIONS.find((s) => s.name === 'WEAKEST_CORNER')!.implementation as (s: unknown) => unknown;
    const scores = CUSTOM_FUNCTIONS.find((s) => s.name === 'CORNER_SCORES')!.implementation as (s: unknown) => unknown;
    const rating = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.array(rating, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const means = scores(rows);
        const corner = weakest(rows);
        if (means === '') {
          expect(corner).toBe('');
          return;
        }
        const row = (means as Array<Array<number | string>>)[0];
        const rated = row.filter((m): m is number => typeof m === 'number');
        const names = ['Competence', 'Reliability', 'Transparency', 'Alignment'];
        expect(row[names.indexOf(corner as string)]).toBe(Math.min(...rated));
      }),
    );
  });
});
