import { statSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, loadBundle } from '../runtime/bundle/bundle';
import { type Figure, medianMs, printTable, record } from './report';

/**
 * Custom functions as Apps Script runs them: build/Code.js in a VM, called with 2-D arrays built
 * inside that VM's realm. The floor is a loop in the same VM that only reads every cell and sums
 * the numbers (a date cell's number is its time value, as in Sheets): what any implementation must pay.
 */
export function benchCustomFunctions(): Figure[] {
  // As on Apps Script, date functions ask the spreadsheet for its time zone (one read-only call),
  // so the bench runs the zone-calendar path real spreadsheets take.
  const spreadsheet = { getSpreadsheetTimeZone: () => 'America/New_York' };
  const bundle = loadBundle({ SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet } });
  bundle.evaluate(`
    var __makeScores = function (rows) {
      var out = [['Competence', 'Reliability', 'Transparency', 'Alignment']];
      for (var i = 0; i < rows; i++) out.push([1 + (i * 7) % 10, 1 + (i * 3) % 10, 1 + (i * 5) % 10, 1 + (i * 9) % 10]);
      return out;
    };
    var __makeSides = function (rows) {
      var out = [['Side']];
      for (var i = 0; i < rows; i++) out.push([i % 2 ? 'Beta' : 'Acme']);
      return out;
    };
    var __makeDates = function (rows, offset, blankEvery) {
      var out = [];
      for (var i = 0; i < rows; i++) out.push([blankEvery && i % blankEvery === 0 ? '' : new Date(2026, 0, 1 + (i % 300) + offset)]);
      return out;
    };
    var __makeStatuses = function (rows) {
      var names = ['Done', 'Open', 'Proposed', 'At risk', 'Declined', 'Missed', 'Withdrawn'];
      var out = [];
      for (var i = 0; i < rows; i++) out.push([names[i % names.length]]);
      return out;
    };
    var __floor = function (grid) {
      var sum = 0, DateType = Date;
      for (var r = 0; r < grid.length; r++) {
        var row = grid[r];
        for (var c = 0; c < row.length; c++) {
          var v = row[c];
          if (typeof v === 'number') sum += v;
          else if (v instanceof DateType) sum += v.getTime();
        }
      }
      return sum;
    };
  `);
  const results: Figure[] = [];
  for (const rows of [1_000, 10_000, 100_000]) {
    const scores = bundle.evaluate(`__makeScores(${rows})`);
    const sides = bundle.evaluate(`__makeSides(${rows})`);
    const due = bundle.evaluate(`__makeDates(${rows}, 0, 0)`);
    const done = bundle.evaluate(`__makeDates(${rows}, 1, 3)`);
    const asOf = bundle.evaluate('new Date(2027, 0, 1)');
    const statuses = bundle.evaluate(`__makeStatuses(${rows})`);
    const flagged = bundle.evaluate(`__makeDates(${rows}, -2, 2)`);
    const floor = bundle.evaluate('__floor') as (grid: unknown) => number;
    const cases: Array<[string, () => unknown, unknown[]]> = [
      ['WEAKEST_CORNER', () => bundle.call('WEAKEST_CORNER', scores), [scores]],
      ['CORNER_SCORES', () => bundle.call('CORNER_SCORES', scores), [scores]],
      ['PERCEPTION_GAP', () => bundle.call('PERCEPTION_GAP', scores, sides), [scores, sides]],
      ['ON_TIME_RATE', () => bundle.call('ON_TIME_RATE', due, done, asOf), [due, done]],
      // With the Status column: rows neither side took on are left out (the string cells cost a read).
      ['ON_TIME_RATE+statuses', () => bundle.call('ON_TIME_RATE', due, done, asOf, statuses), [due, done, statuses]],
      ['EARLY_WARNING_RATE+statuses', () => bundle.call('EARLY_WARNING_RATE', due, done, flagged, asOf, statuses), [due, done, flagged, statuses]],
    ];
    for (const [name, run, inputs] of cases) {
      const ms = medianMs(run);
      const floorMs = medianMs(() => inputs.forEach((input) => floor(input)));
      const figure = { bench: name, rows, ms: round(ms), floor_ms: round(floorMs), ratio: round(ms / floorMs) };
      record(figure);
      results.push(figure);
    }
  }
  for (const name of ['WEAKEST_CORNER', 'CORNER_SCORES', 'PERCEPTION_GAP', 'ON_TIME_RATE', 'ON_TIME_RATE+statuses', 'EARLY_WARNING_RATE+statuses']) {
    const at = (rows: number, key = 'ms') => results.find((f) => f.bench === name && f.rows === rows)![key] as number;
    // The floor's own growth says how much of ours is the machine (caches) rather than the code.
    const figure = {
      bench: `growth:${name}`,
      from_rows: 10_000,
      to_rows: 100_000,
      ratio: round(at(100_000) / at(10_000)),
      floor_ratio: round(at(100_000, 'floor_ms') / at(10_000, 'floor_ms')),
    };
    record(figure);
    results.push(figure);
  }
  for (const file of ['Code.js', 'Sidebar.html']) {
    const size = { bench: `size:${file}`, bytes: statSync(path.join(BUILD_DIR, file)).size };
    record(size);
    results.push(size);
  }
  printTable('Custom functions (build/Code.js in a VM; median of 15 runs after 5 warm-ups)', results);
  return results;
}

const round = (value: number): number => Math.round(value * 100) / 100;
