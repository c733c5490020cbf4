import { type Calendar, RUNTIME_CALENDAR } from './calendar';

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

/** Day number of a commitment not done (yet): later than any date. A constant, not the global `Infinity`, in the hot loop. */
const NOT_DONE = Number.MAX_VALUE;

/**
 * Counts what the evidence metrics need, one commitment at a time, as known on `asOf` (a done or
 * flagged date after it had not happened yet). Streaming keeps a 100,000-row log allocation-free.
 */
export class CommitmentTally {
  /** Due so far: due before `asOf`, or due on it and already done (an open one can still be kept). */
  dueSoFar = 0;
  onTime = 0;
  /** Done after the due date, or still open after it. */
  slipped = 0;
  /** Of the slipped, those the owner flagged strictly before the due date. */
  flaggedEarly = 0;
  private readonly asOfDay: number;
  constructor(
    asOf: Date,
    private readonly calendar: Calendar = RUNTIME_CALENDAR,
  ) {
    this.asOfDay = calendar.dayNumber(asOf);
  }

  add(due: Date | null, done: Date | null, flagged: Date | null): void {
    if (due === null) return;
    const asOfDay = this.asOfDay;
    const dueDay = this.calendar.dayNumber(due);
    let doneDay = done === null ? NOT_DONE : this.calendar.dayNumber(done);
    if (doneDay > asOfDay) doneDay = NOT_DONE;
    const isDone = doneDay !== NOT_DONE;
    if (dueDay < asOfDay || (dueDay === asOfDay && isDone)) {
      this.dueSoFar++;
      if (doneDay <= dueDay) this.onTime++;
    }
    if (isDone ? doneDay > dueDay : dueDay < asOfDay) {
      this.slipped++;
      if (flagged !== null) {
        const flaggedDay = this.calendar.dayNumber(flagged);
        if (flaggedDay <= asOfDay && flaggedDay < dueDay) this.flaggedEarly++;
      }
    }
  }

  /** Done on or before the due date, of those due so far (DOMAIN.md); null when none is due yet. */
  onTimeRate(): number | null {
    return this.dueSoFar === 0 ? null : this.onTime / this.dueSoFar;
  }

  /** Of the slipped commitments, the share flagged early; null when nothing slipped. */
  earlyWarningRate(): number | null {
    return this.slipped === 0 ? null : this.flaggedEarly / this.slipped;
  }
}

function tally(items: readonly CommitmentDates[], asOf: Date, calendar: Calendar = RUNTIME_CALENDAR): CommitmentTally {
  const counts = new CommitmentTally(asOf, calendar);
  for (const item of items) counts.add(item.due, item.done, item.flagged);
  return counts;
}

export function onTimeRate(items: readonly CommitmentDates[], asOf: Date, calendar?: Calendar): number | null {
  return tally(items, asOf, calendar).onTimeRate();
}

export function earlyWarningRate(items: readonly CommitmentDates[], asOf: Date, calendar?: Calendar): number | null {
  return tally(items, asOf, calendar).earlyWarningRate();
}

export function hasSlipped(item: CommitmentDates, asOf: Date, calendar?: Calendar): boolean {
  return tally([item], asOf, calendar).slipped === 1;
}

/** Told the other side strictly before the due date (DOMAIN.md: "flagged early"). */
export function wasFlaggedEarly(item: CommitmentDates, calendar: Calendar = RUNTIME_CALENDAR): boolean {
  return item.due !== null && item.flagged !== null && calendar.dayNumber(item.flagged) < calendar.dayNumber(item.due);
}

/** Open past due as of `asOf`: neither done nor closed by a status that ends it. */
export function isOverdue(
  item: CommitmentDates & { status?: CommitmentStatus },
  asOf: Date,
  calendar: Calendar = RUNTIME_CALENDAR,
): boolean {
  if (item.due === null || item.done !== null) return false;
  if (item.status === 'Done' || item.status === 'Dropped' || item.status === 'Renegotiated' || item.status === 'Missed') {
    return false;
  }
  return calendar.dayNumber(item.due) < calendar.dayNumber(asOf);
}
