/** Results of a cycle and the three actions agreed for its focus. */
import type { CommitmentSummary } from '../commitments/api';
import type { CornerName, CornerValues } from '../common/api';

export interface ResultsView {
  cycle: string | null;
  cycles: string[];
  means: CornerValues;
  bySide: Array<{ side: string; means: CornerValues; responses: number }>;
  gaps: CornerValues | null;
  atRisk: CornerName[];
  notableGaps: CornerName[];
  /** The focus by the rule across cycles (the weakest at the first cycle, then the +2 rule). */
  priority: CornerName | null;
  /** Why that is the focus, in one sentence. */
  focusReason: string;
  /** "Acme − Beta": the direction of every gap (our company minus the partner company). */
  gapLabel: string | null;
  /** Whether the cycle is still open (answers may still come) or closed. */
  open: boolean;
  /** A cycle closed without one company's answers: which company, and why (null when both are in it). */
  oneSided: OneSided | null;
  needsSafeguards: boolean;
  activities: string[]; // activities that build the priority corner
  /** After a reassessment: how the previously targeted corner moved. */
  reassessment: { targeted: CornerName; improvement: number | null; improved: boolean; next: CornerName } | null;
  actions: CommitmentSummary[];
  defaultDueDate: string; // 45 days out
}

/** A cycle closed without one company, as the Cycles sheet records it. */
export interface OneSided {
  without: string;
  reason: string;
}

export interface ActionInput {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  dueDate: string; // yyyy-mm-dd
}

export interface ResultsApi {
  loadResults(cycle?: string | null): ResultsView;
  agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView;
}
