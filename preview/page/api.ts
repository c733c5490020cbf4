/** The page's calls to the preview server, typed by the shared protocol. Every call says who is asking. */
import type { ActionReply, EditRequest, PreviewState, SheetView } from '../protocol';

export const user = new URLSearchParams(location.search).get('user') || 'ana@acme.example';
const q = (path: string, extra = '') => `${path}?user=${encodeURIComponent(user)}${extra}`;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) {
    throw new Error(`${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

const post = <T>(path: string, body: unknown): Promise<T> =>
  fetch(q(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => json<T>(r));

export const api = {
  state: () => fetch(q('/api/state'), { cache: 'no-store' }).then((r) => json<PreviewState>(r)),
  sheet: (name: string) => fetch(q('/api/sheet', `&name=${encodeURIComponent(name)}`), { cache: 'no-store' }).then((r) => json<SheetView>(r)),
  edit: (request: EditRequest) => post<ActionReply>('/api/edit', request),
  menu: (name: string) => post<ActionReply>('/api/menu', { name }),
  sidebarUrl: () => q('/sidebar', `&t=${Date.now()}`),
};
