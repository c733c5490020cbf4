// npm run release: one folder with exactly what a person without Node pastes into
// Extensions → Apps Script: Code.gs (the bundle, byte for byte build/Code.js), Sidebar.html,
// appsscript.json (the manifest settings), and HOW-TO-PASTE.md, the README's paste steps.
// Usage: node scripts/release.mjs [--out DIR]   (default: release/, git-ignored)
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Release file name -> the build file it is a copy of. The editor calls script files .gs. */
export const RELEASE_FILES = { 'Code.gs': 'Code.js', 'Sidebar.html': 'Sidebar.html', 'appsscript.json': 'appsscript.json' };
export const STEPS_FILE = 'HOW-TO-PASTE.md';
const START = '<!-- paste-steps:start -->';
const END = '<!-- paste-steps:end -->';

/** The README's paste steps: one text for the README and the release folder. */
export function pasteSteps(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no paste steps between ${START} and ${END}`);
  return readme.slice(start + START.length, end).trim();
}

export async function release({ outDir = path.join(root, 'release'), build } = {}) {
  if (build) await build();
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [name, source] of Object.entries(RELEASE_FILES)) await copyFile(path.join(root, 'build', source), path.join(outDir, name));
  await writeFile(path.join(outDir, STEPS_FILE), `# Trust Corners: paste it into Extensions → Apps Script\n\n${pasteSteps(readme)}\n`);
  return { outDir, files: [...Object.keys(RELEASE_FILES), STEPS_FILE] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const outAt = process.argv.indexOf('--out');
  const outDir = outAt > 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]) : undefined;
  const { buildAddon } = await import('./build.mjs');
  const result = await release({ outDir, build: buildAddon });
  console.log(`${path.relative(process.cwd(), result.outDir) || '.'}/: ${result.files.join(', ')}`);
}
