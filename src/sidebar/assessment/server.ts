/**
 * The assessment cycle's handlers: start a cycle, answer it and close it. The Cycles sheet holds
 * the records both partners see; document properties hold only who answered (tokens) and a sealed
 * cycle's sums (src/workbook/cycle-store.ts).
 */
import { startOfDayOf } from '../../domain/calendar';
import { CORNERS, type Corner } from '../../domain/corners';
import {
  CYCLE_ANONYMITIES, CYCLE_KINDS, type CycleKind, type CycleRecord, closeCycle as closeRecord, cycleForAnswer, findCycle, openCycle as openRecord,
  placeAnswer, sameCycleName,
} from '../../domain/cycles';
import { cycleRowOf } from '../../workbook/cycle-records';
import { ratingRowOf, summarizeCycle, summaryCells } from '../../workbook/cycle-summary';
import { CycleStore, SEALED_MINIMUM_DEFAULT, respondentToken } from '../../workbook/cycle-store';
import { type TableLayout, Workbook } from '../../workbook/layout';
import { type CellValue, type TableRow, dateOf, isoDayOf, readRows, textOf } from '../../workbook/table';
import { ASSESSMENTS, BREACHES, PARTNERSHIP } from '../../workbook/templates';
import type { WritePlan } from '../../workbook/write-plan';
import type { Ritual } from '../ritual';
import type { AssessmentApi, AssessmentView, SubmitResult } from './api';
import { publicIdentity } from '../common/caller';
import { BREACH_STATE_KEYS, readSnapshot, summariseCommitment } from '../common/read-model';
import { save, saveThenShow, today } from '../common/request';
import { answeredBySide, cycleContext, cycleInfo, offerOf, readCycleRecords, suggestedName } from './cycles';
import { ASSESSMENT_ARGUMENTS } from './inputs';

function loadAssessment(workbook = new Workbook()): AssessmentView {
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

const startCycle: AssessmentApi['startCycle'] = (input) =>
  saveThenShow('Start cycle', ({ workbook, plan, caller: callerAmong }) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = callerAmong(snapshot.sides);
    // An exit (breach/server.ts decideBreach, on the Partnership row) ends the loop: no cycle starts after it.
    const exitedOn = dateOf(snapshot.partnershipRow?.values.exitedOn);
    if (exitedOn) {
      const after = textOf(snapshot.partnershipRow?.values.exitedAfter);
      throw new Error(`The partnership was exited on ${isoDayOf(exitedOn, workbook.calendar)}${after ? ` after breach ${after}` : ''}: no new cycle starts. Every record is kept; clear "Exited on" on the Partnership sheet to reopen the loop.`);
    }
    const { records, layout } = readCycleRecords(workbook);
    // A name already used in the Assessments sheet (before the Cycles sheet existed) is taken too.
    const used = snapshot.cycleNames.find((named) => sameCycleName(named, input.name));
    if (used && !findCycle(records, input.name)) throw new Error(`Answers for a cycle named "${used}" already exist; a name is never reused, pick another.`);
    const record = openRecord(records, {
      name: input.name,
      kind: input.kind,
      anonymity: input.anonymity,
      sealedMinimum: input.anonymity === 'Sealed' ? (input.sealedMinimum ?? SEALED_MINIMUM_DEFAULT) : undefined,
      openedOn: startOfDayOf(workbook.calendar, today()),
      openedBy: caller.actor.label,
    });
    plan.append(requireCyclesSheet(layout), [cycleRowOf(record)]);
  }, loadAssessment);

const closeCycle: AssessmentApi['closeCycle'] = (name) =>
  saveThenShow('Close cycle', ({ workbook, plan, caller: callerAmong }) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = callerAmong(snapshot.sides);
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
    // The closed cycle as a summary on its row (issue 21), in the same save: views read it from
    // now on instead of its answers.
    const companies: [string, string] = [textOf(snapshot.partnershipRow?.values.ourCompany), textOf(snapshot.partnershipRow?.values.partnerCompany)];
    const answered = snapshot.assessments.filter((candidate) => sameCycleName(textOf(candidate.values.cycle), open.name)).map((candidate) => ratingRowOf(candidate.values));
    plan.update(requireCyclesSheet(layout), row.rowNumber, summaryCells(summarizeCycle(answered, companies, closed.focus)));
  }, loadAssessment);

const submitAssessment: AssessmentApi['submitAssessment'] = (input) =>
  save('Submit assessment', ({ workbook, plan, caller: callerAmong }) => {
    const snapshot = readSnapshot(workbook, { commitments: false, assessments: ['cycle', 'side', 'participant'] });
    const caller = callerAmong(snapshot.sides);
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

export const ASSESSMENT: Ritual<AssessmentApi> = {
  handlers: { loadAssessment: () => loadAssessment(), startCycle, closeCycle, submitAssessment },
  arguments: ASSESSMENT_ARGUMENTS,
};
