/**
 * Cell input parsing and display formatting.
 *
 * `parseTyped` mirrors what happens when a string is written with Range.setValue(s) or
 * Sheet.appendRow: Sheets parses it exactly as if a user had typed it into the cell (en_US locale).
 * This is what the add-on must defend user text against, so the rules err on the strict side:
 *  - a leading apostrophe marks text; the apostrophe is not part of the value ("'=1" -> "=1").
 *  - '=' starts a formula. Deliberately stricter than Sheets: leading whitespace or control
 *    characters before '=', '+', '-' or '@' do not protect the text either (treated as formula).
 *  - '+', '-', '@' followed by something that is not a plain number is a formula too ('+A1' is
 *    stored as '=+A1'); a lone '+', '-' or '@' stays text, and so does '@' before a plain name or
 *    address ('@ana', '@ana@acme.example': a mention in Sheets, never a formula).
 *  - numbers (trimmed): '00123' 123, '1,234.5', '12%' 0.12, '$5' 5, '-$5', '1e3', '.5'.
 *  - 'TRUE'/'FALSE' in any case -> boolean.
 *  - dates/times (trimmed): '2026-03-01', '2026/3/1', '3/1/2026', '3/1/26', '1/2' and '1-2'
 *    (this year), 'Mar 1', 'March 1, 2026', '1 Mar 2026', '1-Mar-2026', 'Mar 2026', optional
 *    ' 10:30[:15][ AM]' suffix; a time alone ('10:30') is a Date on 1899-12-30 as in Sheets.
 *    Dates are midnight (or the typed time) in the spreadsheet time zone.
 *  - anything else is stored as the untouched string (not trimmed).
 * The number format Sheets would auto-apply on typing ('0%', currency, date) is not applied.
 *
 * A cell formatted as plain text (number format '@') is not parsed: the string is stored as is
 * (a leading apostrophe is still dropped), which is how Sheets treats typing into such a cell.
 */
import type { CellValue } from './types';
import { formatDatePattern, MONTH_NAMES, zonedParts, zonedToInstant } from './timezone';

export interface ParsedInput {
  value: CellValue;
  formula?: string;
}

export interface ParseContext {
  timeZone: string;
  now: () => Date;
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

// Whitespace and control characters (incl. NBSP, zero-width, BOM) that do not hide a formula.
const LEADING_JUNK = /^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]+/;

const NUMBER = /^([+-])?(\$)?([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;

export function parseNumber(text: string): number | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign1, currency, sign2, intPart, fracPart, exp, percent] = m;
  if (sign1 && sign2) return null;
  if (!intPart && (!fracPart || fracPart === '.')) return null;
  if (currency && exp !== undefined) return null;
  let n = Number(`${(intPart ?? '0').replace(/,/g, '')}${fracPart ?? ''}${exp !== undefined ? `e${exp}` : ''}`);
  if (!Number.isFinite(n)) return null;
  if (percent) n = n / 100;
  return sign1 === '-' || sign2 === '-' ? -n : n;
}

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  for (let i = 0; i < 12; i++) {
    const long = MONTH_NAMES.long[i]!.toLowerCase();
    if (lower === long || lower === long.slice(0, 3) || (i === 8 && lower === 'sept')) return i + 1;
  }
  return null;
}

const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?';

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function parseTime(m: RegExpExecArray, at: number): { h: number; mi: number; s: number } | null {
  if (m[at] === undefined) return { h: 0, mi: 0, s: 0 };
  let h = Number(m[at]);
  const mi = Number(m[at + 1]);
  const s = m[at + 2] !== undefined ? Number(m[at + 2]) : 0;
  const ampm = m[at + 3]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, mi, s };
}

function twoDigitYear(y: string): number {
  if (y.length !== 2) return Number(y);
  const n = Number(y);
  return n < 30 ? 2000 + n : 1900 + n; // Sheets' two-digit-year window is 1930-2029
}

