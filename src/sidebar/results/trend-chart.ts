/**
 * The trend over every cycle in the sidebar: each corner's mean per cycle as a small line chart
 * drawn with the DOM (no library, nothing from the network), both sides together or one side at a
 * time, the focus of each cycle ringed, one-sided, sealed and open cycles labelled under their name.
 * The picture has a text alternative (what each corner did), and the same numbers are in a table.
 */
import type { CornerName, CornerValues } from '../common/api';
import type { TrendPointView, TrendView } from './api';
import { h, svg, uid } from '../client/dom';
import { CORNER_NAMES, mean, signed } from '../client/format';
import { radioGroup, section } from '../client/ui';
import { SERIES_COLOURS, THRESHOLD_COLOUR } from '../../palette';

export type TrendSeries = 'both' | 'ours' | 'partner';

const WIDTH = 300;
const HEIGHT = 210;
const LEFT = 24;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 46;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** Colours as the Dashboard's trend chart has them; dashes so no line is told apart by colour alone. */
const CORNER_STYLE: Record<CornerName, { colour: string; dash: string | null }> = {
  Competence: { colour: SERIES_COLOURS[0], dash: null },
  Reliability: { colour: SERIES_COLOURS[1], dash: '6 3' },
  Transparency: { colour: SERIES_COLOURS[2], dash: '2 2' },
  Alignment: { colour: SERIES_COLOURS[3], dash: '9 3 2 3' },
};

const SHORT: Record<CornerName, string> = { Competence: 'Comp.', Reliability: 'Rel.', Transparency: 'Transp.', Alignment: 'Align.' };

const LABEL_WORDS: Record<string, string> = { 'one-sided': 'one-sided', sealed: 'sealed', open: 'open' };

const round1 = (n: number): number => Math.round(n * 10) / 10;
const xOf = (index: number, count: number): number => round1(LEFT + (count === 1 ? PLOT_W / 2 : (PLOT_W * index) / (count - 1)));
const yOf = (value: number): number => round1(TOP + PLOT_H * (1 - Math.max(0, Math.min(10, value)) / 10));

const seriesOf = (point: TrendPointView, series: TrendSeries): CornerValues => point[series];

function seriesName(trend: TrendView, series: TrendSeries): string {
  return series === 'both' ? 'Both sides' : series === 'ours' ? trend.ours || 'Our company' : trend.partner || 'Partner company';
}

