import { CORNERS, type Corner, MAX_RATING, MIN_RATING, parseCorner } from '../domain/corners';
import type { CornerTally } from '../domain/scores';
import { type Cell, ColumnView, FunctionInputError, isBlank, readNumber, readText, toGrid } from './cells';

export interface ScoresLayout {
  /** 1 when the range's first row names the corners, else 0. */
  headerRows: number;
  /** Rows in the range, header and blank rows included: what a parallel `sides` range must match. */
  height: number;
}

/** The tally a row's ratings go into, asked once per row that has a rating (0-based row in the range). */
export type TallyForRow = (rowIndex: number) => CornerTally;

/** Column index of each corner, from a header row naming all four, or undefined when row 1 is data. */
function cornerColumnsFromHeader(firstRow: Cell[]): number[] | undefined {
  const columns: Partial<Record<Corner, number>> = {};
  firstRow.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const corner = parseCorner(cell);
    if (corner && columns[corner] === undefined) columns[corner] = index;
  });
  return CORNERS.every((corner) => columns[corner] !== undefined) ? CORNERS.map((corner) => columns[corner] as number) : undefined;
}

/**
 * Streams a `scores` range into tallies: four rating columns in canonical order, or any columns
 * under a header row that names the four corners. Blank cells are skipped (so open-ended ranges
 * such as E2:H work); anything else that is not a rating from 1 to 10 stops with an error naming
 * the row and corner. Error text is only built on the slow path: this loop sees 400,000 cells.
 */
export function scanScores(
  functionName: string,
  argName: string,
  value: unknown,
  tallyForRow: TallyForRow,
  weightOf?: (rowIndex: number) => number,
): ScoresLayout {
  const grid = toGrid(functionName, argName, value);
  if (grid.length === 0) return { headerRows: 0, height: 0 };
  const header = cornerColumnsFromHeader(grid[0]);
  if (!header && grid[0].length !== CORNERS.length) {
    throw new FunctionInputError(
      functionName,
      `${argName} has ${grid[0].length} column${grid[0].length === 1 ? '' : 's'}; expected 4 (${CORNERS.join(', ')}) or a first row naming the four corners`,
    );
  }
  const headerRows = header ? 1 : 0;
  const columns = header ?? [0, 1, 2, 3];
  for (let rowIndex = headerRows; rowIndex < grid.length; rowIndex++) {
    const cells = grid[rowIndex];
    let tally: CornerTally | undefined;
    let weight = 1;
    for (let cornerIndex = 0; cornerIndex < 4; cornerIndex++) {
      const cell = cells[columns[cornerIndex]];
      if (typeof cell === 'number' && cell >= MIN_RATING && cell <= MAX_RATING) {
        if (!tally) {
          tally = tallyForRow(rowIndex);
          if (weightOf) weight = weightOf(rowIndex);
        }
        if (weightOf) tally.addWeighted(cornerIndex, cell, weight);
        else tally.add(cornerIndex, cell);
      } else if (cell !== '') {
        const rating = readNumber(
          functionName,
          `${argName} row ${rowIndex + 1}, ${CORNERS[cornerIndex]}`,
          cell,
          MIN_RATING,
          MAX_RATING,
          'a number from 1 to 10',
        );
        if (rating === null) continue;
        if (!tally) {
          tally = tallyForRow(rowIndex);
          if (weightOf) weight = weightOf(rowIndex);
        }
        tally.addWeighted(cornerIndex, rating, weight);
      }
    }
  }
  return { headerRows, height: grid.length };
}

/**
 * A range that runs beside a scores range, one cell per scores row (sides, response counts). It
 * may include the header row or start one row lower; either way it must line up row for row.
 * Returns the cell for a scores row (0-based index within the scores range) and its row number
 * within this range, for messages.
 */
export function beside(
  functionName: string,
  argName: string,
  value: unknown,
  scoresGrid: { height: number; hasHeader: boolean },
): (rowIndex: number) => { cell: Cell; row: number } {
  const column = ColumnView.of(functionName, argName, value);
  let offset: number;
  if (column.length === scoresGrid.height) offset = 0;
  else if (scoresGrid.hasHeader && column.length === scoresGrid.height - 1) offset = 1;
  else {
    throw new FunctionInputError(
      functionName,
      `${argName} has ${column.length} row${column.length === 1 ? '' : 's'} but scores has ${scoresGrid.height}; give ranges that start and end on the same rows`,
    );
  }
  return (rowIndex) => ({ cell: column.cell(rowIndex - offset), row: rowIndex + 1 - offset });
}

/** The side (company) of each scores row, from a `sides` range beside it; blank is an error. */
export function sidesBeside(
  functionName: string,
  argName: string,
  value: unknown,
  scoresGrid: { height: number; hasHeader: boolean },
): (rowIndex: number) => string {
  const at = beside(functionName, argName, value, scoresGrid);
  return (rowIndex) => {
    const { cell, row } = at(rowIndex);
    if (typeof cell === 'string' && cell !== '' && cell.trim() !== '') return cell;
    const where = `${argName} row ${row}`;
    if (isBlank(cell)) {
      throw new FunctionInputError(functionName, `${where} is blank; expected the side (company) whose ratings are on that row`);
    }
    return readText(functionName, where, cell);
  };
}

/** How many people each scores row stands for (a sealed row holds N people's means); blank is 1. */
export function responsesBeside(
  functionName: string,
  argName: string,
  value: unknown,
  scoresGrid: { height: number; hasHeader: boolean },
): (rowIndex: number) => number {
  const at = beside(functionName, argName, value, scoresGrid);
  return (rowIndex) => {
    const { cell, row } = at(rowIndex);
    if (typeof cell === 'number' && cell >= 1 && Number.isInteger(cell)) return cell;
    const count = readNumber(functionName, `${argName} row ${row}`, cell, 1, 1_000_000, 'a whole number of people, 1 or more');
    if (count !== null && !Number.isInteger(count)) {
      throw new FunctionInputError(functionName, `${argName} row ${row} is ${count}; expected a whole number of people, 1 or more`);
    }
    return count ?? 1;
  };
}

/** Height and header of a scores range without reading its ratings (for lining up `sides`). */
export function scoresShape(functionName: string, argName: string, value: unknown): { height: number; hasHeader: boolean } {
  const grid = toGrid(functionName, argName, value);
  return { height: grid.length, hasHeader: grid.length > 0 && cornerColumnsFromHeader(grid[0]) !== undefined };
}
