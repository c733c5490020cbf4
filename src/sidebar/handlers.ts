import type { Calendar } from '../domain/calendar';
import { COMMITMENT_STATUSES } from '../domain/commitments';
import { CORNERS, cornersAtRisk, needsSafeguards } from '../domain/corners';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, actionDueProblem, addDays } from '../domain/dates';
import { PARTNERSHIP_MODELS } from '../domain/models';
import { NOTABLE_GAP } from '../domain/scores';
import { findCommitment, planCommitmentUpdate, planCommitments } from '../workbook/commitments-log';
import { saveIdentity as storeIdentity } from '../workbook/identity';
import { findSide } from '../workbook/input';
import { Workbook } from '../workbook/layout';
import { loadExamplePartnership } from '../workbook/load-example';
import { setUpWorkbook as runSetup } from '../workbook/setup';
import { type TableRow, dateOf, isoDayOf, parseIsoDay, readRows, textOf } from '../workbook/table';
import { BREACHES, PARTNERSHIP } from '../workbook/templates';
import { saveAtomically } from '../workbook/write-plan';
import { ACTIVITIES } from './activities';
import type {
  ActionInput, CommitmentInput, CommitmentUpdate, CommitmentsView, CornerName, HomeView, Identity, PartnershipInput,
  ResultsView, ServerApi,
} from './api';
import { guardHandlers } from './boundary/guard';
import { publicIdentity, requireCaller } from './caller';
import { CycleStore } from './cycle-store';
import { closeCycle, cycleContext, cycleInfo, directedGap, focusReasonOf, loadAssessment, offerOf, readCycleRecords, startCycle, submitAssessment } from './assessment';
import { sameCycleName } from '../domain/cycles';
import { FRESHNESS_HANDLERS } from './freshness-handlers';
import { breachView, methodHandlers } from './method-handlers';
import { exitOf, governanceHandlers, governanceHomeNote } from './governance-handlers';
import { prepareReview } from './review-pack-handler';
import { acceptanceProblem, negotiationHandlers } from './negotiation-handlers';
import { SCORECARD_HANDLERS } from './scorecard-handlers';
import { BREACH_STATE_KEYS, cornerSummaries, daysUntil, readCommitmentRows, readPartnership, readSnapshot, summariseCommitment, toCornerValues, whyItMatters } from './read-model';

const today = (): Date => new Date();

function notSetUpHome(workbook: Workbook): HomeView {
  return {
    setUp: false, models: [...PARTNERSHIP_MODELS], identity: publicIdentity(workbook.identity), sides: [], model: '', latestCycle: null, corners: cornerSummaries(undefined, undefined),
    sideMeans: [], gaps: null, gapLabel: null, weakest: null, weakestWhy: '', focusReason: '', openCycle: null, offer: null, needsSafeguards: false, attention: [], daysToReassessment: null,
    nextReassessment: null, actions: [], breachMode: null, adHocReason: null, governance: { state: 'unchosen', approach: '', reviewDue: null, daysToReview: null }, exited: null,
  };
}

function loadHome(workbook = new Workbook()): HomeView {
  if (!workbook.isSetUp()) return notSetUpHome(workbook);
  const identity = workbook.identity;
  const snapshot = readSnapshot(workbook);
  const context = cycleContext(snapshot, readCycleRecords(workbook).records);
  const latestEntry = context.assessed[context.assessed.length - 1];
  const latest = latestEntry?.summary;
  const previous = context.assessed[context.assessed.length - 2]?.summary;
  const now = today();
  const calendar = workbook.calendar;
  const summaries = snapshot.commitments.map((row) => summariseCommitment(row, identity, now, calendar));
  const gap = directedGap(snapshot, latest);
  const focus = (latestEntry?.step.focus ?? null) as CornerName | null;
  const breaches = readRows(workbook.layout(BREACHES), BREACH_STATE_KEYS);
  // An exit closes the loop: no reset to guide, no reassessment, no new cycle; the records stay.
  const exited = exitOf(snapshot.partnershipRow, calendar);
  return {
    setUp: true,
    models: [...PARTNERSHIP_MODELS],
    identity: publicIdentity(identity),
    sides: snapshot.sides,
    model: snapshot.model ?? '',
    latestCycle: latest?.cycle ?? null,
    corners: cornerSummaries(latest, previous),
    sideMeans: orderedSides(snapshot.sides, latest?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    gapLabel: gap?.label ?? null,
    weakest: focus,
    weakestWhy: whyItMatters(focus, snapshot.model),
    focusReason: focusReasonOf(latestEntry?.step),
    openCycle: context.open ? cycleInfo(context.open, CycleStore.of(workbook), snapshot.assessments, identity, calendar) : null,
    offer: context.open || exited ? null : offerOf(snapshot, context, calendar, breaches),
    needsSafeguards: latest ? needsSafeguards(latest.means) : false,
    attention: summaries
      .filter((item) => item.overdue || item.status === 'At risk')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 5),
    daysToReassessment: snapshot.nextReassessment && !exited ? daysUntil(snapshot.nextReassessment, now, calendar) : null,
    nextReassessment: snapshot.nextReassessment && !exited ? isoDayOf(snapshot.nextReassessment, calendar) : null,
    actions: latest ? summaries.filter((item) => item.source === `Assessment ${latest.cycle}`) : [],
    breachMode: exited ? null : openBreach(breaches, calendar),
    adHocReason: exited ? null : adHocReason(snapshot, calendar),
    governance: governanceHomeNote(snapshot.partnershipRow, now, calendar),
    exited,
  };
}

