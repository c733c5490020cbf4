import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_SECTION, helpHtml } from '../../src/diagnostics/help';
import { projectRoot } from '../../runtime/bundle/project-root';

const readme = readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const build = readFileSync(path.join(projectRoot(), 'scripts/build.mjs'), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');

describe('Help', () => {
  it('links to the README section when the build knows where the README is published', () => {
    const html = helpHtml('https://example.org/trust-corners#using-it-with-your-partner');
    expect(html).toContain('<a id="guide" href="https://example.org/trust-corners#using-it-with-your-partner" target="_blank" rel="noopener noreferrer">');
  });

  it('names the section instead when it does not, and never builds a link from unescaped text', () => {
    expect(helpHtml(null)).not.toContain('<a ');
    expect(helpHtml(null)).toContain(HELP_SECTION);
    expect(helpHtml('https://x.example/"><script>')).not.toContain('"><script>');
  });

  it('the section exists in the README under the anchor the build links to', () => {
    expect(readme).toContain(`\n## ${HELP_SECTION}\n`);
    expect(build).toContain(`#${anchorOf(HELP_SECTION)}`);
  });
});
