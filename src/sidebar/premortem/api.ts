/** The pre-mortem: risks of a joint initiative, each of which may become a commitment. */
export interface PremortemView {
  sides: string[];
  /** Risks logged before the first not yet a commitment: not listed (the Pre-mortem sheet has them). */
  earlier: number;
  /** The risks from the first not yet turned into a commitment, in the order logged. */
  risks: Array<{ id: string; initiative: string; risk: string; likelihood: string; impact: string; earlySignal: string; recoveryStandard: string; ownerSide: string; commitmentId: string }>;
}

export interface RiskInput {
  initiative: string;
  risk: string;
  likelihood: string;
  impact: string;
  earlySignal: string;
  recoveryStandard: string;
  ownerSide: string;
}

export interface PremortemApi {
  loadPremortem(): PremortemView;
  addRisk(input: RiskInput): PremortemView;
  riskToCommitment(id: string, dueDate: string): PremortemView;
}
