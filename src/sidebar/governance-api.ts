/**
 * Governance's part of the sidebar contract: the trust-building approach chosen on purpose and its
 * six-month review; rebuild or exit after a severe breach; and the steering-committee review pack.
 * Only JSON crosses; who chose or decided comes from the caller's saved identity, never the input.
 */
import type { BreachView, Identity } from './api';

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

/** The partnership was exited after a severe breach: the loop stops, every record stays. */
export interface ExitNote {
  /** The breach whose decision was to exit (its reasons are on its row of the Breaches sheet). */
  breachId: string;
  decidedOn: string;
}

export interface BreachDecisionView {
  /** 'Yes', 'No' or '' (not answered yet). */
  dishonestyOrDataMisuse: string;
  /** As recorded; before the decision, 'Yes' when an acknowledgment date is recorded. */
  partnerAcknowledged: string;
  /** As recorded with the decision ('' before). */
  nextCycleRecovered: string;
  /** From the cycles: the breached corner in the last cycle before the breach and the first after it. */
  computedRecovery: { recovered: 'Yes' | 'No' | 'Not yet known'; before: { cycle: string; mean: number } | null; after: { cycle: string; mean: number } | null };
  /** What the rule advises from the recorded answers (null until they are recorded). */
  recommendation: { decision: 'Rebuild' | 'Exit'; reasons: string[] } | null;
  decision: string;
  reasons: string;
  decidedOn: string;
  decidedBy: string;
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

/** The answers that decide rebuild or exit, and the decision taken with its reasons. */
export interface BreachDecisionInput {
  id: string;
  dishonestyOrDataMisuse: boolean;
  partnerAcknowledged: boolean;
  /** The recovery as the users judge it; the server's figure from the cycles is shown beside it. */
  recovered: 'Yes' | 'No' | 'Not yet known';
  decision: 'Rebuild' | 'Exit';
  reasons: string;
}

export interface ReviewPackView {
  /** The sheet's name as it stands. */
  sheet: string;
  cycle: string;
  /** The closed cycles a pack can be prepared for, latest first. */
  cycles: string[];
}

export interface GovernanceApi {
  loadGovernance(): GovernanceView;
  saveGovernance(input: GovernanceInput): GovernanceView;
  decideBreach(input: BreachDecisionInput): BreachView;
  /** Builds or rebuilds the "Review pack" sheet for a closed cycle (default: the latest closed). */
  prepareReview(cycle?: string | null): ReviewPackView;
}
