import type { Calendar } from '../domain/calendar';
import { CommitmentTally } from '../domain/commitments';
import { sheetCalendar } from './sheet-calendar';
import { FunctionInputError, isDateLike, readDate, readDateAt, scalarArg } from './cells';
import { type ColumnArg, readParallelColumns } from './columns-arg';

function readAsOf(functionName: string, value: unknown, calendar: Calendar): Date {
  return readDate(functionName, 'as_of', scalarArg(functionName, 'as_of', value), calendar) ?? new Date();
}

/** Streams the log's date columns into a tally; a header row of column titles is skipped. */
function tallyCommitments(
  functionName: string,
  calendar: Calendar,
  asOf: Date,
  dueDates: unknown,
  doneDates: unknown,
  flaggedDates?: unknown,
): CommitmentTally {
  const args: ColumnArg[] = [
    { name: 'due_dates', value: dueDates, accepts: isDateLike },
    { name: 'done_dates', value: doneDates, accepts: isDateLike },
  ];
  if (flaggedDates !== undefined) args.push({ name: 'flagged_dates', value: flaggedDates, accepts: isDateLike });
  const { columns, firstRow } = readParallelColumns(functionName, args);
  const [due, done, flagged] = columns;
  const counts = new CommitmentTally(asOf, calendar);
  for (let index = 0; index < due.length; index++) {
    const row = firstRow + index;
    counts.add(
      readDateAt(functionName, 'due_dates', row, due.cell(index), calendar),
      readDateAt(functionName, 'done_dates', row, done.cell(index), calendar),
      flagged ? readDateAt(functionName, 'flagged_dates', row, flagged.cell(index), calendar) : null,
    );
  }
  return counts;
}

export function ON_TIME_RATE(due_dates: unknown, done_dates: unknown, as_of?: unknown): number | string {
  const calendar = sheetCalendar();
  const asOf = readAsOf('ON_TIME_RATE', as_of, calendar);
  return tallyCommitments('ON_TIME_RATE', calendar, asOf, due_dates, done_dates).onTimeRate() ?? '';
}

export function EARLY_WARNING_RATE(
  due_dates: unknown,
  done_dates: unknown,
  flagged_dates: unknown,
  as_of?: unknown,
): number | string {
  if (flagged_dates === undefined) {
    throw new FunctionInputError('EARLY_WARNING_RATE', 'flagged_dates is missing; give the column of dates each slip was flagged');
  }
  const calendar = sheetCalendar();
  const asOf = readAsOf('EARLY_WARNING_RATE', as_of, calendar);
  return tallyCommitments('EARLY_WARNING_RATE', calendar, asOf, due_dates, done_dates, flagged_dates).earlyWarningRate() ?? '';
}
