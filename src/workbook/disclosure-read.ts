/**
 * Reading the Disclosure Ledger (issue 21): the advice needs every entry's side, stage and decision,
 * and a new entry's Reciprocates link every entry's ID and link, so the first rows are settled
 * (settled.ts) and kept as what they add up to:
 * - per side, the stages at which it first shared above all it had shared before (the first entry
 *   at or above each stage, and the highest stage: all the advice asks of the ledger);
 * - the highest D-n ID (a new entry's ID comes after it);
 * - the shared entries the other side has not answered yet among them, and the IDs typed ahead
 *   (answering an ID no settled entry has yet): what a new entry may answer, one for one
 *   (domain/disclosure-ledger.ts).
 * The link a new entry gets is then the one a whole read gives: the settled open entries come
 * first, in row order, then the rows after them, every answer among those rows counted. Only the
 * two sides of the settled entries are followed, so an entry of a third side ends the settled rows,
 * and a caller of neither side (a company renamed since) reads the ledger whole.
 */
import { DISCLOSURE_STAGES, type Disclosure, parseStage } from '../domain/disclosure';
import { NOT_SHARED } from '../domain/disclosure-advisor';
import { type LedgerEntry, entryToReciprocate } from '../domain/disclosure-ledger';
import { sideKey } from '../domain/scores';
import { LEDGER_COLUMNS, ledgerEntries, reciprocatesCell } from './disclosure-ledger';
import { highestIdNumber, nextIds } from './input';
import { type SettledSpec, isCount, readUnsettled } from './settled';
import { type CellValue, type TableRow, readRows, textOf } from './table';
import { DISCLOSURES } from './templates';
import type { Workbook } from './workbook';

/** What the settled ledger entries add up to. */
export interface SettledLedger {
  rows: number;
  /** The highest D-n ID among them, as new IDs count it (input.ts). */
  highestId: number;
  /** The highest n of any ID read as `d-n` (trimmed, any case), as the links compare IDs: an entry after them is told apart from them only by a higher n. */
  highestIdKey: number;
  /** The sides (sideKey) of the entries with a stage among them: at most two. */
  sides: string[];
  /** Per side (as `sides`): the stage indexes at which it first shared above all it had shared before. */
  stages: number[][];
  /** Shared entries not answered by the other side among them, in row order: [ID, side index, stage index]. */
  open: Array<[string, number, number]>;
  /** Per side (as `sides`): the IDs (idKey) it answers that are above `highestIdKey`, typed ahead by hand. */
  ahead: string[][];
}

/** How many unanswered entries and IDs typed ahead the summary keeps: past that the rows stay unsettled (a property holds 9 KB). */
const OPEN_AT_MOST = 40;
const AHEAD_AT_MOST = 10;

const idKey = (id: string): string => id.trim().toLowerCase();

/** n of an ID `d-n` as the links compare IDs, else null. */
function idKeyNumber(key: string): number | null {
  const match = /^d-(\d+)$/.exec(key);
  return match ? Number(match[1]) : null;
}

const isShared = (values: Readonly<Record<string, CellValue>>): boolean => !NOT_SHARED.has(textOf(values.decision));

function isSettled(values: Readonly<Record<string, CellValue>>, _context: unknown, summary: Readonly<SettledLedger>): boolean {
  if (!parseStage(textOf(values.stage))) return true;
  const side = sideKey(textOf(values.side));
  // A blank side shares with nobody: it answers and is answered by nothing a caller asks about.
  if (side === '') return true;
  if (!summary.sides.includes(side) && summary.sides.length >= 2) return false;
  const answer = idKey(textOf(values.reciprocates));
  const answerNumber = idKeyNumber(answer);
  const index = summary.sides.indexOf(side);
  if (answerNumber !== null && answerNumber > summary.highestIdKey && index >= 0 && summary.ahead[index].length >= AHEAD_AT_MOST) return false;
  if (isShared(values) && textOf(values.id) !== '') {
    // An entry another may answer must be told apart from every settled ID (a copy of one is not).
    const number = idKeyNumber(idKey(textOf(values.id)));
    if (number === null || number <= summary.highestIdKey) return false;
    if (summary.open.length >= OPEN_AT_MOST) return false;
  }
  return true;
}

function add(summary: SettledLedger, row: TableRow): SettledLedger {
  summary.rows += 1;
  summary.highestId = Math.max(summary.highestId, highestIdNumber([row], 'D'));
  const id = textOf(row.values.id);
  const ownNumber = idKeyNumber(idKey(id));
  const stage = parseStage(textOf(row.values.stage));
  const side = sideKey(textOf(row.values.side));
  if (stage && side !== '') {
    let index = summary.sides.indexOf(side);
    if (index < 0) {
      index = summary.sides.push(side) - 1;
      summary.stages.push([]);
      summary.ahead.push([]);
    }
    const stageIndex = DISCLOSURE_STAGES.indexOf(stage);
    if (isShared(row.values)) {
      const firsts = summary.stages[index];
      if (firsts.length === 0 || stageIndex > firsts[firsts.length - 1]) firsts.push(stageIndex);
      if (id !== '') {
        const answered = summary.ahead.some((ids, other) => other !== index && ids.includes(idKey(id)));
        if (!answered) summary.open.push([id, index, stageIndex]);
      }
    }
    if (ownNumber !== null) summary.highestIdKey = Math.max(summary.highestIdKey, ownNumber);
    const answer = idKey(textOf(row.values.reciprocates));
    if (answer !== '') {
      summary.open = summary.open.filter(([openId, openSide]) => openSide === index || idKey(openId) !== answer);
      const number = idKeyNumber(answer);
      if (number !== null && number > summary.highestIdKey && !summary.ahead[index].includes(answer)) summary.ahead[index].push(answer);
    }
  } else if (ownNumber !== null) {
    summary.highestIdKey = Math.max(summary.highestIdKey, ownNumber);
  }
  // An ID at or below the highest can only answer a copy of a settled ID, which a read checks for.
  summary.ahead = summary.ahead.map((ids) => ids.filter((answer) => (idKeyNumber(answer) ?? 0) > summary.highestIdKey));
  return summary;
}