const DATE_FORMS: Array<{ re: RegExp; build: (m: RegExpExecArray, year: number) => Wall | null }> = [
  {
    // 2026-03-01, 2026/3/1 [time]
    re: new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]+${TIME})?$`, 'i'),
    build: (m) => withTime(Number(m[1]), Number(m[2]), Number(m[3]), m, 4),
  },
  {
    // 3/1/2026, 3/1/26, 1/2, 1-2 [time]
    re: new RegExp(`^(\\d{1,2})([/-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?:\\s+${TIME})?$`, 'i'),
    build: (m, year) => withTime(m[4] ? twoDigitYear(m[4]) : year, Number(m[1]), Number(m[3]), m, 5),
  },
  {
    // Mar 1, March 1, 2026, Mar 1 2026
    re: new RegExp(`^([A-Za-z]+\\.?)\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?(?:\\s+${TIME})?$`, 'i'),
    build: (m, year) => {
      const mo = monthFromName(m[1]!);
      return mo ? withTime(m[3] ? Number(m[3]) : year, mo, Number(m[2]), m, 4) : null;
    },
  },
  {
    // 1 Mar 2026, 1-Mar-2026, 1 March
    re: new RegExp(`^(\\d{1,2})[\\s-]+([A-Za-z]+\\.?)(?:[\\s,-]+(\\d{4}))?(?:\\s+${TIME})?$`, 'i'),
    build: (m, year) => {
      const mo = monthFromName(m[2]!);
      return mo ? withTime(m[3] ? Number(m[3]) : year, mo, Number(m[1]), m, 4) : null;
    },
  },
  {
    // Mar 2026 -> first of the month
    re: /^([A-Za-z]+\.?)\s+(\d{4})$/i,
    build: (m) => {
      const mo = monthFromName(m[1]!);
      return mo ? { y: Number(m[2]), mo, d: 1, h: 0, mi: 0, s: 0 } : null;
    },
  },
  {
    // 10:30, 10:30:15, 9:05 pm -> a time on Sheets' day zero
    re: new RegExp(`^${TIME}$`, 'i'),
    build: (m) => {
      const t = parseTime(m, 1);
      return t ? { y: 1899, mo: 12, d: 30, ...t } : null;
    },
  },
];

function withTime(y: number, mo: number, d: number, m: RegExpExecArray, at: number): Wall | null {
  const t = parseTime(m, at);
  return t ? { y, mo, d, ...t } : null;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function parseDate(text: string, ctx: ParseContext): Date | null {
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const wall = form.build(m, zonedParts(ctx.now(), ctx.timeZone).year);
    if (!wall || !validDay(wall.y, wall.mo, wall.d)) return null;
    return new Date(zonedToInstant(ctx.timeZone, wall.y, wall.mo, wall.d, wall.h, wall.mi, wall.s));
  }
  return null;
}

const MENTION = /^@[\p{L}\p{N}_.@-]+$/u;

/** Parse a string the way typing it into a Sheets cell does. */
export function parseTyped(raw: string, ctx: ParseContext): ParsedInput {
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  const lead = raw.replace(LEADING_JUNK, '');
  if (lead.startsWith('=')) return { value: '', formula: lead };
  const trimmed = raw.trim();
  if (trimmed === '') return { value: raw === '' ? '' : raw };
  const n = parseNumber(trimmed);
  if (n !== null) return { value: n };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const d = parseDate(trimmed, ctx);
  if (d) return { value: d };
  if (MENTION.test(trimmed)) return { value: raw };
  if (/^[+\-@]/.test(lead) && lead.trim().length > 1) return { value: '', formula: `=${lead}` };
  return { value: raw };
}

export function describeValueType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * A JS value written to a cell: null/undefined blank, numbers/booleans/Dates as they are, strings
 * parsed as typed. Objects, arrays and functions throw: Apps Script would write something useless
 * ("{a=1.0}", "[Ljava.lang.Object;") and it is always a bug in the caller.
 */
export function toCellInput(v: unknown, ctx: ParseContext, plainText = false): ParsedInput {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string') return plainText ? { value: v.startsWith("'") ? v.slice(1) : v } : parseTyped(v, ctx);
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  throw new Error(`Cannot write a value of type ${describeValueType(v)} to a cell: ${String(v).slice(0, 40)}`);
}

/** Store a parsed input in a cell record: a formula replaces the value and vice versa. */
export function applyInput(cell: { v?: CellValue; f?: string }, parsed: ParsedInput): void {
  if (parsed.formula !== undefined) {
    cell.f = parsed.formula;
    delete cell.v;
  } else {
    delete cell.f;
    if (parsed.value === '') delete cell.v;
    else cell.v = parsed.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Display values (getDisplayValue(s)): a small subset of Sheets number formats.

export const DEFAULT_NUMBER_FORMAT = '0.###############';
const DAY_ZERO_UTC = Date.UTC(1899, 11, 30);

/** Sheets serial number of a Date, in the spreadsheet zone (days since 1899-12-30). */
export function dateToSerial(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wall - DAY_ZERO_UTC) / 86400000;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(DAY_ZERO_UTC + Math.round(serial * 86400000));
  return new Date(
    zonedToInstant(
      timeZone,
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
    ),
  );
}

function isDateFormat(fmt: string): boolean {
  const unquoted = fmt.replace(/"[^"]*"/g, '');
  return /[dyhs]/i.test(unquoted) || /(^|[^0#])m/i.test(unquoted.replace(/[0#.,%]/g, ''));
}

/** Convert a Sheets date format ('yyyy-mm-dd', 'd mmm yyyy', 'h:mm am/pm') to a Java pattern. */
function sheetsDateToJava(fmt: string): string {
  const tokens = fmt.match(/"[^"]*"|am\/pm|a\/p|y+|m+|d+|h+|s+|[^"ymdhs]+/gi) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  return tokens
    .map((t, i) => {
      const lower = t.toLowerCase();
      if (t.startsWith('"')) return `'${t.slice(1, -1)}'`;
      if (/^(am\/pm|a\/p)$/.test(lower)) return 'a';
      if (lower[0] === 'y') return lower.length <= 2 ? 'yy' : 'yyyy';
      if (lower[0] === 'd') return lower.length >= 4 ? 'EEEE' : lower.length === 3 ? 'EEE' : lower;
      if (lower[0] === 'h') return ampm ? lower : lower.toUpperCase();
      if (lower[0] === 's') return lower;
      if (lower[0] === 'm') {
        const prev = tokens.slice(0, i).reverse().find((x) => /^[a-z]/i.test(x) && !/^[^a-z]/i.test(x));
        const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
        const isMinute = lower.length <= 2 && ((prev && /^h/i.test(prev)) || (next && /^s/i.test(next)));
        if (isMinute) return lower;
        return lower.length >= 4 ? 'MMMM' : lower.length === 3 ? 'MMM' : lower.toUpperCase();
      }
      return `'${t.replace(/'/g, "''")}'`;
    })
    .join('');
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-9)) return n.toExponential(2).toUpperCase().replace('E+', 'E+');
  return String(Number(n.toPrecision(10)));
}

