/** The assessment and its cycles: opened, answered (named, anonymous or sealed), closed. */
import type { CycleAnonymity, CycleKind } from '../../domain/cycles';
import type { CommitmentSummary } from '../commitments/api';
import type { CornerName, Identity } from '../common/api';

/** A cycle as the sidebar shows it (the Cycles sheet's row, dates as yyyy-mm-dd). */
export interface CycleInfo {
  name: string;
  kind: CycleKind;
  anonymity: CycleAnonymity;
  /** Sealed cycles: answers per side before that side's means are written. */
  minimumPerSide: number | null;
  openedOn: string;
  openedBy: string;
  /** Answers so far per side (a sealed cycle's held answers included). */
  answeredBySide: Record<string, number>;
  /** The caller has answered this cycle already. */
  youAnswered: boolean;
}

/** A new cycle Home and the assessment view offer, with the reason and a name that does not exist. */
export interface CycleOfferView {
  kind: CycleKind;
  /** `breach`: a severe breach is open, so the cycle to start is a Reset one. */
  reason: 'first' | 'reset-complete' | 'major-change' | 'due' | 'breach';
  suggestedName: string;
}

export interface AssessmentView {
  identity: Identity | null;
  sides: string[];
  /** The open cycle; answers go only to it. Null when none is open: start one first. */
  openCycle: CycleInfo | null;
  /** Why a new cycle is due now, if it is (null also while one is open). */
  offer: CycleOfferView | null;
  /** For the start form: a free name per kind. */
  suggestedNames: Record<CycleKind, string>;
  kinds: CycleKind[];
  anonymities: CycleAnonymity[];
  /** The cycle before the open one (or the latest closed one), whose actions are listed first. */
  previousCycle: string | null;
  previousActions: CommitmentSummary[];
  sealedMinimumDefault: number;
  /** While no cycle is open: the first day a quarterly cycle may start (60 days after the last close), null when one may start today. */
  quarterlyOpensOn: string | null;
  /**
   * The caller's own earlier answer to the open cycle, for "Replace my answer" to start from: named
   * cycles only (an anonymous answer carries no name, a sealed one is never stored); null otherwise.
   */
  yourAnswer: { ratings: Record<CornerName, number | null>; evidence: Record<CornerName, string>; answeredOn: string } | null;
}

export interface StartCycleInput {
  name: string;
  kind: CycleKind;
  anonymity: CycleAnonymity;
  /** Sealed cycles only: 3 to 50, default 3. */
  sealedMinimum?: number;
}

export interface CloseWithoutInput {
  cycle: string;
  /** The company that did not answer. */
  side: string;
  /** Why the cycle closes without it: required. */
  reason: string;
}

/** One answer to the open cycle; its anonymity and side come from the cycle and the caller. */
export interface AssessmentInput {
  /** The cycle the form was showing: an answer never slips into another cycle. */
  cycle: string;
  ratings: Record<CornerName, number>; // whole numbers 1–10
  evidence: Record<CornerName, string>;
}

export interface SubmitResult {
  cycle: string;
  sealed: boolean;
  /** For a sealed cycle: how many of each side answered, and whether that side's means were written. */
  answeredBySide: Record<string, number>;
  writtenSides: string[];
}

export interface AssessmentApi {
  loadAssessment(): AssessmentView;
  /** Opens a cycle (refused while one is open or with a name in use). */
  startCycle(input: StartCycleInput): AssessmentView;
  /** Closes the open cycle: fixes its focus and sets the next reassessment 90 days later. */
  closeCycle(cycle: string): AssessmentView;
  /**
   * Closes the open cycle without one company, which has not answered (the partner went silent):
   * the reason goes to the Cycles sheet and the Change History, and every view says it is one-sided.
   */
  closeCycleWithout(input: CloseWithoutInput): AssessmentView;
  submitAssessment(input: AssessmentInput): SubmitResult;
}
