import { type Calendar, RUNTIME_CALENDAR } from './calendar';

export const COMMITMENT_STATUSES = [
  'Proposed',
  'Open',
  'At risk',
  'Done',
  'Missed',
  'Renegotiated',
  'Dropped',
  'Declined',
  'Withdrawn',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/**
 * Statuses of a row neither side took on as a commitment (DOMAIN.md "Only commitments both sides
 * took on count"): a proposal still waiting, one the other side declined, one its proposer
 * withdrew. Such rows never enter the on-time or early-warning rates, nor count as overdue.
 */
export const NOT_TAKEN_ON: readonly CommitmentStatus[] = ['Proposed', 'Declined', 'Withdrawn'];

/**
 * Whether a row of the log counts as a commitment: any status but Proposed, Declined or Withdrawn.
 * A blank status (a row typed by hand without one) counts, as it always has.
 */
export function isTakenOn(status: CommitmentStatus | undefined): boolean {
  return status === undefined || !NOT_TAKEN_ON.includes(status);
}

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

/** Open past due as of `asOf`: taken on, neither done nor closed by a status that ends it. */
export function isOverdue(
  item: CommitmentDates & { status?: CommitmentStatus },
  asOf: Date,
  calendar: Calendar = RUNTIME_CALENDAR,
): boolean {
  if (item.due === null || item.done !== null) return false;
  if (!isTakenOn(item.status)) return false;
  if (item.status === 'Done' || item.status === 'Dropped' || item.status === 'Renegotiated' || item.status === 'Missed') {
    return false;
  }
  return calendar.dayNumber(item.due) < calendar.dayNumber(asOf);
}

/** One row of the log as the rates need it: its dates and its status (undefined when blank). */
export interface CommitmentRow extends CommitmentDates {
  status?: CommitmentStatus;
}

/** Both evidence rates with the counts they are built from, as Home and Sync show them. */
export interface CommitmentRates {
  /** Done on or before the due date ÷ due so far; null when nothing is due yet. */
  onTimeRate: number | null;
  /** Flagged before the due date ÷ slipped; null when nothing slipped. */
  earlyWarningRate: number | null;
  /** Commitments due so far (the on-time rate's denominator). */
  dueSoFar: number;
  /** Of those, done on or before the due date (its numerator). */
  onTime: number;
  /** Done late, or open past due (the early-warning rate's denominator). */
  slipped: number;
  /** Of the slipped, flagged before the due date (its numerator). */
  flaggedEarly: number;
  /** Rows left out because neither side took them on (Proposed, Declined, Withdrawn). */
  notTakenOn: number;
}

/**
 * The on-time and early-warning rates of the log as known on `asOf`, counting only commitments
 * both sides took on, with the counts behind each rate (so a view can say "3 of 4 due so far").
 */
export function commitmentRates(rows: Iterable<CommitmentRow>, asOf: Date, calendar: Calendar = RUNTIME_CALENDAR): CommitmentRates {
  const counts = new CommitmentTally(asOf, calendar);
  let notTakenOn = 0;
  for (const row of rows) {
    if (!isTakenOn(row.status)) {
      notTakenOn++;
      continue;
    }
    counts.add(row.due, row.done, row.flagged);
  }
  return {
    onTimeRate: counts.onTimeRate(),
    earlyWarningRate: counts.earlyWarningRate(),
    dueSoFar: counts.dueSoFar,
    onTime: counts.onTime,
    slipped: counts.slipped,
    flaggedEarly: counts.flaggedEarly,
    notTakenOn,
  };
}

/** "3 of 4 due so far on time · 1 of 2 slips flagged early": the counts in words, for a view or a pack. */
export function describeCommitmentRates(rates: CommitmentRates): string {
  const parts = [
    rates.dueSoFar === 0 ? 'nothing due yet' : `${rates.onTime} of ${rates.dueSoFar} due so far done on time`,
    rates.slipped === 0 ? 'no slips' : `${rates.flaggedEarly} of ${rates.slipped} slip${rates.slipped === 1 ? '' : 's'} flagged early`,
  ];
  if (rates.notTakenOn > 0) {
    parts.push(`${rates.notTakenOn} proposed, declined or withdrawn not counted`);
  }
  return parts.join(' · ');
}
