/** The Competence Audit: each side rates the other's sub-dimensions; both log learning activities. */
import { quarterOf } from '../../domain/calendar';
import { Workbook } from '../../workbook/workbook';
import { dateOf, isoDayOf, parseIsoDay, textOf } from '../../workbook/table';
import { readCompetenceRatings } from '../../workbook/competence-read';
import { readLearningLog } from '../../workbook/learning-read';
import { COMPETENCE_AUDIT, LEARNING_LOG } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { CompetenceApi, CompetenceAuditView } from './api';
import { publicIdentity, viewerOf } from '../common/caller';
import { requireSide } from '../../workbook/input';
import { daysUntil, readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { COMPETENCE_ARGUMENTS } from './inputs';

/**
 * The sub-scores of the latest quarters and the most recent learning entries, each from one read
 * of the rows after the settled ones (competence-read.ts, learning-read.ts); what is not listed is
 * counted, and the sheets have it.
 */
function loadCompetenceAudit(workbook = new Workbook()): CompetenceAuditView {
  const { sides } = readPartnership(workbook);
  const { byQuarter, earlierRatings } = readCompetenceRatings(workbook);
  const { listed, earlier } = readLearningLog(workbook);
  return {
    identity: publicIdentity(viewerOf(workbook)),
    sides,
    quarter: quarterOf(workbook.calendar, today()),
    byQuarter,
    earlierRatings,
    learning: listed.map((row) => ({
      date: dateOf(row.values.date) ? isoDayOf(dateOf(row.values.date) as Date, workbook.calendar) : '',
      side: textOf(row.values.side),
      person: textOf(row.values.person),
      activity: textOf(row.values.activity),
      kind: textOf(row.values.kind),
      hours: typeof row.values.hours === 'number' ? row.values.hours : null,
    })),
    earlierLearning: earlier,
  };
}

/** A save reads both tables under the lock: the settled rows grow in its property write, and the view it returns reads nothing more. */
function readUnderLock(workbook: Workbook): void {
  readCompetenceRatings(workbook);
  readLearningLog(workbook);
}

const handlers: CompetenceApi = {
  loadCompetenceAudit: () => loadCompetenceAudit(),
  submitCompetenceRating: (input) =>
    saveThenShow('Submit competence ratings', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      const { side } = caller(known);
      const ratedSide = requireSide(input.ratedSide, known, 'The side rated');
      if (ratedSide === side) throw new Error('In the Competence Audit each side rates the other: pick the partner company.');
      readUnderLock(workbook);
      plan.append(workbook.layout(COMPETENCE_AUDIT), [{ ...input, date: today(), ratedBy: side, ratedSide }]);
    }, loadCompetenceAudit),
  addLearningActivity: (input) =>
    saveThenShow('Add learning activity', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      caller(known);
      const date = parseIsoDay(input.date, 'The date', workbook.calendar);
      if (daysUntil(date, today(), workbook.calendar) > 0) throw new Error(`The date ${input.date} is in the future; log a learning activity once it has happened.`);
      readUnderLock(workbook);
      plan.append(workbook.layout(LEARNING_LOG), [{ ...input, date, side: requireSide(input.side, known, 'The side'), hours: input.hours ?? '' }]);
    }, loadCompetenceAudit),
};

export const COMPETENCE: Ritual<CompetenceApi> = { handlers, arguments: COMPETENCE_ARGUMENTS };
