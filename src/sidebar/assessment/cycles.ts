/**
 * What the rituals know about cycles, read once per request: the Cycles sheet's records, what is
 * open, who answered, each cycle's means and the focus across cycles, and the cycle Home offers.
 */
import type { Calendar } from '../../domain/calendar';
import { CORNERS } from '../../domain/corners';
import { type CycleKind, type CycleRecord, cycleNameKey, cycleToOffer, findCycle, sameCycleName, suggestCycleName } from '../../domain/cycles';
import { type FocusStep, describeFocus, focusAcrossCycles } from '../../domain/focus';
import { type DirectedGap, directedPerceptionGap } from '../../domain/perception';
import { cycleRatingsInOrder } from '../../workbook/cycle-records';
import { type CycleStore, respondentToken } from '../../workbook/cycle-store';
import { readCycleRecords } from '../../workbook/cycle-settings';
import type { Workbook } from '../../workbook/workbook';
import { type TableRow, dateOf, isoDayOf, textOf } from '../../workbook/table';
import { type CycleSummary, type Snapshot, cycles as cycleSummaries, readSnapshot } from '../common/read-model';
import { today } from '../common/request';
import type { CycleInfo, CycleOfferView } from './api';
import { type BreachState, latestCompletedReset, openBreaches } from '../../workbook/breach-read';

export { type CyclesRead, KEEPER, planFixedSettings, readCycleRecords } from '../../workbook/cycle-settings';

/** Everything the views need about cycles, computed once per request from one read of each table. */
export interface CycleContext {
  records: CycleRecord[];
  open: CycleRecord | null;
  /** Assessed cycles in the order they were opened, each with its means and its focus step. */
  assessed: Array<{ summary: CycleSummary; step: FocusStep }>;
}

export function cycleContext(snapshot: Snapshot, records: CycleRecord[]): CycleContext {
  const summaries = cycleSummaries(snapshot);
  const ordered = cycleRatingsInOrder(records, summaries);
  const steps = focusAcrossCycles(ordered, snapshot.model);
  const byName = new Map(summaries.map((summary) => [cycleNameKey(summary.cycle), summary]));
  const open = records.find((record) => record.closedOn === null) ?? null;
  return {
    records,
    open,
    assessed: ordered.map((entry, index) => ({ summary: byName.get(cycleNameKey(entry.name)) as CycleSummary, step: steps[index] })),
  };
}

/** Our company minus the partner company, as the Partnership sheet names them. */
export function directedGap(snapshot: Snapshot, summary: CycleSummary | undefined): DirectedGap | null {
  if (!summary || snapshot.sides.length < 2) return null;
  const gap = directedPerceptionGap(summary.bySide, snapshot.sides[0], snapshot.sides[1]);
  return gap && CORNERS.some((corner) => gap.gaps[corner] !== null) ? gap : null;
}

export const focusReasonOf = (step: FocusStep | undefined): string => (step ? describeFocus(step) : '');

/**
 * The major change recorded on the Partnership sheet that no answer has followed yet, or null.
 * Answers carry their time, so a change recorded on the day a cycle opened or closed is told
 * apart from that cycle (the Cycles sheet keeps days only).
 */
export function pendingMajorChange(snapshot: Snapshot): { change: string; on: Date } | null {
  const row = snapshot.partnershipRow;
  if (!row) return null;
  const change = textOf(row.values.majorChange);
  const on = dateOf(row.values.majorChangeOn);
  if (change === '' || !on) return null;
  // A summed-up cycle never spans the change (read-model.ts reads such a cycle's answers): it was
  // answered since when it opened after it.
  const answeredSince =
    snapshot.assessments.some((assessment) => {
      const date = dateOf(assessment.values.date);
      return date !== null && date.getTime() >= on.getTime();
    }) || snapshot.summarized.some((cycle) => cycle.openedOn !== null && cycle.openedOn.getTime() >= on.getTime());
  return answeredSince ? null : { change, on };
}

/**
 * The cycle Home offers to start now, with a name that does not exist yet. While a severe breach
 * is open the offer is a Reset cycle (the 90-day loop is paused); a major change no answer has
 * followed yet offers an Ad hoc cycle named after it, even when the change was recorded on the day
 * the last cycle opened (the day-level rule alone would offer a second quarterly cycle).
 */
export function offerOf(snapshot: Snapshot, context: CycleContext, calendar: Calendar, breaches: BreachState): CycleOfferView | null {
  if (context.open) return null;
  if (openBreaches(breaches).length > 0) {
    return { kind: 'Reset', reason: 'breach', suggestedName: suggestedName(snapshot, context, 'Reset', calendar) };
  }
  const view = ruleOffer(snapshot, context, calendar, breaches);
  if ((view === null || view.reason === 'due') && context.records.length > 0 && pendingMajorChange(snapshot)) {
    return { kind: 'Ad hoc', reason: 'major-change', suggestedName: suggestedName(snapshot, context, 'Ad hoc', calendar) };
  }
  return view;
}

