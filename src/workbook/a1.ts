/** Column number (1-based) to its letters: 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as a formula reference: always quoted, quotes doubled. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;
