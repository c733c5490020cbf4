import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithReference } from '../scripts/function-reference';
import { projectRoot } from '../runtime/bundle/project-root';

const root = projectRoot();
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the install-and-start command and the test command', () => {
    const firstBlock = readme.split('```')[1];
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('has the function reference the registry generates (run `npm run docs` after changing a function)', () => {
    expect(readme).toBe(readmeWithReference(readme));
  });

  it('is what CI runs: the install command, then the test command', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const commands = ci.split('\n').filter((line) => line.startsWith('npm '));
    expect(commands).toEqual(['npm install', 'npm test']);
  });
});
