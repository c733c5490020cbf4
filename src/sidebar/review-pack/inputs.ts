/** The argument schema of Prepare review. */
import type { Parsers } from '../ritual';
import type { ReviewPackApi } from './api';
import { cycle } from '../boundary/fields';
import { args, field, nullable } from '../boundary/schema';

export const REVIEW_PACK_ARGUMENTS: Parsers<ReviewPackApi> = {
  prepareReview: args('prepareReview', { ...field('The cycle', nullable(cycle)), optional: true }),
};
