/**
 * The JSON the preview server and its page exchange. Shared by both sides so a renamed field
 * breaks the type check, not the page.
 */

/** Cheap poll answer: pages refetch the grid only when `revision` moved. */
export interface PreviewState {
  revision: number;
  sheets: string[];
  /** The add-on menu as onOpen built it (Ui.createAddonMenu). */
  menu: { title: string; items: Array<{ caption: string; functionName: string } | { separator: true }> } | null;
  /** Formula engine trouble (the page shows it instead of silently wrong cells). */
  problem: string | null;
}

export interface CellView {
  /** What Sheets would show (number formats applied; dates yyyy-mm-dd unless formatted). */
  text: string;
  /** What the editor starts with: the formula, else the shown text. */
  input: string;
  bold?: boolean;
  /** Text wraps inside the cell (the row grows), as Sheets does with wrapping on. */
  wrap?: boolean;
  background?: string;
  /** From a conditional format rule that holds for this cell. */
  highlight?: { background?: string; color?: string; bold?: boolean };
  /** Dropdown choices from a VALUE_IN_LIST / VALUE_IN_RANGE rule. */
  options?: string[];
  /** Help text of the cell's validation rule. */
  help?: string;
  numeric?: boolean;
  error?: boolean;
  /** Why a formula cell shows an error code (what Sheets shows on hovering it). */
  errorMessage?: string;
}

export interface ChartView {
  type: string;
  title: string;
  anchorRow: number;
  anchorCol: number;
  vMin?: number;
  vMax?: number;
  categories: string[];
  /**
   * `color` and `dash` as the chart's options set them (`colors`, `series.N.color`,
   * `series.N.lineDashStyle`); `line` draws a series as a line in a combo chart of bars.
   */
  series: Array<{ name: string; values: Array<number | null>; color?: string; line?: boolean; dash?: number[] }>;
}

export interface SheetView {
  revision: number;
  name: string;
  rows: number;
  cols: number;
  frozenRows: number;
  /** Pixel widths by 1-based column; missing = default. */
  columnWidths: Record<number, number>;
  cells: CellView[][];
  charts: ChartView[];
}

export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** Answer to a mutating request: what the user should see besides the refreshed grid. */
export interface ActionReply {
  ok: boolean;
  message?: string;
  revision: number;
  /** The action opened the sidebar (showSidebar). */
  sidebar?: boolean;
  toasts?: string[];
  alerts?: string[];
  /** Dialogs the action opened: shown over the page in a sandboxed frame, as Sheets does. */
  dialogs?: Array<{ title: string; html: string; width?: number; height?: number }>;
}

export interface RunRequest {
  name: string;
  args: unknown[];
}

export type RunReply = { ok: true; value: unknown } | { ok: false; message: string };
