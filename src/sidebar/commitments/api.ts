/**
 * The Shared Commitments Log in the sidebar: the weekly sync, and negotiating a proposed commitment
 * (the side that must answer accepts, declines with a reason or counter-proposes new terms; the
 * side that proposed may withdraw).
 */
import type { CommitmentRates, CommitmentStatus } from '../../domain/commitments';
import type { CornerName, Identity } from '../common/api';

export interface CommitmentSummary {
  id: string;
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  corner: string;
  dueDate: string; // yyyy-mm-dd or ''
  status: string;
  acceptedBy: string;
  doneOn: string;
  flaggedOn: string;
  recoveryPlan: string;
  source: string;
  overdue: boolean;
  /** Proposed by the other side and waiting for this user's side to accept, decline or counter-propose. */
  awaitingYourAcceptance: boolean;
  /** Proposed (or last counter-proposed) by this user's side and waiting for the other side: it may be withdrawn. */
  awaitingTheirAnswer: boolean;
  /** The side whose proposal or counter-proposal is the current one ('' when not recorded). */
  proposerSide: string;
  /** The terms the latest counter-proposal replaced, as recorded ('' when never countered). */
  counterTo: string;
  /** Why the other side declined ('' unless declined). */
  declinedReason: string;
  /** The id of the declined or withdrawn action this one replaces ('' for none). */
  replaces: string;
}

export interface CommitmentInput {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  /** '' for a commitment that serves no one corner. */
  corner: CornerName | '';
  dueDate: string;
  /**
   * The cycle whose focus it serves (the view's `focusLink.cycle`): it then joins that cycle's
   * actions (its source and corner), due 30 to 60 days out. Omitted for any other commitment.
   */
  forCycle?: string;
}

export interface CommitmentUpdate {
  id: string;
  status?: CommitmentStatus;
  doneOn?: string;
  flaggedOn?: string;
  recoveryPlan?: string;
}

/**
 * The on-time and early-warning rates with the counts behind them, over the commitments both
 * sides took on; `counts` says them in words ("3 of 4 due so far done on time · …").
 */
export interface CommitmentRatesView extends CommitmentRates {
  counts: string;
}

export interface CommitmentsView {
  sides: string[];
  identity: Identity | null;
  /** The commitments in play and the recent ones; older closed ones are counted in `settledCount` and the rates. */
  commitments: CommitmentSummary[];
  /** Closed commitments past all their dates, counted in the rates but not listed (they stay on the log's sheet). */
  settledCount: number;
  /** Reliability's evidence over the whole log. */
  rates: CommitmentRatesView;
  statuses: string[];
  corners: CornerName[];
  /** The cycle whose agreed actions are in play and its focus: a new commitment may join them. */
  focusLink: { cycle: string; corner: CornerName } | null;
}

export interface CounterProposal {
  id: string;
  /** The new due date (yyyy-mm-dd); omitted to keep the proposed one. */
  dueDate?: string;
  /** The new wording; omitted to keep the proposed one. */
  commitment?: string;
}

export interface CommitmentsApi {
  acceptCommitment(id: string): CommitmentsView;
  loadCommitments(): CommitmentsView;
  addCommitment(input: CommitmentInput): CommitmentsView;
  updateCommitment(update: CommitmentUpdate): CommitmentsView;
  /** The side that must answer says no, with the reason both sides see; the proposal ends (Declined): it never counts as a commitment. */
  declineCommitment(id: string, reason: string): CommitmentsView;
  /** The side that must answer proposes other terms; the other side now answers them. */
  counterProposeCommitment(counter: CounterProposal): CommitmentsView;
  /** The side whose proposal is waiting takes it back (Withdrawn): it never counts as a commitment. */
  withdrawCommitment(id: string): CommitmentsView;
}
