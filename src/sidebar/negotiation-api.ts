/**
 * Negotiating a proposed commitment: the side that must answer accepts (SidebarApi.acceptCommitment),
 * declines with a reason or counter-proposes new terms; the side that proposed may withdraw.
 */
import type { CommitmentsView } from './api';

export interface CounterProposal {
  id: string;
  /** The new due date (yyyy-mm-dd); omitted to keep the proposed one. */
  dueDate?: string;
  /** The new wording; omitted to keep the proposed one. */
  commitment?: string;
}

export interface NegotiationApi {
  /** The side that must answer says no, with the reason both sides see; the proposal ends (Dropped). */
  declineCommitment(id: string, reason: string): CommitmentsView;
  /** The side that must answer proposes other terms; the other side now answers them. */
  counterProposeCommitment(counter: CounterProposal): CommitmentsView;
  /** The side whose proposal is waiting takes it back (Dropped). */
  withdrawCommitment(id: string): CommitmentsView;
}
