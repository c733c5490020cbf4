// npm run deploy: the add-on as a script bound to a Google spreadsheet, with clasp 3.
//   first run:  clasp create-script --type sheets (a new spreadsheet with the script bound to it),
//               then build, then clasp push --force
//   later runs: build, then clasp push --force to the same script
// The project file clasp writes (.clasp.json, holding the script id) is git-ignored and never committed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_FILE = '.clasp.json';
export const DEFAULT_TITLE = 'Trust Corners';
/** The id the repository used to commit as a stand-in; a project file holding it is treated as absent. */
const PLACEHOLDER_IDS = new Set(['', 'REPLACE_WITH_YOUR_SCRIPT_ID']);

export class DeployError extends Error {}

function onPath(name, env) {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}

function claspCommand(root, env) {
  // npm run puts node_modules/.bin on PATH; `node scripts/deploy.mjs` alone may not have it there.
  if (onPath('clasp', env)) return 'clasp';
  const local = path.join(root, 'node_modules/.bin/clasp');
  if (existsSync(local)) return local;
  throw new DeployError('clasp is not installed: run `npm install` first (it is a dev dependency, @google/clasp).');
}

function runClasp(context, args, { capture }) {
  const result = spawnSync(context.clasp, args, {
    cwd: context.root,
    env: context.env,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (result.error) throw new DeployError(`clasp ${args.join(' ')} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const detail = capture ? `\n${(result.stderr || result.stdout || '').trim()}` : '';
    throw new DeployError(`clasp ${args.join(' ')} failed (exit code ${result.status}).${detail}`);
  }
  return result.stdout ?? '';
}

function parseJson(text, what) {
  // clasp may print a notice before the JSON; the JSON is the last block that parses.
  const start = text.indexOf('{');
  try {
    return JSON.parse(text.slice(start));
  } catch {
    throw new DeployError(`Could not read ${what} from clasp's output:\n${text.trim()}`);
  }
}

export function readProject(root) {
  const file = path.join(root, PROJECT_FILE);
  if (!existsSync(file)) return null;
  let project;
  try {
    project = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DeployError(`${PROJECT_FILE} is not valid JSON (${error.message}). Fix it, or delete it to create a new spreadsheet.`);
  }
  if (typeof project.scriptId !== 'string' || PLACEHOLDER_IDS.has(project.scriptId)) return { placeholder: true };
  return { placeholder: false, scriptId: project.scriptId, parentId: Array.isArray(project.parentId) ? project.parentId[0] : project.parentId, rootDir: project.rootDir };
}

/** A project file tracked by git would publish the script id with the next commit. */
function assertNotTracked(root) {
  const tracked = spawnSync('git', ['ls-files', '--error-unmatch', PROJECT_FILE], { cwd: root, encoding: 'utf8' });
  if (tracked.status === 0) {
    throw new DeployError(`${PROJECT_FILE} is tracked by git, so its script id would be committed. Run \`git rm --cached ${PROJECT_FILE}\` first.`);
  }
}

export const spreadsheetUrl = (id) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
export const scriptUrl = (id) => `https://script.google.com/d/${id}/edit`;

/**
 * Returns what it did: { created, scriptId, spreadsheetId }. `build` writes build/ (injected so the
 * tests can watch the order); `env` is the environment clasp runs in (PATH decides which clasp).
 */
export async function deploy({ root, env = process.env, build, log = console.log, title = DEFAULT_TITLE }) {
  const context = { root, env, clasp: claspCommand(root, env) };
  const who = parseJson(runClasp(context, ['--json', 'show-authorized-user'], { capture: true }), 'the login state');
  if (!who.loggedIn) {
    throw new DeployError('You are not logged in to clasp. Run `npx clasp login` (once per machine, it opens a browser), then `npm run deploy` again.');
  }
  assertNotTracked(root);

  let project = readProject(root);
  const created = project === null || project.placeholder;
  if (created) {
    if (project?.placeholder) rmSync(path.join(root, PROJECT_FILE));
    log(`Creating a new spreadsheet "${title}" with the script bound to it…`);
    // clasp pulls the new script's default files into build/; the build below replaces them.
    runClasp(context, ['--json', 'create-script', '--type', 'sheets', '--title', title, '--rootDir', 'build'], { capture: true });
    project = readProject(root);
    if (project === null || project.placeholder) throw new DeployError(`clasp create-script did not write ${PROJECT_FILE}; nothing was pushed.`);
  } else if (project.rootDir !== undefined && path.resolve(root, project.rootDir) !== path.resolve(root, 'build')) {
    throw new DeployError(`${PROJECT_FILE} has rootDir "${project.rootDir}"; it must be "build", where the build writes the add-on.`);
  }

  await build();
  runClasp(context, ['push', '--force'], { capture: false });

  log(created ? 'Deployed to a new spreadsheet.' : 'Pushed to the same script.');
  if (project.parentId) log(`Spreadsheet: ${spreadsheetUrl(project.parentId)}`);
  else log(`Spreadsheet: not recorded in ${PROJECT_FILE}; open the script and use Overview to find its container.`);
  log(`Script:      ${scriptUrl(project.scriptId)}`);
  return { created, scriptId: project.scriptId, spreadsheetId: project.parentId ?? null };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const titleAt = process.argv.indexOf('--title');
  const title = titleAt > 0 && process.argv[titleAt + 1] ? process.argv[titleAt + 1] : DEFAULT_TITLE;
  try {
    const { buildAddon } = await import('./build.mjs');
    await deploy({ root, title, build: buildAddon });
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    console.error(`npm run deploy: ${error.message}`);
    process.exitCode = 1;
  }
}
