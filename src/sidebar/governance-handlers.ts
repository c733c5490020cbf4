/**
 * Governance on the server: the trust-building approach and its six-month review (the Partnership
 * sheet's governance columns), and rebuild or exit after a severe breach (the Breaches sheet's
 * decision columns). The rules live in src/domain/governance.ts; this file reads, checks and plans.
 */
import type { Calendar } from '../domain/calendar';
import { parseCorner } from '../domain/corners';
import { cycleNameKey } from '../domain/cycles';
import {
  type AssessedCycle, GOVERNANCE_APPROACHES, type RecoveryAnswer, breachRecovery, governanceAdvice, governanceReviewDue, governanceState, parseApproach,
  recommendBreachDecision,
} from '../domain/governance';
import { Workbook } from '../workbook/layout';
import { type CellValue, type TableRow, dateOf, isoDayOf, readRows, textOf } from '../workbook/table';
import { BREACHES, PARTNERSHIP } from '../workbook/templates';
import { saveAtomically } from '../workbook/write-plan';
import type { BreachView } from './api';
import { type CycleContext, cycleContext, readCycleRecords } from './assessment';
import { publicIdentity, requireCaller } from './caller';
import type { ExitNote, GovernanceApi, GovernanceHomeNote, GovernanceRecordView, GovernanceView } from './governance-api';
import { type Snapshot, readSnapshot } from './read-model';

const today = (): Date => new Date();
const day = (value: CellValue | undefined, calendar: Calendar): string => {
  const date = dateOf(value);
  return date ? isoDayOf(date, calendar) : '';
};

