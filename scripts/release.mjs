// npm run release: one folder with exactly what a person without Node pastes into
// Extensions → Apps Script: Code.gs (the bundle, byte for byte build/Code.js), Sidebar.html,
// appsscript.json (the manifest settings), and HOW-TO-PASTE.md, the paste steps of docs/deploy.md.
// Usage: node scripts/release.mjs [--out DIR]   (default: release/, git-ignored)
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Release file name -> the build file it is a copy of. The editor calls script files .gs. */
export const RELEASE_FILES = { 'Code.gs': 'Code.js', 'Sidebar.html': 'Sidebar.html', 'appsscript.json': 'appsscript.json' };
export const STEPS_FILE = 'HOW-TO-PASTE.md';
/** The page that holds the paste steps between the markers. */
export const STEPS_DOC = 'docs/deploy.md';
const START = '<!-- paste-steps:start -->';
const END = '<!-- paste-steps:end -->';

/** The paste steps of docs/deploy.md: one text for the page and the release folder. */
export function pasteSteps(doc) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${STEPS_DOC} has no paste steps between ${START} and ${END}`);
  return doc.slice(start + START.length, end).trim();
}

export async function release({ outDir = path.join(root, 'release'), build } = {}) {
  if (build) await build();
  const doc = await readFile(path.join(root, STEPS_DOC), 'utf8');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [name, source] of Object.entries(RELEASE_FILES)) await copyFile(path.join(root, 'build', source), path.join(outDir, name));
  await writeFile(path.join(outDir, STEPS_FILE), `# Trust Corners: paste it into Extensions → Apps Script\n\n${pasteSteps(doc)}\n`);
  return { outDir, files: [...Object.keys(RELEASE_FILES), STEPS_FILE] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const outAt = process.argv.indexOf('--out');
  const outDir = outAt > 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]) : undefined;
  const { buildAddon } = await import('./build.mjs');
  const result = await release({ outDir, build: buildAddon });
  console.log(`${path.relative(process.cwd(), result.outDir) || '.'}/: ${result.files.join(', ')}`);
}
