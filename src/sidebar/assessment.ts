/**
 * The assessment cycle on the server: what is open, who answered, the focus across cycles, and the
 * handlers that start a cycle, answer it and close it. The Cycles sheet holds the records both
 * partners see; document properties hold only who answered (tokens) and a sealed cycle's sums.
 */
import type { Calendar } from '../domain/calendar';
import { startOfDayOf } from '../domain/calendar';
import { CORNERS, type Corner } from '../domain/corners';
import {
  CYCLE_ANONYMITIES, CYCLE_KINDS, type CycleKind, type CycleRecord, closeCycle as closeRecord, cycleForAnswer, cycleNameKey, findCycle, openCycle as openRecord,
  cycleToOffer, placeAnswer, sameCycleName, suggestCycleName,
} from '../domain/cycles';
import { type FocusStep, describeFocus, focusAcrossCycles } from '../domain/focus';
import { type DirectedGap, directedPerceptionGap } from '../domain/perception';
import { cycleRatingsInOrder, cycleRecordsOf, cycleRowOf } from '../workbook/cycle-records';
import { MissingTableError, type TableLayout, Workbook } from '../workbook/layout';
import { type CellValue, type TableRow, dateOf, isoDayOf, readRows, textOf } from '../workbook/table';
import { ASSESSMENTS, BREACHES, CYCLES, PARTNERSHIP } from '../workbook/templates';
import { type WritePlan, saveAtomically } from '../workbook/write-plan';
import type { AssessmentInput, AssessmentView, CycleInfo, CycleOfferView, StartCycleInput, SubmitResult } from './api';
import { publicIdentity, requireCaller } from './caller';
import { CycleStore, SEALED_MINIMUM_DEFAULT, respondentToken } from './cycle-store';
import { type CycleSummary, type Snapshot, cycles as cycleSummaries, BREACH_STATE_KEYS, readSnapshot, summariseCommitment } from './read-model';

const today = (): Date => new Date();

/** The Cycles sheet as records; an older workbook without the sheet has none until Repair adds it. */
export function readCycleRecords(workbook: Workbook): { records: CycleRecord[]; rows: TableRow[]; layout: TableLayout | null } {
  let layout: TableLayout;
  try {
    layout = workbook.layout(CYCLES);
  } catch (error) {
    if (error instanceof MissingTableError) return { records: [], rows: [], layout: null };
    throw error;
  }
  const rows = readRows(layout);
  return { records: cycleRecordsOf(rows), rows, layout };
}

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

