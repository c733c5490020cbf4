/**
 * Both evidence rates of the Shared Commitments Log as Home and Sync show them, from the rows the
 * view has read already (no read of its own): only commitments both sides took on count
 * (DOMAIN.md "Shared Commitments Log").
 */
import { type Calendar, RUNTIME_CALENDAR } from '../../domain/calendar';
import { type CommitmentRates, commitmentRates, describeCommitmentRates, parseStatus } from '../../domain/commitments';
import type { SettledCommitments } from '../../workbook/commitments-read';
import { type TableRow, dateOf, textOf } from '../../workbook/table';
import type { CommitmentRatesView } from './api';

/** The rates of `rows` with the settled commitments' share (workbook/commitments-read.ts) added in. */
export function ratesOf(rows: readonly TableRow[], asOf: Date, calendar: Calendar, settled: SettledCommitments | null = null): CommitmentRatesView {
  const read = commitmentRates(
    rows.map((row) => ({
      due: dateOf(row.values.dueDate),
      done: dateOf(row.values.doneOn),
      flagged: dateOf(row.values.flaggedOn),
      status: parseStatus(textOf(row.values.status)),
    })),
    asOf,
    calendar,
  );
  const rates = settled ? withSettled(read, settled) : read;
  return { ...rates, counts: describeCommitmentRates(rates) };
}

function withSettled(read: CommitmentRates, settled: SettledCommitments): CommitmentRates {
  const dueSoFar = read.dueSoFar + settled.dueSoFar;
  const onTime = read.onTime + settled.onTime;
  const slipped = read.slipped + settled.slipped;
  const flaggedEarly = read.flaggedEarly + settled.flaggedEarly;
  return {
    onTimeRate: dueSoFar === 0 ? null : onTime / dueSoFar,
    earlyWarningRate: slipped === 0 ? null : flaggedEarly / slipped,
    dueSoFar,
    onTime,
    slipped,
    flaggedEarly,
    notTakenOn: read.notTakenOn + settled.notTakenOn,
  };
}

/** An empty log's rates (a workbook not set up yet): nothing due, no slips. */
export const NO_RATES: CommitmentRatesView = ratesOf([], new Date(0), RUNTIME_CALENDAR);
