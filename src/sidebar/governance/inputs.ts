/** The argument schema of the governance record. */
import { GOVERNANCE_APPROACHES } from '../../domain/governance';
import type { Parsers } from '../ritual';
import type { GovernanceApi } from './api';
import { reasons } from '../boundary/fields';
import { args, field, object, oneOf } from '../boundary/schema';

export const GOVERNANCE_ARGUMENTS: Parsers<GovernanceApi> = {
  loadGovernance: args('loadGovernance'),
  saveGovernance: args('saveGovernance', field('The governance choice', object({
    approach: field('The approach', oneOf(GOVERNANCE_APPROACHES)),
    rationale: field('The rationale', reasons),
  }))),
};
