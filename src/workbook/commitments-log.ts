import { startOfDayOf } from '../domain/calendar';
import type { CommitmentStatus } from '../domain/commitments';
import type { Corner } from '../domain/corners';
import { type Change, planDecisions, planHistory } from './history';
import { findSide, nextIds, requireSide } from './input';
import { sheetNameOf } from './layout';
import { type Workbook } from './workbook';
import { type CellValue, type TableRow, dateOf, parseIsoDay, readRows, textOf } from './table';
import { COMMITMENTS } from './templates';
import type { WritePlan } from './write-plan';
import { PROPOSAL_PROPERTY_PREFIX } from './property-keys';
import { COMMITMENT_ROW_KEYS, readCommitmentLog } from './commitments-read';

/** A commitment as the boundary parsed it: text trimmed and bounded, the date yyyy-mm-dd. */
export interface NewCommitment {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  corner: Corner | '';
  dueDate: string;
  source: string;
  status: CommitmentStatus;
  /** The id of the declined or withdrawn action this one replaces. */
  replaces?: string;
}

export interface CommitmentChanges {
  status?: CommitmentStatus;
  doneOn?: string; // yyyy-mm-dd, or '' to clear
  flaggedOn?: string;
  recoveryPlan?: string;
  /** Set by the server when the other side accepts; never from a client's input. */
  acceptedBy?: string;
  /** The negotiation (src/sidebar/commitments/server.ts): new terms, who answers next, what was replaced or why declined. */
  commitment?: string;
  dueDate?: string; // yyyy-mm-dd
  proposerSide?: string;
  counterTo?: string;
  declinedReason?: string;
}

/** Who is saving: the label stamped on rows and history, and the side they saved as theirs. */
export interface Actor {
  label: string;
  side: string;
  /** The person's key (src/sidebar/common/caller.ts): who proposed a commitment is kept by it. */
  person?: string;
  /** The tag of their person id (identity.ts proposerTagOf): the same person with or without an email. */
  proposerTag?: () => string;
}

/**
 * Plans new commitments (the caller holds the document lock): ids follow the highest in the log as
 * read now, so two saves never share one. Returns the new ids.
 */
export function planCommitments(plan: WritePlan, workbook: Workbook, inputs: readonly NewCommitment[], sides: readonly string[], actor: Actor): string[] {
  const calendar = workbook.calendar;
  const now = new Date();
  const records = inputs.map((input) => ({
    commitment: input.commitment,
    ownerSide: requireSide(input.ownerSide, sides, 'The owner side'),
    ownerPerson: input.ownerPerson,
    corner: input.corner,
    madeOn: now,
    dueDate: parseIsoDay(input.dueDate, 'The due date', calendar),
    status: input.status,
    source: input.source,
    updatedBy: actor.label,
    updatedAt: now,
    proposerSide: findSide(sides, actor.side) ?? '',
    ...(input.replaces ? { replaces: input.replaces } : {}),
  }));
  const layout = workbook.layout(COMMITMENTS);
  // After the highest id in play or settled (the summary keeps the settled ones' highest).
  const log = readCommitmentLog(workbook);
  const ids = nextIds(log.rows, 'C', records.length, log.settled.highestId);
  plan.append(layout, records.map((record, index) => ({ ...record, id: ids[index] })));
  records.forEach((record, index) => {
    if (record.status === 'Proposed' && actor.person) planProposal(plan, ids[index], { side: record.proposerSide, person: actor.person, personId: '', personTag: actor.proposerTag?.() ?? '' });
  });
  // Each proposal (or commitment added as agreed) is a decision in the Change History.
  planDecisions(
    plan,
    workbook,
    actor.label,
    records.map((record, index) => ({
      table: COMMITMENTS,
      rowId: ids[index],
      what: record.status === 'Proposed' ? 'Commitment proposed' : `Commitment added (${record.status})`,
      now: `${record.commitment} (owner ${record.ownerSide}${record.ownerPerson ? `, ${record.ownerPerson}` : ''}; due ${textOf(record.dueDate, calendar)}; from ${record.source})`,
    })),
    now,
  );
  return ids;
}

/**
 * Who proposed a commitment (or made its latest counter-proposal): the side and the person, kept
 * in the document properties where a hand edit of "Proposed by (side)" cannot change them.
 */
