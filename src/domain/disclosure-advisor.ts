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
}

export interface DisclosureAdvice {
  decision: DisclosureDecision;
  reasons: string[];
}

/**
 * The framework as a decision table (decision where the article is open):
 * 1. Above the stage the partner has matched, or no equivalent shared: wait for reciprocity.
 * 2. If results can show it: show through results (nothing to exploit).
 * 3. High exploitation risk: share structurally (a shared view, milestone, open-book clause) when the
 *    coordination value is at least medium, otherwise wait.
 * 4. Otherwise share now.
 */
export function adviseDisclosure(question: DisclosureQuestion): DisclosureAdvice {
  const reasons: string[] = [];
  const stageIndex = DISCLOSURE_STAGES.indexOf(question.stage);
  const allowedIndex = DISCLOSURE_STAGES.indexOf(question.allowedStage);
  if (stageIndex > allowedIndex) {
    reasons.push(`${question.stage} is above ${question.allowedStage}, the highest stage you may open until the partner matches the stage below it.`);
    return { decision: 'Wait for reciprocity', reasons };
  }
  if (!question.partnerReciprocated && stageIndex > 0) {
    reasons.push('The partner has not shared the equivalent yet: do not escalate.');
    return { decision: 'Wait for reciprocity', reasons };
  }
  if (question.performanceCanShow) {
    reasons.push('Results can show this without disclosing it.');
    return { decision: 'Show through results', reasons };
  }
  if (question.exploitationRisk === 'High') {
    if (question.coordinationValue === 'Low') {
      reasons.push('High exploitation risk and little coordination value: delay.');
      return { decision: 'Wait for reciprocity', reasons };
    }
    reasons.push('High exploitation risk but real coordination value: share through a structure (shared view, open books, milestones).');
    return { decision: 'Share structurally', reasons };
  }
  reasons.push(`${question.exploitationRisk} exploitation risk at a stage the partner has matched.`);
  return { decision: 'Share now', reasons };
}
