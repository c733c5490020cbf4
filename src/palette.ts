/**
 * The one colour palette of every chart and picture the add-on draws: the Dashboard's charts in
 * Sheets, the sidebar's trust square and the local preview's charts. Okabe–Ito colours, chosen
 * to stay distinguishable with the common colour-vision deficiencies; lines that must be told
 * apart also differ in dash, not colour alone. No imports: the sidebar client and the preview
 * page bundle it too.
 */
const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Each company keeps its colour everywhere: "Our company" (Partnership sheet) and the partner. */
export const SIDE_COLOURS = { ours: OKABE_ITO.blue, partner: OKABE_ITO.vermillion } as const;
/** Both sides taken together (the sidebar's square before the partner has rated). */
export const COMBINED_COLOUR = OKABE_ITO.bluishGreen;
/** The attention threshold (6) is a dashed black line. */
export const THRESHOLD_COLOUR = OKABE_ITO.black;
export const THRESHOLD_DASH = [4, 4] as const;
/** The perception gap (ours − partner) is neither side's colour. */
export const GAP_COLOUR = OKABE_ITO.reddishPurple;
/**
 * Series in order for charts of several lines (corners by quarter, balances by quarter). Yellow
 * is left out: on white it is too faint for a line.
 */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
];
