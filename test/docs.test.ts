/**
 * Every page (README.md and docs/*.md) names only things that exist: the README drifted from the
 * code before (functions nothing called, a bundle size typed long ago). What a page names, by its
 * writing conventions, is checked against the real thing:
 *
 * - a custom function, in code as `NAME(…)` or a bare `NAME`: the registry (or a Sheets built-in,
 *   or an environment variable the tools read);
 * - a menu item, as *Extensions → Trust Corners → Item*: the menu the built add-on's onOpen makes;
 * - a sheet, as "the **Name** sheet" or "the Name sheet": the templates, the Dashboard, the review
 *   pack, the portfolio;
 * - a script, as `npm run x` (or npm start, npm test): package.json;
 * - a link or image: the file, and the heading its #anchor points to;
 * - a repository path in code (`src/…`, `test/…`, …): the file or folder;
 * - a handler, as "`name` handler" or google.script.run.name: the top-level functions of the built
 *   Code.js (files move; what the sidebar calls does not);
 * - a function or value of the code, as a bare `camelCase` name: shipped in build/Code.js, or part
 *   of the tools (runtime, preview, bench, scripts). A name only tests use is not what the add-on does;
 * - a figure of round trips or bytes: only on docs/performance.md, which is generated (its own test).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { DASHBOARD_TITLE, TABLES } from '../src/workbook/templates';
import { REVIEW_PACK_TITLE } from '../src/workbook/review-pack';
import { loadBundleOnDouble } from '../runtime/bundle/bundle-on-double';
import { readBuiltCode } from '../runtime/bundle/bundle';
import { projectRoot } from '../runtime/bundle/project-root';

const root = projectRoot();
const PAGES = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Sheets' own functions and constants the pages may write in a formula. */
const SHEETS_BUILT_INS = new Set(['DATE', 'TODAY', 'TRUE', 'FALSE', 'IMPORTRANGE', 'IMPORTXML']);
/** Folders whose code is the tools around the add-on: a name found there is real, though not shipped. */
const TOOL_FOLDERS = ['runtime', 'preview', 'bench', 'scripts'];
const REPO_FOLDERS = ['src', 'test', 'bench', 'runtime', 'preview', 'scripts', 'docs'];

interface Real {
  functions: Set<string>;
  environment: Set<string>;
  menuItems: Set<string>;
  sheets: Set<string>;
  scripts: Set<string>;
  entryPoints: Set<string>;
  shipped: string;
  tools: string;
}

function sourcesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourcesUnder(file));
    else if (/\.(ts|mjs|js)$/.test(entry.name)) out.push(read(file));
  }
  return out;
}

function realNames(): Real {
  const { double, bundle, functions } = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
  bundle.call('onOpen', bundle.evaluate('({ authMode: ScriptApp.AuthMode.LIMITED })'));
  const menu = double.inspect.menus().find((m: { addon: boolean }) => m.addon)!;
  const tools = TOOL_FOLDERS.flatMap(sourcesUnder).join('\n');
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  return {
    functions: new Set(CUSTOM_FUNCTIONS.map((spec) => spec.name)),
    environment: new Set([...tools.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!)),
    menuItems: new Set(menu.items.map((item: { caption?: string }) => item.caption).filter((c: string | undefined): c is string => Boolean(c))),
    sheets: new Set([...TABLES.map((table) => table.title), DASHBOARD_TITLE, REVIEW_PACK_TITLE]),
    scripts: new Set(Object.keys(pkg.scripts)),
    entryPoints: new Set(functions),
    shipped: readBuiltCode(),
    tools,
  };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
const anchorsOf = (text: string) => new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));

/** Everything one page names, by kind. */
interface Named {
  functions: string[];
  menuItems: string[];
  sheets: string[];
  scripts: string[];
  links: string[];
  paths: string[];
  handlers: string[];
  identifiers: string[];
  figures: string[];
}

