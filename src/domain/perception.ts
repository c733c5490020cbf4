import { CORNERS, type Corner, type CornerMeans, emptyCornerMeans } from './corners';
import { type SideMeans, sideKey } from './scores';

/**
 * The perception gap with a fixed direction (DOMAIN.md "Cycles (decisions)"): our company's mean
 * minus the partner company's, as the Partnership sheet names them, whichever side answered
 * first, so signs compare across cycles. (The PERCEPTION_GAP custom function keeps its own
 * documented order of first appearance: it is not told the company names.)
 */
export interface DirectedGap {
  ourCompany: string;
  partnerCompany: string;
  /** Our mean minus the partner's, per corner; null where either side has no rating. */
  gaps: CornerMeans;
  /** "Acme − Beta": the heading every gap figure carries. */
  label: string;
  /** Sides in the answers that are neither company (a typo on the sheet): left out, to be shown. */
  unmatchedSides: string[];
}

const gapLabel = (ourCompany: string, partnerCompany: string): string => `${ourCompany.trim()} − ${partnerCompany.trim()}`;

/** Null when the Partnership sheet does not name two different companies yet. */
export function directedPerceptionGap(sides: readonly SideMeans[], ourCompany: string, partnerCompany: string): DirectedGap | null {
  const ourKey = sideKey(ourCompany);
  const partnerKey = sideKey(partnerCompany);
  if (ourKey === '' || partnerKey === '' || ourKey === partnerKey) return null;
  const ours = sides.find((side) => sideKey(side.side) === ourKey);
  const partner = sides.find((side) => sideKey(side.side) === partnerKey);
  const gaps = emptyCornerMeans();
  for (const corner of CORNERS) {
    const a = ours?.means[corner] ?? null;
    const b = partner?.means[corner] ?? null;
    gaps[corner] = a === null || b === null ? null : a - b;
  }
  return {
    ourCompany: ourCompany.trim(),
    partnerCompany: partnerCompany.trim(),
    gaps,
    label: gapLabel(ourCompany, partnerCompany),
    unmatchedSides: sides.filter((side) => sideKey(side.side) !== ourKey && sideKey(side.side) !== partnerKey).map((side) => side.side),
  };
}

/** One gap in words that name both companies: "Acme rates Transparency 1.5 higher than Beta". */
export function describeGap(gap: DirectedGap, corner: Corner): string {
  const value = gap.gaps[corner];
  if (value === null) return `${corner}: not rated by both ${gap.ourCompany} and ${gap.partnerCompany} yet.`;
  const size = Math.round(Math.abs(value) * 10) / 10;
  if (size === 0) return `${gap.ourCompany} and ${gap.partnerCompany} rate ${corner} the same.`;
  return `${gap.ourCompany} rates ${corner} ${size.toFixed(1)} ${value > 0 ? 'higher' : 'lower'} than ${gap.partnerCompany}.`;
}
