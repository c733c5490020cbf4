import { GAP_COLOUR, SERIES_COLOURS, SIDE_COLOURS, THRESHOLD_COLOUR, THRESHOLD_DASH } from '../palette';
import { CORNERS } from '../domain/corners';
import { DASHBOARD_ROWS, DASHBOARD_WIDTH, EXCHANGE_KINDS, TREND_KEYS } from './dashboard';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One chart of the Dashboard: what it plots (a block of the Dashboard's own cells) and how. */
export interface DashboardChart {
  title: string;
  type: 'COMBO' | 'COLUMN' | 'LINE';
  range: { row: number; column: number; rows: number; columns: number };
  /** Rows of the block are the series (the block has a row per side), not its columns. */
  transpose: boolean;
  anchorRow: number;
  options: Record<string, unknown>;
}

const R = DASHBOARD_ROWS;
/** Charts stand to the right of the Dashboard's table, one below the other. */
const CHART_COLUMN = DASHBOARD_WIDTH + 2;

/**
 * The Dashboard's charts, in the palette of `src/palette.ts`: each company in its own colour
 * everywhere, the attention threshold a dashed black line, so both partners read them the same way.
 */
export function dashboardCharts(): DashboardChart[] {
  const legend = { position: 'bottom' };
  return [
    {
      title: 'Corners per side, latest cycle',
      type: 'COMBO',
      range: { row: R.sideHeader, column: 1, rows: 4, columns: 1 + CORNERS.length },
      transpose: true,
      anchorRow: 3,
      options: {
        colors: [SIDE_COLOURS.ours, SIDE_COLOURS.partner, THRESHOLD_COLOUR],
        seriesType: 'bars',
        // The third row of the block, the threshold, is drawn as a dashed line across the bars.
        series: { 2: { type: 'line', color: THRESHOLD_COLOUR, lineDashStyle: [...THRESHOLD_DASH], pointSize: 0 } },
        vAxis: { minValue: 0, maxValue: 10 },
        legend,
      },
    },
    {
      title: 'Perception gap, latest cycle (ours − partner)',
      type: 'COLUMN',
      range: { row: R.sideGapHeader, column: 1, rows: 2, columns: 1 + CORNERS.length },
      transpose: true,
      anchorRow: 18,
      // Soft bounds: a gap beyond ±3 widens the axis; within it, small gaps are not blown up.
      options: { colors: [GAP_COLOUR], vAxis: { minValue: -3, maxValue: 3 }, legend },
    },
    {
      title: 'Joint Health Scorecard by quarter',
      type: 'LINE',
      range: { row: R.quarterHeader, column: 1, rows: R.quarterCount + 1, columns: 1 + TREND_KEYS.length },
      transpose: false,
      anchorRow: 33,
      options: { colors: SERIES_COLOURS.slice(0, TREND_KEYS.length), vAxis: { minValue: 0, maxValue: 10 }, legend },
    },
    {
      title: 'Balance each way (1 = even) and PSAT (share satisfied) by quarter',
      type: 'LINE',
      range: { row: R.valueQuarterHeader, column: 1, rows: R.valueQuarterCount + 1, columns: 2 + EXCHANGE_KINDS.length },
      transpose: false,
      anchorRow: R.valueFirstFigure,
      options: { colors: SERIES_COLOURS.slice(0, 1 + EXCHANGE_KINDS.length), vAxis: { minValue: 0, maxValue: 1, format: '0.0' }, legend },
    },
    {
      // Each corner's mean per cycle, both sides; the axis labels name each cycle's focus and say
      // when it was one-sided, sealed or still open (column A of the block).
      title: 'Each corner’s mean per cycle (focus and notes under each cycle)',
      type: 'LINE',
      range: { row: R.cycleTrendHeader, column: 1, rows: R.cycleTrendCount + 1, columns: 1 + CORNERS.length },
      transpose: false,
      anchorRow: R.cycleTrendTitle,
      options: { colors: SERIES_COLOURS.slice(0, CORNERS.length), vAxis: { minValue: 0, maxValue: 10 }, pointSize: 5, legend },
    },
  ];
}

/** Replaces the Dashboard's charts (the sheet holds only what the add-on writes). */
export function insertDashboardCharts(sheet: Sheet): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const chart of dashboardCharts()) {
    const { row, column, rows, columns } = chart.range;
    let builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[chart.type])
      .addRange(sheet.getRange(row, column, rows, columns))
      .setTransposeRowsAndColumns(chart.transpose)
      .setNumHeaders(1)
      .setPosition(chart.anchorRow, CHART_COLUMN, 0, 0)
      .setOption('title', chart.title);
    for (const [name, value] of Object.entries(chart.options)) builder = builder.setOption(name, value);
    sheet.insertChart(builder.build());
  }
}
