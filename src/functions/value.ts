import { PSAT_MAX, PSAT_MIN, type Exchange, type ValueRow, partnerSatisfaction, reciprocity, returnOnInvestment } from '../domain/value';
import { type Cell, FunctionInputError, type Grid, describeCell, forEachCell, isBlank, readNumber, readText, scalarArg, toGrid } from './cells';
import { readParallelColumns } from './columns-arg';

/** A cell that reads as a number (what an amounts column holds below its title). */
const isNumeric = (cell: Cell): boolean =>
  typeof cell === 'number' || (typeof cell === 'string' && cell.trim() !== '' && !Number.isNaN(Number(cell)));

export function ROPI(value: unknown, investment: unknown): number | string {
  const name = 'ROPI';
  const { columns, firstRow } = readParallelColumns(name, [
    { name: 'value', value, accepts: isNumeric },
    { name: 'investment', value: investment, accepts: isNumeric },
  ]);
  const [values, investments] = columns;
  const rows: ValueRow[] = [];
  for (let index = 0; index < values.length; index++) {
    const row = firstRow + index;
    rows.push({
      value: readNumber(name, `value row ${row}`, values.cell(index), -Infinity, Infinity, 'a number (the value created)'),
      investment: readNumber(name, `investment row ${row}`, investments.cell(index), 0, Infinity, 'an amount of 0 or more (what was invested)'),
    });
  }
  const result = returnOnInvestment(rows);
  if (result.status === 'zero investment') {
    throw new FunctionInputError(name, `investment totals 0 against a value of ${result.value}; expected what was invested (a total above 0) to divide the value by`);
  }
  // A tiny investment against any value gives a ratio no cell can hold: say so rather than return Infinity.
  if (result.status === 'ratio' && !Number.isFinite(result.ratio)) {
    throw new FunctionInputError(name, `a value of ${result.value} over an investment of ${result.investment} is too large a ratio to show; expected the investment in the same units as the value`);
  }
  return result.status === 'ratio' ? result.ratio : '';
}

/**
 * The amounts column to read: the whole argument when `kind` is omitted, else the column whose
 * title (first row) is `kind`, so one call can point at a table with a column per kind.
 */
function amountsOfKind(name: string, amounts: unknown, kind: unknown): { amounts: unknown; titled: boolean } {
  const kindCell = scalarArg(name, 'kind', kind);
  if (isBlank(kindCell)) return { amounts, titled: false };
  const wanted = readText(name, 'kind', kindCell);
  const grid: Grid = toGrid(name, 'amounts', amounts);
  const titles = grid[0] ?? [];
  const column = titles.findIndex((title) => typeof title === 'string' && title.trim().toLowerCase() === wanted.toLowerCase());
  if (column < 0) {
    const named = titles.filter((title) => typeof title === 'string' && !isBlank(title)).map((title) => `"${String(title).trim()}"`);
    throw new FunctionInputError(
      name,
      `kind is "${wanted}" but no column of amounts has that title in its first row${named.length > 0 ? ` (it has ${named.join(', ')})` : ''}; include the title row in both ranges`,
    );
  }
  return { amounts: grid.map((row) => [row[column]]), titled: true };
}

export function RECIPROCITY(sides: unknown, amounts: unknown, kind?: unknown): number | string {
  const name = 'RECIPROCITY';
  if (amounts === undefined) throw new FunctionInputError(name, 'amounts is missing; give what each row gave, same rows as sides');
  const picked = amountsOfKind(name, amounts, kind);
  const { columns, firstRow: detectedFirst } = readParallelColumns(name, [
    { name: 'sides', value: sides },
    { name: 'amounts', value: picked.amounts, accepts: isNumeric },
  ]);
  // With kind, row 1 is the title row that named the column, whatever the detection thought.
  const skip = picked.titled && detectedFirst === 1 ? 1 : 0;
  const sideColumn = columns[0].skip(skip);
  const amountColumn = columns[1].skip(skip);
  const firstRow = detectedFirst + skip;
  const exchanges: Exchange[] = [];
  const rowOf: number[] = [];
  for (let index = 0; index < sideColumn.length; index++) {
    const row = firstRow + index;
    const sideCell = sideColumn.cell(index);
    const amount = readNumber(name, `amounts row ${row}`, amountColumn.cell(index), 0, Infinity, 'an amount of 0 or more');
    if (amount === null) continue; // nothing recorded on this row for this kind
    if (isBlank(sideCell)) throw new FunctionInputError(name, `sides row ${row} is blank; expected the side that gave ${amount}`);
    exchanges.push({ side: readText(name, `sides row ${row}`, sideCell), amount });
    rowOf.push(row);
  }
  const result = reciprocity(exchanges);
  if (result.status === 'too many sides') {
    throw new FunctionInputError(
      name,
      `sides row ${rowOf[result.index]} is ${describeCell(result.side)}, a third side after "${result.sides[0]}" and "${result.sides[1]}"; expected the two sides of one partnership`,
    );
  }
  return result.status === 'ratio' ? result.ratio : '';
}

export function PSAT(ratings: unknown): number | string {
  const values: number[] = [];
  forEachCell('PSAT', 'ratings', ratings, (cell, where, rowIndex) => {
    // A column title above the ratings is allowed in the first row only.
    if (rowIndex === 0 && typeof cell === 'string' && !isBlank(cell) && Number.isNaN(Number(cell))) return;
    if (cell === '') return;
    const rating = readNumber('PSAT', where(), cell, PSAT_MIN, PSAT_MAX, 'a rating from 0 to 10');
    if (rating !== null) values.push(rating);
  });
  return partnerSatisfaction(values) ?? '';
}