function withThousands(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(n: number, fmt: string): string {
  const section = fmt.split(';')[n < 0 && fmt.includes(';') ? 1 : 0] ?? fmt;
  const m = /^([^0#]*)([#0,]*0)(?:\.(0+|#+))?(%?)(.*)$/.exec(section.replace(/"/g, ''));
  if (!m) return generalNumber(n);
  const [, prefix, intPat, decPat, percent, suffix] = m;
  let v = percent ? n * 100 : n;
  const decimals = decPat?.startsWith('0') ? decPat.length : 0;
  const explicitSign = n < 0 && fmt.includes(';') ? '' : v < 0 ? '-' : '';
  v = Math.abs(v);
  let text = v.toFixed(decimals);
  if (decPat?.startsWith('#')) text = String(Number(v.toFixed(decPat.length)));
  const [i, d] = text.split('.');
  const intText = intPat!.includes(',') ? withThousands(i!) : i!;
  return `${explicitSign}${prefix}${intText}${d !== undefined ? `.${d}` : ''}${percent}${suffix}`;
}

export function displayValue(v: CellValue, fmt: string | undefined, timeZone: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const format = fmt && fmt !== DEFAULT_NUMBER_FORMAT && fmt !== 'General' ? fmt : undefined;
  if (isDate(v)) {
    if (format && format !== '@' && isDateFormat(format)) return formatDatePattern(v, timeZone, sheetsDateToJava(format));
    const p = zonedParts(v, timeZone);
    const isTimeOnly = p.year === 1899 && p.month === 12 && p.day === 30;
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    if (isTimeOnly) return formatDatePattern(v, timeZone, 'H:mm:ss');
    return formatDatePattern(v, timeZone, midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss');
  }
  if (!format || format === '@') return generalNumber(v);
  if (isDateFormat(format)) return formatDatePattern(serialToDate(v, timeZone), timeZone, sheetsDateToJava(format));
  return formatNumber(v, format);
}
