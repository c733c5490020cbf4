import type { HistoryEntry } from './history';
import { toSecond } from './history-chain';
import { PENDING_PREFIX } from './property-keys';

/**
 * Change History entries held in document properties while no row of the sheet can be claimed
 * (the lock refused, or the sheet deleted): each batch under keys of its own, so writers without
 * the lock never touch each other's, until the next append under the lock writes them first.
 */

/** A property value holds about 9 KB; 2,500 UTF-16 units are at most 7.5 KB of UTF-8. */
const PENDING_PIECE_CHARS = 2_500;
/** The document's property store holds 500 KB in all (sealed answers live there too). */
const PENDING_LIMIT_CHARS = 100_000;

/** How many edits' entries are held now (one batch per edit). */
export function countHeldBatches(properties: Readonly<Record<string, string>>): number {
  return Object.keys(properties).filter((key) => key.startsWith(PENDING_PREFIX) && key.slice(PENDING_PREFIX.length).split('.')[1] === '0').length;
}

/** Pending entries from document properties, oldest batch first, with the keys to delete once written. */
export function readHeldEntries(all: Readonly<Record<string, string>>): { entries: HistoryEntry[]; keys: string[] } {
  const keys = Object.keys(all).filter((key) => key.startsWith(PENDING_PREFIX));
  if (keys.length === 0) return { entries: [], keys: [] };
  const batches = new Map<string, string[]>();
  for (const key of keys) {
    // key: prefix + batch + '.' + index + '.' + count
    const [batch, index, count] = key.slice(PENDING_PREFIX.length).split('.');
    const pieces = batches.get(batch) ?? new Array<string>(Number(count)).fill('');
    pieces[Number(index)] = all[key] ?? '';
    batches.set(batch, pieces);
  }
  const entries: HistoryEntry[] = [];
  for (const batch of [...batches.keys()].sort()) {
    try {
      const rows = JSON.parse((batches.get(batch) as string[]).join('')) as Array<[number, string, string, string, string, string, string]>;
      for (const [when, who, sheet, rowId, field, oldValue, newValue] of rows) {
        entries.push({ when: new Date(when), who, sheet, rowId, field, oldValue, newValue });
      }
    } catch {
      entries.push({
        when: toSecond(new Date()),
        who: 'Trust Corners',
        sheet: '',
        rowId: '',
        field: '',
        oldValue: '',
        newValue: '(edits held while the other side was saving could not be read back: see File → Version history)',
      });
    }
  }
  return { entries, keys };
}

let heldBatches = 0;

/**
 * Stores `entries` in one call, with `alsoSet` (e.g. the change counter) in the same call; an edit
 * too large to hold becomes one entry saying what was edited. Throws when the store refuses.
 */
export function storeHeldEntries(entries: readonly HistoryEntry[], alsoSet: Readonly<Record<string, string>> = {}): void {
  if (entries.length === 0) {
    if (Object.keys(alsoSet).length > 0) PropertiesService.getDocumentProperties().setProperties({ ...alsoSet });
    return;
  }
  let rows = entries.map((entry) => [entry.when.getTime(), entry.who, entry.sheet, entry.rowId, entry.field, entry.oldValue, entry.newValue]);
  let json = JSON.stringify(rows);
  if (json.length > PENDING_LIMIT_CHARS) {
    const first = entries[0];
    const fields = [...new Set(entries.map((entry) => entry.field))].join(', ');
    const rowIds = [...new Set(entries.map((entry) => entry.rowId))];
    const summary = `(${entries.length} cells were edited while the other side was saving, too many to hold: see File → Version history)`;
    rows = [[first.when.getTime(), first.who, first.sheet, `${rowIds[0]} … ${rowIds[rowIds.length - 1]}`, fields.slice(0, 1_000), '', summary]];
    json = JSON.stringify(rows);
  }
  // Time first so batches are written oldest first; the counter orders batches held within one
  // millisecond by one runtime (the preview serves every request from one), the random part keeps
  // two executions' keys apart.
  heldBatches++;
  const batch = [
    Date.now().toString(36).padStart(9, '0'),
    heldBatches.toString(36).padStart(4, '0'),
    Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0'),
  ].join('');
  const parts: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(start + PENDING_PIECE_CHARS, json.length);
    // Never split a surrogate pair: a lone half would not survive the property store's UTF-8.
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(json.slice(start, end));
    start = end;
  }
  const pieces: Record<string, string> = {};
  parts.forEach((part, index) => {
    pieces[`${PENDING_PREFIX}${batch}.${index}.${parts.length}`] = part;
  });
  PropertiesService.getDocumentProperties().setProperties({ ...pieces, ...alsoSet });
}
