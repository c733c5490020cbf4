/**
 * Charts the add-on built, drawn as inline SVG from the spec the server resolved (categories and
 * series). Column charts group bars per category; line charts draw one polyline per series. Only
 * what the add-on's charts use: title, vertical axis bounds, legend. Text is escaped.
 */
import type { ChartView } from '../protocol';
import { SERIES_COLOURS } from '../../src/palette';

export const CHART_WIDTH = 460;
export const CHART_HEIGHT = 280;
/** Series without a colour of their own take the add-on's palette in order, as the Dashboard sets it. */
const colorOf = (chart: ChartView, s: number): string => chart.series[s]?.color ?? SERIES_COLOURS[s % SERIES_COLOURS.length];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function chartSvg(chart: ChartView): string {
  const left = 40;
  const right = CHART_WIDTH - 14;
  const top = 34;
  const bottom = CHART_HEIGHT - 58;
  const numbers = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  // Axis bounds are soft, as in Sheets: data beyond them widens the axis.
  const vMin = Math.min(chart.vMin ?? 0, ...numbers);
  const vMax = Math.max(chart.vMax ?? 1, ...numbers);
  const y = (v: number) => bottom - ((v - vMin) / (vMax - vMin || 1)) * (bottom - top);
  const n = Math.max(1, chart.categories.length);
  const band = (right - left) / n;
  const parts: string[] = [];
  parts.push(`<text x="${CHART_WIDTH / 2}" y="20" text-anchor="middle" font-size="14" fill="#202124">${esc(chart.title)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const v = vMin + ((vMax - vMin) * i) / 5;
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(v)}" y2="${y(v)}" stroke="${i === 0 ? '#5f6368' : '#e0e0e0'}"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="10" fill="#5f6368">${Number(v.toFixed(2))}</text>`);
  }
  // Bars below zero (the perception gap) hang from a visible zero line.
  if (vMin < 0 && vMax > 0) parts.push(`<line x1="${left}" x2="${right}" y1="${y(0)}" y2="${y(0)}" stroke="#5f6368"/>`);
  chart.categories.forEach((category, i) => {
    parts.push(`<text x="${left + band * (i + 0.5)}" y="${bottom + 16}" text-anchor="middle" font-size="10" fill="#5f6368">${esc(category)}</text>`);
  });
  const asLine = (s: number): boolean => chart.type === 'LINE' || chart.series[s].line === true;
  const bars = chart.series.map((_, s) => s).filter((s) => !asLine(s));
  const seriesCount = Math.max(1, bars.length);
  chart.series.forEach((series, s) => {
    const color = colorOf(chart, s);
    if (asLine(s) && chart.type !== 'LINE') {
      // A line in a combo chart (the attention threshold) runs across each category's whole band.
      const points = series.values
        .map((v, i) => (v === null ? null : `${left + band * i},${y(v)} ${left + band * (i + 1)},${y(v)}`))
        .filter((p): p is string => p !== null);
      const dash = series.dash && series.dash.length > 0 ? ` stroke-dasharray="${series.dash.join(' ')}"` : '';
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${points.join(' ')}"/>`);
    } else if (asLine(s)) {
      const points = series.values
        .map((v, i) => (v === null ? null : `${left + band * (i + 0.5)},${y(v)}`))
        .filter((p): p is string => p !== null);
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`);
      for (const p of points) {
        const [px, py] = p.split(',');
        parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${color}"/>`);
      }
    } else {
      const barWidth = (band * 0.7) / seriesCount;
      series.values.forEach((v, i) => {
        if (v === null) return;
        const x = left + band * i + band * 0.15 + barWidth * bars.indexOf(s);
        const top0 = Math.min(y(v), y(Math.max(vMin, 0)));
        parts.push(`<rect x="${x}" y="${top0}" width="${barWidth}" height="${Math.abs(y(Math.max(vMin, 0)) - y(v))}" fill="${color}"><title>${esc(chart.categories[i] ?? '')}: ${v}</title></rect>`);
      });
    }
  });
  // Legend entries flow left to right and wrap to a second line (width estimated from the text).
  let x = left;
  let line = 0;
  chart.series.forEach((series, s) => {
    if (series.name === '') return;
    const width = 26 + series.name.length * 6.8;
    if (x + width > right && x > left) {
      x = left;
      line++;
    }
    const y0 = CHART_HEIGHT - 34 + line * 16;
    parts.push(
      series.line
        ? `<line x1="${x}" x2="${x + 10}" y1="${y0 + 5}" y2="${y0 + 5}" stroke="${colorOf(chart, s)}" stroke-width="2"${series.dash ? ` stroke-dasharray="2 2"` : ''}/>`
        : `<rect x="${x}" y="${y0}" width="10" height="10" fill="${colorOf(chart, s)}"/>`,
    );
    parts.push(`<text x="${x + 14}" y="${y0 + 9}" font-size="11" fill="#202124">${esc(series.name)}</text>`);
    x += width;
  });
  if (numbers.length === 0) {
    parts.push(`<text x="${CHART_WIDTH / 2}" y="${(top + bottom) / 2}" text-anchor="middle" font-size="12" fill="#5f6368">No data yet</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img" aria-label="${esc(chart.title)}">${parts.join('')}</svg>`;
}
