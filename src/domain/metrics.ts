/** Partner NPS ratings use the 0–10 scale. */
export const PNPS_MIN = 0;
export const PNPS_MAX = 10;

/** % of promoters (9–10) minus % of detractors (0–6): −100…100; null without ratings. */
export function partnerNps(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const rating of ratings) {
    if (rating >= 9) promoters++;
    else if (rating <= 6) detractors++;
  }
  return ((promoters - detractors) / ratings.length) * 100;
}

/**
 * Share of the commitments held by the single busiest owner (0…1): relationship redundancy.
 * Owners compare case-insensitively; null without owners.
 */
export function championRisk(owners: readonly string[]): number | null {
  const counts = new Map<string, number>();
  let busiest = 0;
  for (const owner of owners) {
    const key = owner.trim().toLowerCase();
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    busiest = Math.max(busiest, count);
  }
  return owners.length === 0 ? null : busiest / owners.length;
}
