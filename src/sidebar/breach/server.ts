/**
 * A severe breach on the server: recorded, the reset that replaces the 90-day loop (acknowledge,
 * prevention plan, facilitated review), then rebuild or exit, decided with reasons (the Breaches
 * sheet's decision columns; an exit also on the Partnership row). The rules: src/domain/governance.ts.
 */
import { RESET_STEPS } from '../../domain/audits';
import type { Calendar } from '../../domain/calendar';
import { parseCorner } from '../../domain/corners';
import { type AssessedCycle, type RecoveryAnswer, breachRecovery, recommendBreachDecision } from '../../domain/governance';
import { nextIds } from '../../workbook/input';
import { Workbook } from '../../workbook/workbook';
import { type CellValue, type TableRow, dateOf, isoDayOf, parseIsoDay, textOf } from '../../workbook/table';
import { SETTLED_BREACHES, listedBreaches } from '../../workbook/breach-read';
import { type CountedLog, findInCountedLog, readCountedLog } from '../../workbook/settled';
import { changedFields } from '../../workbook/history';
import { BREACHES, PARTNERSHIP } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import { type CycleContext, readCycleFacts } from '../assessment/cycles';
import { daysUntil } from '../common/read-model';
import { save, saveThenShow, today } from '../common/request';
import { day } from '../governance/server';
import type { BreachApi, BreachView, ExitNote } from './api';
import { BREACH_ARGUMENTS } from './inputs';


function loadBreaches(workbook = new Workbook()): BreachView {
  return breachView(workbook, readCountedLog(workbook, SETTLED_BREACHES));
}

/**
 * The breach view from the log as read (a save passes the rows as it changed them): the breaches
 * from the first not settled on (listedBreaches), each with its decision; the earlier ones, reset
 * and decided, are counted (the Breaches sheet has them).
 */
function breachView(workbook: Workbook, log: CountedLog, known?: Parameters<typeof breachDecisionsFor>[2]): BreachView {
  const { earlier, rows } = listedBreaches(log, today(), workbook.calendar);
  const breaches = rows.map((row) => ({
    id: textOf(row.values.id),
    date: dateOf(row.values.date) ? isoDayOf(dateOf(row.values.date) as Date, workbook.calendar) : '',
    what: textOf(row.values.what),
    corner: textOf(row.values.corner),
    acknowledgedOn: dateOf(row.values.acknowledgedOn) ? isoDayOf(dateOf(row.values.acknowledgedOn) as Date, workbook.calendar) : '',
    preventionPlan: textOf(row.values.preventionPlan),
    reviewDate: dateOf(row.values.reviewDate) ? isoDayOf(dateOf(row.values.reviewDate) as Date, workbook.calendar) : '',
    status: textOf(row.values.status),
  }));
  const { decisions, exited } = breachDecisionsFor(workbook, rows, known);
  return { active: !exited && breaches.some((breach) => breach.status !== 'Reset complete'), breaches, earlier, steps: [...RESET_STEPS], decisions, exited };
}

const recordBreach: BreachApi['recordBreach'] = (input) =>
  saveThenShow('Record breach', ({ workbook, plan, caller, record }) => {
    caller();
    const date = parseIsoDay(input.date, 'The date', workbook.calendar);
    if (daysUntil(date, today(), workbook.calendar) > 0) throw new Error(`The date ${input.date} is in the future; record a breach once it has happened.`);
    const layout = workbook.layout(BREACHES);
    const log = readCountedLog(workbook, SETTLED_BREACHES);
    const id = nextIds(log.rows, 'B', 1, log.settledHighestId)[0];
    plan.append(layout, [{ ...input, date, status: 'Reset under way', id }]);
    record({ table: BREACHES, rowId: id, what: 'Breach recorded', now: `${input.corner}, ${input.date}: ${input.what}; reset under way` });
  }, loadBreaches);

