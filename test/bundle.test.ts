import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { loadBundle, readBuiltCode } from '../runtime/bundle/bundle';

const SERVICES = [
  'SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService', 'Session', 'Utilities',
  'ScriptApp', 'Charts', 'CacheService', 'UrlFetchApp', 'DriveApp',
];

/** Stand-ins that record any touch: loading Code.js must touch none of them. */
function tripwireServices(touched: string[]): Record<string, unknown> {
  return Object.fromEntries(
    SERVICES.map((name) => [
      name,
      new Proxy({}, { get: (_target, property) => { touched.push(`${name}.${String(property)}`); return undefined; } }),
    ]),
  );
}

describe('build/Code.js on an Apps Script-shaped runtime', () => {
  const code = readBuiltCode();

  it('has no module syntax and no Node or browser-only globals in use', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bsetTimeout\(|\bfetch\(|\bnew TextEncoder|\bnew URL\(|\batob\(|\bBuffer\./);
    expect(code).not.toMatch(/#[a-zA-Z_]+\s*[;=(]/); // private class members
    // esbuild lowers syntax, not library methods: keep to what every Apps Script V8 runtime has.
    expect(code).not.toMatch(/\.at\(|structuredClone\(|\.findLast(Index)?\(|Object\.hasOwn\(|\.toSorted\(|\.toReversed\(/);
  });

  it('loads in a bare context without calling any service', () => {
    const touched: string[] = [];
    const bundle = loadBundle(tripwireServices(touched));
    expect(touched).toEqual([]);
    for (const name of ['require', 'process', 'setTimeout', 'fetch', 'TextEncoder', 'URL', 'atob', 'Buffer']) {
      expect(bundle.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
  });

  it.each(CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s is a top-level function with its JSDoc right above it',
    (name, spec) => {
      const paramNames = spec.params.map((param) => param.name);
      const declaration = new RegExp(`\\n(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${name}\\(([^)]*)\\)`);
      const match = declaration.exec(code);
      expect(match, `declaration of ${name}`).not.toBeNull();
      const [, jsdoc, params] = match as RegExpExecArray;
      expect(params.split(',').map((p) => p.trim()).filter(Boolean)).toEqual(paramNames);
      expect(jsdoc).toContain('@customfunction');
      expect(jsdoc).toMatch(/@return /);
      const documented = [...jsdoc.matchAll(/@param \{[^}]+\} (\w+) /g)].map((m) => m[1]);
      expect(documented).toEqual(paramNames);
      const bundle = loadBundle();
      expect(bundle.evaluate(`typeof ${name}`)).toBe('function');
    },
  );

  it('computes with arguments created in its own realm, as Apps Script passes them', () => {
    const bundle = loadBundle();
    const scores = bundle.realm([
      ['Competence', 'Reliability', 'Transparency', 'Alignment'],
      [7, 8, 5, 9],
      [6, 8, 6, 8],
      ['', '', '', ''],
    ]);
    expect(bundle.call('WEAKEST_CORNER', scores)).toBe('Transparency');
    expect(bundle.call('WEAKEST_CORNER', scores, 'Strategic')).toBe('Transparency');
    expect(JSON.parse(JSON.stringify(bundle.call('CORNER_SCORES', scores)))).toEqual([[6.5, 8, 5.5, 8.5]]);
    expect(bundle.call('CORNERS_AT_RISK', scores, bundle.realm(7))).toBe('Competence, Transparency');
    const sides = bundle.realm([['Side'], ['Acme'], ['Beta'], ['']]);
    expect(JSON.parse(JSON.stringify(bundle.call('PERCEPTION_GAP', scores, sides)))).toEqual([[1, 0, -1, 1]]);
    expect(bundle.call('PRIMARY_CORNER', 'co-innovation')).toBe('Competence');

    const assessed = bundle.realm([[new Date(2026, 2, 2)]]);
    const due = bundle.call('REASSESS_BY', assessed) as Date;
    expect(Object.prototype.toString.call(due)).toBe('[object Date]');
    expect([due.getFullYear(), due.getMonth() + 1, due.getDate()]).toEqual([2026, 5, 31]);

    const dueDates = bundle.realm([[new Date(2026, 0, 10)], [new Date(2026, 1, 1)]]);
    const doneDates = bundle.realm([[new Date(2026, 0, 9)], ['']]);
    const flagged = bundle.realm([[''], [new Date(2026, 0, 20)]]);
    const asOf = bundle.realm(new Date(2026, 2, 1));
    expect(bundle.call('ON_TIME_RATE', dueDates, doneDates, asOf)).toBe(0.5);
    expect(bundle.call('EARLY_WARNING_RATE', dueDates, doneDates, flagged, asOf)).toBe(1);
    expect(bundle.call('PNPS', bundle.realm([[10], [9], [3], [8]]))).toBe(25);
    expect(bundle.call('CHAMPION_RISK', bundle.realm([['Ana'], ['Ben']]))).toBe(0.5);
    expect(bundle.call('DISCLOSURE_NEXT_STAGE', bundle.realm([['Beta']]), bundle.realm([['Early']]), 'Beta')).toBe('Mid');
  });

  it('throws errors Sheets can show, naming the function and the cell', () => {
    const bundle = loadBundle();
    let thrown: unknown;
    try {
      bundle.call('WEAKEST_CORNER', bundle.realm([[7, 8, 5, 9], [6, 8, 6, 8], [5, 5, 'n/a', 5]]));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('WEAKEST_CORNER: scores row 3, Transparency is "n/a"; expected a number from 1 to 10');
    expect(Object.prototype.toString.call(thrown)).toBe('[object Error]');
  });
});
