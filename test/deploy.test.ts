/**
 * scripts/deploy.mjs against a fake `clasp` first on the PATH, which records every call's
 * arguments (and its working directory) and acts like clasp 3 where the script depends on it:
 * `--json show-authorized-user` answers the login state, `create-script` writes .clasp.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../runtime/bundle/project-root';
import { DeployError, deploy } from '../scripts/deploy.mjs';

const FAKE_CLASP = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_CLASP_LOG, JSON.stringify({ cwd: process.cwd(), args }) + '\\n');
const command = args.filter((a) => !a.startsWith('--'))[0];
if (command === 'show-authorized-user') {
  const loggedIn = process.env.FAKE_CLASP_LOGGED_IN === '1';
  console.log(JSON.stringify(loggedIn ? { loggedIn, email: 'owner@acme.example' } : { loggedIn }, null, 2));
} else if (command === 'create-script') {
  if (fs.existsSync('.clasp.json')) { console.error('Project file already exists.'); process.exit(1); }
  fs.writeFileSync('.clasp.json', JSON.stringify({ scriptId: 'fake-script-id', rootDir: 'build', parentId: 'fake-sheet-id' }));
  console.log(JSON.stringify({ scriptId: 'fake-script-id', parentId: 'fake-sheet-id', files: [] }));
} else if (command === 'push') {
  if (process.env.FAKE_CLASP_PUSH_FAILS === '1') { console.error('Push failed.'); process.exit(1); }
  console.log('Pushed 3 files.');
}
`;

interface Call {
  cwd: string;
  args: string[];
}

let dir: string;
let root: string;
let logFile: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tc-deploy-'));
  const bin = path.join(dir, 'bin');
  root = path.join(dir, 'project');
  for (const d of [bin, root]) execFileSync('mkdir', ['-p', d]);
  writeFileSync(path.join(bin, 'clasp'), FAKE_CLASP);
  chmodSync(path.join(bin, 'clasp'), 0o755);
  logFile = path.join(dir, 'calls.jsonl');
  writeFileSync(logFile, '');
  env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_CLASP_LOG: logFile, FAKE_CLASP_LOGGED_IN: '1' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The clasp calls and builds, in the order they happened. */
function steps(): string[] {
  return readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (line === 'build' ? 'build' : `clasp ${(JSON.parse(line) as Call).args.join(' ')}`));
}

async function run(options: { title?: string } = {}) {
  const output: string[] = [];
  const result = await deploy({ root, env, build: async () => appendFileSync(logFile, 'build\n'), log: (line: string) => output.push(line), ...options });
  return { result, output };
}

describe('npm run deploy', () => {
  it('first run: checks the login, creates a spreadsheet with the script bound to it, builds, pushes, prints both URLs', async () => {
    const { result, output } = await run();
    expect(steps()).toEqual([
      'clasp --json show-authorized-user',
      'clasp --json create-script --type sheets --title Trust Corners --rootDir build',
      // After create-script: clasp pulls the new script's default Code.js into build/, which the build replaces.
      'build',
      'clasp push --force',
    ]);
    for (const line of readFileSync(logFile, 'utf8').trim().split('\n').filter((l) => l !== 'build')) expect((JSON.parse(line) as Call).cwd).toBe(root);
    expect(result).toEqual({ created: true, scriptId: 'fake-script-id', spreadsheetId: 'fake-sheet-id' });
    expect(output).toContain('Spreadsheet: https://docs.google.com/spreadsheets/d/fake-sheet-id/edit');
    expect(output).toContain('Script:      https://script.google.com/d/fake-script-id/edit');
  });

  it('later runs build and push to the same script, creating nothing', async () => {
    await run();
    writeFileSync(logFile, '');
    const { result, output } = await run();
    expect(steps()).toEqual(['clasp --json show-authorized-user', 'build', 'clasp push --force']);
    expect(result.created).toBe(false);
    expect(output).toContain('Spreadsheet: https://docs.google.com/spreadsheets/d/fake-sheet-id/edit');
  });

  it('a project file holding the old placeholder id counts as a first run', async () => {
    writeFileSync(path.join(root, '.clasp.json'), JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'build' }));
    const { result } = await run({ title: 'Acme and Globex' });
    expect(steps()[1]).toBe('clasp --json create-script --type sheets --title Acme and Globex --rootDir build');
    expect(result.scriptId).toBe('fake-script-id');
  });

  it('not logged in: says how to log in, and creates, builds and pushes nothing', async () => {
    env.FAKE_CLASP_LOGGED_IN = '0';
    await expect(run()).rejects.toThrow(/not logged in to clasp\. Run `npx clasp login`/);
    await expect(run()).rejects.toBeInstanceOf(DeployError);
    expect(steps()).toEqual(['clasp --json show-authorized-user', 'clasp --json show-authorized-user']);
    expect(existsSync(path.join(root, '.clasp.json'))).toBe(false);
  });

  it('a failed push is reported with the command that failed', async () => {
    env.FAKE_CLASP_PUSH_FAILS = '1';
    await expect(run()).rejects.toThrow('clasp push --force failed (exit code 1)');
  });

  it('refuses a project file whose rootDir is not build/, where the add-on is built', async () => {
    writeFileSync(path.join(root, '.clasp.json'), JSON.stringify({ scriptId: 'real-id', rootDir: 'src' }));
    await expect(run()).rejects.toThrow('rootDir "src"');
    expect(steps()).not.toContain('build');
  });

  it('the command line: exit code 1 and one clear line when not logged in', () => {
    env.FAKE_CLASP_LOGGED_IN = '0';
    const cli = spawnSync(process.execPath, [path.join(projectRoot(), 'scripts/deploy.mjs')], { env, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe('npm run deploy: You are not logged in to clasp. Run `npx clasp login` (once per machine, it opens a browser), then `npm run deploy` again.');
    expect(steps()).toEqual(['clasp --json show-authorized-user']);
  });
});

describe('the script id stays out of git', () => {
  it('.clasp.json is git-ignored and not tracked', () => {
    const repo = projectRoot();
    expect(spawnSync('git', ['check-ignore', '-q', '.clasp.json'], { cwd: repo }).status).toBe(0);
    expect(spawnSync('git', ['ls-files', '--error-unmatch', '.clasp.json'], { cwd: repo }).status).not.toBe(0);
  });

  it('deploy refuses to run while .clasp.json is tracked', async () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(path.join(root, '.clasp.json'), JSON.stringify({ scriptId: 'real-id', rootDir: 'build' }));
    execFileSync('git', ['add', '.clasp.json'], { cwd: root });
    await expect(run()).rejects.toThrow('tracked by git');
    expect(steps()).toEqual(['clasp --json show-authorized-user']);
  });
});
