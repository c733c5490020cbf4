/** The argument schema of the Value Exchange. */
import { VALUE_KINDS } from '../../domain/value';
import type { Parsers } from '../ritual';
import type { ValueApi } from './api';
import { company, longText, quarter } from '../boundary/fields';
import { args, decimal, field, nullable, object, oneOf } from '../boundary/schema';

/** More than any partnership's quarter: a figure past it is a typing slip, refused at the boundary. */
const MAX_VALUE_AMOUNT = 1e12;

export const VALUE_ARGUMENTS: Parsers<ValueApi> = {
  loadValueExchange: args('loadValueExchange', { ...field('The quarter', nullable(quarter)), optional: true }),
  recordValueEntry: args('recordValueEntry', field('The figure', object({
    quarter: field('The quarter', quarter),
    side: field('The side', company),
    kind: field('The kind', oneOf(VALUE_KINDS)),
    amount: field('The amount', decimal(0, MAX_VALUE_AMOUNT)),
    note: field('The note', longText),
  }))),
};
