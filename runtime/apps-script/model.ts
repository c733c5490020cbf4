/**
 * The workbook as plain data (what snapshot() serialises) plus the operations that keep it
 * consistent: cell writes, growth, and row/column insertion and deletion, which shift everything
 * anchored to the grid (cells with their values, formulas, formats, notes and validations; named
 * ranges; range protections; conditional-format and chart ranges; row/column developer metadata).
 *
 * Not shifted (documented approximation): A1 references inside formulas, and the source range of a
 * requireValueInRange validation. Sheets would rewrite both.
 */
import type { CellValue, EvaluatedWorkbook, FormulaEvaluator, GridRange, WorkbookContents } from './types';
import type {
  BooleanCriteriaKey,
  ChartTypeKey,
  ProtectionTypeKey,
  ValidationCriteriaKey,
  VisibilityKey,
} from './enums';

/** A range reference stored inside plain data (validation criteria, etc.). */
export interface RangeArg {
  $range: GridRange;
}
export type SpecArg = CellValue | CellValue[] | RangeArg | null;

export interface ValidationSpec {
  criteria: ValidationCriteriaKey;
  args: SpecArg[];
  allowInvalid: boolean;
  helpText: string;
}

export interface CellRecord {
  v?: CellValue; // literal value; absent or '' = empty
  f?: string; // formula text including the leading '='
  fmt?: string; // number format
  note?: string;
  fw?: string; // font weight
  fst?: string; // font style
  fc?: string; // font color
  bg?: string; // background
  wrap?: boolean;
  ws?: string; // wrap strategy key
  ha?: string; // horizontal alignment
  va?: string; // vertical alignment
  dv?: ValidationSpec;
}

export interface CfRuleSpec {
  ranges: GridRange[];
  criteria: BooleanCriteriaKey;
  args: SpecArg[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface ChartSpec {
  id: number;
  type: ChartTypeKey;
  ranges: GridRange[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number; // -1 = let Sheets guess
  transpose: boolean;
}

export interface ProtectionSpec {
  id: number;
  type: ProtectionTypeKey;
  sheetId: number;
  range: GridRange; // whole sheet for SHEET protections
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRange[];
}

export interface NamedRangeSpec {
  name: string;
  range: GridRange;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface MetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: VisibilityKey;
  location: MetadataLocation;
}

export interface SheetState {
  id: number;
  name: string;
  rows: Array<Array<CellRecord | undefined> | undefined>; // sparse; index = row-1, col-1
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  cf: CfRuleSpec[];
  charts: ChartSpec[];
}

export interface WorkbookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  activeSheetId: number;
  namedRanges: NamedRangeSpec[];
  metadata: MetadataSpec[];
  protections: ProtectionSpec[];
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
  };
  nextId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;

export function newSheetState(id: number, name: string, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): SheetState {
  return {
    id,
    name,
    rows: [],
    maxRows: rows,
    maxCols: cols,
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    tabColor: null,
    colWidths: {},
    rowHeights: {},
    cf: [],
    charts: [],
  };
}

export function newWorkbookState(timeZone: string, id = '1DoubleSpreadsheetId0000000000000000000000000'): WorkbookState {
  return {
    id,
    name: 'Untitled spreadsheet',
    timeZone,
    locale: 'en_US',
    sheets: [newSheetState(0, 'Sheet1')],
    activeSheetId: 0,
    namedRanges: [],
    metadata: [],
    protections: [],
    properties: { document: {}, script: {} },
    nextId: 1000,
  };
}

export function hasContent(cell: CellRecord | undefined): boolean {
  return !!cell && (!!cell.f || (cell.v !== undefined && cell.v !== ''));
}

/** 1-D span shift for an insertion (n > 0 items at `at`) or a deletion (n items from `at`). */
export function shiftSpan(
  start: number,
  count: number,
  at: number,
  n: number,
  op: 'insert' | 'delete',
  growAtEdge: number | null,
): { start: number; count: number } | null {
  const end = start + count - 1;
  if (op === 'insert') {
    if (at <= start) return { start: start + n, count };
    if (at <= end) return { start, count: count + n };
    // A range that reaches the edge of the grid grows with it (Sheets stores such ranges unbounded).
    if (growAtEdge !== null && at === end + 1 && end === growAtEdge) return { start, count: count + n };
    return { start, count };
  }
  const delEnd = at + n - 1;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at) + 1);
  const newCount = count - overlap;
  if (newCount <= 0) return null;
  const newStart = start > delEnd ? start - n : start >= at ? at : start;
  return { start: newStart, count: newCount };
}

