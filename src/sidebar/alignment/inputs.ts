/** The argument schema of the Alignment Audit. */
import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS } from '../../domain/audits';
import type { Parsers } from '../ritual';
import type { AlignmentApi } from './api';
import { longText, quarter } from '../boundary/fields';
import { args, field, nullable, object, oneOf, someOf } from '../boundary/schema';

export const ALIGNMENT_ARGUMENTS: Parsers<AlignmentApi> = {
  loadAlignmentAudit: args('loadAlignmentAudit', { ...field('The quarter', nullable(quarter)), optional: true }),
  saveAlignmentAnswers: args('saveAlignmentAnswers', field('The answers', object({
    quarter: field('The quarter', quarter),
    answers: field('The answers', someOf(ALIGNMENT_QUESTIONS, longText, (question) => `The answer to "${question}"`)),
  }))),
  markAlignment: args(
    'markAlignment',
    field('The quarter', quarter),
    field('The question', oneOf(ALIGNMENT_QUESTIONS)),
    field('The mark', oneOf(['', ...ALIGNMENT_MARKS] as const)),
  ),
};
