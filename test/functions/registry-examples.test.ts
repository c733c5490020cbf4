import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/functions/registry';

/**
 * The examples in the registry are what docs/functions.md shows. Until they are evaluated by the formula
 * engine (test/readme.test.ts), this checks the parts that need no engine: every function has one
 * of each, and its error message starts with the function's name.
 */
describe('registry examples', () => {
  it.each(CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s documents an example and an error', (name, spec) => {
    expect(spec.example.formula.startsWith(`=${name}(`)).toBe(true);
    expect(spec.error.formula.startsWith(`=${name}(`)).toBe(true);
    expect(spec.error.message.startsWith(`${name}: `)).toBe(true);
  });
});
