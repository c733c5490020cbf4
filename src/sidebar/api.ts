/**
 * The one interface between the sidebar (browser) and the server (Apps Script). The client calls
 * these through a promise wrapper over google.script.run; the server implements them as handlers
 * the build exposes as top-level functions. Only plain JSON crosses: dates are ISO strings
 * (yyyy-mm-dd for days), never Date objects. Every handler that reads returns everything its view
 * needs in one round trip.
 */
import type { CommitmentStatus } from '../domain/commitments';
import type { Band } from '../domain/corners';
import type { CycleAnonymity, CycleKind } from '../domain/cycles';
import type { DisclosureStage } from '../domain/disclosure';
import type { Level } from '../domain/disclosure-advisor';
import type { NegotiationApi } from './negotiation-api';
import type { FreshnessApi } from './freshness-api';

export type CornerName = 'Competence' | 'Reliability' | 'Transparency' | 'Alignment';
/** A mean per corner in canonical order; null where nobody rated it. */
export type CornerValues = Record<CornerName, number | null>;

export interface Identity {
  displayName: string;
  side: string;
}

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
}

export interface CornerSummary {
  corner: CornerName;
  mean: number | null;
  band: Band | null;
  /** Change against the previous cycle's mean; null without one. */
  trend: number | null;
}

export interface HomeView {
  setUp: boolean;
  /** The partnership models to choose from when setting up. */
  models: string[];
  identity: Identity | null;
  sides: string[]; // the two companies, [] before setup
  model: string;
  latestCycle: string | null;
  corners: CornerSummary[];
  /** Means per side of the latest cycle, sides in order of first appearance. */
  sideMeans: Array<{ side: string; means: CornerValues; responses: number }>;
  gaps: CornerValues | null;
  /** The focus corner by the rule across cycles, and why it matters for this partnership model. */
  weakest: CornerName | null;
  weakestWhy: string;
  focusReason: string;
  gapLabel: string | null;
  openCycle: CycleInfo | null;
  offer: CycleOfferView | null;
  needsSafeguards: boolean;
  attention: CommitmentSummary[]; // overdue and at-risk, top five
  daysToReassessment: number | null;
  nextReassessment: string | null;
  actions: CommitmentSummary[]; // actions of the latest cycle
  /** A severe breach is open: the 90-day loop is paused and a reset is guided instead. */
  breachMode: { what: string; corner: string; reviewDate: string | null } | null;
  /** A major change recorded on the Partnership sheet made a reassessment due now. */
  adHocReason: string | null;
  /** The trust-building approach and its six-month review (src/sidebar/governance-api.ts). */
  governance: import('./governance-api').GovernanceHomeNote;
  /** The partnership was exited after a severe breach: no reassessment, no new cycle. */
  exited: import('./governance-api').ExitNote | null;
}

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
  reason: 'first' | 'reset-complete' | 'major-change' | 'due';
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
}

export interface StartCycleInput {
  name: string;
  kind: CycleKind;
  anonymity: CycleAnonymity;
  /** Sealed cycles only: 3 to 50, default 3. */
  sealedMinimum?: number;
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
  needsSafeguards: boolean;
  activities: string[]; // activities that build the priority corner
  /** After a reassessment: how the previously targeted corner moved. */
  reassessment: { targeted: CornerName; improvement: number | null; improved: boolean; next: CornerName } | null;
  actions: CommitmentSummary[];
  defaultDueDate: string; // 45 days out
}

export interface ActionInput {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  dueDate: string; // yyyy-mm-dd
}

export interface CommitmentInput {
  commitment: string;
  ownerSide: string;
  ownerPerson: string;
  /** '' for a commitment that serves no one corner. */
  corner: CornerName | '';
  dueDate: string;
}

export interface CommitmentUpdate {
  id: string;
  status?: CommitmentStatus;
  doneOn?: string;
  flaggedOn?: string;
  recoveryPlan?: string;
}

/** The two companies and the model, asked for when the workbook is set up from the sidebar. */
export interface PartnershipInput {
  ourCompany: string;
  partnerCompany: string;
  model: string;
}

export interface CommitmentsView {
  sides: string[];
  identity: Identity | null;
  commitments: CommitmentSummary[];
  statuses: string[];
  corners: CornerName[];
}

