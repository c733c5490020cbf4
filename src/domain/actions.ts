import { type CommitmentStatus, isTakenOn } from './commitments';
import { type Corner, parseCorner } from './corners';
import { cycleNameKey } from './cycles';

/**
 * A cycle's agreed actions, counted truthfully (DOMAIN.md "Trust Corner Assessment" step 5 and
 * "Only commitments both sides took on count"): an action the other side declined, or its
 * proposer withdrew, was never agreed; a replacement proposed for it in the same cycle and corner
 * is linked to it (the log's *Replaces* column) and negotiated like the others.
 */

/** The log's source of a cycle's actions: "Assessment 2026-Q4". */
const ASSESSMENT_SOURCE_PREFIX = 'Assessment ';
export const actionSourceOf = (cycle: string): string => `${ASSESSMENT_SOURCE_PREFIX}${cycle.trim()}`;

/** The cycle an action belongs to, from its source; null for any other commitment. */
export function cycleOfSource(source: string): string | null {
  const trimmed = source.trim();
  if (!trimmed.startsWith(ASSESSMENT_SOURCE_PREFIX)) return null;
  const cycle = trimmed.slice(ASSESSMENT_SOURCE_PREFIX.length).trim();
  return cycle === '' ? null : cycle;
}

/** Only an action that ended without being taken on by both sides can be replaced. */
export const isReplaceable = (status: CommitmentStatus | undefined): boolean => status === 'Declined' || status === 'Withdrawn';

/** One action of a cycle as the counts need it. */
export interface ActionRow {
  id: string;
  status: CommitmentStatus | undefined;
  /** The id of the action this one replaces ('' for none). */
  replaces: string;
}

export interface ActionCounts {
  /** Taken on by both sides (accepted, then open, at risk, done, missed…): the actions agreed. */
  agreed: number;
  /** Proposed and waiting for the other side. */
  waiting: number;
  declined: number;
  withdrawn: number;
  /** Of the declined and withdrawn, those a later action replaces. */
  replaced: number;
  /** Ids of the declined or withdrawn actions nothing replaces yet, in the order given. */
  open: string[];
}

const idKey = (id: string): string => id.trim().toUpperCase();

export function countActions(rows: readonly ActionRow[]): ActionCounts {
  const replacedIds = new Set(rows.map((row) => idKey(row.replaces)).filter((id) => id !== ''));
  const counts: ActionCounts = { agreed: 0, waiting: 0, declined: 0, withdrawn: 0, replaced: 0, open: [] };
  for (const row of rows) {
    if (row.status === 'Proposed') counts.waiting++;
    else if (row.status === 'Declined') counts.declined++;
    else if (row.status === 'Withdrawn') counts.withdrawn++;
    else if (isTakenOn(row.status)) counts.agreed++;
    if (!isReplaceable(row.status)) continue;
    if (replacedIds.has(idKey(row.id))) counts.replaced++;
    else counts.open.push(row.id);
  }
  return counts;
}

/** "2 agreed · 1 declined · 1 replaced · 1 waiting for an answer": the counts in words. */
export function describeActionCounts(counts: ActionCounts): string {
  const ended = counts.declined + counts.withdrawn;
  const parts = [`${counts.agreed} agreed`];
  if (counts.declined > 0) parts.push(`${counts.declined} declined`);
  if (counts.withdrawn > 0) parts.push(`${counts.withdrawn} withdrawn`);
  if (ended > 0) parts.push(`${counts.replaced} replaced`);
  if (counts.waiting > 0) parts.push(`${counts.waiting} waiting for an answer`);
  return parts.join(' · ');
}

/** Whether `source` names the cycle `cycle` (names compare as the Cycles sheet does). */
export function isActionOf(source: string, cycle: string): boolean {
  const of = cycleOfSource(source);
  return of !== null && cycleNameKey(of) === cycleNameKey(cycle);
}

/** The cycle whose agreed actions are in play, and their corner (the cycle's focus when agreed). */
export interface ActionCycle {
  cycle: string;
  corner: Corner;
}

/** The number an id ends in, which orders actions by when they were made; -1 without one. */
export const idNumber = (id: string): number => {
  const match = /(\d+)\s*$/.exec(id);
  return match ? Number(match[1]) : -1;
};

/**
 * The cycle of the most recently made action in the log (the highest id with an assessment
 * source and a corner), which a commitment made at the weekly sync may join: it then counts
 * with that cycle's actions for its focus. Null before any action was agreed.
 */
export function currentActionCycle(rows: Iterable<{ id: string; source: string; corner: string }>): ActionCycle | null {
  let best: { number: number; found: ActionCycle } | null = null;
  for (const row of rows) {
    const cycle = cycleOfSource(row.source);
    const corner = parseCorner(row.corner);
    if (cycle === null || corner === undefined) continue;
    const number = idNumber(row.id);
    if (best === null || number >= best.number) best = { number, found: { cycle, corner } };
  }
  return best?.found ?? null;
}
