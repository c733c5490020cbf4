/**
 * Governance's part of the sidebar contract: the trust-building approach chosen on purpose and its
 * six-month review (rebuild or exit after a severe breach is the breach ritual's).
 * Only JSON crosses; who chose or decided comes from the caller's saved identity, never the input.
 */
import type { Identity } from '../common/api';

export interface GovernanceRecordView {
  approach: string;
  rationale: string;
  chosenOn: string; // yyyy-mm-dd or ''
  chosenBy: string;
  reviewDue: string; // yyyy-mm-dd or ''
}

/** What Home shows about governance: a gentle prompt, the approach, or that the review is due. */
export interface GovernanceHomeNote {
  state: 'unchosen' | 'current' | 'review-due';
  approach: string;
  reviewDue: string | null;
  /** Days to the review (positive) or overdue (negative); null when unchosen. */
  daysToReview: number | null;
}

export interface GovernanceView {
  identity: Identity | null;
  sides: string[];
  approaches: string[];
  record: GovernanceRecordView | null;
  home: GovernanceHomeNote;
  /** The advice from the latest closed cycle. */
  advice: { cycle: string | null; advice: 'slower-ramp' | 'keep' | 'no-cycle'; text: string; suggested: string[]; cornersNeedingAttention: string[] };
  /** What a choice saved today would get as its review date. */
  reviewDueIfChosenToday: string;
  /** Closed cycles with answers, latest first: what Prepare review can build a pack for. */
  closedCycles: string[];
}

export interface GovernanceInput {
  approach: string;
  rationale: string;
}

export interface GovernanceApi {
  loadGovernance(): GovernanceView;
  saveGovernance(input: GovernanceInput): GovernanceView;
}