const updateBreach: BreachApi['updateBreach'] = (update) =>
  saveThenShow('Update breach', ({ workbook, plan, caller, record }) => {
    caller();
    const calendar = workbook.calendar;
    const layout = workbook.layout(BREACHES);
    const row = findBreach(workbook, update.id)?.row;
    if (!row) throw new Error(`No breach with id ${update.id}; it may have been deleted.`);
    const changes: Record<string, CellValue> = {};
    if (update.acknowledgedOn !== undefined) changes.acknowledgedOn = update.acknowledgedOn === '' ? '' : parseIsoDay(update.acknowledgedOn, 'Acknowledged on', calendar);
    if (update.reviewDate !== undefined) changes.reviewDate = update.reviewDate === '' ? '' : parseIsoDay(update.reviewDate, 'The review date', calendar);
    if (update.preventionPlan !== undefined) changes.preventionPlan = update.preventionPlan;
    if (update.status !== undefined) changes.status = update.status;
    const after = { ...row.values, ...changes };
    const breachDay = dateOf(after.date);
    const acknowledged = dateOf(after.acknowledgedOn);
    const review = dateOf(after.reviewDate);
    if (breachDay && acknowledged && calendar.dayNumber(acknowledged) < calendar.dayNumber(breachDay)) {
      throw new Error(`Acknowledged on ${isoDayOf(acknowledged, calendar)} is before the breach (${isoDayOf(breachDay, calendar)}).`);
    }
    if (breachDay && review && calendar.dayNumber(review) < calendar.dayNumber(breachDay)) {
      throw new Error(`The review date ${isoDayOf(review, calendar)} is before the breach (${isoDayOf(breachDay, calendar)}).`);
    }
    if (changes.status === 'Reset complete') {
      // A reset ends with the acknowledgment made and the facilitated review held, not before.
      if (!acknowledged || !review) {
        throw new Error('Record when the breach was acknowledged and the facilitated review date before marking the reset complete.');
      }
      if (daysUntil(review, today(), calendar) > 0) {
        throw new Error(`The facilitated review is on ${isoDayOf(review, calendar)}; the reset is complete once it has been held.`);
      }
    }
    plan.update(layout, row.rowNumber, changes);
    // Each reset step (acknowledged, prevention plan, review, status) with what it replaced.
    record(changedFields(BREACHES, update.id, row.values, changes, calendar));
  }, loadBreaches);

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
function breachDecisions(breaches: readonly TableRow[], context: CycleContext, calendar: Calendar): BreachDecisionsView {
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

const decideBreach: BreachApi['decideBreach'] = (input) => {
    if (input.reasons === '') throw new Error('The reasons are empty: write down why, so both sides can read it later.');
    return save('Decide rebuild or exit', ({ workbook, plan, sides, caller: callerAmong, record }) => {
      const caller = callerAmong(sides());
      const found = findBreach(workbook, input.id);
      if (!found) throw new Error(`No breach with id ${input.id}; it may have been deleted.`);
      const { row, log } = found;
      const { snapshot, context } = readCycleFacts(workbook, { placing: placingOf(log, workbook.calendar) });
      const layout = workbook.layout(BREACHES);
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
      record({
        table: BREACHES,
        rowId: input.id,
        what: 'Rebuild or exit decided',
        now: `${input.decision}${input.decision === 'Exit' ? ': the partnership is exited, the loop stops and every record is kept' : ''}. Reasons: ${input.reasons}`,
      });
      // The view returned is computed from what was read and planned: no read after the writes.
      const after = log.rows.map((candidate) => (candidate === row ? { ...row, values: { ...row.values, ...changes } } : candidate));
      return breachView(workbook, { ...log, rows: after }, { context, partnershipRow });
    });
};

/** A breach by id, as a whole read finds it (settled.ts findInCountedLog), with the log it was found in; null: none. */
const findBreach = (workbook: Workbook, id: string): { row: TableRow; log: CountedLog } | null => findInCountedLog(workbook, SETTLED_BREACHES, id);

/** The days the listed breaches happened: the cycles spanning them are set against them by their answers (read-model.ts). */
function placingOf(log: CountedLog, calendar: Calendar): Date[] {
  return listedBreaches(log, today(), calendar).rows.map((row) => dateOf(row.values.date)).filter((date): date is Date => date !== null);
}

/** The decisions and the exit for the breach view: from what a save already read, else read now (the Partnership row, assessments, cycles). */
function breachDecisionsFor(
  workbook: Workbook,
  breaches: readonly TableRow[],
  known?: { context: CycleContext; partnershipRow: TableRow | null },
): { decisions: BreachDecisionsView; exited: ExitNote | null } {
  const facts = known ?? (() => {
    const placing = breaches.map((row) => dateOf(row.values.date)).filter((date): date is Date => date !== null);
    const { snapshot, context } = readCycleFacts(workbook, { placing });
    return { context, partnershipRow: snapshot.partnershipRow };
  })();
  return { decisions: breachDecisions(breaches, facts.context, workbook.calendar), exited: exitOf(facts.partnershipRow, workbook.calendar) };
}

export const BREACH: Ritual<BreachApi> = {
  handlers: { loadBreaches: () => loadBreaches(), recordBreach, updateBreach, decideBreach },
  arguments: BREACH_ARGUMENTS,
};