export class Workbook {
  revision = 0;
  private cache: { revision: number; result: EvaluatedWorkbook } | null = null;
  /** Which sheets hold a formula, as of `revision` (a spill lands on its formula's own sheet). */
  private sheetFormulaScan: { revision: number; sheets: WeakMap<SheetState, boolean> } | null = null;

  constructor(
    public state: WorkbookState,
    private readonly evaluator: FormulaEvaluator | undefined,
  ) {}

  nextId(): number {
    return this.state.nextId++;
  }

  touch(): void {
    this.revision++;
  }

  sheetById(id: number): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  /** Sheet of a facade; a deleted sheet throws as in Apps Script. */
  liveSheet(id: number): SheetState {
    const s = this.sheetById(id);
    if (!s) throw new Error('This sheet has been deleted.');
    return s;
  }

  cell(sheet: SheetState, row: number, col: number): CellRecord | undefined {
    return sheet.rows[row - 1]?.[col - 1];
  }

  ensureCell(sheet: SheetState, row: number, col: number): CellRecord {
    let r = sheet.rows[row - 1];
    if (!r) {
      r = [];
      sheet.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = {};
      r[col - 1] = c;
    }
    return c;
  }

  lastRow(sheet: SheetState): number {
    for (let r = Math.min(sheet.rows.length, sheet.maxRows); r >= 1; r--) {
      const row = sheet.rows[r - 1];
      if (row && row.some(hasContent)) return r;
    }
    return 0;
  }

