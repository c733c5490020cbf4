/** The argument schema of recording a major change. */
import { MAJOR_CHANGES } from '../../domain/audits';
import type { Parsers } from '../ritual';
import type { MajorChangeApi } from './api';
import { longText } from '../boundary/fields';
import { args, field, object, oneOf } from '../boundary/schema';

export const MAJOR_CHANGE_ARGUMENTS: Parsers<MajorChangeApi> = {
  recordMajorChange: args('recordMajorChange', field('The major change', object({
    change: field('The change', oneOf(MAJOR_CHANGES)),
    note: field('The note', longText),
  }))),
};