export interface Proposal {
  side: string;
  /** The proposer's person key; '' for a proposal made before it was kept (the row's side is all there is). */
  person: string;
  /** The proposer's person id, as proposals kept it before the tag ('' since): read back only. */
  personId: string;
  /** The tag of the proposer's person id (identity.ts proposerTagOf): the same person with or without an email. */
  personTag: string;
}


/** Records who proposed `id`, in the save's property write. */
export function planProposal(plan: WritePlan, id: string, proposal: Proposal): void {
  plan.setDocumentProperty(`${PROPOSAL_PROPERTY_PREFIX}${id}`, JSON.stringify(proposal));
}

/** Who proposed the commitment on `row`: as kept when proposed, else (an older row) the side its row names. */
export function proposalOf(workbook: Workbook, row: TableRow): Proposal {
  const kept = workbook.documentProperties()[`${PROPOSAL_PROPERTY_PREFIX}${textOf(row.values.id)}`];
  if (kept) {
    try {
      const parsed = JSON.parse(kept) as Partial<Proposal>;
      if (typeof parsed.side === 'string' && typeof parsed.person === 'string') {
        const text = (value: unknown): string => (typeof value === 'string' ? value : '');
        return { side: parsed.side, person: parsed.person, personId: text(parsed.personId), personTag: text(parsed.personTag) };
      }
    } catch {
      // A damaged record: fall back to the row.
    }
  }
  return { side: textOf(row.values.proposerSide), person: '', personId: '', personTag: '' };
}

/**
 * The commitment with `id`, read now (hold the lock when you will write to it): among the rows in
 * play, else (a settled one, edited again) in the whole log.
 */
export function findCommitment(workbook: Workbook, id: string): TableRow {
  const layout = workbook.layout(COMMITMENTS);
  const matches = (candidate: TableRow) => textOf(candidate.values.id) === id;
  const row = readCommitmentLog(workbook).rows.find(matches) ?? readRows(layout, COMMITMENT_ROW_KEYS).find(matches);
  if (!row) throw new Error(`No commitment with id ${id} in "${sheetNameOf(layout)}"; it may have been deleted.`);
  return row;
}

/**
 * Plans the changed cells of one commitment, its stamp (who and when) and one history row per
 * field that really changed. "Done" without a date means done today.
 */
export function planCommitmentUpdate(plan: WritePlan, workbook: Workbook, row: TableRow, changes: CommitmentChanges, actor: Actor): void {
  const calendar = workbook.calendar;
  const now = new Date();
  const updates: Record<string, CellValue> = {};
  if (changes.status !== undefined) updates.status = changes.status;
  if (changes.doneOn !== undefined) updates.doneOn = changes.doneOn === '' ? '' : parseIsoDay(changes.doneOn, 'Done on', calendar);
  if (changes.flaggedOn !== undefined) updates.flaggedOn = changes.flaggedOn === '' ? '' : parseIsoDay(changes.flaggedOn, 'Flagged early on', calendar);
  if (changes.recoveryPlan !== undefined) updates.recoveryPlan = changes.recoveryPlan;
  if (changes.acceptedBy !== undefined) updates.acceptedBy = changes.acceptedBy;
  if (changes.commitment !== undefined) updates.commitment = changes.commitment;
  if (changes.dueDate !== undefined) updates.dueDate = parseIsoDay(changes.dueDate, 'The due date', calendar);
  for (const key of ['proposerSide', 'counterTo', 'declinedReason'] as const) {
    if (changes[key] !== undefined) updates[key] = changes[key];
  }
  if (updates.status === 'Done' && !dateOf(updates.doneOn ?? row.values.doneOn)) updates.doneOn = startOfDayOf(calendar, now);

  const layout = workbook.layout(COMMITMENTS);
  const sheetName = sheetNameOf(layout);
  const changed: Change[] = Object.keys(updates)
    .filter((key) => textOf(row.values[key], calendar) !== textOf(updates[key], calendar))
    .map((key) => ({
      sheet: sheetName,
      rowId: textOf(row.values.id),
      field: COMMITMENTS.columns.find((column) => column.key === key)?.header ?? key,
      oldValue: row.values[key],
      newValue: updates[key],
    }));
  if (changed.length === 0) return;
  plan.update(layout, row.rowNumber, { ...updates, updatedBy: actor.label, updatedAt: now });
  planHistory(plan, workbook, actor.label, changed, now);
}
