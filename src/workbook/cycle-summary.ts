import { CORNERS, type Corner, type CornerMeans, emptyCornerMeans, parseCorner } from '../domain/corners';
import { cycleNameKey } from '../domain/cycles';
import { type CycleRatings, focusAcrossCycles } from '../domain/focus';
import type { PartnershipModel } from '../domain/models';
import { type RatingRow, meanPerCorner, meanPerSide, sideKey } from '../domain/scores';
import { SUMMARY_SIDES, summaryKeys } from './templates';
import { type CellValue, dateOf, textOf } from './table';

/**
 * A closed cycle's summary (issue 21: "a closed cycle is a summary"): its means per corner over
 * every answer, each side's means and responses, and its focus, written once to its Cycles row when
 * it closes, so views and formulas read one row per closed cycle instead of every answer. A closed
 * cycle's answers do not change; when someone edits them by hand, Repair
 * rebuilds the summary from the answers (cycle-repair.ts: repairCycleSummaries). Pure: callers read the tables.
 */

export interface SideSummary {
  side: string;
  responses: number;
  means: CornerMeans;
}

export interface CycleSummary {
  /** Answers (people; a sealed row counts its responses). */
  responses: number;
  means: CornerMeans;
  /** Our company's, then the partner's (a side nobody answered for has 0 responses and no means). */
  sides: [SideSummary, SideSummary];
  focus: Corner | null;
}

const cornerKey = (corner: Corner): string => corner.toLowerCase();

/** An Assessments row's values as a rating row (responses weigh a sealed row). */
export function ratingRowOf(values: Record<string, CellValue>): RatingRow {
  const ratings = emptyCornerMeans();
  for (const corner of CORNERS) {
    const rating = values[cornerKey(corner)];
    ratings[corner] = typeof rating === 'number' && Number.isFinite(rating) ? rating : null;
  }
  const responses = values.responses;
  return { ratings, side: textOf(values.side), weight: typeof responses === 'number' && responses >= 1 ? responses : 1 };
}

/**
 * The summary of one cycle from its answers (rating rows of that cycle only), the two companies
 * (Partnership sheet: ours, the partner's) and its focus (fixed at close: the Cycles row's).
 * Answers for a side that is neither company count in the means over all, not in a side's.
 */
export function summarizeCycle(answers: readonly RatingRow[], companies: readonly [string, string], focus: Corner | null): CycleSummary {
  const perSide = meanPerSide(answers);
  const sideOf = (company: string): SideSummary => {
    const found = perSide.find((entry) => sideKey(entry.side) === sideKey(company));
    return { side: company.trim(), responses: found?.responses ?? 0, means: found?.means ?? emptyCornerMeans() };
  };
  const responses = answers.reduce((sum, row) => sum + (row.weight ?? 1), 0);
  return { responses, means: meanPerCorner(answers), sides: [sideOf(companies[0]), sideOf(companies[1])], focus };
}

/** The summary as Cycles cells by column key (blank for a mean nobody gave), focus included. */
export function summaryCells(summary: CycleSummary): Record<string, CellValue | null> {
  const cells: Record<string, CellValue | null> = { [summaryKeys.responses]: summary.responses > 0 ? summary.responses : null, focus: summary.focus };
  for (const corner of CORNERS) cells[summaryKeys.mean(corner)] = summary.means[corner];
  summary.sides.forEach((side, index) => {
    const n = SUMMARY_SIDES[index];
    cells[summaryKeys.side(n)] = side.side === '' ? null : side.side;
    cells[summaryKeys.sideResponses(n)] = side.responses > 0 ? side.responses : null;
    for (const corner of CORNERS) cells[summaryKeys.sideMean(n, corner)] = side.means[corner];
  });
  return cells;
}

