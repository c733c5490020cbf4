/** Home and who-is-who: the trust square, the open cycle, what needs attention; set-up and the example. */
import type { Band } from '../../domain/corners';
import type { CycleInfo, CycleOfferView } from '../assessment/api';
import type { CommitmentRatesView, CommitmentSummary } from '../commitments/api';
import type { CornerName, CornerValues, Identity } from '../common/api';
import type { ExitNote } from '../breach/api';
import type { GovernanceHomeNote } from '../governance/api';

export interface CornerSummary {
  corner: CornerName;
  mean: number | null;
  band: Band | null;
  /** Change against the previous cycle's mean; null without one. */
  trend: number | null;
}

/**
 * How the caller's side is known: by their signed-in email on the Partnership sheet's lists, chosen
 * once for an email neither list names, or self-declared where Google gave no email.
 */
export interface WhoView {
  /** The signed-in email; null where Google did not tell Trust Corners (the side is then self-declared). */
  email: string | null;
  basis: 'email' | 'chosen' | 'declared' | null;
  /** The side bound to the person that is not theirs to change (their email is listed, or they acted for it); null when they may choose. */
  fixedSide: string | null;
  /** Why the side cannot change, when they acted for it: "You answered … for Acme; your side stays Acme." */
  keptBecause: string | null;
}

/** Who you are, as the sidebar sends it: the side is left out where the email decides it. */
export interface IdentityInput {
  displayName: string;
  side?: string;
}

export interface HomeView {
  setUp: boolean;
  who: WhoView;
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
  /** Reliability's evidence: on-time and early-warning rates over the commitments both sides took on. */
  rates: CommitmentRatesView;
  daysToReassessment: number | null;
  nextReassessment: string | null;
  /**
   * After a cycle closed: a Google Calendar link (https://calendar.google.com/…) that opens the
   * quarterly review pre-filled for the next reassessment, recurring every three months, its
   * agenda built from the data; null while a cycle is open or nothing is scheduled.
   */
  reviewCalendar: { url: string; on: string; cycle: string } | null;
  actions: CommitmentSummary[]; // actions of the latest cycle
  /** A severe breach is open: the 90-day loop is paused and a reset is guided instead. */
  breachMode: { what: string; corner: string; reviewDate: string | null } | null;
  /** A major change recorded on the Partnership sheet made a reassessment due now. */
  adHocReason: string | null;
  /** The trust-building approach and its six-month review. */
  governance: GovernanceHomeNote;
  /** The partnership was exited after a severe breach: no reassessment, no new cycle. */
  exited: ExitNote | null;
}

/** The two companies and the model, asked for when the workbook is set up from the sidebar. */
export interface PartnershipInput {
  ourCompany: string;
  partnerCompany: string;
  model: string;
}

export interface HomeApi {
  loadHome(): HomeView;
  saveIdentity(identity: IdentityInput): HomeView;
  /** Sets up (or repairs) the workbook; with `partnership`, also fills in the Partnership sheet if it is empty. */
  setUpWorkbook(partnership?: PartnershipInput | null): HomeView;
  /** Sets up the workbook and loads the example partnership (refused when any table has data). */
  loadExample(): HomeView;
}
