import { CORNERS, type Corner, type CornerMeans, emptyCornerMeans } from './corners';
import { MODEL_PROFILES, type PartnershipModel } from './models';

/**
 * One row of ratings: a participant's, or a sealed row holding one side's means, which then
 * counts `weight` times (its response count). Corners left blank are `null` and ignored.
 */
export interface RatingRow {
  ratings: CornerMeans;
  side?: string;
  weight?: number;
}

/** Mean per corner over all rows, blank ratings ignored (DOMAIN.md rule 2). */
export function meanPerCorner(rows: readonly RatingRow[]): CornerMeans {
  const sums = [0, 0, 0, 0];
  const weights = [0, 0, 0, 0];
  for (const row of rows) {
    const weight = row.weight ?? 1;
    for (let index = 0; index < CORNERS.length; index++) {
      const rating = row.ratings[CORNERS[index]];
      if (rating === null) continue;
      sums[index] += rating * weight;
      weights[index] += weight;
    }
  }
  const means = emptyCornerMeans();
  CORNERS.forEach((corner, index) => {
    means[corner] = weights[index] > 0 ? sums[index] / weights[index] : null;
  });
  return means;
}

export interface SideMeans {
  side: string;
  means: CornerMeans;
  /** Participants behind these means (sealed rows count their responses). */
  responses: number;
}

/** Sides compare case-insensitively; the spelling kept is the first one seen. */
export const sideKey = (side: string): string => side.trim().toLowerCase();

/** Mean per corner for each side, sides in order of first appearance (DOMAIN.md: perception gap). */
export function meanPerSide(rows: readonly RatingRow[]): SideMeans[] {
  const groups = new Map<string, { side: string; rows: RatingRow[] }>();
  for (const row of rows) {
    if (row.side === undefined || row.side.trim() === '') continue;
    const key = sideKey(row.side);
    let group = groups.get(key);
    if (!group) {
      group = { side: row.side.trim(), rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].map((group) => ({
    side: group.side,
    means: meanPerCorner(group.rows),
    responses: group.rows.reduce((total, row) => total + (row.weight ?? 1), 0),
  }));
}

/** Tie order: the model's primary corner, then its secondary, then canonical order (DOMAIN.md rule 4). */
export function tieOrder(model?: PartnershipModel): Corner[] {
  if (!model) return [...CORNERS];
  const { primary, secondary } = MODEL_PROFILES[model];
  return [primary, secondary, ...CORNERS.filter((corner) => corner !== primary && corner !== secondary)];
}

/** The lowest rated corner, ties broken by `tieOrder`; `null` when no corner has a rating. */
export function weakestCorner(
  means: CornerMeans,
  model?: PartnershipModel,
  excluding: readonly Corner[] = [],
): Corner | null {
  let weakest: Corner | null = null;
  for (const corner of tieOrder(model)) {
    const mean = means[corner];
    if (mean === null || excluding.includes(corner)) continue;
    // Strictly lower only: an equal mean later in the tie order never displaces an earlier one.
    if (weakest === null || mean < (means[weakest] as number)) weakest = corner;
  }
  return weakest;
}

/** Points a corner must gain between assessments before the focus moves on (DOMAIN.md rule 6). */
export const REQUIRED_IMPROVEMENT = 2;

export interface FocusDecision {
  /** The corner the previous cycle targeted: the weakest at baseline. */
  targeted: Corner;
  /** Current mean minus baseline mean of the targeted corner; null if it was not rated now. */
  improvement: number | null;
  improved: boolean;
  next: Corner;
}

/**
 * Keep the targeted corner until it improved by at least two points; then move to the lowest of
 * the other corners now. Returns null when either assessment has no ratings at all.
 */
export function nextFocus(
  baseline: CornerMeans,
  current: CornerMeans,
  model?: PartnershipModel,
): FocusDecision | null {
  const targeted = weakestCorner(baseline, model);
  if (targeted === null) return null;
  const before = baseline[targeted] as number;
  const now = current[targeted];
  const improvement = now === null ? null : now - before;
  // A tiny epsilon keeps 5.0 -> 7.0 computed from thirds (e.g. 6.999999) counting as +2.
  const improved = improvement !== null && improvement >= REQUIRED_IMPROVEMENT - 1e-9;
  if (!improved) return { targeted, improvement, improved, next: targeted };
  const next = weakestCorner(current, model, [targeted]) ?? targeted;
  return { targeted, improvement, improved, next };
}

export interface PerceptionGap {
  firstSide: string;
  secondSide: string;
  /** First side's mean minus the second side's, per corner; null where either side has no rating. */
  gaps: CornerMeans;
}

/** Gaps at least this wide are worth discussing before anything else. */
export const NOTABLE_GAP = 2;

/** Needs exactly the two sides of a partnership; returns null while only one side has rated. */
export function perceptionGap(sides: readonly SideMeans[]): PerceptionGap | null {
  if (sides.length < 2) return null;
  if (sides.length > 2) {
    throw new RangeError(`expected two sides, found ${sides.length}: ${sides.map((s) => s.side).join(', ')}`);
  }
  const [first, second] = sides;
  const gaps = emptyCornerMeans();
  for (const corner of CORNERS) {
    const a = first.means[corner];
    const b = second.means[corner];
    gaps[corner] = a === null || b === null ? null : a - b;
  }
  return { firstSide: first.side, secondSide: second.side, gaps };
}
