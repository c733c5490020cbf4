import { benchBoundary } from './boundary';
import { benchServiceCalls } from './calls';
import { benchCustomFunctions } from './functions';
import { benchRoundTrips } from './roundtrips';

/** `npm run bench` runs every group; `npm run bench -- roundtrips` (or functions, calls) only the ones named. */
const GROUPS: Record<string, () => unknown> = {
  functions: benchCustomFunctions,
  calls: benchServiceCalls,
  roundtrips: benchRoundTrips,
  boundary: benchBoundary,
};

const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = named.filter((name) => !(name in GROUPS));
if (unknown.length > 0) {
  console.error(`npm run bench: no group ${unknown.join(', ')}; the groups are ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(GROUPS)) if (named.length === 0 || named.includes(name)) await run();
