// Runs a TypeScript entry file with Node: esbuild bundles it (dependencies stay external) into
// node_modules/.cache, then Node imports the result. Usage: node scripts/run-ts.mjs FILE.ts [args]
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function runTypeScript(entry) {
  const absolute = path.resolve(entry);
  // One folder per checkout: worktrees that share node_modules do not overwrite each other's bundle.
  const outfile = path.join(root, 'node_modules/.cache/trust-corners', path.basename(root), `${path.basename(absolute, '.ts')}.mjs`);
  await build({
    entryPoints: [absolute],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    // Bundled files keep working paths relative to the sources they came from.
    define: { 'import.meta.dirname': JSON.stringify(path.dirname(absolute)) },
    banner: { js: `import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(${JSON.stringify(absolute)}); const __dirname = ${JSON.stringify(path.dirname(absolute))};` },
  });
  return import(pathToFileURL(outfile).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [entry, ...rest] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-ts.mjs FILE.ts [args]');
    process.exit(2);
  }
  process.argv = [process.argv[0], entry, ...rest];
  await runTypeScript(entry);
}
