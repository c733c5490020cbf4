/** The steering-committee review pack: a printable sheet built from a closed cycle. */
export interface ReviewPackView {
  /** The sheet's name as it stands. */
  sheet: string;
  cycle: string;
  /** The closed cycles a pack can be prepared for, latest first. */
  cycles: string[];
}

export interface ReviewPackApi {
  /** Builds or rebuilds the "Review pack" sheet for a closed cycle (default: the latest closed). */
  prepareReview(cycle?: string | null): ReviewPackView;
}
