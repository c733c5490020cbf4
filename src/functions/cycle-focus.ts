import { parseCorner } from '../domain/corners';
import type { CycleRecord } from '../domain/cycles';
import { cycleRatingsInOrder, currentFocus } from '../domain/focus';
import { PARTNERSHIP_MODELS, type PartnershipModel, parseModel } from '../domain/models';
import { CornerTally } from '../domain/scores';
import { FunctionInputError, describeCell, isBlank, isDateLike, readDateAt, readText, scalarArg } from './cells';
import { readParallelColumns } from './columns-arg';
import { beside, responsesBeside, scanScores, scoresShape } from './scores-arg';
import { sheetCalendar } from './sheet-calendar';

/**
 * CYCLE_FOCUS: the focus now, by the same rule and the same data as the sidebar's Home and
 * Results (domain/focus.ts): each cycle's means from the Assessments columns, the cycles in the
 * order they were opened (Cycles sheet), the focus a closed cycle recorded there, and the +2 rule
 * for the cycle still open. NEXT_FOCUS compares two sets of ratings only; this one sees them all.
 */

const NAME = 'CYCLE_FOCUS';

function readModel(value: unknown): PartnershipModel | undefined {
  const cell = scalarArg(NAME, 'model', value);
  if (isBlank(cell)) return undefined;
  const model = typeof cell === 'string' ? parseModel(cell) : undefined;
  if (!model) throw new FunctionInputError(NAME, `model is ${describeCell(cell)}; expected one of ${PARTNERSHIP_MODELS.join(', ')}`);
  return model;
}

interface CycleAnswers {
  name: string;
  date: Date | null;
  tally: CornerTally;
}

/** Each cycle's weighted means and latest answer date, oldest answer first (undated first, as the sidebar orders them). */
function cycleSummaries(scores: unknown, cycles: unknown, dates: unknown, responses: unknown): Array<{ cycle: string; date: Date | null; means: ReturnType<CornerTally['means']> }> {
  const calendar = sheetCalendar();
  const shape = scoresShape(NAME, 'scores', scores);
  const cycleAt = beside(NAME, 'cycles', cycles, shape);
  const dateAt = beside(NAME, 'dates', dates, shape);
  const weightOf = responsesBeside(NAME, 'responses', responses, shape);
  const byName = new Map<string, CycleAnswers>();
  const answersOf = (rowIndex: number): CycleAnswers | null => {
    const { cell, row } = cycleAt(rowIndex);
    const name = readText(NAME, `cycles row ${row}`, cell);
    if (name === '') return null;
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, date: null, tally: new CornerTally() };
      byName.set(name, entry);
    }
    return entry;
  };
  const start = shape.hasHeader ? 1 : 0;
  for (let rowIndex = start; rowIndex < shape.height; rowIndex++) {
    const entry = answersOf(rowIndex);
    if (!entry) continue;
    const { cell, row } = dateAt(rowIndex);
    const date = readDateAt(NAME, 'dates', row, cell, calendar);
    if (date && (!entry.date || date > entry.date)) entry.date = date;
  }
  // A rated row without a cycle name belongs to no cycle: its ratings go nowhere.
  const nowhere = new CornerTally();
  scanScores(NAME, 'scores', scores, (rowIndex) => answersOf(rowIndex)?.tally ?? nowhere, weightOf);
  return [...byName.values()]
    .map((entry) => ({ cycle: entry.name, date: entry.date, means: entry.tally.means() }))
    .sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
}

/** The Cycles sheet's rows: name, opened on, closed on, focus corner (blank names skipped). */
function cycleRecords(names: unknown, openedOn: unknown, closedOn: unknown, focus: unknown): Array<Pick<CycleRecord, 'name' | 'openedOn' | 'closedOn' | 'focus'>> {
  const calendar = sheetCalendar();
  const { columns, firstRow } = readParallelColumns(NAME, [
    { name: 'cycle_names', value: names },
    { name: 'opened_on', value: openedOn, accepts: isDateLike },
    { name: 'closed_on', value: closedOn, accepts: isDateLike },
    { name: 'focus', value: focus, accepts: (cell) => isBlank(cell) || (typeof cell === 'string' && parseCorner(cell) !== undefined) },
  ]);
  const [nameColumn, openedColumn, closedColumn, focusColumn] = columns;
  const records: Array<Pick<CycleRecord, 'name' | 'openedOn' | 'closedOn' | 'focus'>> = [];
  for (let index = 0; index < nameColumn.length; index++) {
    const row = firstRow + index;
    const name = readText(NAME, `cycle_names row ${row}`, nameColumn.cell(index));
    if (name === '') continue;
    const opened = readDateAt(NAME, 'opened_on', row, openedColumn.cell(index), calendar);
    if (!opened) throw new FunctionInputError(NAME, `opened_on row ${row} is blank; expected the date cycle "${name}" was opened`);
    const focusText = readText(NAME, `focus row ${row}`, focusColumn.cell(index));
    const corner = focusText === '' ? null : (parseCorner(focusText) ?? null);
    if (focusText !== '' && corner === null) throw new FunctionInputError(NAME, `focus row ${row} is "${focusText}"; expected a corner name or blank`);
    records.push({ name, openedOn: opened, closedOn: readDateAt(NAME, 'closed_on', row, closedColumn.cell(index), calendar), focus: corner });
  }
  return records;
}

export function CYCLE_FOCUS(
  scores: unknown,
  cycles: unknown,
  dates: unknown,
  responses: unknown,
  cycle_names: unknown,
  opened_on: unknown,
  closed_on: unknown,
  focus: unknown,
  model?: unknown,
): string {
  const modelName = readModel(model);
  const summaries = cycleSummaries(scores, cycles, dates, responses);
  const records = cycleRecords(cycle_names, opened_on, closed_on, focus);
  return currentFocus(cycleRatingsInOrder(records, summaries), modelName)?.focus ?? '';
}
