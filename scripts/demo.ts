/**
 * `npm start` until the local preview exists: loads the built add-on the way Apps Script would and
 * shows its custom functions at work on a small two-company assessment.
 */
import { CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { loadBundle } from '../test/support/bundle';

const bundle = loadBundle();
const scores = bundle.realm([
  ['Competence', 'Reliability', 'Transparency', 'Alignment'],
  [8, 7, 5, 6],
  [7, 8, 4, 7],
  [9, 6, 6, 5],
  [6, 5, 7, 8],
]);
const sides = bundle.realm([['Side'], ['Acme'], ['Acme'], ['Beta'], ['Beta']]);

const show = (formula: string, value: unknown): void => {
  const text = Array.isArray(value) ? (value as unknown[][])[0].map((v) => (typeof v === 'number' ? v.toFixed(2) : String(v))).join(' | ') : String(value);
  console.log(`${formula.padEnd(44)} ${text}`);
};

console.log('Trust Corners, built add-on (build/Code.js) evaluated as Apps Script would:\n');
console.log('Assessment: Acme rates 8/7/5/6 and 7/8/4/7, Beta rates 9/6/6/5 and 6/5/7/8 (C/R/T/A).\n');
show('=CORNER_SCORES(E1:H5)', bundle.call('CORNER_SCORES', scores));
show('=WEAKEST_CORNER(E1:H5, "Strategic")', bundle.call('WEAKEST_CORNER', scores, 'Strategic'));
show('=CORNERS_AT_RISK(E1:H5)', bundle.call('CORNERS_AT_RISK', scores));
show('=PERCEPTION_GAP(E1:H5, C1:C5)', bundle.call('PERCEPTION_GAP', scores, sides));
show('=REASSESS_BY(DATE(2026,11,24))', (bundle.call('REASSESS_BY', bundle.realm(new Date(2026, 10, 24))) as Date).toDateString());
try {
  bundle.call('WEAKEST_CORNER', bundle.realm([[8, 7, 'n/a', 6]]));
} catch (error) {
  show('=WEAKEST_CORNER({8,7,"n/a",6})', `#ERROR! ${(error as Error).message}`);
}
console.log(`\n${CUSTOM_FUNCTIONS.length} custom functions: ${CUSTOM_FUNCTIONS.map((spec) => spec.name).join(', ')}`);
console.log('Deploy to a real spreadsheet with `npm run push` (see README: Deploy).');