export function namedIn(text: string): Named {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  // Emphasis and line breaks do not change what is named; code spans are read on their own.
  const flat = prose.replace(/\s+/g, ' ');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const bareUpper = spans.filter((span) => /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(span) && span.length > 1);
  const calls = spans.flatMap((span) => [...span.matchAll(/(?<![\w.])([A-Z][A-Z0-9_]*)\(/g)].map((m) => m[1]!));
  const plainText = flat.replace(/`[^`]*`/g, '');
  return {
    functions: [...calls, ...bareUpper],
    menuItems: [...flat.matchAll(/Extensions → Trust Corners → ([^*]+?)\*/g)].map((m) => m[1]!.trim()),
    sheets: [
      ...[...plainText.matchAll(/\*\*([^*]+)\*\*(?: and \*\*([^*]+)\*\*)? sheets?\b/g)].flatMap((m) => [m[1]!, m[2]].filter((n): n is string => Boolean(n))),
      ...[...plainText.matchAll(/\b(?:the|a|an|its|each|every) ((?:[A-Z][\w-]*)(?: [A-Z][\w-]*)*) sheet\b/g)].map((m) => m[1]!),
    ],
    scripts: [...text.matchAll(/\bnpm (?:run ([\w-]+(?::[\w-]+)*)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]!),
    links: [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target)),
    paths: spans.filter((span) => REPO_FOLDERS.some((folder) => span.startsWith(`${folder}/`)) && !/[\s*<]/.test(span)),
    handlers: [
      ...[...flat.matchAll(/`(\w+)` (?:handler|entry point)/g)].map((m) => m[1]!),
      ...[...flat.matchAll(/\bhandler `(\w+)`/g)].map((m) => m[1]!),
      ...[...flat.matchAll(/google\.script\.run\.(\w+)/g)].map((m) => m[1]!),
    ],
    identifiers: spans.map((span) => span.replace(/\(\)$/, '')).filter((span) => /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(span)),
    figures: [...flat.matchAll(/\b\d[\d,.]*\s*(?:round trips?|KB|MB|bytes)\b/g)].map((m) => m[0]),
  };
}

/** What `page` names that does not exist, one line each. */
function problems(page: string, text: string, real: Real): string[] {
  const named = namedIn(text);
  const dir = path.dirname(path.join(root, page));
  const found: string[] = [];
  for (const name of named.functions) {
    // `URL`, `JSON`: JavaScript's own globals, named where the pages describe the runtime.
    const known = real.functions.has(name) || SHEETS_BUILT_INS.has(name) || real.environment.has(name) || name in globalThis;
    if (!known) found.push(`function ${name}`);
  }
  for (const item of named.menuItems) if (!real.menuItems.has(item)) found.push(`menu item "${item}"`);
  for (const sheet of named.sheets) if (!real.sheets.has(sheet)) found.push(`sheet "${sheet}"`);
  for (const script of named.scripts) if (!real.scripts.has(script)) found.push(`script npm run ${script}`);
  for (const link of named.links) {
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const target = file === '' ? path.join(root, page) : path.resolve(dir, file);
    if (!existsSync(target)) found.push(`link ${link}`);
    else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) found.push(`anchor ${link}`);
  }
  for (const repoPath of named.paths) if (!existsSync(path.join(root, repoPath))) found.push(`path ${repoPath}`);
  for (const handler of named.handlers) if (!real.entryPoints.has(handler)) found.push(`handler ${handler}`);
  for (const name of named.identifiers.filter((identifier) => !named.handlers.includes(identifier))) {
    // esbuild renames a name that two modules share (name2): still the same code.
    const pattern = new RegExp(`\\b${name}\\d*\\b`);
    if (!pattern.test(real.shipped) && !pattern.test(real.tools)) found.push(`code name ${name} (not shipped in build/Code.js, nor part of the tools)`);
  }
  if (page !== 'docs/performance.md') for (const figure of named.figures) found.push(`figure "${figure}" typed by hand (docs/performance.md and npm run bench have the figures)`);
  return found;
}

let real: Real;
beforeAll(() => {
  real = realNames();
});

describe('the documents', () => {
  it('are the README and the pages of docs/', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/user-guide.md', 'docs/functions.md', 'docs/deploy.md', 'docs/architecture.md', 'docs/decisions.md', 'docs/performance.md', 'docs/real-sheets-checklist.md']));
  });

  it.each(PAGES)('%s names only what exists', (page) => {
    expect(problems(page, read(page), real)).toEqual([]);
  });

  it('use the conventions, so the checks above have something to check', () => {
    const all = PAGES.map((page) => namedIn(read(page)));
    const count = (kind: keyof Named) => all.reduce((sum, named) => sum + named[kind].length, 0);
    expect(count('functions')).toBeGreaterThanOrEqual(real.functions.size);
    expect(count('menuItems')).toBeGreaterThanOrEqual(real.menuItems.size);
    expect(count('sheets')).toBeGreaterThanOrEqual(real.sheets.size);
    expect(count('scripts')).toBeGreaterThanOrEqual(5);
    expect(count('links')).toBeGreaterThanOrEqual(10);
    expect(count('paths')).toBeGreaterThanOrEqual(5);
    expect(count('handlers')).toBeGreaterThanOrEqual(1);
    expect(count('identifiers')).toBeGreaterThanOrEqual(5);
  });

  it('the user guide walks through every item of the menu and every sheet', () => {
    const guide = namedIn(read('docs/user-guide.md'));
    expect(new Set(guide.menuItems)).toEqual(real.menuItems);
    expect(new Set(guide.sheets)).toEqual(real.sheets);
  });

  it('the README stays short and opens with the commands CI runs', () => {
    const readme = read('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    expect(readme.split('```')[1]).toMatch(/npm install && npm start[\s\S]*\nnpm test/);
  });

  it('would fail on each kind of name that does not exist', () => {
    const page = 'docs/user-guide.md';
    const stale = [
      'Try `=LOWEST_CORNER(A1:D9)`.',
      'Use *Extensions → Trust Corners → Fix workbook*.',
      'Look at the **Edit Log** sheet.',
      'Run `npm run docs:all`.',
      '![A picture](no-such.png) and [a section](deploy.md#no-such-heading).',
      'See `src/nowhere.ts`.',
      'The sidebar calls the `loadEverything` handler.',
      'Coverage comes from `ratingCoverage`.',
      'A view costs 12 round trips.',
    ].join('\n\n');
    expect(problems(page, stale, real)).toEqual([
      'function LOWEST_CORNER',
      'menu item "Fix workbook"',
      'sheet "Edit Log"',
      'script npm run docs:all',
      'link no-such.png',
      'anchor deploy.md#no-such-heading',
      'path src/nowhere.ts',
      'handler loadEverything',
      'code name ratingCoverage (not shipped in build/Code.js, nor part of the tools)',
      'figure "12 round trips" typed by hand (docs/performance.md and npm run bench have the figures)',
    ]);
  });
});
