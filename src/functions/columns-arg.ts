import { type Cell, ColumnView, FunctionInputError, isBlank } from './cells';

export interface ColumnArg {
  name: string;
  value: unknown;
  /**
   * Whether a cell is a data value of this column. Columns that take any text leave it out; they
   * cannot tell a title from data, so the other columns decide whether row 1 is a title row.
   */
  accepts?: (cell: Cell) => boolean;
}

export interface ParallelColumns {
  /** Cells of each column, aligned row for row, header row removed. */
  columns: ColumnView[];
  /** The 1-based row within the ranges of `columns[*][0]` (2 when a header row was skipped). */
  firstRow: number;
}

const isTitle = (cell: Cell, arg: ColumnArg): boolean =>
  typeof cell === 'string' && !isBlank(cell) && arg.accepts !== undefined && !arg.accepts(cell);

/** Row 1 is a title row when the columns that can tell hold a title there and no data value. */
function hasTitleRow(lists: ColumnView[], args: readonly ColumnArg[]): boolean {
  if (lists[0].length === 0) return false;
  const judges = args.map((arg, index) => ({ arg, first: lists[index].cell(0) })).filter(({ arg }) => arg.accepts);
  return judges.some(({ arg, first }) => isTitle(first, arg)) && judges.every(({ arg, first }) => isBlank(first) || isTitle(first, arg));
}

/**
 * Reads ranges that describe the same rows side by side (e.g. due and done dates of the log).
 * Whole columns such as `Log!G:G` are welcome: a first row of column titles is skipped.
 */
export function readParallelColumns(functionName: string, args: readonly ColumnArg[]): ParallelColumns {
  const lists = args.map((arg) => ColumnView.of(functionName, arg.name, arg.value));
  const height = lists[0].length;
  lists.forEach((list, index) => {
    if (list.length !== height) {
      throw new FunctionInputError(
        functionName,
        `${args[index].name} has ${list.length} row${list.length === 1 ? '' : 's'} but ${args[0].name} has ${height}; give ranges that start and end on the same rows`,
      );
    }
  });
  const skip = hasTitleRow(lists, args) ? 1 : 0;
  return { columns: lists.map((list) => list.skip(skip)), firstRow: skip + 1 };
}
