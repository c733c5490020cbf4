import { type CommitmentDates, earlyWarningRate, onTimeRate } from '../domain/commitments';
import { FunctionInputError, isDateLike, readDate, scalarArg } from './cells';
import { type ColumnArg, readParallelColumns } from './columns-arg';

function readAsOf(functionName: string, value: unknown): Date {
  return readDate(functionName, 'as_of', scalarArg(functionName, 'as_of', value)) ?? new Date();
}

function readCommitmentDates(
  functionName: string,
  dueDates: unknown,
  doneDates: unknown,
  flaggedDates?: unknown,
): CommitmentDates[] {
  const args: ColumnArg[] = [
    { name: 'due_dates', value: dueDates, accepts: isDateLike },
    { name: 'done_dates', value: doneDates, accepts: isDateLike },
  ];
  if (flaggedDates !== undefined) args.push({ name: 'flagged_dates', value: flaggedDates, accepts: isDateLike });
  const { columns, firstRow } = readParallelColumns(functionName, args);
  const [due, done, flagged] = columns;
  return due.map((dueCell, index) => {
    const row = firstRow + index;
    return {
      due: readDate(functionName, `due_dates row ${row}`, dueCell),
      done: readDate(functionName, `done_dates row ${row}`, done[index]),
      flagged: flagged ? readDate(functionName, `flagged_dates row ${row}`, flagged[index]) : null,
    };
  });
}

export function ON_TIME_RATE(due_dates: unknown, done_dates: unknown, as_of?: unknown): number | string {
  const asOf = readAsOf('ON_TIME_RATE', as_of);
  return onTimeRate(readCommitmentDates('ON_TIME_RATE', due_dates, done_dates), asOf) ?? '';
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
  const asOf = readAsOf('EARLY_WARNING_RATE', as_of);
  const items = readCommitmentDates('EARLY_WARNING_RATE', due_dates, done_dates, flagged_dates);
  return earlyWarningRate(items, asOf) ?? '';
}
