import type { FreshnessApi } from '../freshness-api';
import { args, field, nullable, wholeNumber } from './schema';

type Parsers = { [K in keyof FreshnessApi]: (values: readonly unknown[]) => Parameters<FreshnessApi[K]> };

export const FRESHNESS_ARGUMENTS: Parsers = {
  changesSince: args('changesSince', field('The change count', nullable(wholeNumber(0, Number.MAX_SAFE_INTEGER)))),
};
