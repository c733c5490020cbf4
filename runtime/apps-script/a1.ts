/** A1 notation: parse 'A1', 'A1:B2', 'C:C', 'C2:F', '2:5', "'My sheet'!A1:B2"; format back. */

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; undefined bounds mean "to the edge of the sheet" (open-ended). */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(text: string): { col?: number; row?: number } | null {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { col?: number; row?: number } = {};
  if (m[1]) out.col = lettersToColumn(m[1]);
  if (m[2]) {
    out.row = Number(m[2]);
    if (out.row < 1) return null;
  }
  return out;
}

/** Split "'Sheet name'!A1:B2" into sheet name and cell part. */
export function splitSheetPrefix(a1: string): { sheetName?: string; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { cells: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: a1.slice(bang + 1) };
}

/** Parse A1 notation; null when it is not a valid reference (Apps Script then says "Range not found"). */
export function parseA1(a1: string): A1Ref | null {
  const { sheetName, cells } = splitSheetPrefix(a1.trim());
  const pieces = cells.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]!);
  if (!a) return null;
  const ref: A1Ref = {};
  if (sheetName !== undefined) ref.sheetName = sheetName;
  if (pieces.length === 1) {
    if (a.col === undefined || a.row === undefined) return null; // 'A' or '3' alone is not a range
    return { ...ref, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(pieces[1]!);
  if (!b) return null;
  const full = (p: { col?: number; row?: number }) => p.col !== undefined && p.row !== undefined;
  const colOnly = (p: { col?: number; row?: number }) => p.col !== undefined && p.row === undefined;
  const rowOnly = (p: { col?: number; row?: number }) => p.col === undefined && p.row !== undefined;
  if (full(a) && full(b)) {
    return {
      ...ref,
      startRow: Math.min(a.row!, b.row!),
      endRow: Math.max(a.row!, b.row!),
      startCol: Math.min(a.col!, b.col!),
      endCol: Math.max(a.col!, b.col!),
    };
  }
  if (colOnly(a) && colOnly(b)) {
    return { ...ref, startCol: Math.min(a.col!, b.col!), endCol: Math.max(a.col!, b.col!) };
  }
  if (rowOnly(a) && rowOnly(b)) {
    return { ...ref, startRow: Math.min(a.row!, b.row!), endRow: Math.max(a.row!, b.row!) };
  }
  if (full(a) && colOnly(b)) {
    // 'C2:F': from row 2 down to the last row of the sheet.
    return { ...ref, startRow: a.row!, startCol: Math.min(a.col!, b.col!), endCol: Math.max(a.col!, b.col!) };
  }
  return null;
}

export function formatA1(row: number, col: number, numRows: number, numCols: number, maxRows: number, maxCols: number): string {
  const wholeCols = row === 1 && numRows === maxRows;
  const wholeRows = col === 1 && numCols === maxCols;
  if (wholeCols && !wholeRows) return `${columnToLetters(col)}:${columnToLetters(col + numCols - 1)}`;
  if (wholeRows && !wholeCols) return `${row}:${row + numRows - 1}`;
  const start = `${columnToLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
