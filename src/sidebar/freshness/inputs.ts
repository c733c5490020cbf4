/** The argument schema of the sidebar's poll. */
import type { Parsers } from '../ritual';
import type { FreshnessApi } from './api';
import { args, field, nullable, wholeNumber } from '../boundary/schema';


export const FRESHNESS_ARGUMENTS: Parsers<FreshnessApi> = {
  changesSince: args('changesSince', field('The change count', nullable(wholeNumber(0, Number.MAX_SAFE_INTEGER)))),
};
