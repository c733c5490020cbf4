/**
 * startPreviewServer: the local preview of the add-on (what `npm start` runs), usable from tests
 * without spawning a process. One WorkbookHost (double + Code.js) serves every window; requests
 * that run the add-on go through one queue, one at a time, as one Apps Script execution each.
 *
 *   GET  /                 the page (?user=ana@acme.example)
 *   GET  /api/state        revision, sheet names, add-on menu, engine problems (polled)
 *   GET  /api/sheet?name=  the grid of one sheet (SheetView)
 *   POST /api/edit         {sheet,row,col,text}: a user typing into a cell (setValue + onEdit)
 *   POST /api/menu         {name}: a menu item, i.e. a top-level function of Code.js
 *   POST /api/run          {name,args}: google.script.run from the sidebar
 *   GET  /sidebar          the sidebar HTML showSidebar served, with the google.script.run bridge
 * Every request names its user with ?user=; it binds to 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPage } from './assets';
import { UserFacingError, WorkbookHost, type Feedback } from './host';
import type { ActionReply, EditRequest, PreviewState, RunReply, RunRequest } from './protocol';
import { SerialQueue } from './queue';
import type { Prices } from '../runtime/apps-script';
import { assertJsonSafe, scriptRunShim } from '../runtime/bundle/script-run-shim';
import { ViewBuilder } from './view';

export { PreviewDataError } from './store';

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  dataFile: string;
  empty?: boolean;
  host?: string;
  log?: (message: string) => void;
  /** Answer each request only after the wait the round-trip model prices its execution at (--latency=sheets). */
  latency?: Prices | null;
  /** Start the add-on's clock on this instant (--today): to live a later quarter. */
  today?: Date | null;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The shared workbook, for tests to inspect. */
  workbook: WorkbookHost;
  close(): Promise<void>;
}

const DEFAULT_USER = 'ana@acme.example';
const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson<T>(req: http.IncomingMessage): Promise<T> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new HttpError(413, 'request too large'));
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body) as T);
      } catch {
        reject(new HttpError(400, 'body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** What Apps Script shows for an exception: its message (Apps Script prefixes none for Error). */
const messageOf = (error: unknown): string =>
  error && typeof error === 'object' && 'message' in error ? String((error as Error).message) : String(error);

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const page = await buildPage();
  // Throws PreviewDataError (before anything listens) when the saved file cannot be used.
  const workbook = WorkbookHost.open({ dataFile: options.dataFile, empty: options.empty ?? false, log, latency: options.latency ?? null, today: options.today ?? null });
  // Inside the queue, like an execution that holds the server: the next request waits too.
  const afterPricedWait = async <T>(answer: T): Promise<T> => {
    const ms = workbook.takeWaitMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return answer;
  };
  const views = new ViewBuilder(workbook);
  const queue = new SerialQueue();

  const reply = (feedback: Feedback, extra: Partial<ActionReply> = {}): ActionReply => ({
    ok: true,
    revision: workbook.revision,
    sidebar: feedback.sidebar,
    toasts: feedback.toasts,
    alerts: feedback.alerts,
    dialogs: feedback.dialogs,
    ...extra,
  });
  const failure = (error: unknown): ActionReply => ({ ok: false, message: messageOf(error), revision: workbook.revision });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const user = url.searchParams.get('user') ?? DEFAULT_USER;
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        return send(res, 200, 'text/html; charset=utf-8', page);
      case 'GET /api/state': {
        const state = await queue.run(
          (): PreviewState => ({
            revision: workbook.revision,
            sheets: workbook.double.inspect.sheetNames(),
            menu: (workbook.double.inspect.menus()[0] as PreviewState['menu']) ?? null,
            problem: views.problem(),
          }),
        );
        return sendJson(res, state);
      }
      case 'GET /api/sheet': {
        const name = url.searchParams.get('name') ?? '';
        const view = await queue.run(() => {
          if (!workbook.double.inspect.sheetNames().includes(name)) throw new HttpError(404, `no sheet named "${name}"`);
          return views.sheet(name);
        });
        return sendJson(res, view);
      }
      case 'POST /api/edit': {
        const edit = await readJson<EditRequest>(req);
        if (typeof edit.sheet !== 'string' || !Number.isInteger(edit.row) || !Number.isInteger(edit.col) || typeof edit.text !== 'string' || edit.row < 1 || edit.col < 1) {
          throw new HttpError(400, 'expected {sheet, row, col, text}');
        }
        const answer = await queue.run(() => {
          try {
            const { feedback, triggerError } = workbook.edit(user, edit);
            return afterPricedWait(reply(feedback, triggerError ? { message: triggerError } : {}));
          } catch (error) {
            return afterPricedWait(failure(error));
          }
        });
        return sendJson(res, answer);
      }
      case 'POST /api/menu': {
        const { name } = await readJson<{ name: string }>(req);
        const answer = await queue.run(() => {
          try {
            return afterPricedWait(reply(workbook.call(user, String(name), []).feedback));
          } catch (error) {
            return afterPricedWait(failure(error));
          }
        });
        return sendJson(res, answer);
      }
      case 'POST /api/run': {
        const { name, args } = await readJson<RunRequest>(req);
        const answer = await queue.run((): Promise<RunReply> => {
          try {
            const { value } = workbook.call(user, String(name), Array.isArray(args) ? args : []);
            assertJsonSafe(value, `${name}()`);
            return afterPricedWait({ ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
          } catch (error) {
            return afterPricedWait({ ok: false, message: error instanceof UserFacingError ? error.message : messageOf(error) });
          }
        });
        return sendJson(res, answer);
      }
      case 'GET /sidebar': {
        const html = await queue.run(() => workbook.sidebarHtml());
        const shim = `<script>${scriptRunShim({ functionNames: workbook.functions, endpoint: '/api/run', user, notifyParent: true }).replace(/<\/script/gi, '<\\/script')}</script>`;
        return send(res, 200, 'text/html; charset=utf-8', html.replace(/<head>/i, () => `<head>\n${shim}`));
      }
      case 'GET /favicon.ico':
        res.writeHead(204);
        res.end();
        return;
      default:
        throw new HttpError(404, 'not found');
    }
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) log(`preview: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, { ok: false, message: messageOf(error), revision: workbook.revision }, status);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    workbook,
    async close() {
      // Let the request in progress finish (and save) before the workbook is let go.
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await queue.idle();
      await workbook.saved();
    },
  };
}
