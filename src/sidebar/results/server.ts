/** A cycle's results on the server, and the three actions agreed for its focus. */
import { actionSourceOf, countActions, cycleOfSource, describeActionCounts, isReplaceable } from '../../domain/actions';
import { parseStatus } from '../../domain/commitments';
import { CORNERS, cornersAtRisk, needsSafeguards, parseCorner } from '../../domain/corners';
import { sameCycleName } from '../../domain/cycles';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, actionDueProblem, addDays } from '../../domain/dates';
import { NOTABLE_GAP } from '../../domain/scores';
import { findCommitment, planCommitments } from '../../workbook/commitments-log';
import { Workbook } from '../../workbook/workbook';
import { isoDayOf, parseIsoDay, textOf } from '../../workbook/table';
import type { Ritual } from '../ritual';
import { cycleContext, oneSidedOf, directedGap, focusReasonOf, readCycleRecords } from '../assessment/cycles';
import type { CornerName } from '../common/api';
import { viewerOf } from '../common/caller';
import { orderedSides, commitmentsWithActionsOf, readSnapshot, summariseCommitment, toCornerValues } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { ACTIVITIES } from './activities';
import type { ActionInput, ReplacementInput, ResultsApi, ResultsView } from './api';
import { RESULTS_ARGUMENTS } from './inputs';
import { trendOf } from './trend';

function loadResults(cycle: string | null | undefined, workbook = new Workbook()): ResultsView {
  const identity = viewerOf(workbook);
  const snapshot = readSnapshot(workbook);
  const records = readCycleRecords(workbook).records;
  const context = cycleContext(snapshot, records);
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
  const actions = current
    ? commitmentsWithActionsOf(workbook, current.summary.cycle)
        .map((row) => summariseCommitment(row, identity, now, workbook.calendar))
        .filter((item) => item.source === actionSourceOf(current.summary.cycle))
    : [];
  const counts = countActions(actions.map((action) => ({ id: action.id, status: parseStatus(action.status), replaces: action.replaces })));
  return {
    cycle: current?.summary.cycle ?? null,
    cycles: all.map((entry) => entry.summary.cycle),
    means: toCornerValues(current?.summary.means ?? { Competence: null, Reliability: null, Transparency: null, Alignment: null }),
    bySide: orderedSides(snapshot.sides, current?.summary.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    gapLabel: gap?.label ?? null,
    open: current ? context.open !== null && sameCycleName(context.open.name, current.summary.cycle) : false,
    oneSided: current ? oneSidedOf(context, current.summary.cycle) : null,
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
    actions,
    actionCounts: { ...counts, text: describeActionCounts(counts) },
    defaultDueDate: isoDayOf(addDays(now, (ACTION_DUE_MIN_DAYS + ACTION_DUE_MAX_DAYS) / 2, workbook.calendar), workbook.calendar),
    trend: trendOf(snapshot, records),
  };
}

function agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView {
  return saveThenShow('Agree actions', ({ workbook, plan, caller: callerAmong }) => {
    const snapshot = readSnapshot(workbook);
    const caller = callerAmong(snapshot.sides);
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
      actions.map((action) => ({ ...action, corner, source: actionSourceOf(current.summary.cycle), status: 'Proposed' })),
      snapshot.sides,
      caller.actor,
    );
  }, (workbook) => loadResults(cycle, workbook));
}

/**
 * A new action in place of a declined or withdrawn one: the same cycle and corner, Proposed by the
 * caller's side for the other side to answer, due 30 to 60 days out, its *Replaces* naming the
 * action it replaces. An action is replaced once (a declined replacement may be replaced in turn).
 */
function proposeReplacement(input: ReplacementInput): ResultsView {
  let cycleName = '';
  return saveThenShow('Propose a replacement action', ({ workbook, plan, caller: callerAmong }) => {
    const snapshot = readSnapshot(workbook);
    const caller = callerAmong(snapshot.sides);
    const id = input.replaces;
    // A declined action may be settled already: found among the settled rows when not in play.
    const row = findCommitment(workbook, id);
    const cycle = cycleOfSource(textOf(row.values.source));
    if (cycle === null) throw new Error(`${id} is not an action of an assessment cycle; add another commitment under Sync instead.`);
    const status = textOf(row.values.status);
    if (!isReplaceable(parseStatus(status))) throw new Error(`${id} is ${status || 'without a status'}; only a declined or withdrawn action can be replaced.`);
    // A replacement is an action of the same cycle: among its actions, settled or not.
    const already = commitmentsWithActionsOf(workbook, cycle).find((candidate) => textOf(candidate.values.replaces).toUpperCase() === id.toUpperCase());
    if (already) throw new Error(`${id} is replaced already, by ${textOf(already.values.id)}.`);
    const context = cycleContext(snapshot, readCycleRecords(workbook).records);
    const current = context.assessed.find((entry) => sameCycleName(entry.summary.cycle, cycle));
    if (!current) throw new Error(`There is no assessment cycle "${cycle}" with answers for ${id} to belong to.`);
    const corner = parseCorner(textOf(row.values.corner)) ?? current.step.focus;
    if (corner === null) throw new Error(`${id} has no corner and ${current.summary.cycle} no focus: agree actions from its results first.`);
    const problem = actionDueProblem(today(), parseIsoDay(input.dueDate, 'The due date', workbook.calendar), workbook.calendar);
    if (problem) throw new Error(`The due date ${input.dueDate} ${problem}.`);
    const { replaces, ...action } = input;
    planCommitments(plan, workbook, [{ ...action, corner, source: actionSourceOf(current.summary.cycle), status: 'Proposed', replaces }], snapshot.sides, caller.actor);
    cycleName = current.summary.cycle;
  }, (workbook) => loadResults(cycleName, workbook));
}

export const RESULTS: Ritual<ResultsApi> = {
  handlers: { loadResults: (cycle) => loadResults(cycle), agreeActions, proposeReplacement },
  arguments: RESULTS_ARGUMENTS,
};