/** One path per corner, broken where a cycle has no mean (so a gap in the habit shows). */
function linePath(values: Array<number | null>): string {
  let path = '';
  let pen = false;
  values.forEach((value, index) => {
    if (value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${xOf(index, values.length)},${yOf(value)} `;
    pen = true;
  });
  return path.trim();
}

/** At most ~6 cycle names fit under the axis; the first and the last are always named. */
function namedIndexes(count: number): Set<number> {
  const step = Math.max(1, Math.ceil(count / 6));
  const shown = new Set<number>();
  for (let index = 0; index < count; index += step) shown.add(index);
  shown.add(count - 1);
  return shown;
}

/** What the picture shows, in words: each corner first to last, and the focus. */
function trendDescription(trend: TrendView, series: TrendSeries): string {
  const points = trend.points;
  const parts = CORNER_NAMES.map((corner) => {
    const rated = points.map((point) => seriesOf(point, series)[corner]).filter((value): value is number => value !== null);
    if (rated.length === 0) return `${corner}: no ratings`;
    if (rated.length === 1) return `${corner}: ${mean(rated[0])}`;
    const change = rated[rated.length - 1] - rated[0];
    return `${corner}: ${mean(rated[0])} to ${mean(rated[rated.length - 1])} (${signed(change)})`;
  });
  const last = points[points.length - 1];
  const focus = last?.focus ? ` Focus now: ${last.focus}.` : '';
  return `${seriesName(trend, series)}, ${points.length} cycle${points.length === 1 ? '' : 's'} from ${points[0]?.cycle ?? ''} to ${last?.cycle ?? ''}. ${parts.join('; ')}.${focus}`;
}

function trendChart(trend: TrendView, series: TrendSeries): SVGElement {
  const points = trend.points;
  const count = points.length;
  const titleId = uid('trend-title');
  const descId = uid('trend-desc');
  const grid = [0, 2, 4, 6, 8, 10].map((level) => [
    svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: yOf(level), y2: yOf(level), class: level === 6 ? 'tr-threshold' : 'tr-grid', stroke: level === 6 ? THRESHOLD_COLOUR : null }),
    svg('text', { x: LEFT - 4, y: yOf(level) + 3, 'text-anchor': 'end', class: 'tr-axis' }, String(level)),
  ]);
  const named = namedIndexes(count);
  const ticks = points.map((point, index) => {
    const x = xOf(index, count);
    const labels = point.labels.map((label) => LABEL_WORDS[label] ?? label).join(' · ');
    const anchor = anchorOf(index, count);
    const base = TOP + PLOT_H;
    // Under a named cycle: its name, its focus (ringed in the corner's colour), then one-sided / sealed / open.
    const focus = named.has(index) && point.focus ? svg('text', { x, y: base + 24, 'text-anchor': anchor, class: 'tr-focus-label' }, svg('tspan', { fill: CORNER_STYLE[point.focus].colour }, '◎ '), point.focus) : null;
    return [
      svg('line', { x1: x, x2: x, y1: base, y2: base + 3, class: 'tr-grid' }),
      named.has(index) ? svg('text', { x, y: base + 13, 'text-anchor': anchor, class: 'tr-axis' }, point.cycle) : null,
      focus,
      labels ? svg('text', { x, y: base + (named.has(index) ? 34 : 13), 'text-anchor': anchor, class: 'tr-note' }, labels) : null,
    ];
  });
  const lines = CORNER_NAMES.map((corner) => {
    const style = CORNER_STYLE[corner];
    const values = points.map((point) => seriesOf(point, series)[corner]);
    const dots = values.map((value, index) =>
      value === null ? null : svg('circle', { cx: xOf(index, count), cy: yOf(value), r: 2.5, fill: style.colour, class: 'tr-dot' }),
    );
    return svg(
      'g',
      { class: `tr-line tr-${corner.toLowerCase()}` },
      svg('path', { d: linePath(values), stroke: style.colour, 'stroke-dasharray': style.dash, fill: 'none', class: 'tr-path' }),
      dots,
    );
  });
  // The focus of each cycle: a ring around that corner's point.
  const rings = points.map((point, index) => {
    const value = point.focus ? seriesOf(point, series)[point.focus] : null;
    return point.focus && value !== null ? svg('circle', { cx: xOf(index, count), cy: yOf(value), r: 5.5, class: point.focusMoved ? 'tr-focus moved' : 'tr-focus' }) : null;
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId, class: 'trend-chart' },
    svg('title', { id: titleId }, `Each corner's mean per cycle: ${seriesName(trend, series)}`),
    svg('desc', { id: descId }, trendDescription(trend, series)),
    grid,
    ticks,
    lines,
    rings,
  );
}

function anchorOf(index: number, count: number): string {
  if (count === 1) return 'middle';
  return index === 0 ? 'start' : index === count - 1 ? 'end' : 'middle';
}

/** The chart's numbers as a table: a row per cycle, the focus said in words. */
function trendTable(trend: TrendView, series: TrendSeries): HTMLTableElement {
  return h(
    'table',
    { class: 'compact trend-table' },
    h('caption', { class: 'sr-only' }, `Each corner's mean per cycle: ${seriesName(trend, series)}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Cycle'), CORNER_NAMES.map((corner) => h('th', { scope: 'col' }, h('span', { 'aria-hidden': 'true' }, SHORT[corner]), h('span', { class: 'sr-only' }, corner))))),
    h(
      'tbody',
      null,
      trend.points.map((point) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, point.cycle, point.labels.length ? h('span', { class: 'meta' }, ` (${point.labels.join(', ')})`) : null),
          CORNER_NAMES.map((corner) =>
            h(
              'td',
              { class: point.focus === corner ? 'num focus' : 'num' },
              mean(seriesOf(point, series)[corner]),
              point.focus === corner ? h('span', { class: 'sr-only' }, ' (focus)') : null,
              point.focus === corner ? h('span', { 'aria-hidden': 'true' }, ' ◎') : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'trend-legend' },
    CORNER_NAMES.map((corner) => {
      const style = CORNER_STYLE[corner];
      return h(
        'li',
        null,
        svg('svg', { viewBox: '0 0 24 8', width: 24, height: 8, 'aria-hidden': 'true' }, svg('line', { x1: 0, x2: 24, y1: 4, y2: 4, stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': style.dash })),
        ` ${corner}`,
      );
    }),
    h('li', null, h('span', { class: 'ring', 'aria-hidden': 'true' }), ' the cycle’s focus'),
  );
}

const DRIFT_WORDS: Record<TrendView['drift'][number]['direction'], string> = {
  strengthening: 'strengthening',
  drifting: 'drifting',
  steady: 'steady',
  unknown: 'one cycle so far',
};

/**
 * The section under Results: a toggle between both sides and each company, the chart, its legend,
 * which way each corner went, and the numbers as a table.
 */
export function trendSection(trend: TrendView): HTMLElement | null {
  if (trend.points.length === 0) return null;
  const slot = h('div', { class: 'trend-slot' });
  const sides = trend.ours && trend.partner;
  const options: Array<{ value: TrendSeries; label: string }> = [{ value: 'both', label: 'Both sides' }];
  if (sides) options.push({ value: 'ours', label: trend.ours }, { value: 'partner', label: trend.partner });
  const toggle = radioGroup('Show', uid('trend-series'), options, 'both', 'radios inline-radios');
  const draw = () => {
    const series = (toggle.value() ?? 'both') as TrendSeries;
    // The table stays open (or closed) as the reader left it when the series changes.
    const wasOpen = slot.querySelector('details')?.open ?? false;
    while (slot.firstChild) slot.removeChild(slot.firstChild);
    slot.appendChild(trendChart(trend, series));
    slot.appendChild(legend());
    const values = h('details', { class: 'trend-values' }, h('summary', null, 'The values as a table'), trendTable(trend, series));
    values.open = wasOpen;
    slot.appendChild(values);
  };
  toggle.element.addEventListener('change', draw);
  draw();
  return section(
    'Trend over every cycle',
    sides ? toggle.element : null,
    slot,
    h(
      'p',
      { class: 'hint' },
      trend.drift.map((drift) => `${drift.corner} ${DRIFT_WORDS[drift.direction]}${drift.change === null ? '' : ` (${signed(drift.change)})`}`).join(' · '),
      '. Dashed black line: 6, the attention threshold.',
    ),
  );
}
