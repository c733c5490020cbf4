/**
 * The assessment cycle's handlers: start a cycle, answer it and close it. The Cycles sheet holds
 * the records both partners see; document properties hold only who answered (tokens) and a sealed
 * cycle's sums (src/workbook/cycle-store.ts).
 */
import { startOfDayOf } from '../../domain/calendar';
import { CORNERS, type Corner } from '../../domain/corners';
import { sideKey } from '../../domain/scores';
import {
  CYCLE_ANONYMITIES, CYCLE_KINDS, quarterlyOpensOn, type CycleKind, type CycleRecord, closeCycle as closeRecord, cycleForAnswer, findCycle, openCycle as openRecord,
  placeAnswer, sameCycleName,
} from '../../domain/cycles';
import { cycleRowOf } from '../../workbook/cycle-records';
import { CycleStore, SEALED_MINIMUM_DEFAULT, respondentToken, settingsOf } from '../../workbook/cycle-store';
import { ratingRowOf, summarizeCycle, summaryCells } from '../../workbook/cycle-summary';
import { type TableLayout } from '../../workbook/layout';
import { Workbook } from '../../workbook/workbook';
import { type CellValue, type TableRow, dateOf, isoDayOf, textOf } from '../../workbook/table';
import { ASSESSMENTS, CYCLES, PARTNERSHIP } from '../../workbook/templates';
import type { WritePlan } from '../../workbook/write-plan';
import type { Ritual } from '../ritual';
import type { AssessmentApi, AssessmentView, SubmitResult } from './api';
import { publicIdentity, viewerOf } from '../common/caller';
import { commitmentsWithActionsOf, readSnapshot, summariseCommitment } from '../common/read-model';
import { save, saveThenShow, today } from '../common/request';
import { answeredBySide, cycleContext, cycleInfo, offerOf, planFixedSettings, readCycleRecords, suggestedName } from './cycles';
import { ASSESSMENT_ARGUMENTS } from './inputs';
import { readBreachState } from '../../workbook/breach-read';
import { ASSESSMENT_RATING_KEYS } from '../../workbook/answers-read';

/** The Assessments' evidence columns, one per corner. */
const EVIDENCE_KEYS: readonly string[] = CORNERS.map((corner) => `${corner.toLowerCase()}Evidence`);

/**
 * The caller's own earlier answer to the open cycle, for "Replace my answer": named cycles only.
 * An anonymous answer carries no name and a sealed one is never stored, so neither can be told
 * apart from the others; nobody ever receives another person's answer. `participant` is the name
 * the cycle's record of who answered keeps under this person's own token.
 */
function earlierAnswerOf(rows: readonly TableRow[], cycle: CycleRecord, side: string, participant: string, calendar: Workbook['calendar']): AssessmentView['yourAnswer'] {
  const row = rows.find(
    (candidate) => sameCycleName(textOf(candidate.values.cycle), cycle.name) && sideKey(textOf(candidate.values.side)) === sideKey(side) && textOf(candidate.values.participant) === participant,
  );
  if (!row) return null;
  const rating = (value: CellValue | undefined): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10 ? value : null);
  const date = dateOf(row.values.date);
  return {
    ratings: Object.fromEntries(CORNERS.map((corner) => [corner, rating(row.values[corner.toLowerCase()])])) as Record<Corner, number | null>,
    evidence: Object.fromEntries(CORNERS.map((corner) => [corner, textOf(row.values[`${corner.toLowerCase()}Evidence`])])) as Record<Corner, string>,
    answeredOn: date ? isoDayOf(date, calendar) : '',
  };
}

const isoOrNull = (date: Date | null, calendar: Workbook['calendar']): string | null => (date ? isoDayOf(date, calendar) : null);

function loadAssessment(workbook = new Workbook()): AssessmentView {
  const identity = viewerOf(workbook);
  const { records } = readCycleRecords(workbook);
  const store = CycleStore.of(workbook);
  const open = records.find((record) => record.closedOn === null) ?? null;
  // Who answered a cycle is kept per person token (document properties, read already): the
  // evidence columns are read only when this person has a named answer to show.
  // The token needs the person id (a user-properties read for a caller known by email): asked only when someone has answered.
  const answered = open && open.anonymity === 'Named' && identity ? store.respondents(open.name) : {};
  const earlier = open && identity && Object.keys(answered).length > 0 ? answered[respondentToken(identity.personId(), open.name)] : undefined;
  const snapshot = earlier === undefined ? readSnapshot(workbook) : readSnapshot(workbook, { assessments: [...ASSESSMENT_RATING_KEYS, ...EVIDENCE_KEYS] });
  const context = cycleContext(snapshot, records);
  const calendar = workbook.calendar;
  const now = today();
  const previous = [...context.assessed].reverse().find((entry) => !context.open || !sameCycleName(entry.summary.cycle, context.open.name));
  const suggestedNames = Object.fromEntries(CYCLE_KINDS.map((kind) => [kind, suggestedName(snapshot, context, kind, calendar)])) as Record<CycleKind, string>;
  return {
    identity: publicIdentity(identity),
    sides: snapshot.sides,
    openCycle: context.open ? cycleInfo(context.open, store, snapshot.assessments, identity, calendar) : null,
    offer: context.open ? null : offerOf(snapshot, context, calendar, readBreachState(workbook)),
    suggestedNames,
    kinds: [...CYCLE_KINDS],
    anonymities: [...CYCLE_ANONYMITIES],
    previousCycle: previous?.summary.cycle ?? null,
    previousActions: previous
      ? commitmentsWithActionsOf(workbook, previous.summary.cycle)
          .map((row) => summariseCommitment(row, identity, now, calendar))
          .filter((item) => sameCycleName(item.source.replace(/^Assessment /, ''), previous.summary.cycle) && item.source.startsWith('Assessment '))
      : [],
    sealedMinimumDefault: SEALED_MINIMUM_DEFAULT,
    quarterlyOpensOn: context.open ? null : isoOrNull(quarterlyOpensOn(records, now, calendar), calendar),
    yourAnswer: open && identity && earlier !== undefined ? earlierAnswerOf(snapshot.assessments, open, identity.side, earlier, calendar) : null,
  };
}