export function governanceRecordOf(row: TableRow | null, calendar: Calendar): GovernanceRecordView | null {
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
 * What the governance view, its save and the breach decisions need: the Partnership row, the
 * assessments' ratings and the cycles; the commitments are not read.
 */
function readGovernanceFacts(workbook: Workbook): { snapshot: Snapshot; context: CycleContext } {
  const snapshot = readSnapshot(workbook, { commitments: false });
  return { snapshot, context: cycleContext(snapshot, readCycleRecords(workbook).records) };
}

function loadGovernance(workbook = new Workbook()): GovernanceView {
  const { snapshot, context } = readGovernanceFacts(workbook);
  return governanceView(workbook, snapshot, context);
}

function governanceView(workbook: Workbook, snapshot: Snapshot, context: CycleContext): GovernanceView {
  const calendar = workbook.calendar;
  const now = today();
  const latest = latestClosedCycle(context);
  const advice = governanceAdvice(latest ? { name: latest.name, means: latest.entry.summary.means } : null);
  return {
    identity: publicIdentity(workbook.identity),
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
  const workbook = new Workbook();
  const identity = workbook.identity;
  return saveAtomically(workbook, 'Choose governance approach', (plan) => {
    const { snapshot, context } = readGovernanceFacts(workbook);
    const caller = requireCaller(snapshot.sides, identity);
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
    // The view returned is computed from what was read and planned: no read after the writes.
    return governanceView(workbook, { ...snapshot, partnershipRow: { ...row, values: { ...row.values, ...changes } } }, context);
  });
};

// ---- Rebuild or exit ----

/**
 * The exit, from the Partnership row (Home reads it anyway; the breach's own row holds the answers
 * and the reasons): the partnership is over, the records stay.
 */
export function exitOf(partnershipRow: TableRow | null, calendar: Calendar): ExitNote | null {
  if (!partnershipRow || !dateOf(partnershipRow.values.exitedOn)) return null;
  return { breachId: textOf(partnershipRow.values.exitedAfter), decidedOn: day(partnershipRow.values.exitedOn, calendar) };
}

function assessedCycles(context: CycleContext): AssessedCycle[] {
  return context.assessed
    .filter((entry) => entry.summary.date !== null)
    .map((entry) => ({ name: entry.summary.cycle, date: entry.summary.date as Date, means: entry.summary.means }));
}

export type BreachDecisionsView = BreachView['decisions'];

/** Per breach: what was recorded about rebuild or exit, the recovery computed from the cycles, and the rule's recommendation. */
export function breachDecisions(breaches: readonly TableRow[], context: CycleContext, calendar: Calendar): BreachDecisionsView {
  const cycles = assessedCycles(context);
  const out: BreachDecisionsView = {};
  for (const row of breaches) {
    const id = textOf(row.values.id);
    const corner = parseCorner(textOf(row.values.corner));
    const date = dateOf(row.values.date);
    const computed = corner && date ? breachRecovery(corner, date, cycles, calendar) : null;
    const recorded = textOf(row.values.nextCycleRecovered) as RecoveryAnswer | '';
    const dishonesty = textOf(row.values.dishonestyOrDataMisuse);
    const acknowledged = textOf(row.values.partnerAcknowledged) || (dateOf(row.values.acknowledgedOn) ? 'Yes' : '');
    out[id] = {
      dishonestyOrDataMisuse: dishonesty,
      partnerAcknowledged: acknowledged,
      nextCycleRecovered: recorded,
      computedRecovery: computed
        ? { recovered: computed.recovered, before: computed.before, after: computed.after }
        : { recovered: 'Not yet known', before: null, after: null },
      recommendation:
        dishonesty !== '' && acknowledged !== ''
          ? recommendBreachDecision({ dishonestyOrDataMisuse: dishonesty === 'Yes', partnerAcknowledged: acknowledged === 'Yes', recovered: recorded || computed?.recovered || 'Not yet known' })
          : null,
      decision: textOf(row.values.decision),
      reasons: textOf(row.values.decisionReasons),
      decidedOn: day(row.values.decidedOn, calendar),
      decidedBy: textOf(row.values.decidedBy),
    };
  }
  return out;
}

type BreachViewOf = (workbook: Workbook, rows: readonly TableRow[], known?: { context: CycleContext; partnershipRow: TableRow | null }) => BreachView;

function makeDecideBreach(breachView: BreachViewOf): GovernanceApi['decideBreach'] {
  return (input) => {
    if (input.reasons === '') throw new Error('The reasons are empty: write down why, so both sides can read it later.');
    const workbook = new Workbook();
    const identity = workbook.identity;
    return saveAtomically(workbook, 'Decide rebuild or exit', (plan) => {
      const { snapshot, context } = readGovernanceFacts(workbook);
      const caller = requireCaller(snapshot.sides, identity);
      const layout = workbook.layout(BREACHES);
      const rows = readRows(layout);
      const row = rows.find((candidate) => textOf(candidate.values.id) === input.id);
      if (!row) throw new Error(`No breach with id ${input.id}; it may have been deleted.`);
      const earlier = exitOf(snapshot.partnershipRow, workbook.calendar);
      if (earlier) throw new Error(`The partnership was already exited (breach ${earlier.breachId}); the decision stands and every record is kept.`);
      if (textOf(row.values.decision) !== '') throw new Error(`${input.id} was already decided (${textOf(row.values.decision)}).`);
      const changes = {
        dishonestyOrDataMisuse: input.dishonestyOrDataMisuse ? 'Yes' : 'No',
        partnerAcknowledged: input.partnerAcknowledged ? 'Yes' : 'No',
        nextCycleRecovered: input.recovered,
        decision: input.decision,
        decisionReasons: input.reasons,
        decidedOn: today(),
        decidedBy: caller.actor.label,
      };
      plan.update(layout, row.rowNumber, changes);
      let partnershipRow = snapshot.partnershipRow;
      if (input.decision === 'Exit') {
        if (!partnershipRow) throw new Error('Name the partnership on the Partnership sheet first.');
        const exit = { exitedOn: changes.decidedOn, exitedAfter: input.id };
        plan.update(workbook.layout(PARTNERSHIP), partnershipRow.rowNumber, exit);
        partnershipRow = { ...partnershipRow, values: { ...partnershipRow.values, ...exit } };
      }
      // The view returned is computed from what was read and planned: no read after the writes.
      const after = rows.map((candidate) => (candidate === row ? { ...row, values: { ...row.values, ...changes } } : candidate));
      return breachView(workbook, after, { context, partnershipRow });
    });
  };
}

/** The decisions and the exit for the breach view: from what a save already read, else read now (the Partnership row, assessments, cycles). */
export function breachDecisionsFor(
  workbook: Workbook,
  breaches: readonly TableRow[],
  known?: { context: CycleContext; partnershipRow: TableRow | null },
): { decisions: BreachDecisionsView; exited: ExitNote | null } {
  const facts = known ?? (() => {
    const { snapshot, context } = readGovernanceFacts(workbook);
    return { context, partnershipRow: snapshot.partnershipRow };
  })();
  return { decisions: breachDecisions(breaches, facts.context, workbook.calendar), exited: exitOf(facts.partnershipRow, workbook.calendar) };
}

export function governanceHandlers(breachView: BreachViewOf, prepareReview: GovernanceApi['prepareReview']): GovernanceApi {
  return {
    loadGovernance: () => loadGovernance(),
    saveGovernance,
    decideBreach: makeDecideBreach(breachView),
    prepareReview,
  };
}
