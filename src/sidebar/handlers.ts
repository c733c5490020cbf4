import { type Calendar, quarterOf, startOfDayOf } from '../domain/calendar';
import { COMMITMENT_STATUSES } from '../domain/commitments';
import { CORNERS, cornersAtRisk, needsSafeguards } from '../domain/corners';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, actionDueProblem, addDays, reassessBy } from '../domain/dates';
import { PARTNERSHIP_MODELS } from '../domain/models';
import { NOTABLE_GAP, nextFocus, perceptionGap, weakestCorner } from '../domain/scores';
import { findCommitment, planCommitmentUpdate, planCommitments } from '../workbook/commitments-log';
import { savedIdentity, saveIdentity as storeIdentity } from '../workbook/identity';
import { findSide } from '../workbook/input';
import { type TableLayout, Workbook } from '../workbook/layout';
import { loadExamplePartnership } from '../workbook/load-example';
import { isSetUp, setUpWorkbook as runSetup } from '../workbook/setup';
import { type CellValue, type TableRow, dateOf, isoDayOf, parseIsoDay, readRows, textOf } from '../workbook/table';
import { ASSESSMENTS, BREACHES, PARTNERSHIP } from '../workbook/templates';
import { type WritePlan, saveAtomically } from '../workbook/write-plan';
import { ACTIVITIES } from './activities';
import type {
  ActionInput, AssessmentInput, AssessmentView, CommitmentInput, CommitmentUpdate, CommitmentsView, CornerName, HomeView, Identity, PartnershipInput,
  ResultsView, ServerApi, SubmitResult,
} from './api';
import { guardHandlers } from './boundary/guard';
import { requireCaller } from './caller';
import { CycleStore, type OpenCycleRecord, SEALED_MINIMUM_DEFAULT, respondentToken } from './cycle-store';
import { FRESHNESS_HANDLERS } from './freshness-handlers';
import { methodHandlers } from './method-handlers';
import { cornerSummaries, cycles, daysUntil, readPartnership, readSnapshot, summariseCommitment, toCornerValues, whyItMatters } from './read-model';

const today = (): Date => new Date();

function notSetUpHome(): HomeView {
  return {
    setUp: false, models: [...PARTNERSHIP_MODELS], identity: savedIdentity(), sides: [], model: '', latestCycle: null, corners: cornerSummaries(undefined, undefined),
    sideMeans: [], gaps: null, weakest: null, weakestWhy: '', needsSafeguards: false, attention: [], daysToReassessment: null,
    nextReassessment: null, actions: [], breachMode: null, adHocReason: null,
  };
}

function loadHome(workbook = new Workbook()): HomeView {
  if (!isSetUp()) return notSetUpHome();
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const latest = all[all.length - 1];
  const previous = all[all.length - 2];
  const now = today();
  const calendar = workbook.calendar;
  const summaries = snapshot.commitments.map((row) => summariseCommitment(row, identity, now, calendar));
  const gap = latest ? perceptionGap(latest.bySide.slice(0, 2)) : null;
  const weakest = latest ? weakestCorner(latest.means, snapshot.model) : null;
  return {
    setUp: true,
    models: [...PARTNERSHIP_MODELS],
    identity,
    sides: snapshot.sides,
    model: snapshot.model ?? '',
    latestCycle: latest?.cycle ?? null,
    corners: cornerSummaries(latest, previous),
    sideMeans: (latest?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    weakest: weakest as CornerName | null,
    weakestWhy: whyItMatters(weakest as CornerName | null, snapshot.model),
    needsSafeguards: latest ? needsSafeguards(latest.means) : false,
    attention: summaries
      .filter((item) => item.overdue || item.status === 'At risk')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 5),
    daysToReassessment: snapshot.nextReassessment ? daysUntil(snapshot.nextReassessment, now, calendar) : null,
    nextReassessment: snapshot.nextReassessment ? isoDayOf(snapshot.nextReassessment, calendar) : null,
    actions: latest ? summaries.filter((item) => item.source === `Assessment ${latest.cycle}`) : [],
    breachMode: openBreach(workbook),
    adHocReason: adHocReason(snapshot, calendar),
  };
}

