/**
 * Code nothing ships stays out: every file under src/ is reached from an entry point of the
 * bundle or the sidebar, and every exported value is imported somewhere else (a value used only in
 * its own file is not exported). Types may be exported for the signatures they describe.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the project's scripts, typed by use here
import { exportsOf, importsOf, reachable, sourceFiles } from '../../scripts/imports.mjs';

const root = path.resolve(__dirname, '../..');
const ENTRIES = ['src/main.ts', 'src/sidebar/client/main.ts'];
/** What the build reads off the bundle's global (scripts/build.mjs), not through an import. */
const READ_BY_THE_BUILD = new Set(['src/main.ts customFunctions', 'src/main.ts manifest', 'src/main.ts entryPoints']);

const sources: string[] = sourceFiles(root, 'src');
const everything: string[] = [...sources, ...['test', 'bench', 'preview', 'runtime', 'scripts'].flatMap((dir) => sourceFiles(root, dir) as string[])];

function importedNames(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const file of everything) {
    for (const edge of importsOf(root, file) as Array<{ target: string; names: string[] }>) {
      const names = used.get(edge.target) ?? new Set<string>();
      for (const name of edge.names) names.add(name);
      used.set(edge.target, names);
    }
  }
  return used;
}

describe('dead code', () => {
  it('ships every file under src/ (reached from the bundle or the sidebar entry, types included)', () => {
    const shipped: Set<string> = reachable(root, ENTRIES, { types: true });
    expect(sources.filter((file) => !shipped.has(file))).toEqual([]);
  });

  it('exports only values some other file imports', () => {
    const used = importedNames();
    const unused = sources.flatMap((file) => {
      const names = used.get(file) ?? new Set<string>();
      if (names.has('*')) return [];
      return (exportsOf(root, file, { values: true }) as string[]).filter((name) => !names.has(name)).map((name) => `${file} ${name}`);
    });
    expect(unused.filter((entry) => !READ_BY_THE_BUILD.has(entry))).toEqual([]);
  });

  it('sees an unused export and an unreached file (the checks can fail)', () => {
    expect(exportsOf(root, 'src/sidebar/common/request.ts', { values: true })).toContain('saveThenShow');
    expect(reachable(root, ['src/domain/corners.ts']).has('src/main.ts')).toBe(false);
  });
});
