/**
 * The trust square: the four corners on the diagonals of a square, each pulled out towards 10 or
 * in towards the centre by its mean. A square shrunk at one corner is the model's point: trust is
 * only as strong as its weakest corner. The drawing is an image with a text alternative; the same
 * numbers are in the table beside it.
 */
import type { CornerName, CornerValues } from '../common/api';
import { svg } from '../client/dom';
import { CORNER_NAMES, mean } from '../client/format';
import { COMBINED_COLOUR } from '../../palette';

const WIDTH = 240;
const HEIGHT = 250;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const REACH = 84; // horizontal and vertical offset from the centre of a corner rated 10
// Screen position of each corner: Competence top left, then clockwise.
const DIRECTION: Record<CornerName, [number, number]> = {
  Competence: [-1, -1],
  Reliability: [1, -1],
  Transparency: [1, 1],
  Alignment: [-1, 1],
};

function point(corner: CornerName, value: number): [number, number] {
  const [dx, dy] = DIRECTION[corner];
  const offset = (REACH * Math.max(0, Math.min(10, value))) / 10;
  return [Math.round((CX + dx * offset) * 10) / 10, Math.round((CY + dy * offset) * 10) / 10];
}

function polygon(values: CornerValues, cls: string, colour?: string): SVGElement {
  const points = CORNER_NAMES.map((corner) => point(corner, values[corner] ?? 0).join(',')).join(' ');
  // Presentation attributes, so each company keeps the colour it has on the Dashboard's charts.
  return svg('polygon', colour ? { points, class: cls, stroke: colour, fill: colour } : { points, class: cls });
}

export interface SquareLayer {
  label: string;
  values: CornerValues;
  /** The company's colour from the palette (src/palette.ts); both sides together when omitted. */
  colour?: string;
}

/** `primary` is drawn filled; `overlay` (the partner side) dashed on top; labels show `labelValues` (the overall means). */
export function trustSquare(
  primary: SquareLayer,
  overlay: SquareLayer | null,
  weakest: CornerName | null,
  labelValues?: CornerValues,
): SVGElement {
  const describe = (layer: SquareLayer) =>
    `${layer.label}: ${CORNER_NAMES.map((c) => `${c} ${mean(layer.values[c])}`).join(', ')}`;
  const alt = [describe(primary), overlay ? describe(overlay) : '', weakest ? `Weakest corner: ${weakest}` : '']
    .filter(Boolean)
    .join('. ');

  const grid = [10, 6].map((level) =>
    polygon({ Competence: level, Reliability: level, Transparency: level, Alignment: level }, level === 10 ? 'sq-outer' : 'sq-threshold'),
  );
  // Two short lines per corner (name, then mean) so left and right labels never meet at 300 px.
  const labels = CORNER_NAMES.map((corner) => {
    const [dx, dy] = DIRECTION[corner];
    const x = CX + dx * (REACH + 2);
    const nameY = dy < 0 ? 12 : HEIGHT - 16;
    const cls = corner === weakest ? 'sq-label weakest' : 'sq-label';
    const anchor = dx < 0 ? 'start' : 'end';
    return svg(
      'text',
      { x, y: nameY, 'text-anchor': anchor, class: cls },
      svg('tspan', { x, dy: 0 }, corner),
      svg('tspan', { x, dy: 12 }, mean((labelValues ?? primary.values)[corner])),
    );
  });
  const marker = weakest
    ? (() => {
        const [x, y] = point(weakest, primary.values[weakest] ?? 0);
        return svg('circle', { cx: x, cy: y, r: 6, class: 'sq-weakest' });
      })()
    : null;

  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-label': `Trust square. ${alt}`, class: 'square' },
    grid,
    polygon(primary.values, 'sq-primary', primary.colour ?? COMBINED_COLOUR),
    overlay ? polygon(overlay.values, 'sq-overlay', overlay.colour ?? COMBINED_COLOUR) : null,
    marker,
    labels,
  );
}
