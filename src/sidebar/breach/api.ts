/** A severe breach: the reset that replaces the 90-day loop, then rebuild or exit. */
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


export interface BreachInput {
  date: string;
  what: string;
  corner: string;
}

export interface BreachView {
  active: boolean;
  /** The breaches from the first still in play (reset under way, or not decided before today), in the order logged. */
  breaches: Array<{ id: string; date: string; what: string; corner: string; acknowledgedOn: string; preventionPlan: string; reviewDate: string; status: string }>;
  /** Breaches logged before those, reset and decided: not listed (the Breaches sheet has them). */
  earlier: number;
  steps: string[];
  /** Rebuild or exit, per breach id. */
  decisions: Record<string, BreachDecisionView>;
  exited: ExitNote | null;
}

export interface BreachUpdate {
  id: string;
  acknowledgedOn?: string;
  preventionPlan?: string;
  reviewDate?: string;
  status?: string;
}

export interface BreachApi {
  loadBreaches(): BreachView;
  recordBreach(input: BreachInput): BreachView;
  updateBreach(update: BreachUpdate): BreachView;
  decideBreach(input: BreachDecisionInput): BreachView;
}
