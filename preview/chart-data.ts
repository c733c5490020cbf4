/**
 * Turns a chart spec the add-on built (type, ranges, options, as Charts.newChart... recorded them
 * in the double) into categories and series the page draws as SVG. Reading the range follows
 * Sheets' defaults: columns are series (rows with `transpose`, "switch rows/columns"), the first
 * column gives the categories when it holds text, and the first row names the series when
 * `numHeaders` says so and it holds text. Rows without a category are left out.
 */
import type { CellValue } from '../runtime/apps-script';
import type { ChartView } from './protocol';

const isNumber = (v: CellValue | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const label = (v: CellValue | undefined): string =>
  v === undefined || v === '' ? '' : Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : String(v);

export interface ChartSpecView {
  type: string;
  options: Record<string, unknown>;
  anchorRow: number;
  anchorCol: number;
  numHeaders: number;
  transpose: boolean;
}

export function chartView(spec: ChartSpecView, block: CellValue[][]): ChartView {
  let grid = block;
  if (spec.transpose) grid = (grid[0] ?? []).map((_, c) => grid.map((row) => row[c]!));
  const firstRow = grid[0] ?? [];
  const headed = spec.numHeaders !== 0 && firstRow.slice(1).some((v) => typeof v === 'string' && v !== '');
  const body = headed ? grid.slice(1) : grid;
  const hasDomain = body.some((row) => typeof row[0] === 'string' && row[0] !== '') || (headed && !isNumber(firstRow[0]));
  const seriesCols = Array.from({ length: Math.max(0, ...grid.map((r) => r.length)) }, (_, c) => c).filter((c) => !hasDomain || c > 0);
  const rows = hasDomain ? body.filter((row) => label(row[0]) !== '') : body;
  const vAxis = (spec.options.vAxis ?? {}) as { minValue?: unknown; maxValue?: unknown };
  return {
    type: spec.type,
    title: typeof spec.options.title === 'string' ? spec.options.title : '',
    anchorRow: spec.anchorRow,
    anchorCol: spec.anchorCol,
    ...(typeof vAxis.minValue === 'number' ? { vMin: vAxis.minValue } : {}),
    ...(typeof vAxis.maxValue === 'number' ? { vMax: vAxis.maxValue } : {}),
    categories: rows.map((row, i) => (hasDomain ? label(row[0]) : String(i + 1))),
    series: seriesCols.map((c, index) => ({
      name: headed ? label(firstRow[c]) : '',
      values: rows.map((row) => (isNumber(row[c]) ? row[c] : null)),
      ...seriesStyle(spec.options, index),
    })),
  };
}

/** A series' colour, dash and line-or-bar from the chart options, as Sheets' chart spec reads them. */
function seriesStyle(options: Record<string, unknown>, index: number): { color?: string; line?: boolean; dash?: number[] } {
  const colors = Array.isArray(options.colors) ? options.colors : [];
  const own = ((options.series ?? {}) as Record<string, { color?: unknown; type?: unknown; lineDashStyle?: unknown }>)[index] ?? {};
  const color = typeof own.color === 'string' ? own.color : typeof colors[index] === 'string' ? (colors[index] as string) : undefined;
  const style: { color?: string; line?: boolean; dash?: number[] } = {};
  if (color) style.color = color;
  if (own.type === 'line') style.line = true;
  if (Array.isArray(own.lineDashStyle)) style.dash = own.lineDashStyle.filter((n): n is number => typeof n === 'number');
  return style;
}
