/**
 * `npm start`: the add-on running locally, no Google account needed. Options:
 *   --empty                   start with a blank spreadsheet (when there is no saved file yet)
 *   --latency=sheets          answer each action after the wait it would cost in Sheets (runtime/README.md)
 *   PORT=8080                 port on 127.0.0.1
 *   TRUST_CORNERS_DATA=path   the saved workbook (default .preview-data/workbook.json)
 */
import path from 'node:path';
import { projectRoot } from '../runtime/bundle/project-root';
import { type Prices, SHEETS_PRICES } from '../runtime/apps-script';
import { PreviewDataError, startPreviewServer } from './start';

const args = process.argv.slice(2);
const LATENCIES: Record<string, Prices | null> = { '--latency=sheets': SHEETS_PRICES, '--latency=none': null };
const unknown = args.filter((arg) => arg !== '--empty' && !(arg in LATENCIES));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm start [-- --empty] [--latency=sheets]`);
  process.exit(2);
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
  const server = await startPreviewServer({ port, dataFile, empty: args.includes('--empty'), latency });
  console.log(`Trust Corners preview: ${server.url}/?user=ana@acme.example`);
  console.log(`A second partner:      ${server.url}/?user=ben@beta.example  (open it in another window)`);
  console.log(`Workbook saved after every change to ${dataFile}. Ctrl-C stops.`);
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
