/**
 * The Joint Health Scorecard's part of the sidebar contract: each side scores the quarter, both
 * see the two sides next to each other, action items are recorded, pNPS and PSAT come from the
 * satisfaction scores. Only JSON crosses; the side is always the caller's saved side.
 */
import type { Direction, ScorecardDimension } from '../../domain/scorecard';
import type { CornerName, Identity, OlderQuarters } from '../common/api';

export type ScorecardScores = Record<ScorecardDimension, number | null>;

export interface ScorecardSide {
  side: string;
  /** This side's row of the quarter; every score null when it has not scored. */
  scored: boolean;
  scores: ScorecardScores;
  /** The same side's scores in the previous recorded quarter (null there when it did not score). */
  previous: ScorecardScores;
  /** Which way each score moved since the previous quarter; null without both. */
  direction: Record<ScorecardDimension, Direction | null>;
  comments: string;
  actionItems: string[];
}

export interface ScorecardView {
  identity: Identity | null;
  sides: string[];
  /** The quarter shown. */
  quarter: string;
  /** Today's quarter in the spreadsheet's time zone: the one to score now. */
  currentQuarter: string;
  /** Quarters with scores, latest first (today's quarter included). */
  quarters: string[];
  /** The recorded quarter before `quarter`, whose scores give the direction. */
  previousQuarter: string | null;
  /** Both companies in the Partnership sheet's order: ours, then the partner. */
  bySide: ScorecardSide[];
  /** pNPS and PSAT of the shown quarter's satisfaction scores, and pNPS over every quarter (as on the Dashboard). */
  satisfaction: { pnps: number | null; psat: number | null; ratings: number; pnpsAllQuarters: number | null; ratingsAllQuarters: number };
  /** Sides with more than one row for the quarter (typed on the sheet): the sidebar shows and replaces the first. */
  duplicateSides: string[];
  /** Quarters a year old or more, summed up as settled (workbook/quarterly-read.ts): counted in pNPS over every quarter, not in `quarters`; null when every quarter is listed. */
  olderQuarters: OlderQuarters | null;
}

export interface ScorecardInput {
  quarter: string;
  corners: Record<CornerName, number>;
  /** The Competence sub-dimensions are optional dimensions of the scorecard: null leaves one unscored. */
  domainExpertise: number | null;
  executionCapacity: number | null;
  learningVelocity: number | null;
  /** 0–10: how satisfied the caller's side is with the partnership. */
  satisfaction: number;
  comments: string;
}

export interface ScorecardApi {
  loadScorecard(quarter?: string | null): ScorecardView;
  /** Saves the caller's side's scores of the quarter; a second save replaces that side's row. */
  saveScorecard(input: ScorecardInput): ScorecardView;
  /** Adds one action item (one line) to the caller's side's row of the quarter. */
  addScorecardActionItem(quarter: string, item: string): ScorecardView;
}
