import { CUSTOM_FUNCTIONS } from '../../src/functions/registry';
import type { CustomFunctionDecl } from '../formulas/engine';
import type { LoadedBundle } from './bundle';

/**
 * The add-on's custom functions as the formula engine registers them, taken from the built
 * Code.js (its top-level declarations, as Sheets calls them) when a bundle is given, else from the
 * sources. Argument counts and result shapes come from the one registry.
 */
export function customFunctionDecls(bundle?: LoadedBundle): CustomFunctionDecl[] {
  return CUSTOM_FUNCTIONS.map((spec) => ({
    name: spec.name,
    fn: bundle
      ? (...args: unknown[]) => bundle.call(spec.name, ...args)
      : (spec.implementation as (...args: unknown[]) => unknown),
    minArgs: spec.params.filter((param) => !param.optional).length,
    maxArgs: spec.params.length,
    resultShape: spec.resultShape === 'row' ? { rows: 1, cols: 4 } : 'scalar',
  }));
}
