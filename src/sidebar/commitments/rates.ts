/**
 * Both evidence rates of the Shared Commitments Log as Home and Sync show them, from the rows the
 * view has read already (no read of its own): only commitments both sides took on count
 * (DOMAIN.md "Shared Commitments Log").
 */
import { type Calendar, RUNTIME_CALENDAR } from '../../domain/calendar';
import { commitmentRates, describeCommitmentRates, parseStatus } from '../../domain/commitments';
import { type TableRow, dateOf, textOf } from '../../workbook/table';
import type { CommitmentRatesView } from './api';

export function ratesOf(rows: readonly TableRow[], asOf: Date, calendar: Calendar): CommitmentRatesView {
  const rates = commitmentRates(
    rows.map((row) => ({
      due: dateOf(row.values.dueDate),
      done: dateOf(row.values.doneOn),
      flagged: dateOf(row.values.flaggedOn),
      status: parseStatus(textOf(row.values.status)),
    })),
    asOf,
    calendar,
  );
  return { ...rates, counts: describeCommitmentRates(rates) };
}

/** An empty log's rates (a workbook not set up yet): nothing due, no slips. */
export const NO_RATES: CommitmentRatesView = ratesOf([], new Date(0), RUNTIME_CALENDAR);
