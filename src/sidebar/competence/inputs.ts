/** The argument schema of the Competence Audit. */
import { LEARNING_KINDS } from '../../domain/audits';
import type { Parsers } from '../ritual';
import type { CompetenceApi } from './api';
import { company, longText, optionalName, quarter, rating, requiredShortText } from '../boundary/fields';
import { args, decimal, field, isoDay, nullable, object, oneOf } from '../boundary/schema';

export const COMPETENCE_ARGUMENTS: Parsers<CompetenceApi> = {
  loadCompetenceAudit: args('loadCompetenceAudit'),
  submitCompetenceRating: args('submitCompetenceRating', field('The competence rating', object({
    quarter: field('The quarter', quarter),
    ratedSide: field('The side rated', company),
    participant: field('Your name on the rating', optionalName),
    domainExpertise: field('Domain expertise', rating),
    executionCapacity: field('Execution capacity', rating),
    learningVelocity: field('Learning velocity', rating),
    evidence: field('The evidence', longText),
  }))),
  addLearningActivity: args('addLearningActivity', field('The learning activity', object({
    date: field('The date', isoDay()),
    side: field('The side', company),
    person: field('The person', optionalName),
    activity: field('The activity', requiredShortText),
    kind: field('The kind', oneOf(LEARNING_KINDS)),
    hours: field('Hours', nullable(decimal(0, 1000))),
  }))),
};
