/**
 * The local preview (`npm start`) end to end: the server started in-process on a free port with a
 * temporary save file, Debian's Chromium as two partners in two browser contexts.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PreviewDataError, startPreviewServer, type PreviewServer } from '../../preview/start';
import { cell, showSheet, typeInto, usePreview } from './preview-page';
import { projectRoot } from '../../runtime/bundle/project-root';
import { PERSON_IDENTITY_PREFIX } from '../../src/workbook/property-keys';

const ANA = 'ana@acme.example';
const BEN = 'ben@beta.example';
const LOG = 'Shared Commitments Log';
const SCREENSHOT = path.join(projectRoot(), 'docs', 'preview.png');

const preview = usePreview('preview');
const { openAs, pageErrors } = preview;
let server: PreviewServer;
let dataFile: string;
let dir: string;
beforeAll(() => {
  ({ server, dataFile, dir } = preview);
});

const values = (sheet: string) => server.workbook.double.inspect.values(sheet);
/** 1-based row of the Commitments Log holding commitment `id`. */
const rowOf = (id: string) => values(LOG).findIndex((row) => row[0] === id) + 1;
const column = (sheet: string, header: string) => values(sheet)[0]!.indexOf(header) + 1;
const a1 = (col: number, row: number) => `${String.fromCharCode(64 + col)}${row}`;

