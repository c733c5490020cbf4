// Builds the sidebar into one self-contained HTML document (build/Sidebar.html): the client
// bundled by esbuild and its CSS, both inlined, because the sidebar may load nothing from the
// network. Called by scripts/build.mjs.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Inlined code must not end its own element early: `</script` (or `</style`) inside a string would
 * close the tag, and `<!--` switches the HTML parser into a mode where it may. Escaping the slash
 * or the bang keeps the JavaScript and CSS meaning unchanged.
 */
function escapeInline(text, tag) {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

export async function buildSidebar(root) {
  const clientDir = path.join(root, 'src/sidebar/client');
  const js = await build({
    entryPoints: [path.join(clientDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const css = await transform(await readFile(path.join(clientDir, 'styles.css'), 'utf8'), {
    loader: 'css',
    minify: true,
    target: 'chrome100',
  });
  const script = escapeInline(js.outputFiles[0].text.trim(), 'script');
  const style = escapeInline(css.code.trim(), 'style').replace(/<\\!--/g, '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Trust Corners</title>',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
