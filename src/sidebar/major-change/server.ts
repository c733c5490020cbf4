/**
 * A major change (leadership change, launch, merger, market disruption) recorded on the Partnership
 * sheet: the reassessment falls due now, and Home offers an ad hoc cycle naming the change.
 */
import { startOfDayOf } from '../../domain/calendar';
import { PARTNERSHIP } from '../../workbook/templates';
import { textOf } from '../../workbook/table';
import type { Ritual } from '../ritual';
import { readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { loadHome } from '../home/server';
import type { MajorChangeApi } from './api';
import { MAJOR_CHANGE_ARGUMENTS } from './inputs';

const recordMajorChange: MajorChangeApi['recordMajorChange'] = (input) =>
  saveThenShow('Record major change', ({ workbook, plan, caller, record }) => {
    const partnership = readPartnership(workbook);
    caller(partnership.sides);
    if (!partnership.partnershipRow) throw new Error('Name the partnership on the Partnership sheet first.');
    const now = today();
    plan.update(workbook.layout(PARTNERSHIP), partnership.partnershipRow.rowNumber, {
      majorChange: input.change,
      majorChangeNote: input.note,
      majorChangeOn: now,
      nextReassessment: startOfDayOf(workbook.calendar, now),
    });
    const earlier = partnership.partnershipRow.values;
    const before = textOf(earlier.majorChange) === '' ? '' : `${textOf(earlier.majorChange)}${textOf(earlier.majorChangeNote) ? `: ${textOf(earlier.majorChangeNote)}` : ''}`;
    record({ table: PARTNERSHIP, rowId: 'Partnership', what: 'Major change', old: before, now: `${input.change}${input.note ? `: ${input.note}` : ''}; the reassessment is due now` });
  }, loadHome);

export const MAJOR_CHANGE: Ritual<MajorChangeApi> = { handlers: { recordMajorChange }, arguments: MAJOR_CHANGE_ARGUMENTS };