/** The oldest breach whose reset is not complete: while there is one, the home view guides a reset. */
function openBreach(workbook: Workbook): HomeView['breachMode'] {
  const open = readRows(workbook.layout(BREACHES)).find((row) => textOf(row.values.status) !== 'Reset complete');
  if (!open) return null;
  const review = dateOf(open.values.reviewDate);
  return { what: textOf(open.values.what), corner: textOf(open.values.corner), reviewDate: review ? isoDayOf(review, workbook.calendar) : null };
}

/** A major change recorded after the latest assessment makes the reassessment due now, and says why. */
function adHocReason(snapshot: ReturnType<typeof readSnapshot>, calendar: Calendar): string | null {
  const row = snapshot.partnershipRow;
  if (!row) return null;
  const change = textOf(row.values.majorChange);
  const on = dateOf(row.values.majorChangeOn);
  if (change === '' || !on) return null;
  const assessedSince = snapshot.assessments.some((assessment) => {
    const date = dateOf(assessment.values.date);
    return date !== null && date.getTime() >= on.getTime();
  });
  if (assessedSince) return null;
  const note = textOf(row.values.majorChangeNote);
  return `${change} on ${isoDayOf(on, calendar)}${note ? `: ${note}` : ''}. Reassess now rather than waiting for the 90 days.`;
}

function saveIdentity(identity: Identity): HomeView {
  const workbook = new Workbook();
  let side = identity.side;
  if (isSetUp()) {
    const { sides } = readPartnership(workbook);
    if (sides.length > 0) {
      const found = findSide(sides, identity.side);
      if (!found) throw new Error(`"${identity.side}" is not one of the two companies (${sides.join(', ')}).`);
      side = found;
    }
  }
  storeIdentity({ displayName: identity.displayName, side });
  return loadHome(workbook);
}

function setUpWorkbook(partnership?: PartnershipInput | null): HomeView {
  if (partnership && partnership.ourCompany.toLowerCase() === partnership.partnerCompany.toLowerCase()) {
    throw new Error('The two companies need different names.');
  }
  runSetup();
  const workbook = new Workbook();
  if (partnership) {
    saveAtomically('Name the partnership', (plan) => {
      // Never overwrite what someone already typed on the Partnership sheet.
      if (readPartnership(workbook).partnershipRow === null) plan.append(workbook.layout(PARTNERSHIP), [{ ...partnership, startDate: today() }]);
    });
  }
  return loadHome(workbook);
}

function loadAssessment(): AssessmentView {
  const identity = savedIdentity();
  const workbook = new Workbook();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const now = today();
  const store = CycleStore.read();
  const open = store.openCycle();
  const previous = all.filter((cycle) => cycle.cycle !== open?.cycle).pop();
  return {
    identity,
    sides: snapshot.sides,
    openCycle: open ? { ...open, answeredBySide: answeredBySide(store, open, snapshot.assessments) } : null,
    suggestedCycle: quarterOf(workbook.calendar, now),
    sealedMinimumDefault: SEALED_MINIMUM_DEFAULT,
    previousActions: previous
      ? snapshot.commitments
          .map((row) => summariseCommitment(row, identity, now, workbook.calendar))
          .filter((item) => item.source === `Assessment ${previous.cycle}`)
      : [],
  };
}

/** Answers per side of the open cycle: a sealed cycle's held counts, else its rows. */
function answeredBySide(store: CycleStore, open: OpenCycleRecord, assessments: readonly TableRow[]): Record<string, number> {
  if (open.sealed) return Object.fromEntries(Object.entries(store.sealedTotals(open.cycle)).map(([side, totals]) => [side, totals.count]));
  const counts: Record<string, number> = {};
  for (const row of assessments) {
    if (textOf(row.values.cycle) !== open.cycle) continue;
    const side = textOf(row.values.side);
    counts[side] = (counts[side] ?? 0) + (typeof row.values.responses === 'number' ? row.values.responses : 1);
  }
  return counts;
}

