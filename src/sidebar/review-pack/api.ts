/** The steering-committee review pack: a printable sheet built from a closed cycle. */
export interface ReviewPackView {
  /** The sheet's name as it stands. */
  sheet: string;
  cycle: string;
  /** The closed cycles a pack can be prepared for, latest first. */
  cycles: string[];
  /** The cycle closed without one company: which, and why (null when both were in it). */
  oneSided: { without: string; reason: string } | null;
}

export interface ReviewPackApi {
  /** Builds or rebuilds the "Review pack" sheet for a closed cycle (default: the latest closed). */
  prepareReview(cycle?: string | null): ReviewPackView;
}
