/**
 * Serves the built sidebar to a real browser and answers its google.script.run calls with the REAL
 * build/Code.js, running in a node:vm context on the Apps Script double. One harness is one
 * spreadsheet; every page says which user it is (?user=), and each call runs as that user.
 *
 *   const harness = await startHarness();
 *   const page = await openSidebar(browser, harness, 'ana@acme.example');
 *   harness.double.inspect.values('Shared Commitments Log');
 *   await harness.close();
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppsScriptDouble } from '../../runtime/apps-script';
import { BUILD_DIR, type LoadedBundle } from '../../runtime/bundle/bundle';
import { assertJsonSafe, scriptRunShim } from '../../runtime/bundle/script-run-shim';
import { loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';

export interface RpcRecord {
  user: string;
  name: string;
  args: unknown[];
  ok: boolean;
  message?: string;
}

export interface Harness {
  url: string;
  double: AppsScriptDouble;
  bundle: LoadedBundle;
  /** The HTML the sidebar page is made from (what showSidebar serves, else build/Sidebar.html). */
  sidebarHtml: string;
  /** Every google.script.run call the pages made, in order. */
  rpc: RpcRecord[];
  /** Top-level functions of Code.js, the names google.script.run offers. */
  functions: string[];
  has(name: string): boolean;
  /** Runs a top-level function of Code.js as `user`, as a menu item would. */
  run(user: string, name: string, ...args: unknown[]): unknown;
  /** The add-on's "now" (fixed, so a test reads the same on any day); pages opened later use it too. */
  now(): Date;
  /** Moves the add-on's clock, e.g. past a review date or into the next quarter. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

/** The day the browser tests are written for: the add-on and the pages both see it as today. */
export const TEST_NOW = new Date('2026-11-30T12:00:00Z');

export const SIDEBAR_PATH = path.join(BUILD_DIR, 'Sidebar.html');

export function readSidebarHtml(): string {
  return readFileSync(SIDEBAR_PATH, 'utf8');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export interface HarnessOptions {
  timeZone?: string;
  activeUser?: string;
  now?: Date;
  /**
   * Holds the answer to a call until the promise it returns settles (the call has run by then and
   * is in `rpc`): an answer that arrives late, as in Sheets, without a timer. Undefined: answered at once.
   */
  holdAnswer?: (name: string) => Promise<void> | undefined;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fileHtml = readSidebarHtml();
  const { double, bundle, functions, setNow } = loadBundleOnDouble(() => ({
    timeZone: options.timeZone ?? 'Europe/Berlin',
    activeUserEmail: options.activeUser ?? 'ana@acme.example',
    htmlFiles: { Sidebar: fileHtml },
  }));
  const rpc: RpcRecord[] = [];
  let now = options.now ?? TEST_NOW;
  setNow(now);

  const run = (user: string, name: string, ...args: unknown[]): unknown => {
    double.setActiveUser(user);
    try {
      return bundle.call(name, ...args);
    } finally {
      double.lock.endExecution(); // as when an Apps Script execution ends
    }
  };

  // Serve what the add-on's showSidebar() actually serves, once it serves the built file.
  let sidebarHtml = fileHtml;
  if (functions.includes('showSidebar')) {
    run(options.activeUser ?? 'ana@acme.example', 'showSidebar');
    const shown = double.inspect.sidebars().pop();
    if (shown?.html && shown.html.includes('<script>')) sidebarHtml = shown.html;
  }
  const page = sidebarHtml.replace(/<head>/i, `<head>\n<script>${scriptRunShim({ functionNames: functions, endpoint: '/rpc', user: null, notifyParent: false })}</script>`);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname === '/sidebar') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page);
        return;
      }
      // The latest dialog a menu item showed (HtmlService), with the same google.script.run bridge.
      if (req.method === 'GET' && url.pathname === '/dialog') {
        const dialog = double.inspect.dialogs().pop();
        res.writeHead(dialog ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(dialog ? dialog.html.replace(/<head>/i, `<head>\n<script>${scriptRunShim({ functionNames: functions, endpoint: '/rpc', user: null, notifyParent: false })}</script>`) : 'no dialog shown');
        return;
      }
      if (req.method === 'POST' && url.pathname === '/rpc') {
        const { user, name, args } = JSON.parse(await readBody(req)) as { user: string; name: string; args: unknown[] };
        let reply: { ok: true; value: unknown } | { ok: false; message: string };
        if (!functions.includes(name)) {
          reply = { ok: false, message: `Script function not found: ${name}` };
        } else {
          try {
            const value = run(user, name, ...(bundle.realm(args) as unknown[]));
            assertJsonSafe(value, `${name}()`);
            reply = { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
          } catch (error) {
            reply = { ok: false, message: error instanceof Error || (error && typeof error === 'object' && 'message' in error) ? String((error as Error).message) : String(error) };
          }
        }
        rpc.push({ user, name, args, ok: reply.ok, ...(reply.ok ? {} : { message: reply.message }) });
        await options.holdAnswer?.(name);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    double,
    bundle,
    sidebarHtml,
    rpc,
    functions,
    has: (name) => functions.includes(name),
    run,
    now: () => now,
    setNow: (instant) => {
      now = instant;
      setNow(instant);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