/** The open cycle this submission answers: the one already open (its settings fixed), or a new one it opens. */
function cycleFor(input: AssessmentInput, open: OpenCycleRecord | null): { record: OpenCycleRecord; opens: boolean } {
  if (open && open.cycle === input.cycle) {
    if (input.sealed !== open.sealed) {
      throw new Error(`The cycle "${open.cycle}" is ${open.sealed ? 'sealed' : 'not sealed'}; that was fixed when it opened.`);
    }
    if (input.sealedMinimum !== undefined && open.sealed && input.sealedMinimum !== open.minimumPerSide) {
      throw new Error(`The cycle "${open.cycle}" writes means after ${open.minimumPerSide} answers per side; that was fixed when it opened.`);
    }
    return { record: open, opens: false };
  }
  return { record: { cycle: input.cycle, sealed: input.sealed, minimumPerSide: input.sealedMinimum ?? SEALED_MINIMUM_DEFAULT }, opens: true };
}

function submitAssessment(input: AssessmentInput): SubmitResult {
  const workbook = new Workbook();
  const identity = savedIdentity();
  return saveAtomically('Submit assessment', (plan) => {
    const partnership = readPartnership(workbook);
    const caller = requireCaller(partnership.sides, identity);
    const store = CycleStore.read();
    const { record, opens } = cycleFor(input, store.openCycle());
    if (opens) store.planOpenCycle(plan, record);
    const cycle = record.cycle;
    const token = respondentToken(caller.identity.personId, cycle);
    const earlier = store.respondents(cycle)[token];
    const layout = workbook.layout(ASSESSMENTS);
    const rows = readRows(layout);
    const ratings = CORNERS.map((corner) => input.ratings[corner]);

    if (record.sealed) {
      if (earlier !== undefined) throw new Error(`You have already answered the sealed cycle "${cycle}"; each person answers once.`);
      store.planRespondent(plan, cycle, token, '');
      return planSealedAnswer(plan, store, layout, rows, cycle, caller.side, ratings, record.minimumPerSide);
    }

    const participant = input.participant;
    if (earlier !== undefined && (earlier === '' || participant === '')) {
      throw new Error(`You have already answered the cycle "${cycle}"${earlier === '' ? ' anonymously' : ''}; each person answers once${earlier === '' ? '' : ' (a new named answer replaces your earlier one)'}.`);
    }
    store.planRespondent(plan, cycle, token, participant);
    const answer: Record<string, CellValue> = {
      cycle,
      date: today(),
      side: caller.side,
      participant,
      responses: 1,
      ...Object.fromEntries(CORNERS.map((corner, index) => [corner.toLowerCase(), ratings[index]])),
      ...Object.fromEntries(CORNERS.map((corner) => [`${corner.toLowerCase()}Evidence`, input.evidence[corner]])),
    };
    // A named answer replaces the same person's earlier one in this cycle.
    const replaced = earlier
      ? rows.find((row) => textOf(row.values.cycle) === cycle && textOf(row.values.side) === caller.side && textOf(row.values.participant) === earlier)
      : undefined;
    if (replaced) plan.update(layout, replaced.rowNumber, answer);
    else plan.append(layout, [answer]);

    const counts: Record<string, number> = {};
    for (const row of rows) {
      if (row === replaced || textOf(row.values.cycle) !== cycle) continue;
      const side = textOf(row.values.side);
      counts[side] = (counts[side] ?? 0) + (typeof row.values.responses === 'number' ? row.values.responses : 1);
    }
    counts[caller.side] = (counts[caller.side] ?? 0) + 1;
    return { cycle, sealed: false, answeredBySide: counts, writtenSides: Object.keys(counts) };
  });
}

/**
 * Adds one sealed answer to its side's running sums. The side's means row is written when
 * `minimum` people of that side have answered and refreshed at each further multiple of `minimum`:
 * comparing two versions of the row (version history) reveals a batch's mean, never one person's.
 */
