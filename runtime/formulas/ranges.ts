/**
 * Sheets ranges HyperFormula cannot express as Sheets means them.
 *
 * - `G2:J` (open-ended: from G2 down to the sheet's last row) does not parse in HyperFormula.
 * - `A:B` (whole columns) parses, but HyperFormula ends it at the last row holding data, whereas
 *   Sheets ends it at the sheet's last row, blanks included; a custom function given `A:B` in
 *   Sheets receives every row of the grid (1000 in a new sheet), trailing '' rows and all.
 *
 * Both are rewritten to bounded ranges ending at the referenced sheet's row count before the
 * formula reaches HyperFormula. String literals are left alone.
 */

const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!`;
// (sheet!)?COL(ROW)?:COL, not followed by a row number or anything that would make it a name.
const OPEN_RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$'!])(${SHEET})?(${COLUMN})(\$?\d+)?:(${COLUMN})(?![A-Za-z0-9_.$(!'])`,
  'g',
);

function unquoteSheet(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * @param rowCountOf row count of a sheet by name, or undefined for an unknown sheet (left as is,
 *   so the engine reports the bad reference itself).
 */
export function boundOpenRanges(
  formula: string,
  currentSheet: string,
  rowCountOf: (sheet: string) => number | undefined,
): string {
  // Split on string literals ("..." with "" as an escaped quote); odd pieces are literals.
  const pieces = formula.split(/("(?:[^"]|"")*")/);
  return pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(OPEN_RANGE, (whole, sheet: string | undefined, c1: string, r1: string | undefined, c2: string) => {
            const rows = rowCountOf(sheet ? unquoteSheet(sheet) : currentSheet);
            if (rows === undefined) return whole;
            return `${sheet ?? ''}${c1}${r1 ?? '1'}:${c2}${rows}`;
          }),
    )
    .join('');
}