/** The oldest breach whose reset is not complete: while there is one, the home view guides a reset. */
function openBreach(breaches: readonly TableRow[], calendar: Calendar): HomeView['breachMode'] {
  const open = breaches.find((row) => textOf(row.values.status) !== 'Reset complete');
  if (!open) return null;
  const review = dateOf(open.values.reviewDate);
  return { what: textOf(open.values.what), corner: textOf(open.values.corner), reviewDate: review ? isoDayOf(review, calendar) : null };
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
  if (workbook.isSetUp()) {
    const { sides } = readPartnership(workbook);
    if (sides.length > 0) {
      const found = findSide(sides, identity.side);
      if (!found) throw new Error(`"${identity.side}" is not one of the two companies (${sides.join(', ')}).`);
      side = found;
    }
  }
  workbook.rememberIdentity(storeIdentity({ displayName: identity.displayName, side }));
  return loadHome(workbook);
}

function setUpWorkbook(partnership?: PartnershipInput | null): HomeView {
  if (partnership && partnership.ourCompany.toLowerCase() === partnership.partnerCompany.toLowerCase()) {
    throw new Error('The two companies need different names.');
  }
  runSetup();
  const workbook = new Workbook();
  if (partnership) {
    saveAtomically(workbook, 'Name the partnership', (plan) => {
      // Never overwrite what someone already typed on the Partnership sheet.
      if (readPartnership(workbook).partnershipRow === null) plan.append(workbook.layout(PARTNERSHIP), [{ ...partnership, startDate: today() }]);
    });
  }
  return loadHome(workbook);
}

function loadResults(cycle: string | null | undefined, workbook = new Workbook()): ResultsView {
  const identity = workbook.identity;
  const snapshot = readSnapshot(workbook);
  const context = cycleContext(snapshot, readCycleRecords(workbook).records);
  const all = context.assessed;
  const index = cycle ? all.findIndex((entry) => sameCycleName(entry.summary.cycle, cycle)) : all.length - 1;
  if (cycle && index < 0) throw new Error(`There is no assessment cycle "${cycle}" with answers yet.`);
  const current = all[index];
  const previous = index > 0 ? all[index - 1] : undefined;
  const gap = directedGap(snapshot, current?.summary);
  const step = current?.step;
  const reason = step?.reason;
  const now = today();
  const focus = (step?.focus ?? null) as CornerName | null;
  return {
    cycle: current?.summary.cycle ?? null,
    cycles: all.map((entry) => entry.summary.cycle),
    means: toCornerValues(current?.summary.means ?? { Competence: null, Reliability: null, Transparency: null, Alignment: null }),
    bySide: orderedSides(snapshot.sides, current?.summary.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    gapLabel: gap?.label ?? null,
    open: current ? context.open !== null && sameCycleName(context.open.name, current.summary.cycle) : false,
    atRisk: current ? (cornersAtRisk(current.summary.means) as CornerName[]) : [],
    notableGaps: gap ? (CORNERS.filter((corner) => Math.abs(gap.gaps[corner] ?? 0) >= NOTABLE_GAP) as CornerName[]) : [],
    priority: focus,
    focusReason: focusReasonOf(step),
    needsSafeguards: current ? needsSafeguards(current.summary.means) : false,
    activities: focus ? ACTIVITIES[focus] : [],
    reassessment:
      previous && reason && (reason.rule === 'kept' || reason.rule === 'shifted')
        ? {
            targeted: (reason.rule === 'kept' ? reason.focus : reason.from) as CornerName,
            improvement: reason.improvement,
            improved: reason.rule === 'shifted',
            next: focus as CornerName,
          }
        : null,
    actions: current
      ? snapshot.commitments
          .map((row) => summariseCommitment(row, identity, now, workbook.calendar))
          .filter((item) => item.source === `Assessment ${current.summary.cycle}`)
      : [],
    defaultDueDate: isoDayOf(addDays(now, (ACTION_DUE_MIN_DAYS + ACTION_DUE_MAX_DAYS) / 2, workbook.calendar), workbook.calendar),
  };
}

/** Our company first, then the partner's, then any other spelling found in the answers. */
function orderedSides<T extends { side: string }>(sides: readonly string[], bySide: readonly T[]): T[] {
  const rank = (side: string) => {
    const at = sides.findIndex((candidate) => candidate.toLowerCase() === side.toLowerCase());
    return at < 0 ? sides.length : at;
  };
  return [...bySide].sort((a, b) => rank(a.side) - rank(b.side));
}

function agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Agree actions', (plan) => {
    const snapshot = readSnapshot(workbook);
    const caller = requireCaller(snapshot.sides, identity);
    const context = cycleContext(snapshot, readCycleRecords(workbook).records);
    const current = context.assessed.find((entry) => sameCycleName(entry.summary.cycle, cycle));
    if (!current) throw new Error(`There is no assessment cycle "${cycle}" with answers yet.`);
    if (current.step.focus !== null && current.step.focus !== corner) {
      throw new Error(`The focus of ${current.summary.cycle} is ${current.step.focus}; agree the actions for it.`);
    }
    const now = today();
    actions.forEach((action, index) => {
      const problem = actionDueProblem(now, parseIsoDay(action.dueDate, `Action ${index + 1}'s due date`, workbook.calendar), workbook.calendar);
      if (problem) throw new Error(`Action ${index + 1}'s due date ${action.dueDate} ${problem}.`);
    });
    planCommitments(
      plan,
      workbook,
      actions.map((action) => ({ ...action, corner, source: `Assessment ${current.summary.cycle}`, status: 'Proposed' })),
      snapshot.sides,
      caller.actor,
    );
  });
  return loadResults(cycle, workbook);
}

