/** The argument schema of governance's server functions (spread into ARGUMENTS). */
import { BREACH_DECISIONS, GOVERNANCE_APPROACHES, RECOVERY_ANSWERS } from '../../domain/governance';
import type { GovernanceApi } from '../governance-api';
import { args, boolean, field, nullable, object, oneOf, text } from './schema';

type Parsers = { [K in keyof GovernanceApi]: (values: readonly unknown[]) => Parameters<GovernanceApi[K]> };

/** Takes the shared limits as an argument (an import back into inputs.ts would be a cycle). */
export function governanceArguments(limits: { cycle: number; longText: number }, id: (value: unknown, label: string) => string): Parsers {
  const reasons = text({ max: limits.longText, required: true });
  return {
    loadGovernance: args('loadGovernance'),
    saveGovernance: args('saveGovernance', field('The governance choice', object({
      approach: field('The approach', oneOf(GOVERNANCE_APPROACHES)),
      rationale: field('The rationale', reasons),
    }))),
    decideBreach: args('decideBreach', field('The decision', object({
      id: field('The breach id', id),
      dishonestyOrDataMisuse: field('Whether it was dishonesty or misuse of data', boolean),
      partnerAcknowledged: field('Whether the partner acknowledged it', boolean),
      recovered: field('Whether the next cycle recovered', oneOf(RECOVERY_ANSWERS)),
      decision: field('The decision', oneOf(BREACH_DECISIONS)),
      reasons: field('The reasons', reasons),
    }))),
    prepareReview: args('prepareReview', { ...field('The cycle', nullable(text({ max: limits.cycle, required: true }))), optional: true }),
  };
}
