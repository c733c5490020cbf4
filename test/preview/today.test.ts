/** npm start -- --today=yyyy-mm-dd: the add-on's clock starts on a later day, with the saved workbook. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookHost } from '../../preview/host';

const dir = mkdtempSync(path.join(os.tmpdir(), 'trust-corners-today-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Home = { daysToReassessment: number | null; nextReassessment: string | null; offer: { suggestedName: string } | null };

describe('the preview with --today', () => {
  it('lives a later day on the same saved workbook: the reassessment falls due and the next cycle is offered', () => {
    const dataFile = path.join(dir, 'workbook.json');
    const first = WorkbookHost.open({ dataFile, empty: false, log: () => {} });
    first.call('ana@acme.example', 'saveIdentity', [{ displayName: 'Ana', side: 'Acme Analytics' }]);
    const before = first.call('ana@acme.example', 'loadHome', []).value as Home;
    expect(before.nextReassessment).not.toBeNull();
    expect(before.daysToReassessment).toBeGreaterThan(0);

    // The day after the reassessment was due, restarted on the saved file.
    const due = new Date(`${before.nextReassessment}T12:00:00`);
    const later = WorkbookHost.open({ dataFile, empty: false, log: () => {}, today: new Date(due.getTime() + 86_400_000) });
    const after = later.call('ana@acme.example', 'loadHome', []).value as Home;
    expect(after.nextReassessment).toBe(before.nextReassessment);
    expect(after.daysToReassessment).toBe(-1);
    expect(after.offer?.suggestedName).toMatch(/^\d{4}-Q[1-4]$/);
  });
});
