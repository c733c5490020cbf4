/** The four corners of the trust square, in their canonical order. */
export const CORNERS = ['Competence', 'Reliability', 'Transparency', 'Alignment'] as const;
export type Corner = (typeof CORNERS)[number];

/** A value for each corner; `null` where nobody rated that corner. */
export type CornerMeans = Record<Corner, number | null>;

export const MIN_RATING = 1;
export const MAX_RATING = 10;
/** A corner whose mean is at or below this needs attention (DOMAIN.md rule 3). */
export const DEFAULT_ATTENTION_THRESHOLD = 6;

/** Matches a corner name typed by a person: case and surrounding spaces do not matter. */
export function parseCorner(text: string): Corner | undefined {
  const wanted = text.trim().toLowerCase();
  return CORNERS.find((corner) => corner.toLowerCase() === wanted);
}

export function emptyCornerMeans(): CornerMeans {
  return { Competence: null, Reliability: null, Transparency: null, Alignment: null };
}

export type Band = 'low' | 'watch' | 'healthy';

/**
 * Bands are defined on whole ratings (1–4 low, 5–6 watch, 7–10 healthy); a mean falls in the band
 * whose range it would round into from below: under 5 is low, 5 up to the attention threshold is
 * watch, above it healthy, so "watch" and "needs attention" always agree.
 */
export function bandOf(mean: number): Band {
  if (mean < 5) return 'low';
  if (mean <= DEFAULT_ATTENTION_THRESHOLD) return 'watch';
  return 'healthy';
}

/** Corners at or below the threshold, in canonical order (unrated corners are not at risk: unknown). */
export function cornersAtRisk(means: CornerMeans, threshold = DEFAULT_ATTENTION_THRESHOLD): Corner[] {
  return CORNERS.filter((corner) => {
    const mean = means[corner];
    return mean !== null && mean <= threshold;
  });
}

/** Two or more low corners call for a slower ramp or extra safeguards. */
export function needsSafeguards(means: CornerMeans): boolean {
  return CORNERS.filter((corner) => {
    const mean = means[corner];
    return mean !== null && bandOf(mean) === 'low';
  }).length >= 2;
}
