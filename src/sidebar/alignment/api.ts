/** The Alignment Audit: both sides' answers side by side, marked together. */
import type { Identity, OlderQuarters } from '../common/api';

export interface AlignmentAuditView {
  identity: Identity | null;
  sides: string[];
  quarter: string;
  quarters: string[];
  questions: Array<{ question: string; ours: string; partner: string; mark: string }>;
  marks: string[];
  /** Settled quarters not in `quarters` (the sheet has them); null when every quarter is listed. */
  olderQuarters: OlderQuarters | null;
  shareAligned: number | null;
}

export interface AlignmentAnswersInput {
  quarter: string;
  /** Answers of the user's own side, by question. */
  answers: Partial<Record<string, string>>;
}

export interface AlignmentApi {
  loadAlignmentAudit(quarter?: string | null): AlignmentAuditView;
  saveAlignmentAnswers(input: AlignmentAnswersInput): AlignmentAuditView;
  markAlignment(quarter: string, question: string, mark: string): AlignmentAuditView;
}