/** Handler name -> (arguments) => result. Names are the google.script.run function names. */
export interface SidebarApi {
  loadHome(): HomeView;
  saveIdentity(identity: Identity): HomeView;
  /** Sets up (or repairs) the workbook; with `partnership`, also fills in the Partnership sheet if it is empty. */
  setUpWorkbook(partnership?: PartnershipInput | null): HomeView;
  /** Sets up the workbook and loads the example partnership (refused when any table has data). */
  loadExample(): HomeView;
  loadAssessment(): AssessmentView;
  /** Opens a cycle (refused while one is open or with a name in use). */
  startCycle(input: StartCycleInput): AssessmentView;
  /** Closes the open cycle: fixes its focus and sets the next reassessment 90 days later. */
  closeCycle(cycle: string): AssessmentView;
  submitAssessment(input: AssessmentInput): SubmitResult;
  loadResults(cycle?: string | null): ResultsView;
  agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView;
  acceptCommitment(id: string): CommitmentsView;
  loadCommitments(): CommitmentsView;
  addCommitment(input: CommitmentInput): CommitmentsView;
  updateCommitment(update: CommitmentUpdate): CommitmentsView;
}



// ---- The rest of the method (audits, pre-mortem, disclosure advisor, breach mode, ad hoc) ----

export interface CompetenceAuditView {
  identity: Identity | null;
  sides: string[];
  quarter: string;
  /** Mean sub-scores per rated side, latest quarter first, for the trend. */
  byQuarter: Array<{ quarter: string; side: string; domainExpertise: number | null; executionCapacity: number | null; learningVelocity: number | null; ratings: number }>;
  learning: Array<{ date: string; side: string; person: string; activity: string; kind: string; hours: number | null }>;
}

export interface CompetenceRatingInput {
  quarter: string;
  ratedSide: string;
  participant: string;
  domainExpertise: number;
  executionCapacity: number;
  learningVelocity: number;
  evidence: string;
}

export interface LearningInput {
  date: string;
  side: string;
  person: string;
  activity: string;
  kind: string;
  hours: number | null;
}

export interface AlignmentAuditView {
  identity: Identity | null;
  sides: string[];
  quarter: string;
  quarters: string[];
  questions: Array<{ question: string; ours: string; partner: string; mark: string }>;
  marks: string[];
  shareAligned: number | null;
}

export interface AlignmentAnswersInput {
  quarter: string;
  /** Answers of the user's own side, by question. */
  answers: Partial<Record<string, string>>;
}

export interface PremortemView {
  sides: string[];
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

export interface DisclosureQuestionInput {
  shared: string;
  stage: DisclosureStage;
  exploitationRisk: Level;
  coordinationValue: Level;
  partnerReciprocated: boolean;
  performanceCanShow: boolean;
}

export interface DisclosureAdviceView {
  decision: string;
  reasons: string[];
  /** The highest stage this user's side may open now. */
  allowedStage: string;
  partner: string;
}

export interface BreachInput {
  date: string;
  what: string;
  corner: string;
}

export interface BreachView {
  active: boolean;
  breaches: Array<{ id: string; date: string; what: string; corner: string; acknowledgedOn: string; preventionPlan: string; reviewDate: string; status: string }>;
  steps: string[];
  /** Rebuild or exit, per breach id (src/sidebar/governance-handlers.ts). */
  decisions: Record<string, import('./governance-api').BreachDecisionView>;
  exited: import('./governance-api').ExitNote | null;
}

export interface BreachUpdate {
  id: string;
  acknowledgedOn?: string;
  preventionPlan?: string;
  reviewDate?: string;
  status?: string;
}

export interface MajorChangeInput {
  change: string;
  note: string;
}

export interface MethodApi {
  loadCompetenceAudit(): CompetenceAuditView;
  submitCompetenceRating(input: CompetenceRatingInput): CompetenceAuditView;
  addLearningActivity(input: LearningInput): CompetenceAuditView;
  loadAlignmentAudit(quarter?: string | null): AlignmentAuditView;
  saveAlignmentAnswers(input: AlignmentAnswersInput): AlignmentAuditView;
  markAlignment(quarter: string, question: string, mark: string): AlignmentAuditView;
  loadPremortem(): PremortemView;
  addRisk(input: RiskInput): PremortemView;
  riskToCommitment(id: string, dueDate: string): PremortemView;
  adviseDisclosure(input: DisclosureQuestionInput): DisclosureAdviceView;
  recordDisclosure(input: DisclosureQuestionInput): DisclosureAdviceView;
  loadBreaches(): BreachView;
  recordBreach(input: BreachInput): BreachView;
  updateBreach(update: BreachUpdate): BreachView;
  recordMajorChange(input: MajorChangeInput): HomeView;
}

/** Everything google.script.run can call. */
export type ServerApi = SidebarApi & MethodApi & FreshnessApi & import('./scorecard-api').ScorecardApi & NegotiationApi & import('./governance-api').GovernanceApi;
export type HandlerName = keyof ServerApi;
