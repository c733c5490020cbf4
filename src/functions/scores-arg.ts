import { CORNERS, type Corner, type CornerMeans, MAX_RATING, MIN_RATING, parseCorner } from '../domain/corners';
import type { RatingRow } from '../domain/scores';
import { type Cell, FunctionInputError, isBlank, readNumber, readText, toGrid, toList } from './cells';

export interface ScoresTable {
  /** Rating rows in range order, blank rows skipped; `rangeRow` is the 1-based row within the range. */
  rows: Array<RatingRow & { rangeRow: number }>;
  /** 1 when the range's first row names the corners, else 0. */
  headerRows: number;
  /** Rows in the range, header included, blank rows included: what a parallel `sides` range must match. */
  height: number;
}

/** Column index of each corner, from a header row naming all four, or undefined when row 1 is data. */
function cornerColumnsFromHeader(firstRow: Cell[]): Record<Corner, number> | undefined {
  const columns: Partial<Record<Corner, number>> = {};
  firstRow.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const corner = parseCorner(cell);
    if (corner && columns[corner] === undefined) columns[corner] = index;
  });
  return CORNERS.every((corner) => columns[corner] !== undefined) ? (columns as Record<Corner, number>) : undefined;
}

/**
 * Reads a `scores` range: four rating columns (canonical order), or any columns under a header
 * row that names the four corners. Blank rows are skipped so open-ended ranges (E2:H) work.
 */
export function readScores(functionName: string, argName: string, value: unknown): ScoresTable {
  const grid = toGrid(functionName, argName, value);
  if (grid.length === 0) return { rows: [], headerRows: 0, height: 0 };
  const header = cornerColumnsFromHeader(grid[0]);
  const headerRows = header ? 1 : 0;
  if (!header && grid[0].length !== CORNERS.length) {
    throw new FunctionInputError(
      functionName,
      `${argName} has ${grid[0].length} column${grid[0].length === 1 ? '' : 's'}; expected 4 (${CORNERS.join(', ')}) or a first row naming the four corners`,
    );
  }
  const columns = header ?? { Competence: 0, Reliability: 1, Transparency: 2, Alignment: 3 };
  const rows: ScoresTable['rows'] = [];
  for (let index = headerRows; index < grid.length; index++) {
    const cells = grid[index];
    const ratings = {} as CornerMeans;
    let rated = false;
    for (const corner of CORNERS) {
      const rating = readNumber(
        functionName,
        `${argName} row ${index + 1}, ${corner}`,
        cells[columns[corner]],
        MIN_RATING,
        MAX_RATING,
        'a number from 1 to 10',
      );
      ratings[corner] = rating;
      rated = rated || rating !== null;
    }
    if (rated) rows.push({ ratings, rangeRow: index + 1 });
  }
  return { rows, headerRows, height: grid.length };
}

/**
 * Attaches each rating row's side from a parallel one-column `sides` range. It may include the
 * header row or start one row lower; either way it must line up with the scores row for row.
 */
export function attachSides(functionName: string, argName: string, value: unknown, table: ScoresTable): ScoresTable['rows'] {
  const sides = toList(functionName, argName, value);
  let offset: number;
  if (sides.length === table.height) offset = 0;
  else if (table.headerRows === 1 && sides.length === table.height - 1) offset = 1;
  else {
    throw new FunctionInputError(
      functionName,
      `${argName} has ${sides.length} row${sides.length === 1 ? '' : 's'} but scores has ${table.height}; give ranges that start and end on the same rows`,
    );
  }
  return table.rows.map((row) => {
    const cell = sides[row.rangeRow - 1 - offset];
    const where = `${argName} row ${row.rangeRow - offset}`;
    if (isBlank(cell)) {
      throw new FunctionInputError(functionName, `${where} is blank; expected the side (company) whose ratings are on that row`);
    }
    return { ...row, side: readText(functionName, where, cell) };
  });
}
