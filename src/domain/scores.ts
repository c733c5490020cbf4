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

/**
 * Running sums of ratings per corner. Custom functions stream up to a hundred thousand rows of
 * cells straight into a tally, so nothing is allocated per row.
 */
export class CornerTally {
  private readonly sums = [0, 0, 0, 0];
  private readonly weights = [0, 0, 0, 0];

  /** `cornerIndex` follows CORNERS; a sealed row of means adds with its response count as weight. */
  add(cornerIndex: number, rating: number): void {
    this.sums[cornerIndex] += rating;
    this.weights[cornerIndex] += 1;
  }

  addWeighted(cornerIndex: number, rating: number, weight: number): void {
    this.sums[cornerIndex] += rating * weight;
    this.weights[cornerIndex] += weight;
  }

  addRow(ratings: CornerMeans, weight = 1): void {
    CORNERS.forEach((corner, index) => {
      const rating = ratings[corner];
      if (rating !== null) this.addWeighted(index, rating, weight);
    });
  }

  get isEmpty(): boolean {
    return this.weights.every((weight) => weight === 0);
  }

  means(): CornerMeans {
    const means = emptyCornerMeans();
    CORNERS.forEach((corner, index) => {
      means[corner] = this.weights[index] > 0 ? this.sums[index] / this.weights[index] : null;
    });
    return means;
  }
}

/** Mean per corner over all rows, blank ratings ignored (DOMAIN.md rule 2). */
export function meanPerCorner(rows: readonly RatingRow[]): CornerMeans {
  const tally = new CornerTally();
  for (const row of rows) tally.addRow(row.ratings, row.weight ?? 1);
  return tally.means();
}

export interface SideMeans {
  side: string;
  means: CornerMeans;
  /** Participants behind these means (sealed rows count their responses). */
  responses: number;
}

/** Sides compare case-insensitively; the spelling kept is the first one seen. */
export const sideKey = (side: string): string => side.trim().toLowerCase();

/** One tally per side, sides kept in order of first appearance (DOMAIN.md: perception gap). */
export class SideTally {
  private readonly bySide = new Map<string, { side: string; tally: CornerTally; responses: number }>();
  /** Spelling as typed -> entry, so a long column of the same two names is normalised twice, not per row. */
  private readonly bySpelling = new Map<string, { side: string; tally: CornerTally; responses: number }>();

  /** The tally of `side`, created on first sight; each call counts one response of `weight`. */
  forSide(side: string, weight = 1): CornerTally {
    let entry = this.bySpelling.get(side);
    if (!entry) {
      const key = sideKey(side);
      entry = this.bySide.get(key);
      if (!entry) {
        entry = { side: side.trim(), tally: new CornerTally(), responses: 0 };
        this.bySide.set(key, entry);
      }
      this.bySpelling.set(side, entry);
    }
    entry.responses += weight;
    return entry.tally;
  }

  get sideCount(): number {
    return this.bySide.size;
  }

  sides(): SideMeans[] {
    return [...this.bySide.values()].map((entry) => ({ side: entry.side, means: entry.tally.means(), responses: entry.responses }));
  }
}

/** Mean per corner for each side, sides in order of first appearance. */
export function meanPerSide(rows: readonly RatingRow[]): SideMeans[] {
  const tally = new SideTally();
  for (const row of rows) {
    if (row.side === undefined || row.side.trim() === '') continue;
    tally.forSide(row.side, row.weight ?? 1).addRow(row.ratings, row.weight ?? 1);
  }
  return tally.sides();
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
