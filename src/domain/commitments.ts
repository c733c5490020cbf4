import { dayNumber } from './dates';

export const COMMITMENT_STATUSES = [
  'Proposed',
  'Open',
  'At risk',
  'Done',
  'Missed',
  'Renegotiated',
  'Dropped',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export function parseStatus(text: string): CommitmentStatus | undefined {
  const wanted = text.trim().toLowerCase();
  return COMMITMENT_STATUSES.find((status) => status.toLowerCase() === wanted);
}

/** The dates that decide whether a commitment was kept, each null when the cell is blank. */
export interface CommitmentDates {
  due: Date | null;
  done: Date | null;
  flagged: Date | null;
}

/** What was known on `asOf`: a done or flagged date after it had not happened yet. */
function asKnownOn(item: CommitmentDates, asOfDay: number): CommitmentDates {
  const known = (date: Date | null): Date | null => (date !== null && dayNumber(date) > asOfDay ? null : date);
  return { due: item.due, done: known(item.done), flagged: known(item.flagged) };
}

/**
 * Due so far: due before today, or due today and already done. An open commitment due today can
 * still be kept, so it is not counted against anyone yet.
 */
function isDueSoFar(item: CommitmentDates, asOfDay: number): item is CommitmentDates & { due: Date } {
  if (item.due === null) return false;
  const dueDay = dayNumber(item.due);
  if (dueDay < asOfDay) return true;
  return dueDay === asOfDay && item.done !== null;
}

function isOnTime(item: CommitmentDates & { due: Date }): boolean {
  return item.done !== null && dayNumber(item.done) <= dayNumber(item.due);
}

/** Done on or before the due date, of those due so far (DOMAIN.md); null when none is due yet. */
export function onTimeRate(items: readonly CommitmentDates[], asOf: Date): number | null {
  const asOfDay = dayNumber(asOf);
  let due = 0;
  let onTime = 0;
  for (const recorded of items) {
    const item = asKnownOn(recorded, asOfDay);
    if (!isDueSoFar(item, asOfDay)) continue;
    due++;
    if (isOnTime(item)) onTime++;
  }
  return due === 0 ? null : onTime / due;
}

/** Slipped: done after its due date, or still open after it (as of `asOf`). */
export function hasSlipped(recorded: CommitmentDates, asOf: Date): boolean {
  const item = asKnownOn(recorded, dayNumber(asOf));
  if (item.due === null) return false;
  const dueDay = dayNumber(item.due);
  if (item.done !== null) return dayNumber(item.done) > dueDay;
  return dueDay < dayNumber(asOf);
}

/** Told the other side strictly before the due date (DOMAIN.md: "flagged early"). */
export function wasFlaggedEarly(item: CommitmentDates): boolean {
  return item.due !== null && item.flagged !== null && dayNumber(item.flagged) < dayNumber(item.due);
}

/** Of the slipped commitments, the share flagged early; null when nothing slipped. */
export function earlyWarningRate(items: readonly CommitmentDates[], asOf: Date): number | null {
  let slipped = 0;
  let flagged = 0;
  const asOfDay = dayNumber(asOf);
  for (const item of items) {
    if (!hasSlipped(item, asOf)) continue;
    slipped++;
    if (wasFlaggedEarly(asKnownOn(item, asOfDay))) flagged++;
  }
  return slipped === 0 ? null : flagged / slipped;
}

/** Open past due as of `asOf`: neither done nor closed by a status that ends it. */
export function isOverdue(item: CommitmentDates & { status?: CommitmentStatus }, asOf: Date): boolean {
  if (item.due === null || item.done !== null) return false;
  if (item.status === 'Done' || item.status === 'Dropped' || item.status === 'Renegotiated' || item.status === 'Missed') {
    return false;
  }
  return dayNumber(item.due) < dayNumber(asOf);
}