const numberOf = (value: CellValue | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The summary a Cycles row holds, or null when it holds none (an open cycle, a cycle closed before
 * summaries, or one whose Responses cell is blank: Repair fills it in). Views call this for closed
 * cycles instead of reading their answers.
 */
export function summaryFromRow(values: Record<string, CellValue>): CycleSummary | null {
  const responses = numberOf(values[summaryKeys.responses]);
  if (responses === null || responses < 1 || !dateOf(values.closedOn)) return null;
  const meansOf = (key: (corner: Corner) => string): CornerMeans => {
    const means = emptyCornerMeans();
    for (const corner of CORNERS) means[corner] = numberOf(values[key(corner)]);
    return means;
  };
  const sideOf = (n: 1 | 2): SideSummary => ({
    side: textOf(values[summaryKeys.side(n)]),
    responses: numberOf(values[summaryKeys.sideResponses(n)]) ?? 0,
    means: meansOf((corner) => summaryKeys.sideMean(n, corner)),
  });
  return { responses, means: meansOf(summaryKeys.mean), sides: [sideOf(1), sideOf(2)], focus: parseCorner(textOf(values.focus)) ?? null };
}

// Means written and read back may differ in the last bits (a cell holds a double; so does this).
const SAME = 1e-9;
const sameNumber = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= SAME);
const sameMeans = (a: CornerMeans, b: CornerMeans): boolean => CORNERS.every((corner) => sameNumber(a[corner], b[corner]));

/** Whether two summaries say the same (sides compared as the Partnership sheet spells them, case aside). */
function sameSummary(a: CycleSummary, b: CycleSummary): boolean {
  return (
    a.responses === b.responses &&
    a.focus === b.focus &&
    sameMeans(a.means, b.means) &&
    a.sides.every((side, index) => sideKey(side.side) === sideKey(b.sides[index].side) && side.responses === b.sides[index].responses && sameMeans(side.means, b.sides[index].means))
  );
}

export interface CycleRowRead {
  rowNumber: number;
  values: Record<string, CellValue>;
}

export interface SummaryRepair {
  rowNumber: number;
  cycle: string;
  /** The cells to write (summaryCells): missing or different from what the row holds. */
  cells: Record<string, CellValue | null>;
  why: 'missing' | 'different';
}

/**
 * The summaries Repair writes: for each closed cycle with answers whose row holds no summary, or
 * one that differs from its answers now. The focus is the row's (fixed at close; the record wins,
 * as everywhere); a closed cycle without one gets the rule's across the cycles in order. Cycles
 * without answers (closed by mistake) keep an empty summary.
 */
export function summariesToRepair(
  cycles: readonly CycleRowRead[],
  assessments: readonly Record<string, CellValue>[],
  companies: readonly [string, string],
  model?: PartnershipModel,
): SummaryRepair[] {
  const answersOf = new Map<string, RatingRow[]>();
  for (const values of assessments) {
    const name = textOf(values.cycle);
    if (name === '') continue;
    const key = cycleNameKey(name);
    let rows = answersOf.get(key);
    if (!rows) answersOf.set(key, (rows = []));
    rows.push(ratingRowOf(values));
  }
  // The rule's focus, for closed cycles whose Focus cell is blank: every cycle in the order opened.
  const ordered = [...cycles].sort((a, b) => (dateOf(a.values.openedOn)?.getTime() ?? Infinity) - (dateOf(b.values.openedOn)?.getTime() ?? Infinity) || a.rowNumber - b.rowNumber);
  const ratings: CycleRatings[] = ordered.map((row) => ({
    name: textOf(row.values.name),
    means: meanPerCorner(answersOf.get(cycleNameKey(textOf(row.values.name))) ?? []),
    recordedFocus: dateOf(row.values.closedOn) ? (parseCorner(textOf(row.values.focus)) ?? null) : null,
  }));
  const ruleFocus = new Map(focusAcrossCycles(ratings, model).map((step, index) => [ordered[index].rowNumber, step.focus]));
  const repairs: SummaryRepair[] = [];
  for (const row of cycles) {
    const name = textOf(row.values.name);
    if (name === '' || !dateOf(row.values.closedOn)) continue;
    const answers = answersOf.get(cycleNameKey(name)) ?? [];
    if (answers.length === 0) continue;
    const focus = parseCorner(textOf(row.values.focus)) ?? ruleFocus.get(row.rowNumber) ?? null;
    const wanted = summarizeCycle(answers, companies, focus);
    const held = summaryFromRow(row.values);
    if (held && sameSummary(held, wanted)) continue;
    repairs.push({ rowNumber: row.rowNumber, cycle: name, cells: summaryCells(wanted), why: held ? 'different' : 'missing' });
  }
  return repairs;
}
