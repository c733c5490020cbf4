/**
 * The Joint Health Scorecard as a quarterly ritual (DOMAIN.md "Joint Health Scorecard"): each side
 * scores the quarter, both see the two sides next to each other and which way each score moved,
 * and action items are recorded for the quarter. Pure rules; the workbook and sidebar apply them.
 */
import { partnerNps } from './metrics';
import { partnerSatisfaction } from './value';

/** What a side scores each quarter, in the order the scorecard shows them. */
export const SCORECARD_DIMENSIONS = [
  { key: 'competence', name: 'Competence', min: 1, max: 10 },
  { key: 'reliability', name: 'Reliability', min: 1, max: 10 },
  { key: 'transparency', name: 'Transparency', min: 1, max: 10 },
  { key: 'alignment', name: 'Alignment', min: 1, max: 10 },
  { key: 'domainExpertise', name: 'Domain expertise', min: 1, max: 10 },
  { key: 'executionCapacity', name: 'Execution capacity', min: 1, max: 10 },
  { key: 'learningVelocity', name: 'Learning velocity', min: 1, max: 10 },
  { key: 'satisfaction', name: 'Partner satisfaction', min: 0, max: 10 },
] as const;

export type ScorecardDimension = (typeof SCORECARD_DIMENSIONS)[number]['key'];

/** The label a quarter is saved under: 2026-Q4. */
const QUARTER = /^(\d{4})-Q([1-4])$/;

export const isQuarterLabel = (text: string): boolean => QUARTER.test(text);

/** Quarters typed by hand compare ignoring case and spaces ("2026 - q4" is 2026-Q4). */
export const quarterKey = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** Quarters counted from year 0, so later quarters are larger; null for a label of another shape. */
export function quarterIndex(label: string): number | null {
  const match = QUARTER.exec(quarterKey(label));
  return match ? Number(match[1]) * 4 + Number(match[2]) - 1 : null;
}

/**
 * The quarter recorded before `quarter`: the latest of `recorded` that sorts before it. Not
 * necessarily the calendar's previous quarter: a skipped quarter should not hide the last scores.
 */
export function previousRecordedQuarter(quarter: string, recorded: readonly string[]): string | null {
  const key = quarterKey(quarter);
  let best: string | null = null;
  for (const candidate of recorded) {
    const candidateKey = quarterKey(candidate);
    if (candidateKey < key && (best === null || candidateKey > quarterKey(best))) best = candidate;
  }
  return best;
}

export type Direction = 'up' | 'down' | 'same';

/** Which way a score moved from the previous quarter; null when either is missing. */
export function directionOf(current: number | null, previous: number | null): Direction | null {
  if (current === null || previous === null) return null;
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

/** A side's action items are the lines of its Action items cell (a cell typed by hand included). */
export function actionItemsOf(cell: string): string[] {
  return cell
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Longest an Action items cell grows through the sidebar (well inside a cell's 50,000). */
export const ACTION_ITEMS_MAX_CHARS = 5000;

/**
 * The Action items cell with `item` added as a new line; refuses an item already there (ignoring
 * case and spaces: a second click, or the other person of the side saying the same) and a cell
 * that would grow past ACTION_ITEMS_MAX_CHARS.
 */
export function withActionItem(cell: string, item: string, where: string): string {
  const items = actionItemsOf(cell);
  const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (items.some((existing) => key(existing) === key(item))) throw new Error(`"${item.slice(0, 60)}" is already an action item of ${where}.`);
  const next = [...items, item.trim()].join('\n');
  if (next.length > ACTION_ITEMS_MAX_CHARS) {
    throw new Error(`The action items of ${where} would be ${next.length} characters; at most ${ACTION_ITEMS_MAX_CHARS} fit. Tidy the Action items cell on the sheet first.`);
  }
  return next;
}

export interface SatisfactionSummary {
  /** pNPS (−100…100) of the ratings; null without ratings. */
  pnps: number | null;
  /** PSAT (0…1) of the ratings; null without ratings. */
  psat: number | null;
  ratings: number;
}

/** pNPS and PSAT of the same partner-satisfaction ratings (0–10). */
export function satisfactionSummary(ratings: readonly number[]): SatisfactionSummary {
  return { pnps: partnerNps(ratings), psat: partnerSatisfaction(ratings), ratings: ratings.length };
}
