/** The preview draws the Dashboard's charts in the colours and styles the add-on set on them. */
import { describe, expect, it } from 'vitest';
import { chartView } from '../../preview/chart-data';
import { chartSvg } from '../../preview/page/chart';
import { dashboardCharts } from '../../src/workbook/dashboard-charts';
import { SERIES_COLOURS, SIDE_COLOURS, THRESHOLD_COLOUR } from '../../src/palette';

const perSide = dashboardCharts().find((chart) => chart.type === 'COMBO')!;
const block = [
  ['Corner', 'Competence', 'Reliability', 'Transparency', 'Alignment'],
  ['Acme', 7.5, 6.5, 5, 8],
  ['Beta', 7, 6, 3.5, 7.5],
  ['Attention threshold (6)', 6, 6, 6, 6],
];

describe('the per-side chart with the threshold, in the preview', () => {
  const view = chartView({ type: perSide.type, options: perSide.options, anchorRow: 3, anchorCol: 8, numHeaders: 1, transpose: perSide.transpose }, block);

  it('reads each series\' colour, and the threshold as a dashed line', () => {
    expect(view.categories).toEqual(['Competence', 'Reliability', 'Transparency', 'Alignment']);
    expect(view.series.map((series) => [series.name, series.color, series.line ?? false])).toEqual([
      ['Acme', SIDE_COLOURS.ours, false],
      ['Beta', SIDE_COLOURS.partner, false],
      ['Attention threshold (6)', THRESHOLD_COLOUR, true],
    ]);
    expect(view.series[2].dash).toEqual([4, 4]);
  });

  it('draws two bars per corner and one dashed line, in those colours', () => {
    const svg = chartSvg(view);
    expect(svg.match(new RegExp(`<rect [^>]*fill="${SIDE_COLOURS.ours}"><title>`, 'g'))).toHaveLength(4);
    expect(svg.match(new RegExp(`<rect [^>]*fill="${SIDE_COLOURS.partner}"><title>`, 'g'))).toHaveLength(4);
    expect(svg).toMatch(new RegExp(`<polyline fill="none" stroke="${THRESHOLD_COLOUR}" stroke-width="2" stroke-dasharray="4 4"`));
  });

  it('widens the axis for data beyond the soft bounds, as Sheets does', () => {
    const gap = chartView({ type: 'COLUMN', options: { vAxis: { minValue: -3, maxValue: 3 } }, anchorRow: 1, anchorCol: 1, numHeaders: 1, transpose: true }, [
      ['Corner', 'Competence'],
      ['Gap', -4.5],
    ]);
    expect(chartSvg(gap)).toContain('>-4.5</text>');
  });

  it('gives series without a colour of their own the palette in order', () => {
    const svg = chartSvg(chartView({ type: 'LINE', options: {}, anchorRow: 1, anchorCol: 1, numHeaders: 1, transpose: false }, [
      ['Quarter', 'A', 'B'],
      ['Q1', 1, 2],
    ]));
    expect(svg).toContain(`stroke="${SERIES_COLOURS[0]}"`);
    expect(svg).toContain(`stroke="${SERIES_COLOURS[1]}"`);
  });
});
