/** The argument schema of the assessment cycles. */
import { CORNERS } from '../../domain/corners';
import { CYCLE_ANONYMITIES, CYCLE_KINDS } from '../../domain/cycles';
import { SEALED_MINIMUM_HIGHEST, SEALED_MINIMUM_LOWEST } from '../../workbook/cycle-store';
import type { Parsers } from '../ritual';
import type { AssessmentApi } from './api';
import { company, cycle, longText, rating, reasons } from '../boundary/fields';
import { args, field, keyed, object, oneOf, optionalField, wholeNumber } from '../boundary/schema';

export const ASSESSMENT_ARGUMENTS: Parsers<AssessmentApi> = {
  loadAssessment: args('loadAssessment'),
  startCycle: args('startCycle', field('The new cycle', object({
    name: field('The cycle name', cycle),
    kind: field('The kind of cycle', oneOf(CYCLE_KINDS)),
    anonymity: field('The anonymity', oneOf(CYCLE_ANONYMITIES)),
    sealedMinimum: optionalField('Answers per side before a sealed cycle writes means', wholeNumber(SEALED_MINIMUM_LOWEST, SEALED_MINIMUM_HIGHEST)),
  }))),
  closeCycle: args('closeCycle', field('The cycle', cycle)),
  closeCycleWithout: args('closeCycleWithout', field('The one-sided close', object({
    cycle: field('The cycle', cycle),
    side: field('The company that did not answer', company),
    reason: field('The reason for closing without it', reasons),
  }))),
  submitAssessment: args('submitAssessment', field('The assessment', object({
    cycle: field('The cycle', cycle),
    ratings: field('The ratings', keyed(CORNERS, rating, (key) => `The rating for ${key}`)),
    evidence: field('The evidence', keyed(CORNERS, longText, (key) => `The evidence for ${key}`)),
  }))),
};
