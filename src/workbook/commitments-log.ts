import type { Calendar } from '../domain/calendar';
import { COMMITMENT_STATUSES, type CommitmentStatus, parseStatus } from '../domain/commitments';
import { parseCorner } from '../domain/corners';
import { type Change, recordChanges } from './history';
import { actorLabel, savedIdentity } from './identity';
import { findSide, nextIds, requireText } from './input';
import { Workbook } from './layout';
import { withDocumentLock } from './lock';
import { type CellValue, appendRows, parseIsoDay, readRows, textOf, updateCells } from './table';
import { COMMITMENTS } from './templates';

export interface NewCommitment {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  corner: string;
  dueDate: string; // yyyy-mm-dd
  source?: string;
  status?: CommitmentStatus;
}

export interface CommitmentChanges {
  status?: string;
  doneOn?: string; // yyyy-mm-dd or '' to clear
  flaggedOn?: string;
  recoveryPlan?: string;
  acceptedBy?: string;
}

function validated(input: NewCommitment, sides: readonly string[], calendar: Calendar): Record<string, CellValue> {
  const commitment = requireText(input.commitment, 'The commitment');
  const ownerSide = requireText(input.ownerSide, 'The owner side');
  if (sides.length > 0 && !findSide(sides, ownerSide)) {
    throw new Error(`The owner side "${ownerSide}" is not one of the two companies (${sides.join(', ')})`);
  }
  const corner = input.corner.trim() === '' ? '' : parseCorner(input.corner);
  if (corner === undefined) throw new Error(`The corner "${input.corner}" is not one of Competence, Reliability, Transparency, Alignment`);
  return {
    commitment,
    ownerSide,
    ownerPerson: input.ownerPerson.trim(),
    corner,
    madeOn: new Date(),
    dueDate: parseIsoDay(input.dueDate, 'The due date', calendar),
    status: input.status ?? 'Proposed',
    source: input.source ?? 'Weekly sync',
  };
}

/**
 * Appends commitments under the document lock: one read of the log (for ids), one write of the
 * rows, whatever the log's size. Returns the new ids.
 */
export function appendCommitments(inputs: readonly NewCommitment[], sides: readonly string[], workbook = new Workbook()): string[] {
  const records = inputs.map((input) => validated(input, sides, workbook.calendar));
  const who = actorLabel();
  const proposerSide = savedIdentity()?.side ?? '';
  return withDocumentLock('Add commitment', () => {
    const layout = workbook.layout(COMMITMENTS);
    const ids = nextIds(readRows(layout), 'C', records.length);
    const now = new Date();
    appendRows(
      layout,
      records.map((record, index) => ({ ...record, id: ids[index], updatedBy: who, updatedAt: now, proposerSide })),
    );
    return ids;
  });
}

/** Updates one commitment's fields by id, stamps who and when, and records the change history. */
export function updateCommitment(id: string, changes: CommitmentChanges, workbook = new Workbook()): void {
  const updates: Record<string, CellValue> = {};
  if (changes.status !== undefined) {
    const status = parseStatus(changes.status);
    if (!status) throw new Error(`The status "${changes.status}" is not one of ${COMMITMENT_STATUSES.join(', ')}`);
    updates.status = status;
  }
  for (const key of ['doneOn', 'flaggedOn'] as const) {
    const value = changes[key];
    if (value !== undefined) {
      updates[key] = value.trim() === '' ? '' : parseIsoDay(value, key === 'doneOn' ? 'Done on' : 'Flagged early on', workbook.calendar);
    }
  }
  if (changes.recoveryPlan !== undefined) updates.recoveryPlan = changes.recoveryPlan;
  if (changes.acceptedBy !== undefined) updates.acceptedBy = changes.acceptedBy;
  const who = actorLabel();
  withDocumentLock('Update commitment', () => {
    const layout = workbook.layout(COMMITMENTS);
    const row = readRows(layout).find((candidate) => textOf(candidate.values.id) === id);
    if (!row) throw new Error(`No commitment with id ${id} in "${layout.sheet.getName()}"; it may have been deleted`);
    const now = new Date();
    updateCells(layout, row.rowNumber, { ...updates, updatedBy: who, updatedAt: now });
    const changed: Change[] = Object.keys(updates)
      .filter((key) => textOf(row.values[key]) !== textOf(updates[key]))
      .map((key) => ({
        sheet: layout.sheet.getName(),
        rowId: id,
        field: COMMITMENTS.columns.find((column) => column.key === key)?.header ?? key,
        oldValue: row.values[key],
        newValue: updates[key],
      }));
    recordChanges(workbook, who, changed, now);
  });
}