function requireCyclesSheet(layout: TableLayout | null): TableLayout {
  if (!layout) throw new Error('The Cycles sheet is missing. Run Extensions → Trust Corners → Repair workbook to add it.');
  return layout;
}

const startCycle: AssessmentApi['startCycle'] = (input) =>
  saveThenShow('Start cycle', ({ workbook, plan, caller: callerAmong, record }) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = callerAmong(snapshot.sides);
    // An exit (breach/server.ts decideBreach, on the Partnership row) ends the loop: no cycle starts after it.
    const exitedOn = dateOf(snapshot.partnershipRow?.values.exitedOn);
    if (exitedOn) {
      const after = textOf(snapshot.partnershipRow?.values.exitedAfter);
      throw new Error(`The partnership was exited on ${isoDayOf(exitedOn, workbook.calendar)}${after ? ` after breach ${after}` : ''}: no new cycle starts. Every record is kept; clear "Exited on" on the Partnership sheet to reopen the loop.`);
    }
    const read = readCycleRecords(workbook);
    const { records, layout } = read;
    // A name already used in the Assessments sheet (before the Cycles sheet existed) is taken too.
    const used = snapshot.cycleNames.find((named) => sameCycleName(named, input.name));
    if (used && !findCycle(records, input.name)) throw new Error(`Answers for a cycle named "${used}" already exist; a name is never reused, pick another.`);
    const opened = openRecord(
      records,
      {
        name: input.name,
        kind: input.kind,
        anonymity: input.anonymity,
        sealedMinimum: input.anonymity === 'Sealed' ? (input.sealedMinimum ?? SEALED_MINIMUM_DEFAULT) : undefined,
        openedOn: startOfDayOf(workbook.calendar, today()),
        openedBy: caller.actor.label,
      },
      workbook.calendar,
    );
    planFixedSettings(plan, workbook, read);
    plan.append(requireCyclesSheet(layout), [cycleRowOf(opened)]);
    // Fixed now, where the sheet cannot change them: a hand edit of the Cycles row changes nothing.
    CycleStore.of(workbook).planSettings(plan, opened.name, settingsOf(opened));
    record({ table: CYCLES, rowId: opened.name, what: 'Cycle opened', now: settingsText(opened) });
  }, loadAssessment);

/** A cycle's settings as the history and the views word them. */
const settingsText = (cycle: CycleRecord): string =>
  `${cycle.kind}, ${cycle.anonymity.toLowerCase()}${cycle.anonymity === 'Sealed' ? `, means written from ${cycle.sealedMinimum ?? SEALED_MINIMUM_DEFAULT} answers per side` : ''}`;

/**
 * Per company (spelled as the Partnership sheet spells it), the answers that put it in the cycle:
 * its people's rows, or in a sealed cycle its held answers once they are enough to write its means.
 */
function inCycleBySide(store: CycleStore, cycle: CycleRecord, assessments: readonly TableRow[], sides: readonly string[]) {
  const answered = answeredBySide(store, cycle, assessments);
  const counted = (side: string) => Object.entries(answered).filter(([key]) => sideKey(key) === sideKey(side)).reduce((sum, [, count]) => sum + count, 0);
  const minimum = cycle.anonymity === 'Sealed' ? (cycle.sealedMinimum ?? SEALED_MINIMUM_DEFAULT) : 1;
  const inCycle = Object.fromEntries(sides.map((side) => [side, counted(side) >= minimum ? counted(side) : 0]));
  const describe = (side: string) =>
    cycle.anonymity === 'Sealed' && counted(side) < minimum ? `${side} ${counted(side)} of the ${minimum} a sealed side needs` : `${side} ${counted(side)}`;
  return { inCycle, describe, answers: Object.values(answered).reduce((sum, count) => sum + count, 0) };
}

