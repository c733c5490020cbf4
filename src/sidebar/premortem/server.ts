/** The pre-mortem: what could go wrong with a joint initiative, and risks turned into commitments. */
import { planCommitments } from '../../workbook/commitments-log';
import { nextIds, requireSide } from '../../workbook/input';
import { Workbook } from '../../workbook/workbook';
import { type TableRow, parseIsoDay, textOf } from '../../workbook/table';
import { SETTLED_RISKS, listedRisks } from '../../workbook/premortem-read';
import { findInCountedLog, readCountedLog } from '../../workbook/settled';
import { PREMORTEM } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { PremortemApi, PremortemView } from './api';
import { daysUntil, readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { PREMORTEM_ARGUMENTS } from './inputs';

/**
 * The risks from the first not yet turned into a commitment, in full; the earlier ones (each a
 * commitment now, followed in the Shared Commitments Log) counted: the Pre-mortem sheet has them.
 */
function loadPremortem(workbook = new Workbook(), keep = 0): PremortemView {
  const { earlier, rows } = listedRisks(readCountedLog(workbook, SETTLED_RISKS), keep);
  return {
    sides: readPartnership(workbook).sides,
    earlier,
    risks: rows.map((row) => ({
      id: textOf(row.values.id),
      initiative: textOf(row.values.initiative),
      risk: textOf(row.values.risk),
      likelihood: textOf(row.values.likelihood),
      impact: textOf(row.values.impact),
      earlySignal: textOf(row.values.earlySignal),
      recoveryStandard: textOf(row.values.recoveryStandard),
      ownerSide: textOf(row.values.ownerSide),
      commitmentId: textOf(row.values.commitmentId),
    })),
  };
}

/** A risk by id, as a whole read finds it (settled.ts findInCountedLog). */
const findRisk = (workbook: Workbook, id: string): TableRow | undefined => findInCountedLog(workbook, SETTLED_RISKS, id)?.row;

const handlers: PremortemApi = {
  loadPremortem: () => loadPremortem(),
  addRisk: (input) =>
    saveThenShow('Add risk', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      caller(known);
      const layout = workbook.layout(PREMORTEM);
      const log = readCountedLog(workbook, SETTLED_RISKS);
      plan.append(layout, [{ ...input, ownerSide: requireSide(input.ownerSide, known, 'The owner side'), id: nextIds(log.rows, 'R', 1, log.settledHighestId)[0] }]);
    }, loadPremortem),
  /** Turns a risk into a proposed commitment and links the two, in one save: both happen or neither. */
  riskToCommitment: (id, dueDate) => {
    let changed = 0;
    return saveThenShow('Turn risk into commitment', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      const { actor } = caller(known);
      const layout = workbook.layout(PREMORTEM);
      const row = findRisk(workbook, id);
      if (!row) throw new Error(`No risk with id ${id}; it may have been deleted.`);
      const linked = textOf(row.values.commitmentId);
      if (linked) throw new Error(`${id} is already commitment ${linked}.`);
      if (daysUntil(parseIsoDay(dueDate, 'The due date', workbook.calendar), today(), workbook.calendar) < 0) {
        throw new Error(`The due date ${dueDate} is in the past; a new commitment is due today or later.`);
      }
      const risk = textOf(row.values.risk);
      const standard = textOf(row.values.recoveryStandard);
      const [commitmentId] = planCommitments(
        plan,
        workbook,
        [{
          commitment: `Prevent: ${risk}${standard ? ` (recovery standard: ${standard})` : ''}`,
          ownerSide: textOf(row.values.ownerSide),
          ownerPerson: '',
          corner: 'Reliability',
          dueDate,
          source: `Pre-mortem ${textOf(row.values.initiative)}`,
          status: 'Proposed',
        }],
        known,
        actor,
      );
      plan.update(layout, row.rowNumber, { commitmentId });
      changed = row.rowNumber;
    }, (workbook) => loadPremortem(workbook, changed));
  },
};

export const PREMORTEM_RITUAL: Ritual<PremortemApi> = { handlers, arguments: PREMORTEM_ARGUMENTS };
