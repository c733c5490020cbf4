/** Results of a cycle and the three actions agreed for its focus. */
import type { ActionCounts } from '../../domain/actions';
import type { CornerDrift, TrendLabel } from '../../domain/trend';
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
  /** The cycle's actions counted: agreed, waiting, declined, withdrawn, replaced; `text` in words. */
  actionCounts: ActionCounts & { text: string };
  defaultDueDate: string; // 45 days out
  /** The trend over every cycle, whichever cycle is shown. */
  trend: TrendView;
}

/** One cycle of the trend: each corner's mean, both sides together and per side. */
export interface TrendPointView {
  cycle: string;
  /** "2026-Q1 · focus Transparency · one-sided (only Acme) · sealed". */
  caption: string;
  labels: TrendLabel[];
  focus: CornerName | null;
  focusMoved: boolean;
  both: CornerValues;
  ours: CornerValues;
  partner: CornerValues;
}

/** Each corner's mean per cycle over every cycle, oldest first (DOMAIN.md "The trend"). */
export interface TrendView {
  /** Our company and the partner company, as the Partnership sheet names them. */
  ours: string;
  partner: string;
  points: TrendPointView[];
  /** Per corner, first rated cycle to last. */
  drift: Array<{ corner: CornerName; change: number | null; direction: CornerDrift['direction'] }>;
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

/** A replacement for a declined or withdrawn action: same cycle and corner, proposed like the others. */
export interface ReplacementInput extends ActionInput {
  /** The id of the declined or withdrawn action it replaces. */
  replaces: string;
}

export interface ResultsApi {
  loadResults(cycle?: string | null): ResultsView;
  agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView;
  /** Proposes an action in place of one the other side declined (or its proposer withdrew): Proposed, linked to it. */
  proposeReplacement(replacement: ReplacementInput): ResultsView;
}
