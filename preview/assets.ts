/**
 * The preview page as one self-contained HTML document: page/main.ts bundled by esbuild (a dev
 * dependency, never part of build/) and the stylesheet inlined, so the page makes no request
 * anywhere but this server. Built once when the server starts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../runtime/bundle/project-root';

const PAGE_DIR = path.join(projectRoot(), 'preview', 'page');

export async function buildPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
  const styles = readFileSync(path.join(PAGE_DIR, 'styles.css'), 'utf8');
  const template = readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8');
  // Function replacements: `$` patterns in the inserted code must stay literal.
  return template.replace('/*STYLES*/', () => styles).replace('/*SCRIPT*/', () => script);
}
