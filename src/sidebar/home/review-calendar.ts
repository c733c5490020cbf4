/**
 * Home's *Add to calendar* link for the quarterly trust review: offered once the latest cycle has
 * closed and the next reassessment is set, from what Home read already (no read of its own).
 */
import type { Calendar } from '../../domain/calendar';
import { parseStatus } from '../../domain/commitments';
import { cycleNameKey } from '../../domain/cycles';
import type { CycleRecord } from '../../domain/cycles';
import type { DirectedGap } from '../../domain/perception';
import { reviewCalendarUrl } from '../../domain/review-calendar';
import { isoDayOf } from '../../workbook/table';
import type { CycleContext } from '../assessment/cycles';
import type { CommitmentSummary } from '../commitments/api';
import type { HomeView } from './api';

/** Still to be done: any status but one that ended the action or says it was never taken on. */
const ENDED = new Set(['Done', 'Dropped', 'Missed', 'Renegotiated', 'Declined', 'Withdrawn']);

export interface ReviewFacts {
  sides: readonly string[];
  context: CycleContext;
  gap: DirectedGap | null;
  /** The latest cycle's actions, as Home lists them. */
  actions: readonly CommitmentSummary[];
  nextReassessment: Date | null;
  calendar: Calendar;
}

export function reviewCalendarOf(facts: ReviewFacts): HomeView['reviewCalendar'] {
  const { context, nextReassessment, calendar } = facts;
  const latest = context.assessed[context.assessed.length - 1];
  if (!latest || context.open !== null || nextReassessment === null || facts.sides.length < 2) return null;
  const record: CycleRecord | undefined = context.records.find((candidate) => cycleNameKey(candidate.name) === cycleNameKey(latest.summary.cycle));
  if (!record || record.closedOn === null) return null;
  const url = reviewCalendarUrl({
    ourCompany: facts.sides[0],
    partnerCompany: facts.sides[1],
    cycle: latest.summary.cycle,
    reviewOn: nextReassessment,
    calendar,
    gaps: facts.gap?.gaps ?? {},
    focus: latest.step.focus,
    reason: latest.step.reason,
    actions: facts.actions
      .filter((action) => !ENDED.has(parseStatus(action.status) ?? ''))
      .map((action) => ({ id: action.id, commitment: action.commitment, ownerSide: action.ownerSide, dueDate: action.dueDate, status: action.status })),
  });
  return { url, on: isoDayOf(nextReassessment, calendar), cycle: latest.summary.cycle };
}
