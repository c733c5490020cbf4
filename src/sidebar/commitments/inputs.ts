/** The argument schema of the commitments: the sync and the negotiation. */
import { COMMITMENT_STATUSES } from '../../domain/commitments';
import { CORNERS } from '../../domain/corners';
import type { Parsers } from '../ritual';
import type { CommitmentsApi } from './api';
import { commitmentText, company, cycle, id, longText, name, requiredShortText } from '../boundary/fields';
import { args, field, isoDay, object, oneOf, optionalField } from '../boundary/schema';

export const COMMITMENTS_ARGUMENTS: Parsers<CommitmentsApi> = {
  acceptCommitment: args('acceptCommitment', field('The commitment id', id)),
  loadCommitments: args('loadCommitments'),
  addCommitment: args('addCommitment', field('The commitment', object({
    commitment: field('The commitment', commitmentText),
    ownerSide: field('The owner side', company),
    ownerPerson: field('The owner person', name),
    corner: field('The corner', oneOf(['', ...CORNERS] as const)),
    dueDate: field('The due date', isoDay()),
    forCycle: optionalField('The cycle whose focus it serves', cycle),
  }))),
  updateCommitment: args('updateCommitment', field('The update', object({
    id: field('The commitment id', id),
    status: optionalField('The status', oneOf(COMMITMENT_STATUSES)),
    doneOn: optionalField('Done on', isoDay({ blank: true })),
    flaggedOn: optionalField('Flagged early on', isoDay({ blank: true })),
    recoveryPlan: optionalField('The recovery plan', longText),
  }))),
  declineCommitment: args(
    'declineCommitment',
    field('The commitment id', id),
    field('The reason for declining', requiredShortText),
  ),
  counterProposeCommitment: args('counterProposeCommitment', field('The counter-proposal', object({
    id: field('The commitment id', id),
    dueDate: optionalField('The new due date', isoDay()),
    commitment: optionalField('The new wording', commitmentText),
  }))),
  withdrawCommitment: args('withdrawCommitment', field('The commitment id', id)),
};
