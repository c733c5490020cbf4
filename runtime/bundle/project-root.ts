import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project folder, found by walking up to appsscript.json. Works both from the sources under
 * vitest and from a bundle written elsewhere by scripts/run-ts.mjs.
 */
export function projectRoot(start = __dirname): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'appsscript.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`cannot find the project (appsscript.json) above ${start}`);
    folder = parent;
  }
  return folder;
}
