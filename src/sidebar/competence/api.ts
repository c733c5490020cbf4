/** The Competence Audit: sub-scores per side and quarter, and the learning log. */
import type { Identity } from '../common/api';

export interface CompetenceAuditView {
  identity: Identity | null;
  sides: string[];
  quarter: string;
  /** Mean sub-scores per rated side of the latest eight quarters, latest quarter first, for the trend. */
  byQuarter: Array<{ quarter: string; side: string; domainExpertise: number | null; executionCapacity: number | null; learningVelocity: number | null; ratings: number }>;
  /** Ratings of earlier quarters, not listed (the Competence Audit sheet has them). */
  earlierRatings: number;
  /** The most recent learning entries, most recent first. */
  learning: Array<{ date: string; side: string; person: string; activity: string; kind: string; hours: number | null }>;
  /** Learning entries not listed (the Learning Log sheet has them). */
  earlierLearning: number;
}

export interface CompetenceRatingInput {
  quarter: string;
  ratedSide: string;
  participant: string;
  domainExpertise: number;
  executionCapacity: number;
  learningVelocity: number;
  evidence: string;
}

export interface LearningInput {
  date: string;
  side: string;
  person: string;
  activity: string;
  kind: string;
  hours: number | null;
}

export interface CompetenceApi {
  loadCompetenceAudit(): CompetenceAuditView;
  submitCompetenceRating(input: CompetenceRatingInput): CompetenceAuditView;
  addLearningActivity(input: LearningInput): CompetenceAuditView;
}
