/**
 * snapshot()/restore(): the whole workbook state as plain JSON (for a preview server that saves to
 * a file). Dates become {"$date": "<ISO>"}. A sheet stores what is there, not its empty grid:
 * - `cells`: [row, column, content] for each cell holding a value, a formula or a note;
 * - `formats`: [row, column, rows, style] for each run of cells down a column sharing one style
 *   (number format, font, colours, alignment, validation), the style an index into the
 *   workbook's `styles`, so a template's 999 formatted, validated rows per column cost one entry.
 * Format 1 (a [row, column, cell] triple per cell, styles included) is still read.
 */
import type { CellRecord, SheetState, WorkbookState } from './model';

export const SNAPSHOT_FORMAT = 'apps-script-double/2';
/** Snapshots written before styles were shared; read, never written. */
export const SNAPSHOT_FORMAT_V1 = 'apps-script-double/1';
export const SNAPSHOT_FORMATS_READ: readonly string[] = [SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V1];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT | typeof SNAPSHOT_FORMAT_V1;
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

/** Format 1: every non-empty cell record whole. */
type EncodedSheetV1 = Omit<SheetState, 'rows'> & { cells: Array<[number, number, CellRecord]> };
/** Format 2: contents per cell, styles in runs down a column (see the top of this file). */
type EncodedSheet = Omit<SheetState, 'rows'> & { cells: Array<[number, number, CellRecord]>; formats: Array<[number, number, number, number]> };

/** What a cell holds, as opposed to how it looks. */
const CONTENT_KEYS = new Set<keyof CellRecord>(['v', 'f', 'note']);

function splitCell(cell: CellRecord): { content: CellRecord | null; style: CellRecord | null } {
  let content: CellRecord | null = null;
  let style: CellRecord | null = null;
  for (const key in cell) {
    const value = cell[key as keyof CellRecord];
    if (value === undefined) continue;
    if (CONTENT_KEYS.has(key as keyof CellRecord)) (content ??= {} as CellRecord)[key as 'v'] = value as never;
    else (style ??= {} as CellRecord)[key as 'v'] = value as never;
  }
  return { content, style };
}

/** A validation is one object shared by the cells it was set on: its text is worked out once. */
const validationKeys = new WeakMap<object, string>();

/** A style's identity as text, cheap for the usual few fields (the validation's text cached). */
function styleKey(style: CellRecord): string {
  let key = '';
  for (const name in style) {
    const value = style[name as keyof CellRecord];
    if (name === 'dv' && value && typeof value === 'object') {
      let text = validationKeys.get(value);
      if (text === undefined) validationKeys.set(value, (text = JSON.stringify(value)));
      key += `|dv=${text}`;
    } else key += `|${name}=${JSON.stringify(value)}`;
  }
  return key;
}

export function toSnapshot(state: WorkbookState, owner: string, editors: string[], userProperties: Record<string, Record<string, string>>): WorkbookSnapshot {
  const styles: CellRecord[] = [];
  const styleIndex = new Map<string, number>();
  const styleOf = (style: CellRecord): number => {
    const key = styleKey(style);
    let index = styleIndex.get(key);
    if (index === undefined) {
      index = styles.push(style) - 1;
      styleIndex.set(key, index);
    }
    return index;
  };
  const sheets: EncodedSheet[] = state.sheets.map(({ rows, ...rest }) => {
    const cells: Array<[number, number, CellRecord]> = [];
    // Per column, the open run: [first row, rows, style].
    const open = new Map<number, [number, number, number]>();
    const formats: Array<[number, number, number, number]> = [];
    const close = (column: number) => {
      const run = open.get(column);
      if (run) formats.push([run[0], column, run[1], run[2]]);
      open.delete(column);
    };
    rows.forEach((row, r) => {
      const styled = new Set<number>();
      row?.forEach((cell, c) => {
        if (!cell) return;
        const { content, style } = splitCell(cell);
        if (content) cells.push([r + 1, c + 1, content]);
        if (!style) return;
        const index = styleOf(style);
        styled.add(c + 1);
        const run = open.get(c + 1);
        if (run && run[2] === index && run[0] + run[1] === r + 1) run[1]++;
        else {
          close(c + 1);
          open.set(c + 1, [r + 1, 1, index]);
        }
      });
      for (const column of [...open.keys()]) if (!styled.has(column)) close(column);
    });
    for (const column of [...open.keys()]) close(column);
    return { ...rest, cells, formats };
  });
  return {
    format: SNAPSHOT_FORMAT,
    owner,
    editors,
    workbook: encode({ ...state, sheets, styles }),
    userProperties: structuredClone(userProperties),
  };
}

export function fromSnapshot(input: WorkbookSnapshot | string): {
  state: WorkbookState;
  owner: string;
  editors: string[];
  userProperties: Record<string, Record<string, string>>;
} {
  const snap = (typeof input === 'string' ? JSON.parse(input) : input) as WorkbookSnapshot;
  if (!snap || !SNAPSHOT_FORMATS_READ.includes(snap.format)) throw new Error(`Not an Apps Script double snapshot (format ${String(snap?.format)}).`);
  const raw = decode(structuredClone(snap.workbook)) as Omit<WorkbookState, 'sheets'> & { sheets: Array<EncodedSheet | EncodedSheetV1>; styles?: CellRecord[] };
  const styles = raw.styles ?? [];
  const sheets: SheetState[] = raw.sheets.map((sheet) => {
    const { cells, ...rest } = sheet;
    const formats = 'formats' in sheet ? sheet.formats : [];
    delete (rest as { formats?: unknown }).formats;
    const rows: SheetState['rows'] = [];
    for (const [r, column, count, index] of formats) {
      const style = styles[index];
      if (!style) throw new Error(`The snapshot names style ${index}, which it does not hold.`);
      for (let r0 = r; r0 < r + count; r0++) (rows[r0 - 1] ??= [])[column - 1] = structuredClone(style);
    }
    for (const [r, c, cell] of cells) {
      const row = (rows[r - 1] ??= []);
      row[c - 1] = { ...row[c - 1], ...cell };
    }
    return { ...(rest as Omit<SheetState, 'rows'>), rows };
  });
  // Snapshots written before user properties left the workbook kept them under properties.user.
  const { user: legacyUserProperties, ...properties } = raw.properties as WorkbookState['properties'] & { user?: Record<string, Record<string, string>> };
  const { styles: _styles, ...state } = raw;
  return {
    state: { ...state, properties, sheets },
    owner: snap.owner,
    editors: snap.editors,
    userProperties: structuredClone(snap.userProperties ?? legacyUserProperties ?? {}),
  };
}
