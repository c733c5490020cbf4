import { DISCLOSURE_STAGES, type DisclosureStage } from './disclosure';

export type Level = 'Low' | 'Medium' | 'High';
export const LEVELS: readonly Level[] = ['Low', 'Medium', 'High'];

export const DISCLOSURE_DECISIONS = ['Share now', 'Share structurally', 'Wait for reciprocity', 'Show through results'] as const;
export type DisclosureDecision = (typeof DISCLOSURE_DECISIONS)[number];

/** Decisions recorded in the ledger that shared nothing: they never count as a stage matched. */
export const NOT_SHARED: ReadonlySet<string> = new Set<DisclosureDecision>(['Wait for reciprocity', 'Show through results']);

/** The four questions of the decision framework (coopetition article), answered for one item. */
export interface DisclosureQuestion {
  stage: DisclosureStage;
  /** The highest stage you may open now: one above what the partner has matched. */
  allowedStage: DisclosureStage;
  exploitationRisk: Level;
  coordinationValue: Level;
  /** Has the partner shared the equivalent? */
  partnerReciprocated: boolean;
  /** Could results show this instead of the information itself? */
  performanceCanShow: boolean;
  /**
   * The highest stage the partner has shared (null: nothing yet), when the caller knows it from the
   * ledger. Omitted, it is read from `allowedStage` (one above it): Early means nothing shared.
   */
  partnerHighestStage?: DisclosureStage | null;
}

export interface DisclosureAdvice {
  decision: DisclosureDecision;
  reasons: string[];
}

/** What the partner has shared, as far as the answers tell: the highest stage, and whether only "at least". */
function partnerShared(question: DisclosureQuestion): { highest: DisclosureStage | null; atLeast: boolean } {
  if (question.partnerHighestStage !== undefined) return { highest: question.partnerHighestStage, atLeast: false };
  const allowed = DISCLOSURE_STAGES.indexOf(question.allowedStage);
  if (allowed <= 0) return { highest: null, atLeast: false };
  // Late is the cap: the partner matched Mid, or Late itself.
  return { highest: DISCLOSURE_STAGES[allowed - 1], atLeast: allowed === DISCLOSURE_STAGES.length - 1 };
}

const sharedUpTo = (shared: { highest: DisclosureStage | null; atLeast: boolean }): string =>
  shared.highest === null ? 'The partner has shared nothing yet' : `The partner has shared up to the ${shared.highest} stage${shared.atLeast ? ' or beyond' : ''}`;

/**
 * The sentence on reciprocity that goes with every advice past the stage and reciprocity checks,
 * true to the answers: going first at Early is the opening move (never "a matched stage"); a
 * later stage is reached only with the equivalent shared and the stage below matched.
 */
function reciprocityContext(question: DisclosureQuestion, shared: { highest: DisclosureStage | null; atLeast: boolean }): string {
  const stageIndex = DISCLOSURE_STAGES.indexOf(question.stage);
  if (!question.partnerReciprocated) {
    // Only Early gets here without reciprocity (a later stage waits for it).
    return shared.highest === null
      ? 'Early is the opening stage: going first with what is needed to coordinate is how reciprocity starts; the partner has shared nothing yet.'
      : 'Early is the opening stage: going first with what is needed to coordinate is how reciprocity starts, although the partner has not shared the equivalent of this yet.';
  }
  const byAnswer = shared.highest === null ? ' (by your answer; the ledger shows nothing shared by them yet)' : '';
  if (stageIndex === 0) return `The partner has shared the equivalent${byAnswer}.`;
  const below = DISCLOSURE_STAGES[stageIndex - 1];
  return `The partner has shared the equivalent${byAnswer}, and the ${below} stage they matched opens ${question.stage}.`;
}

/**
 * The framework as a decision table (decision where the article is open):
 * 1. Above the stage the partner has matched: wait for reciprocity.
 * 2. Above Early with no equivalent shared: wait for reciprocity (do not escalate).
 * 3. If results can show it: show through results (nothing to exploit).
 * 4. High exploitation risk: share structurally (a shared view, milestone, open-book clause) when the
 *    coordination value is at least medium, otherwise wait.
 * 5. Otherwise share now. Early needs no reciprocity: going first there is the opening move.
 * Each reason says only what the answers say (test/domain/disclosure-advisor.test.ts checks every branch).
 */
export function adviseDisclosure(question: DisclosureQuestion): DisclosureAdvice {
  const stageIndex = DISCLOSURE_STAGES.indexOf(question.stage);
  const allowedIndex = DISCLOSURE_STAGES.indexOf(question.allowedStage);
  const shared = partnerShared(question);
  if (stageIndex > allowedIndex) {
    const below = DISCLOSURE_STAGES[stageIndex - 1];
    return {
      decision: 'Wait for reciprocity',
      reasons: [
        `${sharedUpTo(shared)}, so ${question.allowedStage} is the highest stage you may open: ${question.stage} waits until they share at the ${below} stage (one stage above what the partner has shared, at most).`,
      ],
    };
  }
  if (!question.partnerReciprocated && stageIndex > 0) {
    return {
      decision: 'Wait for reciprocity',
      reasons: [`The partner has not shared the equivalent of this yet: do not escalate to ${question.stage} until they do.`],
    };
  }
  const context = reciprocityContext(question, shared);
  if (question.performanceCanShow) {
    return { decision: 'Show through results', reasons: ['Results can show this without disclosing it.', context] };
  }
  const value = question.coordinationValue.toLowerCase();
  if (question.exploitationRisk === 'High') {
    if (question.coordinationValue === 'Low') {
      return { decision: 'Wait for reciprocity', reasons: ['High exploitation risk and low coordination value: hold it back for now.', context] };
    }
    return {
      decision: 'Share structurally',
      reasons: [`High exploitation risk but ${value} coordination value: share through a structure (shared view, open books, milestones).`, context],
    };
  }
  return { decision: 'Share now', reasons: [`${question.exploitationRisk} exploitation risk and ${value} coordination value: share it now.`, context] };
}
