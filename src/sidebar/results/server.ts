/** A cycle's results on the server, and the three actions agreed for its focus. */
import { CORNERS, cornersAtRisk, needsSafeguards } from '../../domain/corners';
import { sameCycleName } from '../../domain/cycles';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, actionDueProblem, addDays } from '../../domain/dates';
import { NOTABLE_GAP } from '../../domain/scores';
import { planCommitments } from '../../workbook/commitments-log';
import { Workbook } from '../../workbook/layout';
import { isoDayOf, parseIsoDay } from '../../workbook/table';
import type { Ritual } from '../ritual';
import { cycleContext, oneSidedOf, directedGap, focusReasonOf, readCycleRecords } from '../assessment/cycles';
import type { CornerName } from '../common/api';
import { viewerOf } from '../common/caller';
import { orderedSides, readSnapshot, summariseCommitment, toCornerValues } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { ACTIVITIES } from './activities';
import type { ActionInput, ResultsApi, ResultsView } from './api';
import { RESULTS_ARGUMENTS } from './inputs';

function loadResults(cycle: string | null | undefined, workbook = new Workbook()): ResultsView {
  const identity = viewerOf(workbook);
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
    actions: current
      ? snapshot.commitments
          .map((row) => summariseCommitment(row, identity, now, workbook.calendar))
          .filter((item) => item.source === `Assessment ${current.summary.cycle}`)
      : [],
    defaultDueDate: isoDayOf(addDays(now, (ACTION_DUE_MIN_DAYS + ACTION_DUE_MAX_DAYS) / 2, workbook.calendar), workbook.calendar),
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
      actions.map((action) => ({ ...action, corner, source: `Assessment ${current.summary.cycle}`, status: 'Proposed' })),
      snapshot.sides,
      caller.actor,
    );
  }, (workbook) => loadResults(cycle, workbook));
}

export const RESULTS: Ritual<ResultsApi> = {
  handlers: { loadResults: (cycle) => loadResults(cycle), agreeActions },
  arguments: RESULTS_ARGUMENTS,
};
