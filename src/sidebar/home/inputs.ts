/** The argument schema of Home, who-is-who and set-up. */
import { PARTNERSHIP_MODELS } from '../../domain/models';
import type { Parsers } from '../ritual';
import type { HomeApi } from './api';
import { company, name } from '../boundary/fields';
import { args, field, nullable, object, oneOf, optionalField } from '../boundary/schema';

export const HOME_ARGUMENTS: Parsers<HomeApi> = {
  loadHome: args('loadHome'),
  saveIdentity: args('saveIdentity', field('Who you are', object({
    displayName: field('Your name', name),
    side: optionalField('Your side', company),
  }))),
  setUpWorkbook: args('setUpWorkbook', { ...field('The partnership', nullable(object({
    ourCompany: field('Your company', company),
    partnerCompany: field('The partner company', company),
    model: field('The partnership model', oneOf(PARTNERSHIP_MODELS)),
  }))), optional: true }),
  loadExample: args('loadExample'),
};
