/**
 * The Joint Health Scorecard in the sidebar (server side). One row per side per quarter: the side
 * is the caller's saved side, and a side's second save for a quarter replaces the scores of that
 * side's row (the scorecard is the companies' joint record, not one per person). Action items are
 * lines of the Action items cell of the side that added them.
 */
import { quarterOf } from '../../domain/calendar';
import {
  SCORECARD_DIMENSIONS, type ScorecardDimension, actionItemsOf, directionOf, isQuarterLabel, previousRecordedQuarter, quarterIndex, quarterKey,
  satisfactionSummary, withActionItem,
} from '../../domain/scorecard';
import { sideKey } from '../../domain/scores';
import { type Change, planHistory } from '../../workbook/history';
import { sheetNameOf } from '../../workbook/layout';
import { Workbook } from '../../workbook/workbook';
import { SETTLED_SCORECARD, readQuarterly, settledRatings } from '../../workbook/quarterly-read';
import { type CellValue, type TableRow, textOf } from '../../workbook/table';
import { SCORECARD } from '../../workbook/templates';
import type { WritePlan } from '../../workbook/write-plan';
import { type Caller, publicIdentity, viewerOf } from '../common/caller';
import { saveThenShow, today } from '../common/request';
import { readPartnership } from '../common/read-model';
import type { Ritual } from '../ritual';
import { SCORECARD_ARGUMENTS } from './inputs';
import type { ScorecardApi, ScorecardScores, ScorecardSide, ScorecardView } from './api';

/** A score as stored, if it is one: a number within the dimension's scale (a cell typed by hand may hold anything). */
function scoreOf(value: CellValue | undefined, dimension: (typeof SCORECARD_DIMENSIONS)[number]): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= dimension.min && value <= dimension.max ? value : null;
}

function scoresOf(row: TableRow | undefined): ScorecardScores {
  const scores = {} as ScorecardScores;
  for (const dimension of SCORECARD_DIMENSIONS) scores[dimension.key] = row ? scoreOf(row.values[dimension.key], dimension) : null;
  return scores;
}

/** The first row of `side` for `quarter`, and how many there are. */
function rowsOf(rows: readonly TableRow[], quarter: string, side: string): TableRow[] {
  return rows.filter((row) => quarterKey(textOf(row.values.quarter)) === quarterKey(quarter) && sideKey(textOf(row.values.side)) === sideKey(side));
}

const whereOf = (side: string, quarter: string): string => `${side} for ${quarter}`;

function loadScorecard(requested: string | null, workbook = new Workbook()): ScorecardView {
  const { sides } = readPartnership(workbook);
  const currentQuarter = quarterOf(workbook.calendar, today());
  // A recent quarter and the one scored before it are after the settled rows, or the latest of them (quarterly-read.ts).
  const { rows, settled, through } = readQuarterly(workbook, SETTLED_SCORECARD, requested ?? currentQuarter, { withLatest: true });
  const listed = (key: string): boolean => settled?.latest == null || key > settled.latest.key;
  const byKey = new Map<string, string>();
  for (const row of rows) {
    const label = textOf(row.values.quarter);
    if (label !== '' && !byKey.has(quarterKey(label)) && listed(quarterKey(label))) byKey.set(quarterKey(label), label);
  }
  if (!byKey.has(quarterKey(currentQuarter))) byKey.set(quarterKey(currentQuarter), currentQuarter);
  const quarter = requested ? byKey.get(quarterKey(requested)) ?? requested : currentQuarter;
  const quarters = [...byKey.values()].sort((a, b) => quarterKey(b).localeCompare(quarterKey(a)));
  const recorded = [...new Set(rows.map((row) => textOf(row.values.quarter)).filter((label) => label !== ''))];
  const previousQuarter = previousRecordedQuarter(quarter, recorded);

  const bySide: ScorecardSide[] = sides.map((side) => {
    const [row] = rowsOf(rows, quarter, side);
    const [before] = previousQuarter ? rowsOf(rows, previousQuarter, side) : [];
    const scores = scoresOf(row);
    const previous = scoresOf(before);
    const direction = {} as ScorecardSide['direction'];
    for (const { key } of SCORECARD_DIMENSIONS) direction[key] = directionOf(scores[key], previous[key]);
    return {
      side,
      scored: row !== undefined,
      scores,
      previous,
      direction,
      comments: row ? textOf(row.values.comments) : '',
      actionItems: row ? actionItemsOf(textOf(row.values.actionItems)) : [],
    };
  });

  const satisfaction = SCORECARD_DIMENSIONS.find((dimension) => dimension.key === 'satisfaction') as (typeof SCORECARD_DIMENSIONS)[number];
  // Every quarter's ratings: the settled rows' as counted, then the rows after them.
  const allRatings: number[] = settled ? settledRatings(settled) : [];
  const quarterRatings: number[] = [];
  for (const row of rows) {
    const rating = scoreOf(row.values.satisfaction, satisfaction);
    if (rating === null) continue;
    if (row.rowNumber > through) allRatings.push(rating);
    if (quarterKey(textOf(row.values.quarter)) === quarterKey(quarter)) quarterRatings.push(rating);
  }
  const ofQuarter = satisfactionSummary(quarterRatings);
  const overall = satisfactionSummary(allRatings);
  return {
    // Name and side only: the person id stays on the server.
    identity: publicIdentity(viewerOf(workbook)),
    sides,
    quarter,
    currentQuarter,
    quarters,
    previousQuarter,
    bySide,
    satisfaction: { ...ofQuarter, pnpsAllQuarters: overall.pnps, ratingsAllQuarters: overall.ratings },
    duplicateSides: sides.filter((side) => rowsOf(rows, quarter, side).length > 1),
    olderQuarters: settled?.latest && settled.earliest ? { from: settled.earliest, through: settled.latest.key, rows: settled.rows } : null,
  };
}