function loadCommitments(workbook = new Workbook()): CommitmentsView {
  const identity = workbook.identity;
  const { sides } = readPartnership(workbook);
  const commitments = readCommitmentRows(workbook);
  const now = today();
  return {
    sides,
    identity: publicIdentity(identity),
    commitments: commitments.map((row) => summariseCommitment(row, identity, now, workbook.calendar)),
    statuses: [...COMMITMENT_STATUSES],
    corners: [...CORNERS],
  };
}

function acceptCommitment(id: string): CommitmentsView {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Accept commitment', (plan) => {
    const caller = requireCaller(readPartnership(workbook).sides, identity);
    const row = findCommitment(workbook, id);
    const status = textOf(row.values.status);
    if (status !== 'Proposed') throw new Error(`${id} is already ${status || 'without a status'}; only a proposed commitment can be accepted.`);
    // Who may accept was fixed when it was proposed: the side across from the proposer's.
    if (textOf(row.values.proposerSide).toLowerCase() === caller.side.toLowerCase()) {
      throw new Error(`${id} was proposed by your side (${caller.side}); the other side accepts it.`);
    }
    const late = acceptanceProblem(row, id, today(), workbook.calendar);
    if (late) throw new Error(late);
    planCommitmentUpdate(plan, workbook, row, { status: 'Open', acceptedBy: caller.actor.label }, caller.actor);
  });
  return loadCommitments(workbook);
}

function addCommitment(input: CommitmentInput): CommitmentsView {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Add commitment', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const due = parseIsoDay(input.dueDate, 'The due date', workbook.calendar);
    if (workbook.calendar.dayNumber(due) < workbook.calendar.dayNumber(today())) {
      throw new Error(`The due date ${input.dueDate} is in the past; a new commitment is due today or later.`);
    }
    // The view returned shows every column: read them all once, under the lock (ids come from it too).
    readCommitmentRows(workbook);
    planCommitments(plan, workbook, [{ ...input, source: 'Weekly sync', status: 'Proposed' }], sides, caller.actor);
  });
  return loadCommitments(workbook);
}

function updateCommitment(update: CommitmentUpdate): CommitmentsView {
  const { id, ...changes } = update;
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Update commitment', (plan) => {
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
  loadAssessment: () => loadAssessment(),
  startCycle,
  closeCycle,
  submitAssessment,
  loadResults: (cycle) => loadResults(cycle),
  agreeActions,
  acceptCommitment,
  loadCommitments: () => loadCommitments(),
  addCommitment,
  updateCommitment,
  ...methodHandlers((workbook) => loadHome(workbook)),
  ...FRESHNESS_HANDLERS,
  ...SCORECARD_HANDLERS,
  ...negotiationHandlers((workbook) => loadCommitments(workbook)),
  ...governanceHandlers(breachView, prepareReview),
});
