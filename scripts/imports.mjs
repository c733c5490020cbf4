// The project's import graph, read from the sources as text: which file imports which, by name,
// and whether the import is only of types (erased from the bundle). Used by the architecture
// tests (test/architecture/*) and by `npm run deadcode`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .ts file under `dir`, as paths relative to `root` with forward slashes. */
export function sourceFiles(root, dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(path.join(root, at))) {
      const rel = `${at}/${entry}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|mts)$/.test(entry) && !entry.endsWith('.d.ts') && !entry.endsWith('.d.mts')) out.push(rel);
    }
  };
  if (existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

function resolve(root, from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.m?js$/, '.ts'), base.replace(/\.mjs$/, '.mts')]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

/** Comments out, strings kept: imports are found in code only. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/**
 * The imports of one file: `{ target, names, typeOnly }` per import or re-export (names: the
 * imported names, '*' for a namespace or side-effect import).
 */
export function importsOf(root, file) {
  const text = withoutComments(readFileSync(path.join(root, file), 'utf8'));
  const out = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(statement)) {
    const [, kind, typeKeyword, clause, spec] = match;
    const target = resolve(root, file, spec);
    if (!target) continue;
    if (kind === 'export' && !/^\{|^\*/.test(clause.trim())) continue; // `export const x = … from` cannot happen; guard anyway
    let names = [];
    let allTypes = Boolean(typeKeyword);
    const braces = clause.match(/\{([\s\S]*)\}/);
    if (braces) {
      const parts = braces[1].split(',').map((part) => part.trim()).filter(Boolean);
      names = parts.map((part) => part.replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim());
      if (!typeKeyword) allTypes = parts.every((part) => part.startsWith('type '));
      const defaultName = clause.slice(0, clause.indexOf('{')).replace(/,\s*$/, '').trim();
      if (defaultName) names.push('default');
    } else if (clause.includes('*')) {
      names = ['*'];
    } else {
      names = ['default'];
    }
    out.push({ target, names, typeOnly: allTypes });
  }
  for (const match of text.matchAll(/import\s+['"]([^'"]+)['"]/g)) {
    const target = resolve(root, file, match[1]);
    if (target) out.push({ target, names: ['*'], typeOnly: false });
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)(?:\.(\w+))?/g)) {
    const target = resolve(root, file, match[1]);
    if (target) out.push({ target, names: [match[2] ?? '*'], typeOnly: true });
  }
  return out;
}

/** The names a file exports itself (not re-exports); `values` leaves out interfaces and types. */
export function exportsOf(root, file, { values = false } = {}) {
  const text = withoutComments(readFileSync(path.join(root, file), 'utf8'));
  const names = new Set();
  const kinds = values ? '(?:const|let|var|function\\*?|class|enum)' : '(?:const|let|var|function\\*?|class|interface|type|enum)';
  const declaration = new RegExp(`(?:^|\\n)\\s*export\\s+(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?${kinds}\\s+(\\w+)`, 'g');
  for (const match of text.matchAll(declaration)) names.add(match[1]);
  if (values) return [...names];
  for (const match of text.matchAll(/(?:^|\n)\s*export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/g)) {
    for (const part of match[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  if (/(?:^|\n)\s*export\s+default\b/.test(text)) names.add('default');
  return [...names];
}

/** Files reachable from `entries` through value imports (what the bundle ships). */
export function reachable(root, entries, { types = false } = {}) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of importsOf(root, file)) if (types || !edge.typeOnly) stack.push(edge.target);
  }
  return seen;
}

/** Circles of value imports among `files`: each as the list of files around it. */
export function valueCycles(root, files) {
  const graph = new Map(files.map((file) => [file, importsOf(root, file).filter((edge) => !edge.typeOnly).map((edge) => edge.target)]));
  const cycles = [];
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}
