/**
 * Governance on the server: the trust-building approach chosen on purpose and its six-month review
 * (the Partnership sheet's governance columns). The rules live in src/domain/governance.ts; this
 * file reads, checks and plans.
 */
import type { Calendar } from '../../domain/calendar';
import { GOVERNANCE_APPROACHES, governanceAdvice, governanceReviewDue, governanceState, parseApproach } from '../../domain/governance';
import { Workbook } from '../../workbook/workbook';
import { type CellValue, type TableRow, dateOf, isoDayOf, textOf } from '../../workbook/table';
import { PARTNERSHIP } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import { type CycleContext, closedCycleNames, latestClosedCycle, readCycleFacts } from '../assessment/cycles';
import { publicIdentity, viewerOf } from '../common/caller';
import type { Snapshot } from '../common/read-model';
import { save, today } from '../common/request';
import type { GovernanceApi, GovernanceHomeNote, GovernanceRecordView, GovernanceView } from './api';
import { GOVERNANCE_ARGUMENTS } from './inputs';

/** A date cell as yyyy-mm-dd, '' when blank. */
export const day = (value: CellValue | undefined, calendar: Calendar): string => {
  const date = dateOf(value);
  return date ? isoDayOf(date, calendar) : '';
};

function governanceRecordOf(row: TableRow | null, calendar: Calendar): GovernanceRecordView | null {
  if (!row || textOf(row.values.governanceApproach) === '') return null;
  return {
    approach: textOf(row.values.governanceApproach),
    rationale: textOf(row.values.governanceRationale),
    chosenOn: day(row.values.governanceChosenOn, calendar),
    chosenBy: textOf(row.values.governanceChosenBy),
    reviewDue: day(row.values.governanceReviewDue, calendar),
  };
}

/** Home's line about governance, from the Partnership row already read for Home. */
export function governanceHomeNote(row: TableRow | null, now: Date, calendar: Calendar): GovernanceHomeNote {
  const state = governanceState(
    {
      approach: row ? textOf(row.values.governanceApproach) : '',
      chosenOn: row ? dateOf(row.values.governanceChosenOn) : null,
      reviewDue: row ? dateOf(row.values.governanceReviewDue) : null,
    },
    now,
    calendar,
  );
  if (state.state === 'unchosen') return { state: 'unchosen', approach: '', reviewDue: null, daysToReview: null };
  return {
    state: state.state,
    approach: state.approach,
    reviewDue: isoDayOf(state.reviewDue, calendar),
    // Overdue as a negative count (0, not -0, on the day itself).
    daysToReview: state.state === 'current' ? state.daysToReview : state.daysOverdue === 0 ? 0 : -state.daysOverdue,
  };
}


function loadGovernance(workbook = new Workbook()): GovernanceView {
  const { snapshot, context } = readCycleFacts(workbook);
  return governanceView(workbook, snapshot, context);
}

function governanceView(workbook: Workbook, snapshot: Snapshot, context: CycleContext): GovernanceView {
  const calendar = workbook.calendar;
  const now = today();
  const latest = latestClosedCycle(context);
  const advice = governanceAdvice(latest ? { name: latest.name, means: latest.entry.summary.means } : null);
  return {
    identity: publicIdentity(viewerOf(workbook)),
    sides: snapshot.sides,
    approaches: [...GOVERNANCE_APPROACHES],
    record: governanceRecordOf(snapshot.partnershipRow, calendar),
    home: governanceHomeNote(snapshot.partnershipRow, now, calendar),
    advice: { cycle: latest?.name ?? null, ...advice },
    reviewDueIfChosenToday: isoDayOf(governanceReviewDue(now, calendar), calendar),
    closedCycles: closedCycleNames(context),
  };
}

const saveGovernance: GovernanceApi['saveGovernance'] = (input) => {
  const approach = parseApproach(input.approach);
  if (!approach) throw new Error(`The approach "${input.approach}" is not one of ${GOVERNANCE_APPROACHES.join(', ')}.`);
  if (input.rationale === '') throw new Error('The rationale is empty: write down why this approach, so the six-month review can judge it.');
  return save('Choose governance approach', ({ workbook, plan, caller: callerAmong, record }) => {
    const { snapshot, context } = readCycleFacts(workbook);
    const caller = callerAmong(snapshot.sides);
    const row = snapshot.partnershipRow;
    if (!row) throw new Error('Name the partnership on the Partnership sheet first.');
    const now = today();
    const changes = {
      governanceApproach: approach,
      governanceRationale: input.rationale,
      governanceChosenOn: now,
      governanceChosenBy: caller.actor.label,
      governanceReviewDue: governanceReviewDue(now, workbook.calendar),
    };
    plan.update(workbook.layout(PARTNERSHIP), row.rowNumber, changes);
    // The earlier choice stays readable in the Change History: old and new, with their reasons.
    const earlier = textOf(row.values.governanceApproach);
    record({
      table: PARTNERSHIP,
      rowId: 'Partnership',
      what: earlier === '' ? 'Governance approach chosen' : 'Governance approach changed',
      old: earlier === '' ? '' : `${earlier}: ${textOf(row.values.governanceRationale)}`,
      now: `${approach}: ${input.rationale}; review due ${isoDayOf(changes.governanceReviewDue, workbook.calendar)}`,
    });
    // The view returned is computed from what was read and planned: no read after the writes.
    return governanceView(workbook, { ...snapshot, partnershipRow: { ...row, values: { ...row.values, ...changes } } }, context);
  });
};

export const GOVERNANCE: Ritual<GovernanceApi> = {
  handlers: { loadGovernance: () => loadGovernance(), saveGovernance },
  arguments: GOVERNANCE_ARGUMENTS,
};
