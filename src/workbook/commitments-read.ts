/**
 * Reading the Shared Commitments Log: its open and recent rows in full, its settled ones (closed,
 * every date past: settled.ts) as a summary of what the views count of them. A log of years holds
 * a few dozen commitments in play; the rest only count in the rates, give the next id, and are
 * some cycle's actions, which the summary keeps by row so a cycle's results can still list them.
 */
import { currentActionCycle, cycleOfSource, idNumber } from '../domain/actions';
import { commitmentRates, parseStatus } from '../domain/commitments';
import { cycleNameKey } from '../domain/cycles';
import { highestIdNumber } from './input';
import { type SettleContext, type SettledSpec, type UnsettledRead, isCount, readUnsettled } from './settled';
import { type CellValue, type TableRow, dateOf, readRowSpan, textOf } from './table';
import { COMMITMENTS } from './templates';
import type { Workbook } from './workbook';

/** What an update reads of a commitment: the columns the sidebar shows. */
export const COMMITMENT_ROW_KEYS: readonly string[] = [
  'id', 'commitment', 'ownerSide', 'ownerPerson', 'corner', 'dueDate', 'status', 'acceptedBy', 'doneOn', 'flaggedOn', 'recoveryPlan', 'source', 'proposerSide', 'counterTo', 'declinedReason', 'replaces',
];

/** What the settled commitments add up to. */
export interface SettledCommitments {
  /** Settled rows counted. */
  rows: number;
  /** Their share of the evidence rates (domain/commitments.ts commitmentRates). */
  dueSoFar: number;
  onTime: number;
  slipped: number;
  flaggedEarly: number;
  notTakenOn: number;
  /** The highest C-n id among them (new ids come after it). */
  highestId: number;
  /** The most recently made action among them (the highest id with a cycle source and a corner). */
  lastAction: { id: string; source: string; corner: string } | null;
  /** Per cycle (by name key): the rows of its actions among them. */
  actionRows: Record<string, number[]>;
}

/** Statuses that end a commitment: nothing more happens to it but an edit by hand. */
const CLOSED = new Set(['Done', 'Missed', 'Renegotiated', 'Dropped', 'Declined', 'Withdrawn']);

function isSettled(values: Readonly<Record<string, CellValue>>, { asOf, calendar }: SettleContext): boolean {
  // A row without its id waits for one (onEdit or Repair gives it) before it is settled.
  if (textOf(values.id) === '') return false;
  const status = parseStatus(textOf(values.status));
  if (status === undefined || !CLOSED.has(status)) return false;
  // Its share of the rates is fixed once every date it carries is past.
  const today = calendar.dayNumber(asOf);
  return [values.dueDate, values.doneOn, values.flaggedOn].every((value) => {
    const date = dateOf(value);
    return date === null || calendar.dayNumber(date) < today;
  });
}

function parseSummary(stored: unknown): SettledCommitments | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const summary = stored as Partial<SettledCommitments>;
  const counts = [summary.rows, summary.dueSoFar, summary.onTime, summary.slipped, summary.flaggedEarly, summary.notTakenOn, summary.highestId];
  if (!counts.every(isCount)) return null;
  const action = summary.lastAction;
  if (action !== null && (typeof action !== 'object' || typeof action.id !== 'string' || typeof action.source !== 'string' || typeof action.corner !== 'string')) return null;
  const rows = summary.actionRows;
  if (typeof rows !== 'object' || rows === null || !Object.values(rows).every((list) => Array.isArray(list) && list.every(isCount))) return null;
  return summary as SettledCommitments;
}

const rowLike = (row: TableRow) => ({ id: textOf(row.values.id), source: textOf(row.values.source), corner: textOf(row.values.corner) });

export const SETTLED_COMMITMENTS: SettledSpec<SettledCommitments> = {
  table: COMMITMENTS,
  keys: COMMITMENT_ROW_KEYS,
  isSettled,
  empty: () => ({ rows: 0, dueSoFar: 0, onTime: 0, slipped: 0, flaggedEarly: 0, notTakenOn: 0, highestId: 0, lastAction: null, actionRows: {} }),
  add(summary, row) {
    // Counted as of the far future: a settled row's share is the same on any later day.
    const rates = commitmentRates(
      [{ due: dateOf(row.values.dueDate), done: dateOf(row.values.doneOn), flagged: dateOf(row.values.flaggedOn), status: parseStatus(textOf(row.values.status)) }],
      new Date(8.64e15),
    );
    summary.rows += 1;
    summary.dueSoFar += rates.dueSoFar;
    summary.onTime += rates.onTime;
    summary.slipped += rates.slipped;
    summary.flaggedEarly += rates.flaggedEarly;
    summary.notTakenOn += rates.notTakenOn;
    summary.highestId = Math.max(summary.highestId, highestIdNumber([row], 'C'));
    const cycle = cycleOfSource(textOf(row.values.source));
    if (cycle !== null) {
      const key = cycleNameKey(cycle);
      (summary.actionRows[key] ??= []).push(row.rowNumber);
      const candidate = rowLike(row);
      const kept = summary.lastAction;
      // As currentActionCycle orders them: the highest id, the later row on a tie.
      if (currentActionCycle([candidate]) !== null && (kept === null || idNumber(candidate.id) >= idNumber(kept.id))) {
        summary.lastAction = candidate;
      }
    }
    return summary;
  },
  parse: parseSummary,
};

/** The log as the views read it: the commitments in play (and, asked for, some cycles' settled actions), with the settled ones summed up. */
export interface CommitmentLog {
  /** Every row after the settled ones, then the settled actions of the cycles asked for, in row order. */
  rows: TableRow[];
  settled: SettledCommitments;
}

/**
 * The log's unsettled rows, the columns the sidebar shows, with the settled rows' summary; the
 * settled actions of `actionsOf` (cycle names) are read too, in one more round trip when there are
 * any (their rows, as the summary keeps them).
 */
export function readCommitmentLog(workbook: Workbook, { actionsOf = [] }: { actionsOf?: readonly string[] } = {}): CommitmentLog {
  const read: UnsettledRead<SettledCommitments> = readUnsettled(workbook, SETTLED_COMMITMENTS);
  const wanted = [...new Set(actionsOf.flatMap((cycle) => read.summary.actionRows[cycleNameKey(cycle)] ?? []))].sort((a, b) => a - b);
  if (wanted.length === 0) return { rows: read.rows, settled: read.summary };
  const span = readRowSpan(workbook.layout(COMMITMENTS), COMMITMENT_ROW_KEYS, wanted[0], wanted[wanted.length - 1]);
  const actions = span.filter((row) => wanted.includes(row.rowNumber));
  return { rows: [...actions, ...read.rows], settled: read.summary };
}

/** The cycle whose actions are in play and their corner, over the settled actions and the rows read. */
export function actionCycleOf(log: CommitmentLog) {
  return currentActionCycle([...(log.settled.lastAction ? [log.settled.lastAction] : []), ...log.rows.map(rowLike)]);
}