/** Closes the open cycle `name`: with both companies in it, or explicitly without one and why. */
function closeOpenCycle(name: string, without: { side: string; reason: string } | null): AssessmentView {
  return saveThenShow(without ? 'Close cycle without a side' : 'Close cycle', ({ workbook, plan, caller: callerAmong, record }) => {
    const snapshot = readSnapshot(workbook, { commitments: false });
    const caller = callerAmong(snapshot.sides);
    const read = readCycleRecords(workbook);
    const { records, rows, layout } = read;
    const context = cycleContext(snapshot, records);
    const open = context.open;
    if (!open || !sameCycleName(open.name, name)) {
      throw new Error(open ? `The open cycle is "${open.name}", not "${name}"; reload to see it.` : `No cycle is open; "${name}" may have been closed by the other side.`);
    }
    const cyclesSheet = requireCyclesSheet(layout);
    if (without && !cyclesSheet.columnOf.has('oneSided')) {
      throw new Error('The Cycles sheet has no One-sided columns yet. Run Extensions → Trust Corners → Repair workbook to add them, then close without the side.');
    }
    const store = CycleStore.of(workbook);
    const counts = inCycleBySide(store, open, snapshot.assessments, snapshot.sides);
    const step = context.assessed.find((entry) => sameCycleName(entry.summary.cycle, open.name))?.step;
    const { closed, nextReassessment } = closeRecord(
      {
        cycle: open,
        closer: { name: caller.actor.label, side: caller.side },
        sides: snapshot.sides,
        closedOn: startOfDayOf(workbook.calendar, today()),
        focus: (step?.focus ?? null) as Corner | null,
        answers: counts.answers,
        inCycleBySide: counts.inCycle,
        without,
        describeSide: counts.describe,
      },
      workbook.calendar,
    );
    planFixedSettings(plan, workbook, read);
    const row = rows.find((candidate) => sameCycleName(textOf(candidate.values.name), open.name)) as TableRow;
    plan.update(cyclesSheet, row.rowNumber, {
      closedOn: closed.closedOn,
      closedBy: closed.closedBy,
      focus: closed.focus,
      ...(closed.oneSidedWithout ? { oneSided: closed.oneSidedWithout, oneSidedReason: closed.oneSidedReason } : {}),
    });
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
    const tally = snapshot.sides.map(counts.describe).join(', ');
    const outcome = closed.oneSidedWithout
      ? `one-sided, without ${closed.oneSidedWithout} (${tally}): ${closed.oneSidedReason}`
      : counts.answers === 0 ? 'closed with no answers: nothing assessed' : `both companies in it (${tally})`;
    const focus = closed.focus ? `; focus ${closed.focus}` : '';
    const next = nextReassessment ? `; next reassessment ${isoDayOf(nextReassessment, workbook.calendar)}` : '';
    record({ table: CYCLES, rowId: open.name, what: closed.oneSidedWithout ? 'Cycle closed one-sided' : 'Cycle closed', now: `${outcome}${focus}${next}` });
  }, loadAssessment);
}

const closeCycle: AssessmentApi['closeCycle'] = (name) => closeOpenCycle(name, null);

const closeCycleWithout: AssessmentApi['closeCycleWithout'] = (input) => closeOpenCycle(input.cycle, { side: input.side, reason: input.reason });

const submitAssessment: AssessmentApi['submitAssessment'] = (input) =>
  save('Submit assessment', ({ workbook, plan, caller: callerAmong, record }) => {
    const snapshot = readSnapshot(workbook, { commitments: false, assessments: ['cycle', 'side', 'participant'] });
    const caller = callerAmong(snapshot.sides);
    const read = readCycleRecords(workbook);
    const cycle = cycleForAnswer(read.records, input.cycle);
    if (cycle.anonymity === 'Sealed') {
      const given = CORNERS.filter((corner) => input.evidence[corner].trim() !== '');
      if (given.length > 0) {
        throw new Error(`"${cycle.name}" is a sealed cycle: evidence text is not kept in a sealed cycle (it could name who wrote it). Clear the evidence for ${given.join(', ')}; bring it to the review instead.`);
      }
    }
    planFixedSettings(plan, workbook, read);
    const store = CycleStore.of(workbook);
    const token = respondentToken(caller.identity.personId(), cycle.name);
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
    // The answer is in the Change History too: a named one by its person, an anonymous or sealed
    // one naming nobody and carrying no ratings (how many answered is public already).
    if (cycle.anonymity === 'Named') record({ table: ASSESSMENTS, rowId: cycle.name, what: placement.action === 'replace' ? 'Answer replaced' : 'Answer', now: `a named answer for ${caller.side}` });
    else record({ table: ASSESSMENTS, rowId: cycle.name, what: 'Answer', now: `an answer to ${cycle.anonymity === 'Sealed' ? 'a sealed' : 'an anonymous'} cycle` }, '');

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
  handlers: { loadAssessment: () => loadAssessment(), startCycle, closeCycle, closeCycleWithout, submitAssessment },
  arguments: ASSESSMENT_ARGUMENTS,
};
