/** The add-on measuring itself, through build/Code.js on the Apps Script double. */
import { describe, expect, it } from 'vitest';
import { createAppsScriptDouble } from '../../runtime/apps-script';
import { loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';
import { timed } from '../../src/diagnostics/timing';

const ANA = 'ana@acme.example';
const PREFIX = 'trustCorners.timing.';

function addon() {
  const loaded = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' }, timeZone: 'Europe/Berlin' }));
  loaded.double.setActiveUser(ANA);
  return loaded;
}

function timings(double: ReturnType<typeof addon>['double']): Record<string, { at: number; ms: number; ok: boolean }> {
  const stored = double.inspect.properties('user', ANA);
  return Object.fromEntries(
    Object.entries(stored)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([key, value]) => [key.slice(PREFIX.length), JSON.parse(value)]),
  );
}

describe('timing the entry points', () => {
  it('costs a menu item one property write and no read', () => {
    const { double, bundle } = addon();
    bundle.call('menuSetUpWorkbook');
    double.calls.reset();
    const before = Date.now();
    bundle.call('menuVerifyHistory');
    const after = Date.now();
    const calls = double.calls.byMethod();
    // Verify history itself writes no property: the one write is the timing record.
    expect(calls['Properties.setProperty']).toBe(1);
    const record = timings(double).menuVerifyHistory!;
    expect(record.ok).toBe(true);
    expect(record.at).toBeGreaterThanOrEqual(before);
    expect(record.at + record.ms).toBeLessThanOrEqual(after);
  });

  it('costs a sidebar call nothing: the sidebar times its own calls, from the click to the answer', () => {
    const { double, bundle } = addon();
    bundle.call('menuSetUpWorkbook');
    double.calls.reset();
    bundle.call('loadHome');
    expect(double.calls.byMethod()['Properties.setProperty'] ?? 0).toBe(0);
    bundle.call('saveIdentity', bundle.realm({ displayName: 'Ana', side: 'Acme' }));
    expect(Object.keys(timings(double))).toEqual(['menuSetUpWorkbook']);
  });

  it('records nothing for a failed action (a failed menu item leaves every property as it was) and still throws its error', () => {
    const double = createAppsScriptDouble();
    const uninstall = double.install(globalThis);
    try {
      double.setActiveUser(ANA);
      const broken = timed('menuBroken', () => {
        throw new Error('broken');
      });
      expect(() => broken()).toThrow('broken');
      expect(double.inspect.properties('user', ANA)).toEqual({});
      timed('menuFine', () => 1)();
      expect(Object.keys(double.inspect.properties('user', ANA))).toEqual([`${PREFIX}menuFine`]);
    } finally {
      uninstall();
    }
  });

  it('keeps one key per action, so the store stays bounded however often an action runs', () => {
    const { double, bundle } = addon();
    bundle.call('menuSetUpWorkbook');
    for (let i = 0; i < 30; i++) bundle.call('menuVerifyHistory');
    expect(Object.keys(timings(double)).sort()).toEqual(['menuSetUpWorkbook', 'menuVerifyHistory']);
  });

  it('never fails an action when the record cannot be written', () => {
    const { double, bundle } = addon();
    bundle.call('menuSetUpWorkbook');
    // Fill the user's property store to its quota: the timing write now throws inside the add-on.
    const store = double.globals.PropertiesService.getUserProperties();
    let padding = 0;
    for (let size = 8_000; size >= 1; ) {
      try {
        store.setProperty(`p${padding++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    expect(() => store.setProperty('t', '1')).toThrow(/quota/);
    const home = bundle.call('loadHome') as { setUp: boolean };
    expect(home.setUp).toBe(true);
    expect(timings(double).loadHome).toBeUndefined();
  });

  it('stores nothing personal: names, emails and typed text never reach the record', () => {
    const { double, bundle } = addon();
    bundle.call('menuLoadExample');
    bundle.call('saveIdentity', bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
    const text = JSON.stringify(timings(double));
    expect(Object.keys(timings(double))).toEqual(['menuLoadExample']);
    expect(text).not.toMatch(/Ana|@|Acme/);
  });

  it('onOpen is not timed: it touches nothing but the menu, in any mode', () => {
    const { double, bundle } = addon();
    for (const mode of ['NONE', 'LIMITED', 'FULL']) {
      double.calls.reset();
      bundle.call('onOpen', bundle.evaluate(`({ authMode: ScriptApp.AuthMode.${mode} })`));
      expect(Object.keys(double.calls.byMethod()).every((method) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(method))).toBe(true);
    }
    expect(timings(double)).toEqual({});
  });

  it('onEdit is not timed: it runs on every edit by every editor', () => {
    const { double, bundle } = addon();
    bundle.call('menuSetUpWorkbook');
    const cell = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('B2');
    cell.setValue('x');
    bundle.call('onEdit', { range: cell, value: 'x', authMode: 'LIMITED' });
    expect(timings(double).onEdit).toBeUndefined();
  });
});

describe('About and diagnostics, Help', () => {
  it('the dialog lists the latest run of each action, most recent first, at most twenty', () => {
    const { double, bundle } = addon();
    const store = double.globals.PropertiesService.getUserProperties();
    // 25 earlier actions, a minute apart, as other executions would have left them.
    for (let i = 0; i < 25; i++) store.setProperty(`${PREFIX}action${i}`, JSON.stringify({ at: Date.UTC(2026, 10, 30, 9, i), ms: 100 + i, ok: i % 2 === 0 }));
    store.setProperty(`${PREFIX}broken`, 'not json');
    bundle.call('showAboutAndDiagnostics');
    const html = double.inspect.dialogs().pop()!.html;
    const actions = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="num">(\d+) ms<\/td><td>(ok|failed)<\/td><\/tr>/g)];
    expect(actions.map((m) => m[2])).toEqual(Array.from({ length: 20 }, (_, i) => `action${24 - i}`));
    // 09:24 UTC is 10:24 in Berlin on 30 November.
    expect(actions[0]!.slice(1)).toEqual(['2026-11-30 10:24:00', 'action24', '124', 'ok']);
    expect(actions[1]![4]).toBe('failed');
  });

  it('escapes what it shows', () => {
    const { double, bundle } = addon();
    double.globals.PropertiesService.getUserProperties().setProperty(`${PREFIX}<img src=x onerror=alert(1)>`, JSON.stringify({ at: 1, ms: 1, ok: true }));
    bundle.call('showAboutAndDiagnostics');
    const html = double.inspect.dialogs().pop()!.html;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('Help shows the way to the user guide', () => {
    const { double, bundle } = addon();
    bundle.call('showHelp');
    const dialog = double.inspect.dialogs().pop()!;
    expect(dialog.title).toBe('Trust Corners: help');
    expect(dialog.html).toContain('docs/user-guide.md');
    expect(dialog.html).toContain('Editor');
  });
});
