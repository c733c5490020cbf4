import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_GUIDE, helpHtml } from '../../src/diagnostics/help';
import { projectRoot } from '../../runtime/bundle/project-root';

const build = readFileSync(path.join(projectRoot(), 'scripts/build.mjs'), 'utf8');

describe('Help', () => {
  it('links to the user guide when the build knows where the repository is published', () => {
    const html = helpHtml('https://example.org/trust-corners/blob/HEAD/docs/user-guide.md');
    expect(html).toContain('<a id="guide" href="https://example.org/trust-corners/blob/HEAD/docs/user-guide.md" target="_blank" rel="noopener noreferrer">');
  });

  it('names the guide instead when it does not, and never builds a link from unescaped text', () => {
    expect(helpHtml(null)).not.toContain('<a ');
    expect(helpHtml(null)).toContain(USER_GUIDE);
    expect(helpHtml('https://x.example/"><script>')).not.toContain('"><script>');
  });

  it('the guide it names exists, and the build links to that file', () => {
    expect(existsSync(path.join(projectRoot(), USER_GUIDE))).toBe(true);
    expect(build).toContain(`/${USER_GUIDE}`);
  });

  it('carries the guide\'s first quarter in a line: the tabs it names are the sidebar\'s', () => {
    const client = readFileSync(path.join(projectRoot(), 'build/Sidebar.html'), 'utf8');
    const tabs = [...helpHtml(null).matchAll(/under <b>(\w+)<\/b>|weekly <b>(\w+)<\/b>/g)].map((m) => m[1] ?? m[2]!);
    expect(tabs).toEqual(['Assess', 'Results', 'Sync']);
    // The built sidebar's navigation (minified: `label:"Assess"`).
    for (const tab of tabs) expect(client).toMatch(new RegExp(`label:\\s*"${tab}"`));
  });
});