/** A quarter the caller may score now: one that has begun (scoring late is fine, ahead is not). */
function requireScorableQuarter(quarter: string, workbook: Workbook): void {
  const current = quarterOf(workbook.calendar, today());
  const index = quarterIndex(quarter);
  if (!isQuarterLabel(quarter) || index === null) throw new Error(`The quarter must be a quarter such as ${current}; got "${quarter.slice(0, 60)}".`);
  if (index > (quarterIndex(current) as number)) throw new Error(`${quarter} has not begun yet (it is ${current} now); score a quarter once it has started.`);
}

/** Plans the Change History entries (in the chain) for the cells of `row` that `updates` really changes. */
function planHistoryOf(plan: WritePlan, workbook: Workbook, caller: Caller, quarter: string, row: TableRow, updates: Record<string, CellValue>): void {
  const calendar = workbook.calendar;
  const changed: Change[] = Object.keys(updates)
    .filter((key) => textOf(row.values[key], calendar) !== textOf(updates[key], calendar))
    .map((key) => ({
      sheet: sheetNameOf(workbook.layout(SCORECARD)),
      rowId: `${quarter} ${caller.side}`,
      field: SCORECARD.columns.find((column) => column.key === key)?.header ?? key,
      oldValue: row.values[key],
      newValue: updates[key],
    }));
  planHistory(plan, workbook, caller.actor.label, changed, today());
}

/** The caller's row of the quarter, read inside the lock; a later save replaces its scores. */
function planScores(plan: WritePlan, workbook: Workbook, caller: Caller, quarter: string, scores: Record<ScorecardDimension | 'comments', CellValue>): void {
  const layout = workbook.layout(SCORECARD);
  const [row] = rowsOf(readQuarterly(workbook, SETTLED_SCORECARD, quarter).rows, quarter, caller.side);
  if (!row) {
    plan.append(layout, [{ quarter, side: caller.side, ...scores }]);
    return;
  }
  plan.update(layout, row.rowNumber, scores);
  planHistoryOf(plan, workbook, caller, quarter, row, scores);
}

const saveScorecard: ScorecardApi['saveScorecard'] = (input) =>
  saveThenShow('Save scorecard', ({ workbook, plan, caller: callerOf }) => {
    const caller = callerOf();
    requireScorableQuarter(input.quarter, workbook);
    planScores(plan, workbook, caller, input.quarter, {
      competence: input.corners.Competence,
      reliability: input.corners.Reliability,
      transparency: input.corners.Transparency,
      alignment: input.corners.Alignment,
      domainExpertise: input.domainExpertise ?? '',
      executionCapacity: input.executionCapacity ?? '',
      learningVelocity: input.learningVelocity ?? '',
      satisfaction: input.satisfaction,
      comments: input.comments,
    });
  }, (workbook) => loadScorecard(input.quarter, workbook));

const addScorecardActionItem: ScorecardApi['addScorecardActionItem'] = (quarter, item) =>
  saveThenShow('Add scorecard action item', ({ workbook, plan, caller: callerOf }) => {
    const caller = callerOf();
    const layout = workbook.layout(SCORECARD);
    const [row] = rowsOf(readQuarterly(workbook, SETTLED_SCORECARD, quarter).rows, quarter, caller.side);
    if (!row) throw new Error(`Score ${quarter} for ${caller.side} first: action items are kept on your side's row of the quarter.`);
    const actionItems = withActionItem(textOf(row.values.actionItems), item, whereOf(caller.side, quarter));
    plan.update(layout, row.rowNumber, { actionItems });
    planHistoryOf(plan, workbook, caller, quarter, row, { actionItems });
  }, (workbook) => loadScorecard(quarter, workbook));

export const SCORECARD_RITUAL: Ritual<ScorecardApi> = {
  handlers: { loadScorecard: (quarter) => loadScorecard(quarter ?? null), saveScorecard, addScorecardActionItem },
  arguments: SCORECARD_ARGUMENTS,
};
