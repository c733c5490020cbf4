import { CORNERS, type Corner, type CornerMeans } from './corners';
import type { RatingRow } from './scores';

/**
 * Partial rating rows (decision): the sidebar refuses an answer with a corner left blank (all four
 * are required; evidence stays optional). Rows already in the sheet with a blank rating (typed by
 * hand, or older) are shown as partial: they still count for the corners they rate (DOMAIN.md rule
 * 2, blanks ignored), and every view of means says on how many answers each corner's mean rests.
 */

export const missingCorners = (ratings: CornerMeans): Corner[] => CORNERS.filter((corner) => ratings[corner] === null);

/** Some corners rated and some blank (a wholly blank row is no answer at all). */
export function isPartialRow(ratings: CornerMeans): boolean {
  const missing = missingCorners(ratings).length;
  return missing > 0 && missing < CORNERS.length;
}

/** The sidebar's check of one answer: why it is refused, or null when all four corners are rated. */
export function incompleteAnswerProblem(ratings: CornerMeans): string | null {
  const missing = missingCorners(ratings);
  if (missing.length === 0) return null;
  return `Rate every corner before saving: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no rating.`;
}

export interface RatingCoverage {
  /** Answers (people: a sealed row counts its responses) with at least one rating. */
  answers: number;
  /** Of those, answers with a corner left blank. */
  partialAnswers: number;
  /** Answers behind each corner's mean. */
  ratedBy: Record<Corner, number>;
}

export function ratingCoverage(rows: readonly RatingRow[]): RatingCoverage {
  const ratedBy: Record<Corner, number> = { Competence: 0, Reliability: 0, Transparency: 0, Alignment: 0 };
  let answers = 0;
  let partialAnswers = 0;
  for (const row of rows) {
    const weight = row.weight ?? 1;
    const missing = missingCorners(row.ratings).length;
    if (missing === CORNERS.length) continue;
    answers += weight;
    if (missing > 0) partialAnswers += weight;
    for (const corner of CORNERS) if (row.ratings[corner] !== null) ratedBy[corner] += weight;
  }
  return { answers, partialAnswers, ratedBy };
}

/** The warning a view shows under means built from partial rows; null when every answer is complete. */
export function describePartial(coverage: RatingCoverage): string | null {
  if (coverage.partialAnswers === 0) return null;
  const thin = CORNERS.filter((corner) => coverage.ratedBy[corner] < coverage.answers).map(
    (corner) => `${corner} rests on ${coverage.ratedBy[corner]} of ${coverage.answers}`,
  );
  const rows = coverage.partialAnswers === 1 ? '1 answer leaves' : `${coverage.partialAnswers} answers leave`;
  return `${rows} a corner blank, so not every mean counts everyone: ${thin.join('; ')}.`;
}
