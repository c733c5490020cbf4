import type { Calendar } from '../domain/calendar';
import { type ChainLink, GENESIS, UNCHAINED_MARK, chainFieldText, formatLink, nextLink, parseLink, toSecond } from './history-chain';
import { MissingTableError, type TableLayout, locateTable, sheetNameOf } from './layout';
import { type Workbook } from './workbook';
import type { TableSpec } from './schema';
import { columnByKey } from './schema';
import { type CellValue, cellForWrite, rowFor, textOf } from './table';
import { HISTORY } from './templates';
import type { WritePlan } from './write-plan';
import { countHeldBatches, readHeldEntries, storeHeldEntries } from './history-held';
import { CHAIN_HEAD_KEY } from './property-keys';

export interface Change {
  sheet: string;
  rowId: string;
  field: string;
  oldValue: CellValue | undefined;
  newValue: CellValue | undefined;
}

/** One Change History row before it is written: every field but the time is text. */
export interface HistoryEntry {
  when: Date;
  who: string;
  sheet: string;
  rowId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

/** The columns the chain covers, in the order it hashes them. */
export const HASHED_KEYS = ['when', 'who', 'sheet', 'rowId', 'field', 'oldValue', 'newValue'] as const;


const shown = (value: CellValue | undefined, calendar: Calendar): string => (value === undefined ? '' : textOf(value, calendar));


export function historyEntries(who: string, changes: readonly Change[], when: Date, calendar: Calendar): HistoryEntry[] {
  const at = toSecond(when);
  return changes.map((change) => ({
    when: at,
    who,
    sheet: change.sheet,
    rowId: change.rowId,
    field: change.field,
    oldValue: shown(change.oldValue, calendar),
    newValue: shown(change.newValue, calendar),
  }));
}

/** The Change History's layout; a sheet from before the chain (no hash column yet) still takes rows. */
function historyLayout(workbook: Workbook): TableLayout {
  try {
    const layout = workbook.layout(HISTORY);
    void layout.columnOf; // a cached layout is checked against the header row here, and may throw
    return layout;
  } catch (error) {
    if (!(error instanceof MissingTableError)) throw error;
    const withoutHash = { ...HISTORY, columns: HISTORY.columns.filter((column) => column.key !== 'hash') };
    return locateTable(workbook.spreadsheet, withoutHash);
  }
}

/** Where the chain stands for one save: read once, then carried from one planned append to the next. */
interface ChainPosition {
  layout: TableLayout;
  /** The link the next entry follows; null for a sheet without the Chain column (before Repair). */
  base: ChainLink | null;
  /** Held entries not yet planned, and the property keys to delete when they are written. */
  pending: { entries: HistoryEntry[]; keys: string[] };
}

const positions = new WeakMap<WritePlan, ChainPosition>();

/**
 * Where the chain ends: the recorded head (kept by every chained append), read with the document
 * properties the save has already read; only a workbook from before the head was kept has its
 * last row read. Held entries come from the same properties.
 */
function readChainPosition(workbook: Workbook): ChainPosition {
  const layout = historyLayout(workbook);
  const properties = workbook.documentProperties();
  const pending = readHeldEntries(properties);
  const hashColumn = layout.columnOf.get('hash');
  if (hashColumn === undefined) return { layout, base: null, pending };
  const head = parseLink(properties[CHAIN_HEAD_KEY]);
  if (head) return { layout, base: head, pending };
  const sheet = layout.sheet;
  const lastRow = sheet.getLastRow();
  const tail = lastRow >= 2 ? parseLink(sheet.getRange(lastRow, hashColumn).getValue()) : null;
  return { layout, base: tail ?? GENESIS, pending };
}

/**
 * Plans Change History rows into a save's plan, chained: held entries first (oldest first), then
 * `entries`. The caller holds the document lock from planning to commit; every read happens
 * here, the writes in `plan.commit()`. Several calls on one plan continue one chain.
 */
export function planHistoryEntries(plan: WritePlan, workbook: Workbook, entries: readonly HistoryEntry[]): void {
  const position = positions.get(plan) ?? readChainPosition(workbook);
  const all = [...position.pending.entries, ...entries];
  if (all.length === 0) {
    positions.set(plan, position);
    return;
  }
  const { layout } = position;
  const calendar = workbook.calendar;
  let link = position.base;
  const records = all.map((entry) => {
    const record: Record<string, CellValue> = { ...entry };
    if (link) {
      const stored = HASHED_KEYS.map((key) => {
        // What the cell will read back as: text without the apostrophe that keeps it literal.
        const value = cellForWrite(columnByKey(HISTORY, key), entry[key]);
        return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : chainFieldText(value, calendar);
      });
      link = nextLink(link, stored);
      record.hash = formatLink(link);
    }
    return record;
  });
  plan.appendAtEnd(layout, records);
  if (link) plan.setDocumentProperty(CHAIN_HEAD_KEY, formatLink(link));
  for (const key of position.pending.keys) plan.deleteDocumentProperty(key);
  positions.set(plan, { layout, base: link, pending: { entries: [], keys: [] } });
}

/** Whether edits wait in the document properties to be written into the Change History. */
export function hasHeldEntries(properties: Readonly<Record<string, string>>): boolean {
  return countHeldBatches(properties) > 0;
}

/** Plans one history row per change, by `who` at `when` (see planHistoryEntries). */
export function planHistory(plan: WritePlan, workbook: Workbook, who: string, changes: readonly Change[], when: Date = new Date()): void {
  planHistoryEntries(plan, workbook, historyEntries(who, changes, when, workbook.calendar));
}

/**
 * Without the lock no row of the Change History can be claimed safely (a batched append could
 * land on rows another save is writing, and the chain's end is unknown), so the entries wait in
 * document properties, written in one call under keys no other writer uses, until the next
 * append under the lock writes them first, in the chain. An edit too large to hold is kept as
 * one entry saying what was edited and where to find the values.
 */
export function holdPendingHistory(entries: readonly HistoryEntry[], workbook: Workbook, alsoSet: Readonly<Record<string, string>> = {}): void {
  try {
    storeHeldEntries(entries, alsoSet);
  } catch (error) {
    if (Object.keys(alsoSet).length > 0) PropertiesService.getDocumentProperties().setProperties({ ...alsoSet });
    // The property store is full (or refused): one row appended atomically says what was edited,
    // marked as outside the chain, so Verify history names it instead of the edit vanishing.
    const first = entries[0];
    const layout = historyLayout(workbook);
    layout.sheet.appendRow(
      rowFor(layout, {
        ...first,
        oldValue: '',
        newValue: `(${entries.length} cell${entries.length === 1 ? '' : 's'} edited while the other side was saving could not be held: ${String((error as Error).message).slice(0, 200)}; see File → Version history)`,
        hash: UNCHAINED_MARK,
      }),
    );
  }
}

/**
 * A decision as the Change History records it: where it lives (the table and the row's id: a
 * commitment's or breach's id, a cycle's name, "Partnership"), what was decided (the Field column)
 * and, for a change, what it replaced. Chained like every other row, so Verify history covers it.
 */
export interface Decision {
  table: TableSpec;
  rowId: string;
  what: string;
  old?: CellValue;
  now: CellValue;
}

/** The sheet's name as the partners see it (a renamed sheet keeps its layout); the default title if it is gone. */
function sheetNameFor(workbook: Workbook, table: TableSpec): string {
  try {
    return sheetNameOf(workbook.layout(table));
  } catch (error) {
    if (error instanceof MissingTableError) return table.title;
    throw error;
  }
}

/**
 * Plans one history row per decision, by `who` (blank for a decision that must name nobody, a
 * sealed answer), in the save's plan: the append is queued with the save's other writes.
 */
export function planDecisions(plan: WritePlan, workbook: Workbook, who: string, decisions: readonly Decision[], when: Date = new Date()): void {
  if (decisions.length === 0) return;
  planHistory(
    plan,
    workbook,
    who,
    decisions.map((decision) => ({ sheet: sheetNameFor(workbook, decision.table), rowId: decision.rowId, field: decision.what, oldValue: decision.old, newValue: decision.now })),
    when,
  );
}

/**
 * A row's fields that really change, as decisions (old and new), headed by the table's column
 * headers: how a changed choice (governance, a breach's reset step) shows what it replaced.
 */
export function changedFields(table: TableSpec, rowId: string, before: Readonly<Record<string, CellValue>>, after: Readonly<Record<string, CellValue>>, calendar: Calendar): Decision[] {
  return Object.keys(after)
    .filter((key) => textOf(before[key], calendar) !== textOf(after[key], calendar))
    .map((key) => ({ table, rowId, what: table.columns.find((column) => column.key === key)?.header ?? key, old: before[key], now: after[key] }));
}
