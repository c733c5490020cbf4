/** The argument schema of the negotiation handlers (negotiation-api.ts). */
import type { NegotiationApi } from '../negotiation-api';
import { args, field, isoDay, object, optionalField, text } from './schema';

type Parsers = { [K in keyof NegotiationApi]: (values: readonly unknown[]) => Parameters<NegotiationApi[K]> };

/**
 * Built from inputs.ts's limits and id pattern (passed in rather than imported: inputs.ts spreads
 * these into ARGUMENTS, and a cycle between the two modules would read them before they exist).
 */
export function negotiationArguments(limits: { shortText: number; commitment: number }, id: ReturnType<typeof text>): Parsers {
  return {
    declineCommitment: args(
      'declineCommitment',
      field('The commitment id', id),
      field('The reason for declining', text({ max: limits.shortText, required: true })),
    ),
    counterProposeCommitment: args('counterProposeCommitment', field('The counter-proposal', object({
      id: field('The commitment id', id),
      dueDate: optionalField('The new due date', isoDay()),
      commitment: optionalField('The new wording', text({ max: limits.commitment, required: true })),
    }))),
    withdrawCommitment: args('withdrawCommitment', field('The commitment id', id)),
  };
}
