import { readChangeCounter } from '../workbook/change-counter';
import type { Changes, FreshnessApi } from './freshness-api';

/**
 * The poll: two round trips (the property store, then one property), no lock, no sheet read, and
 * no identity check: a count says nothing about the workbook's content.
 */
export function changesSince(known: number | null): Changes {
  const counter = readChangeCounter();
  if (known === null) return { counter, since: 0 };
  return { counter, since: counter >= known ? counter - known : 1 };
}

export const FRESHNESS_HANDLERS: FreshnessApi = { changesSince };
