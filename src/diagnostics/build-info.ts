/**
 * Which build is running: the package version and the git commit, written into the bundle by
 * scripts/build.mjs (esbuild `define`). Source loaded without the build (unit tests) says so.
 */
declare const TRUST_CORNERS_BUILD: { version: string; commit: string; helpUrl: string | null } | undefined;

export interface BuildInfo {
  version: string;
  commit: string;
  /** The README section "Using it with your partner", when package.json names where the README is published. */
  helpUrl: string | null;
}

export function buildInfo(): BuildInfo {
  if (typeof TRUST_CORNERS_BUILD === 'undefined') return { version: 'development', commit: 'not built', helpUrl: null };
  return { version: TRUST_CORNERS_BUILD.version, commit: TRUST_CORNERS_BUILD.commit, helpUrl: TRUST_CORNERS_BUILD.helpUrl };
}