function planSealedAnswer(
  plan: WritePlan, store: CycleStore, layout: TableLayout, rows: readonly TableRow[], cycle: string, side: string, ratings: number[], minimum: number,
): SubmitResult {
  const totals = store.sealedTotals(cycle);
  const own = (totals[side] ??= { count: 0, sums: CORNERS.map(() => 0) });
  own.count += 1;
  own.sums = own.sums.map((sum, index) => sum + ratings[index]);
  store.planSealedTotals(plan, cycle, totals);
  if (own.count % minimum === 0) {
    const means = Object.fromEntries(CORNERS.map((corner, index) => [corner.toLowerCase(), own.sums[index] / own.count]));
    const row = { cycle, date: today(), side, participant: '', responses: own.count, ...means };
    const existing = rows.find(
      (candidate) => textOf(candidate.values.cycle) === cycle && textOf(candidate.values.side) === side && textOf(candidate.values.participant) === '',
    );
    if (existing) plan.update(layout, existing.rowNumber, row);
    else plan.append(layout, [row]);
  }
  return {
    cycle,
    sealed: true,
    answeredBySide: Object.fromEntries(Object.entries(totals).map(([key, entry]) => [key, entry.count])),
    writtenSides: Object.entries(totals).filter(([, entry]) => entry.count >= minimum).map(([key]) => key),
  };
}

