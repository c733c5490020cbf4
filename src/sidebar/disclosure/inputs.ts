/** The argument schema of the disclosure advisor. */
import { DISCLOSURE_STAGES } from '../../domain/disclosure';
import type { Parsers } from '../ritual';
import type { DisclosureApi } from './api';
import { level, shortText } from '../boundary/fields';
import { args, boolean, field, object, oneOf } from '../boundary/schema';

export const DISCLOSURE_ARGUMENTS: Parsers<DisclosureApi> = {
  adviseDisclosure: args('adviseDisclosure', field('The disclosure', disclosureInput())),
  recordDisclosure: args('recordDisclosure', field('The disclosure', disclosureInput())),
};

function disclosureInput() {
  return object({
    shared: field('What you share', shortText),
    stage: field('The stage', oneOf(DISCLOSURE_STAGES)),
    exploitationRisk: field('Exploitation risk', level),
    coordinationValue: field('Coordination value', level),
    partnerReciprocated: field('Whether the partner reciprocated', boolean),
    performanceCanShow: field('Whether results can show it', boolean),
  });
}
