import type { AppsScriptDouble } from '../../runtime/apps-script';

/**
 * Everything a save may change, as one string: every sheet's values, formulas and notes, the
 * developer metadata, named ranges, protections, and the document and users' properties. Formats
 * and validations are left out: no save writes them, and the whole snapshot (megabytes of
 * per-cell formats) is too slow to take before every one of thousands of generated calls.
 */
export function contentFingerprint(double: AppsScriptDouble, users: readonly string[]): string {
  const { inspect } = double;
  return JSON.stringify({
    sheets: inspect.sheetNames().map((name) => [name, inspect.values(name), inspect.formulas(name), inspect.notes(name)]),
    metadata: inspect.metadata(),
    namedRanges: inspect.namedRanges(),
    protections: inspect.protections(),
    document: inspect.properties('document'),
    users: users.map((email) => inspect.properties('user', email)),
  });
}
