import { CORNERS, type CornerMeans, DEFAULT_ATTENTION_THRESHOLD, MAX_RATING, cornersAtRisk } from '../domain/corners';
import { MODEL_PROFILES, PARTNERSHIP_MODELS, type PartnershipModel, parseModel } from '../domain/models';
import { CornerTally, SideTally, nextFocus, perceptionGap, weakestCorner } from '../domain/scores';
import { REASSESSMENT_INTERVAL_DAYS, reassessBy } from '../domain/dates';
import { FunctionInputError, describeCell, isBlank, readDate, readNumber, scalarArg } from './cells';
import { responsesBeside, scanScores, scoresShape, sidesBeside } from './scores-arg';
import { sheetCalendar } from './sheet-calendar';

/** A row result; Sheets spills it to the right. Unrated corners show as blank cells. */
type Row = Array<number | string>;
const meansRow = (means: CornerMeans): Row[] => [CORNERS.map((corner) => means[corner] ?? '')];

function readModel(functionName: string, value: unknown, required: boolean): PartnershipModel | undefined {
  const cell = scalarArg(functionName, 'model', value);
  if (isBlank(cell)) {
    if (required) throw new FunctionInputError(functionName, `model is blank; expected one of ${PARTNERSHIP_MODELS.join(', ')}`);
    return undefined;
  }
  const model = typeof cell === 'string' ? parseModel(cell) : undefined;
  if (!model) {
    throw new FunctionInputError(functionName, `model is ${describeCell(cell)}; expected one of ${PARTNERSHIP_MODELS.join(', ')}`);
  }
  return model;
}

/** The tally of every rating in a scores range. */
function tallyScores(functionName: string, argName: string, value: unknown): CornerTally {
  const tally = new CornerTally();
  scanScores(functionName, argName, value, () => tally);
  return tally;
}

export function WEAKEST_CORNER(scores: unknown, model?: unknown): string {
  const modelName = readModel('WEAKEST_CORNER', model, false);
  return weakestCorner(tallyScores('WEAKEST_CORNER', 'scores', scores).means(), modelName) ?? '';
}

export function CORNER_SCORES(scores: unknown, responses?: unknown): Row[] | string {
  const tally = new CornerTally();
  const weightOf = responses === undefined ? undefined : responsesBeside('CORNER_SCORES', 'responses', responses, scoresShape('CORNER_SCORES', 'scores', scores));
  scanScores('CORNER_SCORES', 'scores', scores, () => tally, weightOf);
  return tally.isEmpty ? '' : meansRow(tally.means());
}

export function CORNERS_AT_RISK(scores: unknown, threshold?: unknown): string {
  const thresholdCell = scalarArg('CORNERS_AT_RISK', 'threshold', threshold);
  const limit =
    readNumber('CORNERS_AT_RISK', 'threshold', thresholdCell, 0, MAX_RATING, 'a number from 0 to 10') ??
    DEFAULT_ATTENTION_THRESHOLD;
  return cornersAtRisk(tallyScores('CORNERS_AT_RISK', 'scores', scores).means(), limit).join(', ');
}

export function PERCEPTION_GAP(scores: unknown, sides: unknown, responses?: unknown): Row[] | string {
  if (sides === undefined) throw new FunctionInputError('PERCEPTION_GAP', 'sides is missing; give the column of sides (companies) beside the scores');
  const shape = scoresShape('PERCEPTION_GAP', 'scores', scores);
  const sideOf = sidesBeside('PERCEPTION_GAP', 'sides', sides, shape);
  const weightOf = responses === undefined ? undefined : responsesBeside('PERCEPTION_GAP', 'responses', responses, shape);
  const tally = new SideTally();
  scanScores('PERCEPTION_GAP', 'scores', scores, (rowIndex) => tally.forSide(sideOf(rowIndex), weightOf ? weightOf(rowIndex) : 1), weightOf);
  const bySide = tally.sides();
  if (bySide.length > 2) {
    throw new FunctionInputError(
      'PERCEPTION_GAP',
      `sides names ${bySide.length} sides (${bySide.map((s) => `"${s.side}"`).join(', ')}); expected the two companies of the partnership`,
    );
  }
  const gap = perceptionGap(bySide);
  return gap === null ? '' : meansRow(gap.gaps);
}

export function NEXT_FOCUS(baseline: unknown, current: unknown, model?: unknown): string {
  const modelName = readModel('NEXT_FOCUS', model, false);
  const before = tallyScores('NEXT_FOCUS', 'baseline', baseline).means();
  const now = tallyScores('NEXT_FOCUS', 'current', current).means();
  const decision = nextFocus(before, now, modelName);
  return decision?.next ?? '';
}

export function REASSESS_BY(date: unknown, days?: unknown): Date | string {
  const dateCell = scalarArg('REASSESS_BY', 'date', date);
  const calendar = sheetCalendar();
  const assessedOn = readDate('REASSESS_BY', 'date', dateCell, calendar);
  const daysCell = scalarArg('REASSESS_BY', 'days', days);
  const interval = readNumber('REASSESS_BY', 'days', daysCell, 1, 3650, 'a whole number of days from 1 to 3650');
  if (interval !== null && !Number.isInteger(interval)) {
    throw new FunctionInputError('REASSESS_BY', `days is ${interval}; expected a whole number of days from 1 to 3650`);
  }
  return assessedOn === null ? '' : reassessBy(assessedOn, interval ?? REASSESSMENT_INTERVAL_DAYS, calendar);
}

export function PRIMARY_CORNER(model: unknown): string {
  return MODEL_PROFILES[readModel('PRIMARY_CORNER', model, true) as PartnershipModel].primary;
}

export function SECONDARY_CORNER(model: unknown): string {
  return MODEL_PROFILES[readModel('SECONDARY_CORNER', model, true) as PartnershipModel].secondary;
}
