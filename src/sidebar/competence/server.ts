/** The Competence Audit: each side rates the other's sub-dimensions; both log learning activities. */
import { quarterOf } from '../../domain/calendar';
import { Workbook } from '../../workbook/workbook';
import { dateOf, isoDayOf, parseIsoDay, readRows, textOf } from '../../workbook/table';
import { COMPETENCE_AUDIT, LEARNING_LOG } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { CompetenceApi, CompetenceAuditView } from './api';
import { publicIdentity, viewerOf } from '../common/caller';
import { requireSide } from '../../workbook/input';
import { daysUntil, readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { COMPETENCE_ARGUMENTS } from './inputs';

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

function loadCompetenceAudit(workbook = new Workbook()): CompetenceAuditView {
  const { sides } = readPartnership(workbook);
  const groups = new Map<string, { quarter: string; side: string; d: number[]; e: number[]; l: number[] }>();
  for (const row of readRows(workbook.layout(COMPETENCE_AUDIT), ['quarter', 'ratedSide', 'domainExpertise', 'executionCapacity', 'learningVelocity'])) {
    const quarter = textOf(row.values.quarter);
    const side = textOf(row.values.ratedSide);
    const key = `${quarter}\u0000${side.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { quarter, side, d: [], e: [], l: [] }));
    if (typeof row.values.domainExpertise === 'number') group.d.push(row.values.domainExpertise);
    if (typeof row.values.executionCapacity === 'number') group.e.push(row.values.executionCapacity);
    if (typeof row.values.learningVelocity === 'number') group.l.push(row.values.learningVelocity);
  }
  const learning = readRows(workbook.layout(LEARNING_LOG))
    .map((row) => ({
      date: dateOf(row.values.date) ? isoDayOf(dateOf(row.values.date) as Date, workbook.calendar) : '',
      side: textOf(row.values.side),
      person: textOf(row.values.person),
      activity: textOf(row.values.activity),
      kind: textOf(row.values.kind),
      hours: typeof row.values.hours === 'number' ? row.values.hours : null,
    }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 20);
  return {
    identity: publicIdentity(viewerOf(workbook)),
    sides,
    quarter: quarterOf(workbook.calendar, today()),
    byQuarter: [...groups.values()]
      .map((group) => ({
        quarter: group.quarter,
        side: group.side,
        domainExpertise: mean(group.d),
        executionCapacity: mean(group.e),
        learningVelocity: mean(group.l),
        ratings: Math.max(group.d.length, group.e.length, group.l.length),
      }))
      .sort((a, b) => b.quarter.localeCompare(a.quarter) || a.side.localeCompare(b.side)),
    learning,
  };
}

const handlers: CompetenceApi = {
  loadCompetenceAudit: () => loadCompetenceAudit(),
  submitCompetenceRating: (input) =>
    saveThenShow('Submit competence ratings', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      const { side } = caller(known);
      const ratedSide = requireSide(input.ratedSide, known, 'The side rated');
      if (ratedSide === side) throw new Error('In the Competence Audit each side rates the other: pick the partner company.');
      plan.append(workbook.layout(COMPETENCE_AUDIT), [{ ...input, date: today(), ratedBy: side, ratedSide }]);
    }, loadCompetenceAudit),
  addLearningActivity: (input) =>
    saveThenShow('Add learning activity', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      caller(known);
      const date = parseIsoDay(input.date, 'The date', workbook.calendar);
      if (daysUntil(date, today(), workbook.calendar) > 0) throw new Error(`The date ${input.date} is in the future; log a learning activity once it has happened.`);
      plan.append(workbook.layout(LEARNING_LOG), [{ ...input, date, side: requireSide(input.side, known, 'The side'), hours: input.hours ?? '' }]);
    }, loadCompetenceAudit),
};

export const COMPETENCE: Ritual<CompetenceApi> = { handlers, arguments: COMPETENCE_ARGUMENTS };
