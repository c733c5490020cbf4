/** The argument schema of the pre-mortem. */
import type { Parsers } from '../ritual';
import type { PremortemApi } from './api';
import { company, id, level, longText, requiredLongText, requiredShortText } from '../boundary/fields';
import { args, field, isoDay, object } from '../boundary/schema';

export const PREMORTEM_ARGUMENTS: Parsers<PremortemApi> = {
  loadPremortem: args('loadPremortem'),
  addRisk: args('addRisk', field('The risk', object({
    initiative: field('The initiative', requiredShortText),
    risk: field('What could go wrong', requiredLongText),
    likelihood: field('Likelihood', level),
    impact: field('Impact', level),
    earlySignal: field('The early signal', longText),
    recoveryStandard: field('The recovery standard', longText),
    ownerSide: field('The owner side', company),
  }))),
  riskToCommitment: args('riskToCommitment', field('The risk id', id), field('The due date', isoDay())),
};