function loadResults(cycle: string | null | undefined, workbook = new Workbook()): ResultsView {
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const index = cycle ? all.findIndex((candidate) => candidate.cycle === cycle) : all.length - 1;
  if (cycle && index < 0) throw new Error(`There is no assessment cycle "${cycle}" yet.`);
  const current = all[index];
  const previous = index > 0 ? all[index - 1] : undefined;
  const gap = current ? perceptionGap(current.bySide.slice(0, 2)) : null;
  const priority = current ? weakestCorner(current.means, snapshot.model) : null;
  const focus = current && previous ? nextFocus(previous.means, current.means, snapshot.model) : null;
  const now = today();
  return {
    cycle: current?.cycle ?? null,
    cycles: all.map((candidate) => candidate.cycle),
    means: toCornerValues(current?.means ?? { Competence: null, Reliability: null, Transparency: null, Alignment: null }),
    bySide: (current?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    atRisk: current ? (cornersAtRisk(current.means) as CornerName[]) : [],
    notableGaps: gap ? (CORNERS.filter((corner) => Math.abs(gap.gaps[corner] ?? 0) >= NOTABLE_GAP) as CornerName[]) : [],
    priority: (focus?.next ?? priority) as CornerName | null,
    needsSafeguards: current ? needsSafeguards(current.means) : false,
    activities: ACTIVITIES[(focus?.next ?? priority) as CornerName] ?? [],
    reassessment: focus
      ? { targeted: focus.targeted as CornerName, improvement: focus.improvement, improved: focus.improved, next: focus.next as CornerName }
      : null,
    actions: current
      ? snapshot.commitments.map((row) => summariseCommitment(row, identity, now, workbook.calendar)).filter((item) => item.source === `Assessment ${current.cycle}`)
      : [],
    defaultDueDate: isoDayOf(addDays(now, (ACTION_DUE_MIN_DAYS + ACTION_DUE_MAX_DAYS) / 2, workbook.calendar), workbook.calendar),
  };
}

function agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView {
  const workbook = new Workbook();
  const identity = savedIdentity();
  saveAtomically('Agree actions', (plan) => {
    const snapshot = readSnapshot(workbook);
    const caller = requireCaller(snapshot.sides, identity);
    const current = cycles(snapshot).find((candidate) => candidate.cycle === cycle);
    if (!current) throw new Error(`There is no assessment cycle "${cycle}" yet.`);
    const now = today();
    actions.forEach((action, index) => {
      const problem = actionDueProblem(now, parseIsoDay(action.dueDate, `Action ${index + 1}'s due date`, workbook.calendar), workbook.calendar);
      if (problem) throw new Error(`Action ${index + 1}'s due date ${action.dueDate} ${problem}.`);
    });
    planCommitments(
      plan,
      workbook,
      actions.map((action) => ({ ...action, corner, source: `Assessment ${cycle}`, status: 'Proposed' })),
      snapshot.sides,
      caller.actor,
    );
    const due = reassessBy(current.date ?? startOfDayOf(workbook.calendar, now), undefined, workbook.calendar);
    if (snapshot.partnershipRow) plan.update(workbook.layout(PARTNERSHIP), snapshot.partnershipRow.rowNumber, { nextReassessment: due });
  });
  return loadResults(cycle, workbook);
}

function loadCommitments(workbook = new Workbook()): CommitmentsView {
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const now = today();
  return {
    sides: snapshot.sides,
    identity,
    commitments: snapshot.commitments.map((row) => summariseCommitment(row, identity, now, workbook.calendar)),
    statuses: [...COMMITMENT_STATUSES],
    corners: [...CORNERS],
  };
}

function acceptCommitment(id: string): CommitmentsView {
  const workbook = new Workbook();
  const identity = savedIdentity();
  saveAtomically('Accept commitment', (plan) => {
    const caller = requireCaller(readPartnership(workbook).sides, identity);
    const row = findCommitment(workbook, id);
    const status = textOf(row.values.status);
    if (status !== 'Proposed') throw new Error(`${id} is already ${status || 'without a status'}; only a proposed commitment can be accepted.`);
    // Who may accept was fixed when it was proposed: the side across from the proposer's.
    if (textOf(row.values.proposerSide).toLowerCase() === caller.side.toLowerCase()) {
      throw new Error(`${id} was proposed by your side (${caller.side}); the other side accepts it.`);
    }
    planCommitmentUpdate(plan, workbook, row, { status: 'Open', acceptedBy: caller.actor.label }, caller.actor);
  });
  return loadCommitments(workbook);
}

function addCommitment(input: CommitmentInput): CommitmentsView {
  const workbook = new Workbook();
  const identity = savedIdentity();
  saveAtomically('Add commitment', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const due = parseIsoDay(input.dueDate, 'The due date', workbook.calendar);
    if (workbook.calendar.dayNumber(due) < workbook.calendar.dayNumber(today())) {
      throw new Error(`The due date ${input.dueDate} is in the past; a new commitment is due today or later.`);
    }
    planCommitments(plan, workbook, [{ ...input, source: 'Weekly sync', status: 'Proposed' }], sides, caller.actor);
  });
  return loadCommitments(workbook);
}

function updateCommitment(update: CommitmentUpdate): CommitmentsView {
  const { id, ...changes } = update;
  const workbook = new Workbook();
  const identity = savedIdentity();
  saveAtomically('Update commitment', (plan) => {
    const caller = requireCaller(readPartnership(workbook).sides, identity);
    const row = findCommitment(workbook, id);
    if (changes.status === 'Open' && textOf(row.values.status) === 'Proposed') {
      throw new Error(`${id} is waiting for the other side to accept it; accepting sets it to Open.`);
    }
    planCommitmentUpdate(plan, workbook, row, changes, caller.actor);
  });
  return loadCommitments(workbook);
}

/** The handlers google.script.run calls, by the names in SidebarApi and MethodApi. */
export const SIDEBAR_HANDLERS: ServerApi = guardHandlers({
  // Handlers called by google.script.run get only the client's arguments, never a workbook.
  loadHome: () => loadHome(),
  saveIdentity,
  setUpWorkbook,
  loadExample: () => {
    loadExamplePartnership();
    return loadHome();
  },
  loadAssessment,
  submitAssessment,
  loadResults: (cycle) => loadResults(cycle),
  agreeActions,
  acceptCommitment,
  loadCommitments: () => loadCommitments(),
  addCommitment,
  updateCommitment,
  ...methodHandlers(() => loadHome()),
  ...FRESHNESS_HANDLERS,
});