describe('npm start: the local preview', () => {
  it('starts with the example partnership, saved to the data file', () => {
    expect(server.workbook.double.inspect.sheetNames()).toEqual(expect.arrayContaining(['Dashboard', LOG, 'Change History']));
    expect(values(LOG).length).toBeGreaterThan(20);
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).format).toBe('apps-script-double/2');
    expect(statSync(dataFile).size).toBeLessThan(1_000_000);
  });

  it('two partners edit the same commitment and different ones at once: every change lands and is in the history', async () => {
    const [ana, ben] = [await openAs(ANA), await openAs(BEN)];
    // A simple trigger is told nobody's email: the history names people by what they saved in the sidebar.
    const [acme, beta] = values('Partnership')[1]!.slice(0, 2).map(String);
    server.workbook.call(ANA, 'saveIdentity', [{ displayName: 'Ana', side: acme }]);
    server.workbook.call(BEN, 'saveIdentity', [{ displayName: 'Ben', side: beta }]);
    // Later tests meet the sidebar as someone who has not said who they are yet.
    onTestFinished(() => {
      const double = server.workbook.double;
      for (const user of [ANA, BEN]) {
        double.setActiveUser(user);
        double.globals.PropertiesService.getUserProperties().deleteAllProperties();
      }
      // And the copies of their names the document keeps (src/workbook/identity.ts).
      const documentProperties = double.globals.PropertiesService.getDocumentProperties();
      for (const key of Object.keys(documentProperties.getProperties())) if (key.startsWith(PERSON_IDENTITY_PREFIX)) documentProperties.deleteProperty(key);
    });
    const [anaLabel, benLabel] = [`Ana (${acme})`, `Ben (${beta})`];
    await Promise.all([showSheet(ana, LOG), showSheet(ben, LOG)]);
    const status = column(LOG, 'Status');
    const plan = column(LOG, 'Recovery plan');
    const [same, anaOwn, benOwn, contested] = [rowOf('C-005'), rowOf('C-010'), rowOf('C-011'), rowOf('C-008')];

    const started = Date.now();
    // Both at the same moment: same commitment (different fields), different commitments, and the very same cell.
    await Promise.all([
      (async () => {
        await typeInto(ana, a1(status, same), 'At risk');
        await typeInto(ana, a1(plan, anaOwn), 'Ana: move the review to Monday');
        await typeInto(ana, a1(plan, contested), 'Ana wrote this');
      })(),
      (async () => {
        await typeInto(ben, a1(plan, same), 'Ben: weekly check-in until fixed');
        await typeInto(ben, a1(status, benOwn), 'At risk');
        await typeInto(ben, a1(plan, contested), 'Ben wrote this');
      })(),
    ]);

    // Each window shows the other's changes without a reload.
    for (const page of [ana, ben]) {
      await expect.poll(() => cell(page, a1(status, same)).textContent(), { timeout: 2000 }).toBe('At risk');
      await expect.poll(() => cell(page, a1(plan, same)).textContent(), { timeout: 2000 }).toBe('Ben: weekly check-in until fixed');
      await expect.poll(() => cell(page, a1(plan, anaOwn)).textContent(), { timeout: 2000 }).toBe('Ana: move the review to Monday');
      await expect.poll(() => cell(page, a1(status, benOwn)).textContent(), { timeout: 2000 }).toBe('At risk');
    }
    const seenAfter = Date.now() - started;
    expect(seenAfter).toBeLessThan(15_000);

    const log = values(LOG);
    expect(log[same - 1]![status - 1]).toBe('At risk');
    expect(log[same - 1]![plan - 1]).toBe('Ben: weekly check-in until fixed');
    expect(log[anaOwn - 1]![plan - 1]).toBe('Ana: move the review to Monday');
    expect(log[benOwn - 1]![status - 1]).toBe('At risk');
    // The contested cell holds one of the two, and the history keeps both, in order, old -> new chained.
    const finalContested = log[contested - 1]![plan - 1];
    expect(['Ana wrote this', 'Ben wrote this']).toContain(finalContested);

    // The edits' history entries wait for the next save or an open sidebar's poll (src/workbook/stamp.ts).
    server.workbook.call(ANA, 'changesSince', [null]);
    const history = values('Change History').slice(1);
    const who = (row: unknown[]) => row[1];
    const entry = (id: string, field: string, newValue: string) => history.find((row) => row[3] === id && row[4] === field && row[6] === newValue);
    expect(who(entry('C-005', 'Status', 'At risk')!)).toBe(anaLabel);
    expect(who(entry('C-005', 'Recovery plan', 'Ben: weekly check-in until fixed')!)).toBe(benLabel);
    expect(who(entry('C-010', 'Recovery plan', 'Ana: move the review to Monday')!)).toBe(anaLabel);
    expect(who(entry('C-011', 'Status', 'At risk')!)).toBe(benLabel);
    const contestedEntries = history.filter((row) => row[3] === 'C-008' && row[4] === 'Recovery plan');
    expect(contestedEntries.map(who).sort()).toEqual([anaLabel, benLabel]);
    expect(contestedEntries[1]![5]).toBe(contestedEntries[0]![6]);
    expect(contestedEntries[1]![6]).toBe(finalContested);

    // Change History, as the partners see it, names both.
    await showSheet(ben, 'Change History');
    await expect.poll(() => ben.locator('table.grid').textContent()).toContain(anaLabel);
    expect(await ben.locator('table.grid').textContent()).toContain(benLabel);
    expect(pageErrors).toEqual([]);
  });

  it('formula cells (a custom function, a COUNTIFS) and highlights follow their inputs', async () => {
    const ana = await openAs(ANA);
    const log = values(LOG);
    const header = log[0]!;
    const [due, status, done] = ['Due date', 'Status', 'Done on'].map((h) => header.indexOf(h));
    const today = new Date();
    const closed = ['Done', 'Dropped', 'Renegotiated', 'Missed'];
    const overdueRow = log.findIndex((row, i) => i > 0 && !closed.includes(row[status] as string) && row[done] === '' && row[due] instanceof Date && (row[due] as Date) < today) + 1;
    const onTimeRow = log.findIndex((row, i) => i > 0 && row[status] === 'Done' && row[done] instanceof Date && (row[done] as Date) <= (row[due] as Date)) + 1;
    expect(overdueRow).toBeGreaterThan(1);
    expect(onTimeRow).toBeGreaterThan(1);

    const dashboard = () => values('Dashboard');
    const figure = (label: string) => {
      const row = dashboard().findIndex((r) => r[0] === label) + 1;
      return { row, value: dashboard()[row - 1]![1], a1: `B${row}` };
    };
    const overdue = figure('Overdue commitments');
    const onTime = figure('On-time rate');
    expect(typeof overdue.value).toBe('number');
    expect(typeof onTime.value).toBe('number');

    await showSheet(ana, LOG);
    // The overdue rule highlights the row now...
    await expect.poll(() => cell(ana, a1(status + 1, overdueRow)).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(252, 232, 230)');
    await typeInto(ana, a1(status + 1, overdueRow), 'Done');
    // ...and no longer once it is done.
    await expect.poll(() => cell(ana, a1(status + 1, overdueRow)).evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgb(252, 232, 230)');
    // A commitment done on time, now recorded as done a month after its due date (typed as Sheets parses dates).
    const dueDate = log[onTimeRow - 1]![due] as Date;
    const late = new Date(dueDate.getTime() + 30 * 86_400_000);
    const lateText = `${late.getFullYear()}-${String(late.getMonth() + 1).padStart(2, '0')}-${String(late.getDate()).padStart(2, '0')}`;
    await typeInto(ana, a1(done + 1, onTimeRow), lateText);
    await expect.poll(() => cell(ana, a1(done + 1, onTimeRow)).textContent()).toBe(lateText);

    await showSheet(ana, 'Dashboard');
    await expect.poll(() => cell(ana, overdue.a1).textContent()).toBe(String((overdue.value as number) - 1));
    const rateNow = figure('On-time rate').value as number;
    expect(rateNow).toBeLessThan(onTime.value as number);
    await expect.poll(() => cell(ana, onTime.a1).textContent()).toBe(`${Math.round(rateNow * 100)}%`);
    // The charts the add-on built are drawn.
    expect(await ana.locator('.chart svg').count()).toBe(server.workbook.double.inspect.charts('Dashboard').length);
    expect(pageErrors).toEqual([]);
  });

  it('opens the real sidebar from the add-on menu, its google.script.run bridged to Code.js as the page user', async () => {
    const ana = await openAs(ANA, { width: 1680, height: 940 });
    await ana.getByRole('button', { name: 'Extensions' }).click();
    await ana.getByRole('menuitem', { name: 'Open Trust Corners' }).click();
    const sidebar = ana.frameLocator('#sidebar-frame');
    await sidebar.getByLabel('Display name').fill('Ana Silva');
    // The example lists acme.example for Acme Analytics: her email decides her side.
    await sidebar.getByText('Your side: Acme Analytics').waitFor();
    await sidebar.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => server.workbook.double.inspect.properties('user', ANA)).not.toEqual({});
    expect(JSON.stringify(server.workbook.double.inspect.properties('user', BEN))).not.toContain('Ana Silva');
    // The saved name is now what the edit stamp records for Ana.
    await showSheet(ana, LOG);
    const plan = column(LOG, 'Recovery plan');
    await typeInto(ana, a1(plan, rowOf('C-012')), 'Escalate to the steering committee');
    // Held by onEdit until the open sidebar's next poll writes it (one poll is run here rather than waiting 30 s).
    await expect.poll(() => values('Shared Commitments Log').find((row) => row[0] === 'C-012')?.[column(LOG, 'Last updated by') - 1]).toBe('Ana Silva (Acme Analytics)');
    server.workbook.call(ANA, 'changesSince', [null]);
    expect(values('Change History').at(-1)?.[1]).toBe('Ana Silva (Acme Analytics)');
    // A server error reaches the sidebar's failure handler as {message}.
    const failure = await ana.frameLocator('#sidebar-frame').locator('body').evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          (run.withSuccessHandler(() => resolve('no error')) as unknown as typeof run)
            .withFailureHandler((error: unknown) => resolve((error as Error).message)) as unknown as typeof run;
          ((run.withFailureHandler((error: unknown) => resolve((error as Error).message)) as unknown as typeof run).saveIdentity as (a: unknown) => void)({ displayName: '', side: '' });
        }),
    );
    expect(failure).not.toBe('no error');
    expect(failure.length).toBeGreaterThan(0);

    await showSheet(ana, 'Dashboard');
    await ana.waitForTimeout(200);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await ana.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  });

  it('refuses input a rejecting dropdown does not allow, as Sheets does, and leaves the cell alone', async () => {
    const ben = await openAs(BEN);
    await showSheet(ben, LOG);
    const status = column(LOG, 'Status');
    const row = rowOf('C-002');
    const before = values(LOG)[row - 1]![status - 1];
    const historyLength = values('Change History').length;
    await cell(ben, a1(status, row)).click();
    await ben.keyboard.type('Maybe');
    await ben.keyboard.press('Enter');
    await expect.poll(() => ben.locator('.toast.error').textContent()).toContain('Input must be an item on the specified list');
    expect(values(LOG)[row - 1]![status - 1]).toBe(before);
    expect(values('Change History').length).toBe(historyLength);
  });

  it('shows the add-on dialogs from the menu: About and diagnostics lists the menu items Ana just ran', async () => {
    const ana = await openAs(ANA, { width: 1680, height: 940 });
    await ana.getByRole('button', { name: 'Extensions' }).click();
    await ana.getByRole('menuitem', { name: 'About and diagnostics' }).click();
    const dialog = ana.getByRole('dialog', { name: 'About and diagnostics' });
    await dialog.waitFor();
    // Ana opened the sidebar (a menu item, timed on the server) and saved her name in it in an
    // earlier test of this file: the sidebar times its own calls, with no property write, so the
    // dialog lists the menu item only.
    const actions = await ana.frameLocator('#addon-dialog-frame').locator('#actions tbody td:nth-child(2)').allTextContents();
    expect(actions).toContain('showSidebar');
    expect(actions).not.toContain('saveIdentity');
    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await ana.getByRole('button', { name: 'Extensions' }).click();
    await ana.getByRole('menuitem', { name: 'Help' }).click();
    await ana.getByRole('dialog', { name: 'Trust Corners: help' }).waitFor();
    await expect(ana.frameLocator('#addon-dialog-frame').getByText('docs/user-guide.md').count()).resolves.toBe(1);
  });

  it('comes back identical after a restart from the saved file', async () => {
    const before = JSON.stringify(server.workbook.double.snapshot());
    const revision = server.workbook.revision;
    server = await preview.restart(() => expect(readFileSync(dataFile, 'utf8')).toBe(before));
    expect(JSON.stringify(server.workbook.double.snapshot())).toBe(before);
    expect(revision).toBeGreaterThan(1);
    // And it serves it: the edits are on the page.
    const ben = await openAs(BEN);
    await showSheet(ben, LOG);
    expect(await cell(ben, a1(column(LOG, 'Recovery plan'), rowOf('C-005'))).textContent()).toBe('Ben: weekly check-in until fixed');
  });

  it('refuses to start on a corrupt or foreign save file, says why, and leaves the file untouched', async () => {
    for (const [name, content, reason] of [
      ['corrupt.json', '{"format": "apps-script-double/1", "workbook": {', 'not valid JSON'],
      ['foreign.json', '{"hello": "world"}', 'not a Trust Corners preview workbook'],
      ['broken.json', '{"format": "apps-script-double/1", "workbook": 42}', 'not a workbook this preview can open'],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const stamp = statSync(file).mtimeMs;
      const error = await startPreviewServer({ port: 0, dataFile: file, log: () => {} }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PreviewDataError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain(reason);
      expect((error as Error).message).toContain('left untouched');
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(statSync(file).mtimeMs).toBe(stamp);
    }
  });
});