function ruleOffer(snapshot: Snapshot, context: CycleContext, calendar: Calendar, breaches: BreachState): CycleOfferView | null {
  const completed = latestCompletedReset(breaches);
  const offer = cycleToOffer(
    {
      cycles: context.records,
      nextReassessment: snapshot.nextReassessment,
      majorChangeOn: snapshot.partnershipRow ? dateOf(snapshot.partnershipRow.values.majorChangeOn) : null,
      resetCompleteForBreachOn: completed,
      today: today(),
    },
    calendar,
  );
  return offer ? { ...offer, suggestedName: suggestedName(snapshot, context, offer.kind, calendar) } : null;
}

/**
 * A free name: never one on the Cycles sheet or in the Assessments' Cycle column. An ad hoc cycle
 * after a major change no answer has followed yet is named after the change.
 */
export function suggestedName(snapshot: Snapshot, context: CycleContext, kind: CycleKind, calendar: Calendar): string {
  const names = [...context.records.map((record) => record.name), ...snapshot.cycleNames];
  const about = kind === 'Ad hoc' ? pendingMajorChange(snapshot)?.change ?? '' : '';
  return suggestCycleName(names, kind, today(), calendar, about);
}

export function answeredBySide(store: CycleStore, cycle: CycleRecord, assessments: readonly TableRow[]): Record<string, number> {
  if (cycle.anonymity === 'Sealed') {
    return Object.fromEntries(Object.entries(store.sealedTotals(cycle.name)).map(([side, totals]) => [side, totals.count]));
  }
  const counts: Record<string, number> = {};
  for (const row of assessments) {
    if (!sameCycleName(textOf(row.values.cycle), cycle.name)) continue;
    const side = textOf(row.values.side);
    counts[side] = (counts[side] ?? 0) + (typeof row.values.responses === 'number' ? row.values.responses : 1);
  }
  return counts;
}

export function cycleInfo(cycle: CycleRecord, store: CycleStore, assessments: readonly TableRow[], identity: { personId: () => string } | null, calendar: Calendar): CycleInfo {
  // The token needs the person id (a user-properties read for a caller known by email): asked only when someone has answered.
  const answered = store.respondents(cycle.name);
  return {
    name: cycle.name,
    kind: cycle.kind,
    anonymity: cycle.anonymity,
    minimumPerSide: cycle.sealedMinimum,
    openedOn: isoDayOf(cycle.openedOn, calendar),
    openedBy: cycle.openedBy,
    answeredBySide: answeredBySide(store, cycle, assessments),
    youAnswered: identity !== null && Object.keys(answered).length > 0 && respondentToken(identity.personId(), cycle.name) in answered,
  };
}

/** Closed cycles that have answers, latest close first. */
export function closedCycleNames(context: CycleContext): string[] {
  return context.records
    .filter((record) => record.closedOn !== null && assessedEntry(context, record.name) !== undefined)
    .sort((a, b) => (b.closedOn as Date).getTime() - (a.closedOn as Date).getTime())
    .map((record) => record.name);
}

const assessedEntry = (context: CycleContext, name: string) => context.assessed.find((entry) => cycleNameKey(entry.summary.cycle) === cycleNameKey(name));

/**
 * A closed cycle with answers, with its means and focus step: the one named, else the latest to
 * close (for the governance advice and the review pack); null when there is none.
 */
export function latestClosedCycle(context: CycleContext, named?: string | null): { name: string; entry: CycleContext['assessed'][number] } | null {
  const closed = closedCycleNames(context);
  const name = named ? closed.find((candidate) => cycleNameKey(candidate) === cycleNameKey(named)) : closed[0];
  const entry = name === undefined ? undefined : assessedEntry(context, name);
  return entry ? { name: entry.summary.cycle, entry } : null;
}

/**
 * What the governance view, its save, the breach decisions and a cycle's start and close need: the Partnership row, the
 * assessments' ratings and the cycles; the commitments are not read. `placing`: days the caller
 * sets cycles against (the breach view: the days of the breaches it lists), so a closed cycle
 * spanning one is read from its answers (read-model.ts).
 */
export function readCycleFacts(workbook: Workbook, { placing = [] }: { placing?: readonly Date[] } = {}): { snapshot: Snapshot; context: CycleContext } {
  const snapshot = readSnapshot(workbook, { commitments: false, placing });
  return { snapshot, context: cycleContext(snapshot, readCycleRecords(workbook).records) };
}

/** Whether the cycle `name` closed without one company (the Cycles sheet's One-sided columns), and why. */
export function oneSidedOf(context: CycleContext, name: string): { without: string; reason: string } | null {
  const record = findCycle(context.records, name);
  return record?.oneSidedWithout ? { without: record.oneSidedWithout, reason: record.oneSidedReason ?? '' } : null;
}