const isStageIndex = (value: unknown): boolean => isCount(value) && value < DISCLOSURE_STAGES.length;

function parseSummary(stored: unknown): SettledLedger | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const summary = stored as Partial<SettledLedger>;
  if (![summary.rows, summary.highestId, summary.highestIdKey].every(isCount)) return null;
  const { sides, stages, open, ahead } = summary;
  if (!Array.isArray(sides) || sides.length > 2 || !sides.every((side) => typeof side === 'string' && side !== '')) return null;
  if (!Array.isArray(stages) || stages.length !== sides.length || !stages.every((list) => Array.isArray(list) && list.every(isStageIndex))) return null;
  if (!Array.isArray(ahead) || ahead.length !== sides.length || !ahead.every((list) => Array.isArray(list) && list.every((id) => typeof id === 'string'))) return null;
  const isOpen = (entry: unknown) =>
    Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string' && isCount(entry[1]) && entry[1] < sides.length && isStageIndex(entry[2]);
  if (!Array.isArray(open) || !open.every(isOpen)) return null;
  return summary as SettledLedger;
}

export const SETTLED_DISCLOSURES: SettledSpec<SettledLedger> = {
  table: DISCLOSURES,
  keys: LEDGER_COLUMNS,
  isSettled,
  empty: () => ({ rows: 0, highestId: 0, highestIdKey: 0, sides: [], stages: [], open: [], ahead: [] }),
  add,
  parse: parseSummary,
};

/** The ledger as the advisor reads it: the rows after the settled ones (LEDGER_COLUMNS), and what those add up to. */
export interface LedgerRead {
  rows: TableRow[];
  settled: SettledLedger;
  /** Whether `rows` are the whole ledger (no settled rows used). */
  whole: boolean;
}

/** Whether the settled entries can give `side`'s links: they follow only their own two sides. */
const followsSide = (settled: SettledLedger, side: string): boolean => settled.sides.length < 2 || settled.sides.includes(sideKey(side));

/**
 * The ledger after its settled rows, in one round trip; `caller`: the side about to record an entry,
 * for whom the settled entries must be able to give its link (else the same read takes them too,
 * and they are counted as read).
 */
export function readLedger(workbook: Workbook, caller?: string): LedgerRead {
  const read = readUnsettled(workbook, SETTLED_DISCLOSURES, [], {
    settledFrom: (summary) => (caller === undefined || followsSide(summary, caller) ? null : 2),
  });
  if (read.settledRows.length > 0 || read.through === 1) return { rows: [...read.settledRows, ...read.rows], settled: SETTLED_DISCLOSURES.empty(), whole: true };
  return { rows: read.rows, settled: read.summary, whole: false };
}

/** The entries that shared something, as the advice counts them: the settled ones by their first entries at each new highest stage, then the rows read. */
export function sharedDisclosures(ledger: LedgerRead): Disclosure[] {
  const out: Disclosure[] = [];
  ledger.settled.sides.forEach((side, index) => {
    for (const stage of ledger.settled.stages[index]) out.push({ side, stage: DISCLOSURE_STAGES[stage] });
  });
  for (const row of ledger.rows) {
    const stage = parseStage(textOf(row.values.stage));
    if (stage && isShared(row.values)) out.push({ side: textOf(row.values.side), stage });
  }
  return out;
}

/** The ID the next entry gets. */
export const nextLedgerId = (ledger: LedgerRead): string => nextIds(ledger.rows, 'D', 1, ledger.settled.highestId)[0];

/**
 * The Reciprocates cell of an entry about to be appended by `entry.side` (readLedger with that
 * caller): as reciprocatesCell over the whole ledger. An entry after the settled rows whose ID a
 * settled one may share (typed by hand) is checked on a whole read.
 */
export function reciprocatesFor(workbook: Workbook, ledger: LedgerRead, entry: Pick<LedgerEntry, 'side' | 'stage' | 'decision'>): string {
  if (ledger.whole) return reciprocatesCell(ledger.rows, entry);
  const { settled } = ledger;
  const before: LedgerEntry[] = [
    ...settled.open.map(([id, side, stage]): LedgerEntry => ({ id, side: settled.sides[side], stage: DISCLOSURE_STAGES[stage], decision: '', reciprocates: '' })),
    ...settled.ahead.flatMap((ids, side) => ids.map((answer): LedgerEntry => ({ id: '', side: settled.sides[side], stage: 'Early', decision: '', reciprocates: answer }))),
  ];
  const found = entryToReciprocate([...before, ...ledgerEntries(ledger.rows)], entry);
  if (found === null || before.includes(found)) return found?.id ?? '';
  const number = idKeyNumber(idKey(found.id));
  if (number !== null && number > settled.highestIdKey) return found.id;
  return reciprocatesCell(readRows(workbook.layout(DISCLOSURES), LEDGER_COLUMNS), entry);
}
