/**
 * The rituals the sidebar runs, one folder each (its API types, argument schema, server handlers
 * and view). This list is the one place that names them: the server registry (server.ts), the
 * argument schema and the client's navigation (client/views.ts) are typed against it, so a ritual
 * added here and missing there fails the build. Types only: the client imports it too.
 */
import type { AlignmentApi } from './alignment/api';
import type { AssessmentApi } from './assessment/api';
import type { BreachApi } from './breach/api';
import type { CommitmentsApi } from './commitments/api';
import type { CompetenceApi } from './competence/api';
import type { DisclosureApi } from './disclosure/api';
import type { FreshnessApi } from './freshness/api';
import type { GovernanceApi } from './governance/api';
import type { HomeApi } from './home/api';
import type { MajorChangeApi } from './major-change/api';
import type { PremortemApi } from './premortem/api';
import type { ResultsApi } from './results/api';
import type { ReviewPackApi } from './review-pack/api';
import type { ScorecardApi } from './scorecard/api';
import type { ValueApi } from './value/api';

export interface RitualApis {
  /** Home and who is who; set-up and the example partnership. */
  home: HomeApi;
  /** Assessment cycles: open, answer, close. */
  assessment: AssessmentApi;
  /** A cycle's results and the three actions for its focus. */
  results: ResultsApi;
  /** The Shared Commitments Log: the weekly sync and negotiating proposals. */
  commitments: CommitmentsApi;
  scorecard: ScorecardApi;
  competence: CompetenceApi;
  alignment: AlignmentApi;
  premortem: PremortemApi;
  disclosure: DisclosureApi;
  /** A severe breach, its reset, then rebuild or exit. */
  breach: BreachApi;
  majorChange: MajorChangeApi;
  governance: GovernanceApi;
  reviewPack: ReviewPackApi;
  /** What each side gave the other per quarter, and the balance each way. */
  value: ValueApi;
  /** The open sidebar's poll: did the workbook change? */
  freshness: FreshnessApi;
}

export type RitualName = keyof RitualApis;

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** Everything google.script.run can call: every ritual's handlers. */
export type ServerApi = Intersection<RitualApis[RitualName]>;
export type HandlerName = keyof ServerApi;
