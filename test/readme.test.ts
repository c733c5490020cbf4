import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTION_REFERENCE_DOC, docWithReference } from '../scripts/function-reference';
import { projectRoot } from '../runtime/bundle/project-root';

const root = projectRoot();
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the install-and-start command and the test command', () => {
    const firstBlock = readme.split('```')[1];
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('is what CI runs: the install command, then the test command', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const commands = ci.split('\n').filter((line) => line.startsWith('npm '));
    expect(commands).toEqual(['npm install', 'npm test']);
  });
});

describe(FUNCTION_REFERENCE_DOC, () => {
  const doc = readFileSync(path.join(root, FUNCTION_REFERENCE_DOC), 'utf8');

  it('has the function reference the registry generates (run `npm run docs` after changing a function)', () => {
    expect(doc).toBe(docWithReference(doc));
  });

  it('would fail on a stale reference', () => {
    // The check above can fail: an example edited by hand is not what the registry generates.
    const stale = doc.replace('→ `Transparency`', '→ `Alignment`');
    expect(stale).not.toBe(doc);
    expect(docWithReference(stale)).not.toBe(stale);
  });
});
