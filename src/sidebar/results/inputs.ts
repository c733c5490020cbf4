/** The argument schema of Results and the agreed actions. */
import type { Parsers } from '../ritual';
import type { ResultsApi } from './api';
import { commitmentText, company, corner, cycle, id, name } from '../boundary/fields';
import { args, field, isoDay, list, nullable, object } from '../boundary/schema';

const actionInput = object({
  commitment: field('The action', commitmentText),
  ownerSide: field('The owner side', company),
  ownerPerson: field('The owner person', name),
  dueDate: field('The due date', isoDay()),
});

export const RESULTS_ARGUMENTS: Parsers<ResultsApi> = {
  loadResults: args('loadResults', { ...field('The cycle', nullable(cycle)), optional: true }),
  agreeActions: args(
    'agreeActions',
    field('The cycle', cycle),
    field('The corner', corner),
    field('The actions', list(actionInput, { min: 3, max: 3, itemLabel: (index) => `Action ${index + 1}` })),
  ),
  proposeReplacement: args('proposeReplacement', field('The replacement', object({
    replaces: field('The action replaced', id),
    commitment: field('The action', commitmentText),
    ownerSide: field('The owner side', company),
    ownerPerson: field('The owner person', name),
    dueDate: field('The due date', isoDay()),
  }))),
};
