import { countOf } from '../../workbook/change-counter';
import { Workbook } from '../../workbook/workbook';
import { BusyError } from '../../workbook/lock';
import { writeHeldEdits } from '../../workbook/write-plan';
import type { Ritual } from '../ritual';
import type { Changes, FreshnessApi } from './api';
import { FRESHNESS_ARGUMENTS } from './inputs';
import { CHANGE_COUNTER_PROPERTY } from '../../workbook/property-keys';

/**
 * The poll: one round trip (the document properties), no lock, no sheet read, and no identity
 * check: a count says nothing about the workbook's content. When edits made in the sheet wait to
 * be written into the Change History (onEdit holds them), the poll writes them first, so with a
 * sidebar open the history is never more than one poll behind the sheet.
 */
function changesSince(known: number | null): Changes {
  const workbook = new Workbook();
  try {
    writeHeldEdits(workbook);
  } catch (error) {
    // The other side is saving, and that save writes them: nothing is lost by waiting.
    if (!(error instanceof BusyError)) throw error;
  }
  const counter = countOf(workbook.documentProperties()[CHANGE_COUNTER_PROPERTY]);
  if (known === null) return { counter, since: 0 };
  return { counter, since: counter >= known ? counter - known : 1 };
}

export const FRESHNESS: Ritual<FreshnessApi> = { handlers: { changesSince }, arguments: FRESHNESS_ARGUMENTS };
