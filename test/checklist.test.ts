/**
 * docs/real-sheets-checklist.md names menu items, sheets, custom functions and named ranges; each
 * must exist in the built add-on: the menu onOpen builds, the sheets setup and the example create,
 * the functions the bundle declares, the names setup defines. Derived from build/Code.js on the double.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleOnDouble } from '../runtime/bundle/bundle-on-double';
import { projectRoot } from '../runtime/bundle/project-root';

const CHECKLIST = readFileSync(path.join(projectRoot(), 'docs/real-sheets-checklist.md'), 'utf8');
/** Sheets built-ins the checklist may use besides the add-on's own functions. */
const BUILT_INS = new Set(['DATE', 'IMPORTRANGE']);

interface RealNames {
  menuItems: Set<string>;
  sheets: Set<string>;
  functions: Set<string>;
  namedRanges: Set<string>;
}

function realNames(): RealNames {
  const { double, bundle } = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
  bundle.call('onOpen', bundle.evaluate('({ authMode: ScriptApp.AuthMode.LIMITED })'));
  const menu = double.inspect.menus().find((m: { addon: boolean }) => m.addon)!;
  bundle.call('menuLoadExample');
  const manifest = bundle.evaluate('TrustCorners.manifest()') as { customFunctions: Array<{ name: string }> };
  return {
    menuItems: new Set(menu.items.map((item: { caption?: string }) => item.caption).filter((c: string | undefined): c is string => Boolean(c))),
    sheets: new Set(double.inspect.sheetNames()),
    functions: new Set(manifest.customFunctions.map((f) => f.name)),
    namedRanges: new Set(double.inspect.namedRanges().map((r: { name: string }) => r.name)),
  };
}

interface Named {
  menuItems: string[];
  sheets: string[];
  functions: string[];
  namedRanges: string[];
}

/** What the checklist names, by its writing conventions (stated at its top). */
function namedIn(text: string): Named {
  const steps = text.slice(text.indexOf('## Steps'), text.indexOf('## Results'));
  // A step's title is bold too: drop it, so that bold text inside a step is a sheet name.
  const body = steps.replace(/^\s*\d+\. \*\*[^*]+\*\*/gm, '');
  const codeSpans = [...text.matchAll(/`(=[^`]+)`/g)].map((m) => m[1]!);
  return {
    menuItems: [...text.matchAll(/Extensions → Trust Corners → ([^*\n]+)\*/g)].map((m) => m[1]!.trim()),
    sheets: [...body.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!),
    functions: codeSpans.flatMap((code) => [...code.matchAll(/([A-Z][A-Z0-9_]*)\(/g)].map((m) => m[1]!)),
    namedRanges: [...text.matchAll(/TrustCorners_[A-Za-z]+/g)].map((m) => m[0]),
  };
}

function unknownNames(named: Named, real: RealNames): string[] {
  return [
    ...named.menuItems.filter((n) => !real.menuItems.has(n)).map((n) => `menu item "${n}"`),
    ...named.sheets.filter((n) => !real.sheets.has(n)).map((n) => `sheet "${n}"`),
    ...named.functions.filter((n) => !real.functions.has(n) && !BUILT_INS.has(n)).map((n) => `function ${n}`),
    ...named.namedRanges.filter((n) => !real.namedRanges.has(n)).map((n) => `named range ${n}`),
  ];
}

let real: RealNames;
beforeAll(() => {
  real = realNames();
});

describe('docs/real-sheets-checklist.md', () => {
  it('names only menu items, sheets, functions and named ranges that exist', () => {
    const named = namedIn(CHECKLIST);
    // The conventions are in use, so the check below has something to check.
    expect(named.menuItems.length).toBeGreaterThanOrEqual(7);
    expect(named.sheets.length).toBeGreaterThanOrEqual(5);
    expect(named.functions).toEqual(expect.arrayContaining(['WEAKEST_CORNER', 'CORNER_SCORES', 'REASSESS_BY', 'ON_TIME_RATE']));
    expect(named.namedRanges.length).toBeGreaterThanOrEqual(2);
    expect(unknownNames(named, real)).toEqual([]);
  });

  it('walks through every item of the add-on menu', () => {
    expect(new Set(namedIn(CHECKLIST).menuItems)).toEqual(real.menuItems);
  });

  it('would fail on a renamed menu item, sheet, function or named range', () => {
    const stale = CHECKLIST.replace('Trust Corners → Repair workbook*', 'Trust Corners → Fix workbook*')
      .replace('**Change History**', '**Edit Log**')
      .replace('`=WEAKEST_CORNER({7,8,5,9;6,8,6,8})`', '`=LOWEST_CORNER({7,8,5,9;6,8,6,8})`')
      .replace('"TrustCorners_Weakest"', '"TrustCorners_Lowest"');
    expect(unknownNames(namedIn(stale), real)).toEqual(['menu item "Fix workbook"', 'sheet "Edit Log"', 'function LOWEST_CORNER', 'named range TrustCorners_Lowest']);
  });

  it('has a results row for every step', () => {
    const steps = [...CHECKLIST.matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1]));
    const rows = [...CHECKLIST.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(rows).toEqual(steps);
    expect(CHECKLIST).toMatch(/\| step \| what \| date \| pass \/ fail \| notes \|/);
  });
});
