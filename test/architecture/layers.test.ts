/**
 * The layers the build enforces (docs/architecture.md): imports point one way, no module imports
 * itself in a circle, and only the workbook layer keeps state in properties. The per-layer
 * type-checks (tsconfig.domain/server/client.json, npm run typecheck) keep the globals apart; this
 * keeps the imports apart. Read from the sources as text (scripts/imports.mjs).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the project's scripts, typed by use here
import { importsOf, reachable, sourceFiles, valueCycles } from '../../scripts/imports.mjs';

const root = path.resolve(__dirname, '../..');
const files: string[] = sourceFiles(root, 'src');
/** The sidebar's browser side: what its entry reaches inside src/sidebar (the domain it shares stays domain). */
const clientFiles = new Set([...(reachable(root, ['src/sidebar/client/main.ts']) as Set<string>)].filter((file) => file.startsWith('src/sidebar/')));

type Layer = 'domain' | 'functions' | 'workbook' | 'sidebar' | 'client' | 'diagnostics' | 'shared' | 'entry';

function layerOf(file: string): Layer {
  if (clientFiles.has(file)) return 'client';
  // The one colour palette: plain constants the charts, the sidebar and the preview all draw with.
  if (file === 'src/palette.ts') return 'shared';
  const [, top] = file.split('/');
  if (top === 'domain' || top === 'functions' || top === 'workbook' || top === 'sidebar' || top === 'diagnostics') return top;
  return 'entry';
}

/** Which layers each layer may import values from; type-only imports of the sidebar's API types are free. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  functions: ['domain', 'functions'],
  workbook: ['domain', 'workbook', 'shared'],
  sidebar: ['domain', 'workbook', 'sidebar', 'shared'],
  client: ['domain', 'client', 'shared'],
  diagnostics: ['domain', 'workbook', 'diagnostics'],
  shared: [],
  entry: ['domain', 'functions', 'workbook', 'sidebar', 'diagnostics', 'shared', 'entry'],
};

/** A shared API type file: the contract client and server both import (types only). */
const isApiTypes = (file: string) => /^src\/sidebar\/(?:[\w-]+\/)?api\.ts$|^src\/sidebar\/rituals?\.ts$/.test(file);

function violations(): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const edge of importsOf(root, file) as Array<{ target: string; typeOnly: boolean }>) {
      if (!edge.target.startsWith('src/')) {
        out.push(`${file} imports ${edge.target}, outside src/`);
        continue;
      }
      const to = layerOf(edge.target);
      if (edge.typeOnly && isApiTypes(edge.target)) continue;
      if (edge.typeOnly && from !== 'domain' && from !== 'client') continue;
      if (!ALLOWED[from].includes(to)) out.push(`${file} (${from}) imports ${edge.target} (${to})`);
    }
  }
  return out;
}

/** Apps Script services, and who may call them. */
const SERVICE = /\b(SpreadsheetApp|PropertiesService|LockService|Session|HtmlService|ScriptApp|CacheService|UrlFetchApp|Utilities)\s*\./;
const MAY_CALL_SERVICES: readonly Layer[] = ['workbook', 'sidebar', 'diagnostics', 'entry'];
/**
 * Custom functions may read the spreadsheet (get* methods), and its time zone decides which day a
 * date cell is: the one service call of the functions layer, in one module.
 */
const FUNCTIONS_SERVICE_CALL = 'src/functions/sheet-calendar.ts';

describe('layers', () => {
  it('finds the files it judges (the client reached from its entry)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(clientFiles.has('src/sidebar/client/main.ts')).toBe(true);
    expect(clientFiles.has('src/sidebar/home/view.ts')).toBe(true);
    expect(clientFiles.has('src/sidebar/home/server.ts')).toBe(false);
  });

  it('imports point one way: domain ← functions, workbook ← sidebar, diagnostics ← entry points; the client imports only the DOM side and API types', () => {
    expect(violations()).toEqual([]);
  });

  it('has no circle of value imports', () => {
    expect(valueCycles(root, files).map((cycle: string[]) => cycle.join(' → '))).toEqual([]);
  });

  it('calls Apps Script services only from the workbook layer, the sidebar server, diagnostics and the entry points', () => {
    const calls = files.filter((file) => file !== FUNCTIONS_SERVICE_CALL && !MAY_CALL_SERVICES.includes(layerOf(file)) && SERVICE.test(readFileSync(path.join(root, file), 'utf8')));
    expect(calls).toEqual([]);
  });

  it('keeps state in properties from the workbook layer only, every key named in one module', () => {
    const touching = files.filter((file) => !file.startsWith('src/workbook/') && /\bPropertiesService\b/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(touching).toEqual([]);
    const naming = files.filter((file) => file !== 'src/workbook/property-keys.ts' && /['"`]trustCorners\./.test(readFileSync(path.join(root, file), 'utf8')));
    expect(naming).toEqual([]);
  });

  it('would catch a wrong-way import (the checks can fail)', () => {
    expect(ALLOWED.domain.includes(layerOf('src/workbook/table.ts'))).toBe(false);
    expect(ALLOWED.client.includes(layerOf('src/sidebar/home/server.ts'))).toBe(false);
    expect(valueCycles(root, ['src/sidebar/client/main.ts']).length).toBe(0);
  });
});
