/** The argument schema of breach mode (the breach, its reset, rebuild or exit). */
import { BREACH_STATUSES } from '../../domain/audits';
import { BREACH_DECISIONS, RECOVERY_ANSWERS } from '../../domain/governance';
import type { Parsers } from '../ritual';
import type { BreachApi } from './api';
import { corner, id, longText, reasons, requiredLongText } from '../boundary/fields';
import { args, boolean, field, isoDay, object, oneOf, optionalField } from '../boundary/schema';

export const BREACH_ARGUMENTS: Parsers<BreachApi> = {
  loadBreaches: args('loadBreaches'),
  recordBreach: args('recordBreach', field('The breach', object({
    date: field('The date', isoDay()),
    what: field('What happened', requiredLongText),
    corner: field('The corner', corner),
  }))),
  updateBreach: args('updateBreach', field('The breach update', object({
    id: field('The breach id', id),
    acknowledgedOn: optionalField('Acknowledged on', isoDay({ blank: true })),
    preventionPlan: optionalField('The prevention plan', longText),
    reviewDate: optionalField('The review date', isoDay({ blank: true })),
    status: optionalField('The status', oneOf(BREACH_STATUSES)),
  }))),
  decideBreach: args('decideBreach', field('The decision', object({
    id: field('The breach id', id),
    dishonestyOrDataMisuse: field('Whether it was dishonesty or misuse of data', boolean),
    partnerAcknowledged: field('Whether the partner acknowledged it', boolean),
    recovered: field('Whether the next cycle recovered', oneOf(RECOVERY_ANSWERS)),
    decision: field('The decision', oneOf(BREACH_DECISIONS)),
    reasons: field('The reasons', reasons),
  }))),
};
