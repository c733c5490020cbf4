/**
 * Conditional-format formulas, made evaluable outside their range. Sheets evaluates a rule's custom
 * formula for every cell of the rule's range, with relative references moved as if the formula
 * were copied from the range's top-left cell. To let the same formula engine evaluate it, we write
 * one copy per row (per cell when a column reference is relative) into a scratch sheet: each cell
 * reference is qualified with the rule's sheet and shifted by the cell's offset.
 *
 * Scope (what the add-on's rules need): A1 cell references, optionally sheet-qualified, `$`
 * anchors, and ranges between two cell references. String literals are left alone (our rules tag
 * themselves with N("trustCorners:overdue")). Whole-column/row ranges and R1C1 are not rewritten.
 */

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// An optional sheet prefix, then $?COL$?ROW not followed by a name character or "(" (a function).
const REFERENCE = /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

/** Splits a formula into string literals (kept as is) and code (rewritten). */
function mapCode(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** True when some reference moves with the column (then each cell needs its own copy). */
export function hasRelativeColumn(formula: string): boolean {
  let relative = false;
  mapCode(formula, (code) => {
    for (const m of code.matchAll(REFERENCE)) {
      const before = code[m.index! - 1] ?? '';
      if (/[A-Za-z0-9_.$]/.test(before)) continue;
      if (m[2] === '') relative = true;
    }
    return code;
  });
  return relative;
}

/**
 * The formula as written for the range's top-left cell, moved by (rowOffset, colOffset) and with
 * every unqualified reference pointing at `sheet`.
 */
export function relocate(formula: string, sheet: string, rowOffset: number, colOffset: number): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const moved = mapCode(body, (code) =>
    code.replace(REFERENCE, (whole, prefix: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, offset: number) => {
      const before = code[offset - 1] ?? '';
      // Part of a longer name (e.g. LOG10) or already handled as a range's second half.
      if (/[A-Za-z0-9_.$]/.test(before)) return whole;
      const newCol = colAbs ? col : columnLetters(columnNumber(col) + colOffset);
      const newRow = rowAbs ? row : String(Number(row) + rowOffset);
      // The second half of A1:B2 shares the first half's sheet; qualifying it again is not valid A1.
      const qualifier = prefix ?? (before === ':' ? '' : `${quoteSheet(sheet)}!`);
      return `${qualifier}${colAbs}${newCol}${rowAbs}${newRow}`;
    }),
  );
  return `=${moved}`;
}
