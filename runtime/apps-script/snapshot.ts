/**
 * snapshot()/restore(): the whole workbook state as plain JSON (for a preview server that saves to
 * a file). Dates become {"$date": "<ISO>"}; the sparse cell grid becomes a list of
 * [row, column, cell] triples so empty cells cost nothing.
 */
import type { CellRecord, SheetState, WorkbookState } from './model';

export const SNAPSHOT_FORMAT = 'apps-script-double/1';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  owner: string;
  editors: string[];
  workbook: Json;
  /** The users' own property stores (they are the users', not the workbook's; kept for the preview). */
  userProperties?: Record<string, Record<string, string>>;
}

function encode(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const t = (value as Date).getTime();
    return { $date: Number.isNaN(t) ? null : new Date(t).toISOString() };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  return value as Json;
}

function decode(value: Json): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$date') {
    const iso = value.$date;
    return new Date(typeof iso === 'string' ? iso : NaN);
  }
  if (keys.length === 1 && keys[0] === '$number') return Number(value.$number);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decode(v);
  return out;
}

type EncodedSheet = Omit<SheetState, 'rows'> & { cells: Array<[number, number, CellRecord]> };

export function toSnapshot(state: WorkbookState, owner: string, editors: string[], userProperties: Record<string, Record<string, string>>): WorkbookSnapshot {
  const sheets: EncodedSheet[] = state.sheets.map(({ rows, ...rest }) => {
    const cells: Array<[number, number, CellRecord]> = [];
    rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && Object.keys(cell).length > 0) cells.push([r + 1, c + 1, cell]);
      }),
    );
    return { ...rest, cells };
  });
  return { format: SNAPSHOT_FORMAT, owner, editors, workbook: encode({ ...state, sheets }), userProperties: structuredClone(userProperties) };
}

export function fromSnapshot(input: WorkbookSnapshot | string): {
  state: WorkbookState;
  owner: string;
  editors: string[];
  userProperties: Record<string, Record<string, string>>;
} {
  const snap = (typeof input === 'string' ? JSON.parse(input) : input) as WorkbookSnapshot;
  if (!snap || snap.format !== SNAPSHOT_FORMAT) throw new Error(`Not an Apps Script double snapshot (format ${String(snap?.format)}).`);
  const raw = decode(structuredClone(snap.workbook)) as Omit<WorkbookState, 'sheets'> & { sheets: EncodedSheet[] };
  const sheets: SheetState[] = raw.sheets.map(({ cells, ...rest }) => {
    const rows: SheetState['rows'] = [];
    for (const [r, c, cell] of cells) (rows[r - 1] ??= [])[c - 1] = cell;
    return { ...rest, rows };
  });
  // Snapshots written before user properties left the workbook kept them under properties.user.
  const { user: legacyUserProperties, ...properties } = raw.properties as WorkbookState['properties'] & { user?: Record<string, Record<string, string>> };
  return {
    state: { ...raw, properties, sheets },
    owner: snap.owner,
    editors: snap.editors,
    userProperties: structuredClone(snap.userProperties ?? legacyUserProperties ?? {}),
  };
}
