/**
 * Text a person typed must come back exactly as typed. `Range.setValues` parses strings the way
 * typing into a cell does (`=…` becomes a formula, `00123` a number, `1/2` a date, `TRUE` a
 * boolean), and formula injection rides on that. A leading apostrophe makes Sheets keep the rest
 * as text and is not part of the stored value, so every piece of user text is written behind one.
 */
export function asLiteralText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** Longest text kept in one cell; Sheets' own limit is 50,000 characters. */
const MAX_CELL_TEXT = 50_000;

/** Normalises user text for storage: no control characters except tab and newline, bounded length. */
export function cleanUserText(text: string, field: string): string {
  // Control characters (other than tab/newline) are invisible in a cell and only ever smuggle things.
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r\n?/g, '\n');
  if (cleaned.length > MAX_CELL_TEXT) {
    throw new Error(`${field} is ${cleaned.length} characters long; a cell holds at most ${MAX_CELL_TEXT}`);
  }
  return cleaned;
}
