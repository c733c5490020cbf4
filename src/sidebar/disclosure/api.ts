/** The disclosure advisor and the Disclosure Ledger. */
import type { DisclosureStage } from '../../domain/disclosure';
import type { Level } from '../../domain/disclosure-advisor';

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
  /** After Record in the ledger: the new entry's ID and the partner's entry it reciprocates ('' when it goes first). */
  recorded?: { id: string; reciprocates: string };
}

export interface DisclosureApi {
  adviseDisclosure(input: DisclosureQuestionInput): DisclosureAdviceView;
  recordDisclosure(input: DisclosureQuestionInput): DisclosureAdviceView;
}
