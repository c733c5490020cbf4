/**
 * `npm start`: the add-on running locally, no Google account needed. Options:
 *   --empty                   start with a blank spreadsheet (when there is no saved file yet)
 *   --latency=sheets          answer each action after the wait it would cost in Sheets (runtime/README.md)
 *   --today=2027-03-01        the add-on's clock starts on that day (at the time of day it is now) and
 *                             runs on: live the next quarter with the saved workbook
 *   PORT=8080                 port on 127.0.0.1
 *   TRUST_CORNERS_DATA=path   the saved workbook (default .preview-data/workbook.json)
 */
import path from 'node:path';
import { projectRoot } from '../runtime/bundle/project-root';
import { type Prices, SHEETS_PRICES } from '../runtime/apps-script';
import { PreviewDataError, startPreviewServer } from './start';

const args = process.argv.slice(2);
const LATENCIES: Record<string, Prices | null> = { '--latency=sheets': SHEETS_PRICES, '--latency=none': null };
const unknown = args.filter((arg) => arg !== '--empty' && !(arg in LATENCIES) && !arg.startsWith('--today='));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm start [-- --empty] [--latency=sheets] [--today=yyyy-mm-dd]`);
  process.exit(2);
}
const todayArg = args.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
let today: Date | null = null;
if (todayArg !== undefined) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(todayArg);
  const now = new Date();
  const day = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), now.getHours(), now.getMinutes(), now.getSeconds()) : null;
  if (!day || Number.isNaN(day.getTime()) || day.getDate() !== Number(match?.[3])) {
    console.error(`--today needs a day as yyyy-mm-dd, not "${todayArg}".`);
    process.exit(2);
  }
  today = day;
}
const latencyArg = args.find((arg) => arg in LATENCIES);
const latency = latencyArg ? LATENCIES[latencyArg] : null;
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}
const dataFile = path.resolve(process.env.TRUST_CORNERS_DATA ?? path.join(projectRoot(), '.preview-data', 'workbook.json'));

try {
  const server = await startPreviewServer({ port, dataFile, empty: args.includes('--empty'), latency, today });
  console.log(`Trust Corners preview: ${server.url}/?user=ana@acme.example`);
  console.log(`A second partner:      ${server.url}/?user=ben@beta.example  (open it in another window)`);
  console.log(`Workbook saved after every change to ${dataFile}. Ctrl-C stops.`);
  if (today) console.log(`The add-on's clock starts on ${todayArg} and runs on from there (the browser's own clock is unchanged).`);
  if (latency) console.log(`Latency as in Sheets: ${latency.roundTripMs} ms per round trip, ${latency.commitMs} ms per forced commit, ${latency.perCellReadMs * 1000} µs per cell read.`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof PreviewDataError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Try another: PORT=8081 npm start`);
    process.exit(1);
  }
  throw error;
}
