/**
 * npm run release: the folder a person without Node pastes from. It holds exactly the files the
 * paste steps of docs/deploy.md name, and the pasted Code.gs is byte for byte the build/Code.js that the
 * bundle tests load into a VM.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteSteps, STEPS_DOC, STEPS_FILE } from '../scripts/release.mjs';
import { BUILD_DIR, loadBundle, readBuiltCode } from '../runtime/bundle/bundle';
import { projectRoot } from '../runtime/bundle/project-root';

const deployDoc = readFileSync(path.join(projectRoot(), STEPS_DOC), 'utf8');
let outDir: string;
let cli: ReturnType<typeof spawnSync>;

beforeAll(() => {
  outDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tc-release-')), 'release');
  cli = spawnSync(process.execPath, [path.join(projectRoot(), 'scripts/release.mjs'), '--out', outDir], { encoding: 'utf8' });
});
afterAll(() => rmSync(path.dirname(outDir), { recursive: true, force: true }));

/** File names (with an extension) the steps put in code spans: what the person handles. */
function filesNamedIn(steps: string): Set<string> {
  return new Set([...steps.matchAll(/`([^`\s]+\.(?:gs|html|json))`/g)].map((m) => m[1]!));
}

describe('npm run release', () => {
  it('writes exactly the files the paste steps name, and the steps', () => {
    expect(cli.status, String(cli.stderr)).toBe(0);
    const named = filesNamedIn(pasteSteps(deployDoc));
    expect(named).toEqual(new Set(['Code.gs', 'Sidebar.html', 'appsscript.json']));
    expect(new Set(readdirSync(outDir))).toEqual(new Set([...named, STEPS_FILE]));
  });

  it('Code.gs is byte for byte the bundle the bundle tests load, and it loads', () => {
    const pasted = readFileSync(path.join(outDir, 'Code.gs'));
    expect(pasted.equals(Buffer.from(readBuiltCode(), 'utf8'))).toBe(true);
    expect(pasted.equals(readFileSync(path.join(BUILD_DIR, 'Code.js')))).toBe(true);
    // What the editor would run: its top-level functions are there.
    const bundle = loadBundle();
    expect(bundle.evaluate('typeof onOpen + typeof showSidebar + typeof WEAKEST_CORNER')).toBe('functionfunctionfunction');
  });

  it('Sidebar.html and appsscript.json are the built ones', () => {
    for (const name of ['Sidebar.html', 'appsscript.json']) {
      expect(readFileSync(path.join(outDir, name)).equals(readFileSync(path.join(BUILD_DIR, name))), name).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; runtimeVersion: string };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toHaveLength(3);
  });

  it('the steps in the folder are the steps of docs/deploy.md, which name the file the add-on opens for its sidebar', () => {
    const steps = readFileSync(path.join(outDir, STEPS_FILE), 'utf8');
    expect(steps).toContain(pasteSteps(deployDoc));
    // showSidebar opens the HTML file named Sidebar: the name the steps tell the person to type.
    expect(pasteSteps(deployDoc)).toContain('name the new file `Sidebar`');
    expect(readBuiltCode()).toContain('createHtmlOutputFromFile("Sidebar")');
  });
});
