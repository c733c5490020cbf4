import { type Calendar, startOfDayOf } from '../domain/calendar';
import { isDate } from '../domain/dates';
import { sha256Hex } from './sha256';

/**
 * The Change History's hash chain, as pure functions. Each row carries a link `#seq hash`: seq
 * counts the entries (1, 2, 3…) and hash is the first 12 hex digits of SHA-256 over the previous
 * row's hash, seq and the row's stored fields. The seq makes a deletion show as a gap, distinct
 * from a changed row; the hash makes a changed field (or a changed hash) show.
 */
export interface ChainLink {
  seq: number;
  hash: string;
}

const HASH_DIGITS = 12;
/** Before the first entry: the chain's first row is #1, chained to the empty hash. */
export const GENESIS: ChainLink = { seq: 0, hash: '' };

/** Unit separator: cleanUserText strips control characters, so it cannot occur inside a field. */
const SEPARATOR = '\u001f';

/** The Chain cell of a row appended without the lock when its entries could not be held: outside the chain. */
export const UNCHAINED_MARK = '(not chained: written while the other side was saving)';

export const formatLink = (link: ChainLink): string => `#${link.seq} ${link.hash}`;

export function parseLink(text: unknown): ChainLink | null {
  const match = typeof text === 'string' ? /^#(\d{1,9}) ([0-9a-f]{12})$/.exec(text.trim()) : null;
  return match ? { seq: Number(match[1]), hash: match[2] } : null;
}

/** The link of the entry after `previous` whose stored fields are `fields`. */
export function nextLink(previous: ChainLink, fields: readonly string[]): ChainLink {
  const seq = previous.seq + 1;
  return { seq, hash: sha256Hex([previous.hash, String(seq), ...fields].join(SEPARATOR)).slice(0, HASH_DIGITS) };
}

/** Whole seconds: the add-on writes history times to the second, which is what the chain hashes. */
export const toSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * A timestamp as the chain hashes it: the day and second on the spreadsheet's wall clock. A
 * date-time cell holds a wall-clock serial, so this text survives a change of the spreadsheet's
 * time zone; to the second, because that is what the add-on writes.
 */
function chainTimeText(date: Date, calendar: Calendar): string {
  const instant = new Date(Math.round(date.getTime() / 1000) * 1000);
  const seconds = Math.round((instant.getTime() - startOfDayOf(calendar, instant).getTime()) / 1000);
  return `${calendar.isoDay(instant)} ${seconds}`;
}

/** A cell's value as the chain hashes it: text as stored, a date as its wall-clock second. */
export function chainFieldText(value: unknown, calendar: Calendar): string {
  if (value === null || value === undefined) return '';
  return isDate(value) ? chainTimeText(value, calendar) : String(value);
}

/** One row of the Change History as read back: its sheet row, hashed fields and link cell. */
export interface StoredHistoryRow {
  rowNumber: number;
  fields: readonly string[];
  link: unknown;
  blank: boolean;
}

export interface ChainVerdict {
  /** Rows carrying a link. */
  chained: number;
  /** Rows before the first link: written before the chain existed, not checked. */
  unchained: number;
  firstChainedRow: number | null;
  problems: string[];
}

const entries = (count: number): string => (count === 1 ? '1 entry' : `${count} entries`);
const numbers = (from: number, to: number): string => (from === to ? `#${from}` : `#${from}–#${to}`);

/**
 * Walks the rows in sheet order and names every row that was changed, every gap where entries
 * were deleted (or cleared) and rows added or moved by hand. `head` is the last link the add-on
 * wrote (kept outside the sheet), which reveals deleted newest rows.
 */
export function verifyChain(rows: readonly StoredHistoryRow[], head: ChainLink | null): ChainVerdict {
  const problems: string[] = [];
  let unchained = 0;
  let chained = 0;
  let firstChainedRow: number | null = null;
  // `expected`: the link this row should have had, kept when its own check failed (see below).
  let previous: { link: ChainLink; rowNumber: number; expected: ChainLink | null; problem: number } | null = null;
  for (const row of rows) {
    if (row.blank) continue;
    const link = parseLink(row.link);
    if (!link && row.link === UNCHAINED_MARK) {
      problems.push(`row ${row.rowNumber} was written outside the chain while the other side was saving (its edits could not be held): compare it with File → Version history`);
      continue;
    }
    if (!link) {
      if (previous) problems.push(`row ${row.rowNumber} has no chain hash: it was added by hand, or its hash was removed`);
      else unchained++;
      continue;
    }
    chained++;
    let expected: ChainLink | null = null;
    if (!previous) {
      firstChainedRow = row.rowNumber;
      if (link.seq === 1) expected = nextLink(GENESIS, row.fields);
      else problems.push(`before row ${row.rowNumber}, ${entries(link.seq - 1)} of the chain ${link.seq === 2 ? 'is' : 'are'} missing (${numbers(1, link.seq - 1)})`);
    } else if (link.seq === previous.link.seq + 1) {
      expected = nextLink(previous.link, row.fields);
    } else if (link.seq > previous.link.seq + 1) {
      const missing = link.seq - previous.link.seq - 1;
      problems.push(
        `between row ${previous.rowNumber} and row ${row.rowNumber}, ${entries(missing)} ${missing === 1 ? 'is' : 'are'} missing (${numbers(previous.link.seq + 1, link.seq - 1)}): deleted or cleared`,
      );
    } else {
      problems.push(`row ${row.rowNumber} is out of order (entry #${link.seq} after #${previous.link.seq}): rows were moved or copied`);
    }
    let failed = false;
    if (expected && expected.hash !== link.hash) {
      if (previous?.expected && nextLink(previous.expected, row.fields).hash === link.hash) {
        // This row follows the hash the previous row should have had: only that row's hash cell was edited.
        problems[previous.problem] = `row ${previous.rowNumber}'s chain hash was changed after it was written`;
      } else {
        problems.push(`row ${row.rowNumber} was changed after it was written`);
        failed = true;
      }
    }
    previous = { link, rowNumber: row.rowNumber, expected: failed ? expected : null, problem: problems.length - 1 };
  }
  if (head) {
    if (!previous) {
      problems.push(`all ${entries(head.seq)} of the chain are missing (${numbers(1, head.seq)})`);
    } else if (head.seq > previous.link.seq) {
      problems.push(`after row ${previous.rowNumber}, the newest ${entries(head.seq - previous.link.seq)} ${head.seq - previous.link.seq === 1 ? 'is' : 'are'} missing (${numbers(previous.link.seq + 1, head.seq)})`);
    } else if (head.seq === previous.link.seq && head.hash !== previous.link.hash) {
      if (previous.expected?.hash === head.hash) {
        // The last row's fields are as written; only its hash cell was edited.
        problems[previous.problem] = `row ${previous.rowNumber}'s chain hash was changed after it was written`;
      } else {
        problems.push(`row ${previous.rowNumber}'s chain hash is not the one the add-on last wrote`);
      }
    }
  }
  return { chained, unchained, firstChainedRow, problems };
}