/** The cycle Home offers to start now, with a name that does not exist yet. */
export function offerOf(snapshot: Snapshot, context: CycleContext, calendar: Calendar, breachRows: readonly TableRow[]): CycleOfferView | null {
  const completed = breachRows
    .filter((row) => textOf(row.values.status) === 'Reset complete')
    .map((row) => dateOf(row.values.reviewDate) ?? dateOf(row.values.date))
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
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

/** A free name: never one on the Cycles sheet or in the Assessments' Cycle column. */
function suggestedName(snapshot: Snapshot, context: CycleContext, kind: CycleKind, calendar: Calendar): string {
  const names = [...context.records.map((record) => record.name), ...cycleSummaries(snapshot).map((summary) => summary.cycle)];
  return suggestCycleName(names, kind, today(), calendar);
}

function answeredBySide(store: CycleStore, cycle: CycleRecord, assessments: readonly TableRow[]): Record<string, number> {
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

export function cycleInfo(cycle: CycleRecord, store: CycleStore, assessments: readonly TableRow[], identity: { personId: string } | null, calendar: Calendar): CycleInfo {
  return {
    name: cycle.name,
    kind: cycle.kind,
    anonymity: cycle.anonymity,
    minimumPerSide: cycle.sealedMinimum,
    openedOn: isoDayOf(cycle.openedOn, calendar),
    openedBy: cycle.openedBy,
    answeredBySide: answeredBySide(store, cycle, assessments),
    youAnswered: identity !== null && respondentToken(identity.personId, cycle.name) in store.respondents(cycle.name),
  };
}

export function loadAssessment(workbook = new Workbook()): AssessmentView {
  const identity = workbook.identity;
  const snapshot = readSnapshot(workbook);
  const { records } = readCycleRecords(workbook);
  const context = cycleContext(snapshot, records);
  const calendar = workbook.calendar;
  const store = CycleStore.of(workbook);
  const now = today();
  const previous = [...context.assessed].reverse().find((entry) => !context.open || !sameCycleName(entry.summary.cycle, context.open.name));
  const suggestedNames = Object.fromEntries(CYCLE_KINDS.map((kind) => [kind, suggestedName(snapshot, context, kind, calendar)])) as Record<CycleKind, string>;
  return {
    identity: publicIdentity(identity),
    sides: snapshot.sides,
    openCycle: context.open ? cycleInfo(context.open, store, snapshot.assessments, identity, calendar) : null,
    offer: context.open ? null : offerOf(snapshot, context, calendar, readRows(workbook.layout(BREACHES), BREACH_STATE_KEYS)),
    suggestedNames,
    kinds: [...CYCLE_KINDS],
    anonymities: [...CYCLE_ANONYMITIES],
    previousCycle: previous?.summary.cycle ?? null,
    previousActions: previous
      ? snapshot.commitments
          .map((row) => summariseCommitment(row, identity, now, calendar))
          .filter((item) => sameCycleName(item.source.replace(/^Assessment /, ''), previous.summary.cycle) && item.source.startsWith('Assessment '))
      : [],
    sealedMinimumDefault: SEALED_MINIMUM_DEFAULT,
  };
}

function requireCyclesSheet(layout: TableLayout | null): TableLayout {
  if (!layout) throw new Error('The Cycles sheet is missing. Run Extensions → Trust Corners → Repair workbook to add it.');
  return layout;
}

export function startCycle(input: StartCycleInput): AssessmentView {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Start cycle', (plan) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = requireCaller(snapshot.sides, identity);
    // An exit (governance-handlers.ts, on the Partnership row) ends the loop: no cycle starts after it.
    const exitedOn = dateOf(snapshot.partnershipRow?.values.exitedOn);
    if (exitedOn) {
      const after = textOf(snapshot.partnershipRow?.values.exitedAfter);
      throw new Error(`The partnership was exited on ${isoDayOf(exitedOn, workbook.calendar)}${after ? ` after breach ${after}` : ''}: no new cycle starts. Every record is kept; clear "Exited on" on the Partnership sheet to reopen the loop.`);
    }
    const { records, layout } = readCycleRecords(workbook);
    // A name already used in the Assessments sheet (before the Cycles sheet existed) is taken too.
    const used = cycleSummaries(snapshot).find((summary) => sameCycleName(summary.cycle, input.name));
    if (used && !findCycle(records, input.name)) throw new Error(`Answers for a cycle named "${used.cycle}" already exist; a name is never reused, pick another.`);
    const record = openRecord(records, {
      name: input.name,
      kind: input.kind,
      anonymity: input.anonymity,
      sealedMinimum: input.anonymity === 'Sealed' ? (input.sealedMinimum ?? SEALED_MINIMUM_DEFAULT) : undefined,
      openedOn: startOfDayOf(workbook.calendar, today()),
      openedBy: caller.actor.label,
    });
    plan.append(requireCyclesSheet(layout), [cycleRowOf(record)]);
  });
  return loadAssessment(workbook);
}

export function closeCycle(name: string): AssessmentView {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Close cycle', (plan) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = requireCaller(snapshot.sides, identity);
    const { records, rows, layout } = readCycleRecords(workbook);
    const context = cycleContext(snapshot, records);
    const open = context.open;
    if (!open || !sameCycleName(open.name, name)) {
      throw new Error(open ? `The open cycle is "${open.name}", not "${name}"; reload to see it.` : `No cycle is open; "${name}" may have been closed by the other side.`);
    }
    const store = CycleStore.of(workbook);
    const answers = Object.values(answeredBySide(store, open, snapshot.assessments)).reduce((sum, count) => sum + count, 0);
    const step = context.assessed.find((entry) => sameCycleName(entry.summary.cycle, open.name))?.step;
    const { closed, nextReassessment } = closeRecord(
      { cycle: open, closer: { name: caller.actor.label, side: caller.side }, sides: snapshot.sides, closedOn: startOfDayOf(workbook.calendar, today()), focus: (step?.focus ?? null) as Corner | null, answers },
      workbook.calendar,
    );
    const row = rows.find((candidate) => sameCycleName(textOf(candidate.values.name), open.name)) as TableRow;
    plan.update(requireCyclesSheet(layout), row.rowNumber, { closedOn: closed.closedOn, closedBy: closed.closedBy, focus: closed.focus });
    if (nextReassessment && snapshot.partnershipRow) {
      plan.update(workbook.layout(PARTNERSHIP), snapshot.partnershipRow.rowNumber, { nextReassessment });
    }
    // Nothing more can be answered: who answered and the sealed sums are no longer needed.
    store.planForget(plan, open.name);
  });
  return loadAssessment(workbook);
}