  lastCol(sheet: SheetState): number {
    let last = 0;
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  // ---- formula evaluation (lazy, once per revision) ----

  /** Whether `sheet` holds a formula: only then can an empty cell of it show a spilled value. */
  private sheetHasFormulas(sheet: SheetState): boolean {
    if (this.sheetFormulaScan?.revision !== this.revision) this.sheetFormulaScan = { revision: this.revision, sheets: new WeakMap() };
    const known = this.sheetFormulaScan.sheets.get(sheet);
    if (known !== undefined) return known;
    const any = sheet.rows.some((row) => row?.some((c) => !!c?.f));
    this.sheetFormulaScan.sheets.set(sheet, any);
    return any;
  }

  contents(): WorkbookContents {
    return {
      timeZone: this.state.timeZone,
      sheets: this.state.sheets.map((s) => {
        const lr = this.lastRow(s);
        const lc = this.lastCol(s);
        const values: CellValue[][] = [];
        const formulas: string[][] = [];
        for (let r = 1; r <= lr; r++) {
          const vr: CellValue[] = [];
          const fr: string[] = [];
          for (let c = 1; c <= lc; c++) {
            const cell = this.cell(s, r, c);
            fr.push(cell?.f ?? '');
            const v = cell?.f ? '' : (cell?.v ?? '');
            vr.push(v instanceof Date ? new Date(v.getTime()) : v);
          }
          values.push(vr);
          formulas.push(fr);
        }
        return { name: s.name, values, formulas };
      }),
    };
  }

  private evaluated(): EvaluatedWorkbook | null {
    if (!this.evaluator) return null;
    if (this.cache?.revision !== this.revision) {
      this.cache = { revision: this.revision, result: this.evaluator.evaluate(this.contents()) };
    }
    return this.cache.result;
  }

  /** What getValues sees at (row, col): literal value, computed formula result, or spilled value. */
  readValue(sheet: SheetState, row: number, col: number): CellValue {
    const cell = this.cell(sheet, row, col);
    if (cell?.f) {
      const computed = this.evaluated()?.get(sheet.name)?.[row - 1]?.[col - 1];
      return computed === undefined || computed === null ? '' : computed;
    }
    const v = cell?.v ?? '';
    // An empty cell shows a spilled value only on a sheet with formulas: other sheets are read without evaluating.
    if (v === '' && this.evaluator && this.sheetHasFormulas(sheet)) {
      const spilled = this.evaluated()?.get(sheet.name)?.[row - 1]?.[col - 1];
      return spilled === undefined || spilled === null ? '' : spilled;
    }
    return v;
  }

  // ---- structure ----

  /** Everything anchored to a grid range on `sheetId`; `fn` returns the new range or null to drop it. */
  private mapRanges(sheetId: number, fn: (r: GridRange) => GridRange | null): void {
    const st = this.state;
    st.namedRanges = st.namedRanges.filter((nr) => {
      if (nr.range.sheetId !== sheetId) return true;
      const next = fn(nr.range);
      if (next) nr.range = next;
      return !!next;
    });
    st.protections = st.protections.filter((p) => {
      if (p.sheetId !== sheetId) return true;
      p.unprotected = p.unprotected.map(fn).filter((r): r is GridRange => !!r);
      const next = fn(p.range);
      if (next) p.range = next;
      return !!next;
    });
    const sheet = this.liveSheet(sheetId);
    sheet.cf = sheet.cf.filter((rule) => {
      rule.ranges = rule.ranges.map((r) => (r.sheetId === sheetId ? fn(r) : r)).filter((r): r is GridRange => !!r);
      return rule.ranges.length > 0;
    });
    for (const s of st.sheets) {
      for (const chart of s.charts) {
        chart.ranges = chart.ranges.map((r) => (r.sheetId === sheetId ? fn(r) : r)).filter((r): r is GridRange => !!r);
      }
    }
  }

  private shiftDimension(sheet: SheetState, dim: 'ROW' | 'COLUMN', at: number, n: number, op: 'insert' | 'delete'): void {
    const edge = dim === 'ROW' ? sheet.maxRows : sheet.maxCols;
    this.mapRanges(sheet.id, (r) => {
      const span =
        dim === 'ROW'
          ? shiftSpan(r.row, r.numRows, at, n, op, edge)
          : shiftSpan(r.col, r.numCols, at, n, op, edge);
      if (!span) return null;
      return dim === 'ROW'
        ? { ...r, row: span.start, numRows: span.count }
        : { ...r, col: span.start, numCols: span.count };
    });
    // Developer metadata on rows/columns moves with them; deleting them deletes it.
    this.state.metadata = this.state.metadata.filter((m) => {
      const loc = m.location;
      if (loc.type !== dim || loc.sheetId !== sheet.id) return true;
      const span = shiftSpan(loc.start, loc.count, at, n, op, null);
      if (!span) return false;
      loc.start = span.start;
      loc.count = span.count;
      return true;
    });
    if (dim === 'ROW') {
      const span = shiftSpan(1, sheet.frozenRows, at, n, op, null);
      if (sheet.frozenRows > 0) sheet.frozenRows = span ? span.count : 0;
    } else {
      const span = shiftSpan(1, sheet.frozenCols, at, n, op, null);
      if (sheet.frozenCols > 0) sheet.frozenCols = span ? span.count : 0;
    }
  }

  insertRows(sheet: SheetState, at: number, n: number): void {
    this.shiftDimension(sheet, 'ROW', at, n, 'insert');
    if (at - 1 < sheet.rows.length) sheet.rows.splice(at - 1, 0, ...new Array<undefined>(n));
    sheet.maxRows += n;
    this.touch();
  }

  deleteRows(sheet: SheetState, at: number, n: number): void {
    this.shiftDimension(sheet, 'ROW', at, n, 'delete');
    sheet.rows.splice(at - 1, n);
    sheet.maxRows -= n;
    this.touch();
  }

  insertCols(sheet: SheetState, at: number, n: number): void {
    this.shiftDimension(sheet, 'COLUMN', at, n, 'insert');
    for (const row of sheet.rows) {
      if (row && at - 1 < row.length) row.splice(at - 1, 0, ...new Array<undefined>(n));
    }
    shiftKeyed(sheet.colWidths, at, n, 'insert');
    sheet.maxCols += n;
    this.touch();
  }

  deleteCols(sheet: SheetState, at: number, n: number): void {
    this.shiftDimension(sheet, 'COLUMN', at, n, 'delete');
    for (const row of sheet.rows) if (row) row.splice(at - 1, n);
    shiftKeyed(sheet.colWidths, at, n, 'delete');
    sheet.maxCols -= n;
    this.touch();
  }

  removeSheet(sheetId: number): void {
    const st = this.state;
    st.sheets = st.sheets.filter((s) => s.id !== sheetId);
    st.namedRanges = st.namedRanges.filter((nr) => nr.range.sheetId !== sheetId);
    st.protections = st.protections.filter((p) => p.sheetId !== sheetId);
    st.metadata = st.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== sheetId);
    for (const s of st.sheets) {
      for (const rule of s.cf) rule.ranges = rule.ranges.filter((r) => r.sheetId !== sheetId);
      s.cf = s.cf.filter((rule) => rule.ranges.length > 0);
      for (const c of s.charts) c.ranges = c.ranges.filter((r) => r.sheetId !== sheetId);
    }
    if (st.activeSheetId === sheetId) st.activeSheetId = st.sheets[0]!.id;
    this.touch();
  }
}

function shiftKeyed(map: Record<string, number>, at: number, n: number, op: 'insert' | 'delete'): void {
  const entries = Object.entries(map).map(([k, v]) => [Number(k), v] as const);
  for (const k of Object.keys(map)) delete map[k];
  for (const [k, v] of entries) {
    if (op === 'insert') map[String(k >= at ? k + n : k)] = v;
    else if (k < at) map[String(k)] = v;
    else if (k >= at + n) map[String(k - n)] = v;
  }
}
