import type { Calendar } from '../domain/calendar';
import { COMMITMENT_STATUSES, type CommitmentStatus, CommitmentTally, isTakenOn, parseStatus } from '../domain/commitments';
import { sheetCalendar } from './sheet-calendar';
import { type Cell, FunctionInputError, describeCell, isBlank, isDateLike, readDate, readDateAt, scalarArg } from './cells';
import { type ColumnArg, readParallelColumns } from './columns-arg';

function readAsOf(functionName: string, value: unknown, calendar: Calendar): Date {
  return readDate(functionName, 'as_of', scalarArg(functionName, 'as_of', value), calendar) ?? new Date();
}

const isStatusText = (cell: Cell): boolean => typeof cell === 'string' && parseStatus(cell) !== undefined;

/**
 * Reads a statuses cell: blank is a row typed without one (it counts, as it always has); any other
 * text must be a status of the log. Distinct texts are few, so each is parsed once.
 */
function statusReader(functionName: string): (row: number, cell: Cell) => CommitmentStatus | undefined {
  const known = new Map<string, CommitmentStatus>();
  return (row, cell) => {
    if (typeof cell === 'string') {
      const cached = known.get(cell);
      if (cached !== undefined) return cached;
      if (isBlank(cell)) return undefined;
      const status = parseStatus(cell);
      if (status !== undefined) {
        known.set(cell, status);
        return status;
      }
    } else if (cell === null || cell === undefined) {
      return undefined;
    }
    throw new FunctionInputError(functionName, `statuses row ${row} is ${describeCell(cell)}; expected one of ${COMMITMENT_STATUSES.join(', ')} or blank`);
  };
}

/**
 * Streams the log's date columns into a tally; a header row of column titles is skipped. With a
 * statuses column, rows neither side took on (Proposed, Declined, Withdrawn) are left out.
 */
function tallyCommitments(
  functionName: string,
  calendar: Calendar,
  asOf: Date,
  dueDates: unknown,
  doneDates: unknown,
  flaggedDates: unknown,
  statuses: unknown,
): CommitmentTally {
  const args: ColumnArg[] = [
    { name: 'due_dates', value: dueDates, accepts: isDateLike },
    { name: 'done_dates', value: doneDates, accepts: isDateLike },
  ];
  const hasFlagged = flaggedDates !== undefined;
  const hasStatuses = statuses !== undefined && !isBlank(statuses);
  if (hasFlagged) args.push({ name: 'flagged_dates', value: flaggedDates, accepts: isDateLike });
  if (hasStatuses) args.push({ name: 'statuses', value: statuses, accepts: isStatusText });
  const { columns, firstRow } = readParallelColumns(functionName, args);
  const [due, done] = columns;
  const flagged = hasFlagged ? columns[2] : undefined;
  const status = hasStatuses ? columns[columns.length - 1] : undefined;
  const readStatus = statusReader(functionName);
  const counts = new CommitmentTally(asOf, calendar);
  for (let index = 0; index < due.length; index++) {
    const row = firstRow + index;
    if (status !== undefined && !isTakenOn(readStatus(row, status.cell(index)))) continue;
    counts.add(
      readDateAt(functionName, 'due_dates', row, due.cell(index), calendar),
      readDateAt(functionName, 'done_dates', row, done.cell(index), calendar),
      flagged ? readDateAt(functionName, 'flagged_dates', row, flagged.cell(index), calendar) : null,
    );
  }
  return counts;
}

export function ON_TIME_RATE(due_dates: unknown, done_dates: unknown, as_of?: unknown, statuses?: unknown): number | string {
  const calendar = sheetCalendar();
  const asOf = readAsOf('ON_TIME_RATE', as_of, calendar);
  return tallyCommitments('ON_TIME_RATE', calendar, asOf, due_dates, done_dates, undefined, statuses).onTimeRate() ?? '';
}

export function EARLY_WARNING_RATE(
  due_dates: unknown,
  done_dates: unknown,
  flagged_dates: unknown,
  as_of?: unknown,
  statuses?: unknown,
): number | string {
  if (flagged_dates === undefined) {
    throw new FunctionInputError('EARLY_WARNING_RATE', 'flagged_dates is missing; give the column of dates each slip was flagged');
  }
  const calendar = sheetCalendar();
  const asOf = readAsOf('EARLY_WARNING_RATE', as_of, calendar);
  return tallyCommitments('EARLY_WARNING_RATE', calendar, asOf, due_dates, done_dates, flagged_dates, statuses).earlyWarningRate() ?? '';
}