export function submitAssessment(input: AssessmentInput): SubmitResult {
  const workbook = new Workbook();
  const identity = workbook.identity;
  return saveAtomically(workbook, 'Submit assessment', (plan) => {
    const snapshot = readSnapshot(workbook, { commitments: false, assessments: ['cycle', 'side', 'participant'] });
    const caller = requireCaller(snapshot.sides, identity);
    const { records } = readCycleRecords(workbook);
    const cycle = cycleForAnswer(records, input.cycle);
    const store = CycleStore.of(workbook);
    const token = respondentToken(caller.identity.personId, cycle.name);
    const earlier = store.respondents(cycle.name)[token];
    const layout = workbook.layout(ASSESSMENTS);
    const rows = snapshot.assessments;
    const ratings = CORNERS.map((corner) => input.ratings[corner]);
    const namedRow = earlier
      ? rows.find((row) => sameCycleName(textOf(row.values.cycle), cycle.name) && textOf(row.values.side) === caller.side && textOf(row.values.participant) === earlier)
      : undefined;
    const placement = placeAnswer(cycle, { answered: earlier !== undefined, namedRow: namedRow?.rowNumber ?? null });
    const participant = cycle.anonymity === 'Named' ? caller.identity.displayName : '';
    store.planRespondent(plan, cycle.name, token, participant);

    if (cycle.anonymity === 'Sealed') return planSealedAnswer(plan, store, layout, rows, cycle, caller.side, ratings);

    const answer: Record<string, CellValue> = {
      cycle: cycle.name,
      date: today(),
      side: caller.side,
      participant,
      responses: 1,
      ...Object.fromEntries(CORNERS.map((corner, index) => [corner.toLowerCase(), ratings[index]])),
      ...Object.fromEntries(CORNERS.map((corner) => [`${corner.toLowerCase()}Evidence`, input.evidence[corner]])),
    };
    if (placement.action === 'replace') plan.update(layout, placement.row, answer);
    else plan.append(layout, [answer]);
    const counts = answeredBySide(store, cycle, rows.filter((row) => row !== namedRow));
    counts[caller.side] = (counts[caller.side] ?? 0) + 1;
    return { cycle: cycle.name, sealed: false, answeredBySide: counts, writtenSides: Object.keys(counts) };
  });
}

/**
 * Adds one sealed answer to its side's running sums. The side's means row is written when
 * `minimum` people of that side have answered and refreshed at each further multiple of `minimum`:
 * comparing two versions of the row (version history) reveals a batch's mean, never one person's.
 */
function planSealedAnswer(plan: WritePlan, store: CycleStore, layout: TableLayout, rows: readonly TableRow[], cycle: CycleRecord, side: string, ratings: number[]): SubmitResult {
  const minimum = cycle.sealedMinimum ?? SEALED_MINIMUM_DEFAULT;
  const totals = store.sealedTotals(cycle.name);
  const own = (totals[side] ??= { count: 0, sums: CORNERS.map(() => 0) });
  own.count += 1;
  own.sums = own.sums.map((sum, index) => sum + ratings[index]);
  store.planSealedTotals(plan, cycle.name, totals);
  if (own.count % minimum === 0) {
    const means = Object.fromEntries(CORNERS.map((corner, index) => [corner.toLowerCase(), own.sums[index] / own.count]));
    const row = { cycle: cycle.name, date: today(), side, participant: '', responses: own.count, ...means };
    const existing = rows.find(
      (candidate) => sameCycleName(textOf(candidate.values.cycle), cycle.name) && textOf(candidate.values.side) === side && textOf(candidate.values.participant) === '',
    );
    if (existing) plan.update(layout, existing.rowNumber, row);
    else plan.append(layout, [row]);
  }
  return {
    cycle: cycle.name,
    sealed: true,
    answeredBySide: Object.fromEntries(Object.entries(totals).map(([key, entry]) => [key, entry.count])),
    writtenSides: Object.entries(totals).filter(([, entry]) => entry.count >= minimum).map(([key]) => key),
  };
}
