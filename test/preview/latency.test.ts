/** npm start -- --latency=sheets: each execution owes the wait the round-trip model prices it at. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookHost } from '../../preview/host';
import { pricedMs, type Prices } from '../../runtime/apps-script';

const dir = mkdtempSync(path.join(os.tmpdir(), 'trust-corners-latency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Round numbers so each part of the price can be told apart in the total.
const PRICES: Prices = { roundTripMs: 1000, commitMs: 100_000, perCellReadMs: 0.001 };
const logged: string[] = [];
const host = WorkbookHost.open({ dataFile: path.join(dir, 'workbook.json'), empty: false, log: (line) => logged.push(line), latency: PRICES });

describe('the preview with --latency', () => {
  it('owes a sidebar call its priced wait, once', () => {
    host.takeWaitMs();
    host.call('ana@acme.example', 'loadHome', []);
    const counts = host.double.roundTrips.counts();
    expect(counts.roundtrips).toBeGreaterThan(0);
    expect(host.takeWaitMs()).toBe(Math.round(pricedMs(counts, PRICES)));
    expect(host.takeWaitMs()).toBe(0);
    expect(logged.at(-1)).toContain(`loadHome: ${counts.roundtrips} round trips`);
  });

  it('prices only the onEdit trigger of a typed cell, not the typing', () => {
    host.takeWaitMs();
    host.edit('ana@acme.example', { sheet: 'Shared Commitments Log', row: 3, col: 12, text: 'Call weekly' });
    const counts = host.double.roundTrips.counts();
    expect(host.takeWaitMs()).toBe(Math.round(pricedMs(counts, PRICES)));
    expect(logged.at(-1)).toMatch(/^preview: onEdit: \d+ round trips/);
  });

  it('owes nothing without --latency', () => {
    const plain = WorkbookHost.open({ dataFile: path.join(dir, 'plain.json'), empty: true, log: () => {} });
    plain.call('ana@acme.example', 'loadHome', []);
    expect(plain.takeWaitMs()).toBe(0);
  });
});
