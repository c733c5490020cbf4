/**
 * The bundle's entry. esbuild wraps everything in an IIFE assigned to the `TrustCorners` global;
 * the top-level declarations appended to Code.js (scripts/build.mjs) forward to these objects.
 */
import { CUSTOM_FUNCTIONS } from './functions/registry';

export { ENTRY_POINTS as entryPoints } from './entry-points';

export const customFunctions: Record<string, (...args: never[]) => unknown> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec.implementation]),
);

/** What the build reads from the bundle to write the declarations and their JSDoc. */
export function manifest(): {
  customFunctions: Array<{
    name: string;
    summary: string;
    returns: string;
    params: Array<{ name: string; type: string; description: string; optional: boolean }>;
  }>;
} {
  return {
    customFunctions: CUSTOM_FUNCTIONS.map((spec) => ({
      name: spec.name,
      summary: spec.summary,
      returns: spec.returns,
      params: spec.params.map((param) => ({ ...param, optional: param.optional === true })),
    })),
  };
}
