import { afterEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble, type UserPropertyStores, USERINFO_EMAIL_SCOPE } from '../runtime/apps-script';
import { onEdit, onOpen } from '../src/addon';
import { savedIdentity, saveIdentity } from '../src/workbook/identity';
import { BusyError, withDocumentLock } from '../src/workbook/lock';

/** Platform rules the runtime enforces (runtime/README.md), and how the add-on lives with them. */
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function installed(double: AppsScriptDouble): AppsScriptDouble {
  uninstall?.();
  uninstall = double.install(globalThis);
  return double;
}

describe('user properties belong to the user, across spreadsheets', () => {
  it('one user sees one store in two spreadsheets', () => {
    const users: UserPropertyStores = {};
    const first = createAppsScriptDouble({ spreadsheetId: 'sheet-one', userProperties: users });
    const second = createAppsScriptDouble({ spreadsheetId: 'sheet-two', userProperties: users });
    first.globals.PropertiesService.getUserProperties().setProperty('pref', 'dark');
    first.globals.PropertiesService.getDocumentProperties().setProperty('doc', 'one');
    expect(second.globals.PropertiesService.getUserProperties().getProperty('pref')).toBe('dark');
    expect(second.globals.PropertiesService.getDocumentProperties().getProperty('doc')).toBeNull();
    second.setActiveUser('ben@beta.example');
    expect(second.globals.PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
    expect(second.spreadsheet.getId()).not.toBe(first.spreadsheet.getId());
  });

  it('a name and side saved in one partnership workbook are not used in another', () => {
    const users: UserPropertyStores = {};
    installed(createAppsScriptDouble({ spreadsheetId: 'acme-beta', userProperties: users }));
    saveIdentity({ displayName: 'Ana', side: 'Acme' });
    expect(savedIdentity()?.side).toBe('Acme');
    installed(createAppsScriptDouble({ spreadsheetId: 'acme-gamma', userProperties: users }));
    expect(savedIdentity()).toBeNull();
  });

  it('survive a snapshot and restore, and stay shared with the other spreadsheet', () => {
    const users: UserPropertyStores = {};
    const first = createAppsScriptDouble({ spreadsheetId: 'one', userProperties: users });
    const second = createAppsScriptDouble({ spreadsheetId: 'two', userProperties: users });
    first.globals.PropertiesService.getUserProperties().setProperty('pref', 'dark');
    const saved = JSON.stringify(first.snapshot());
    first.globals.PropertiesService.getUserProperties().setProperty('pref', 'light');
    first.restore(saved);
    expect(second.globals.PropertiesService.getUserProperties().getProperty('pref')).toBe('dark');
  });
});

describe('Session reveals no email in simple triggers or without the userinfo.email scope', () => {
  it('is empty without the scope, even for a signed-in user', () => {
    const double = createAppsScriptDouble({ activeUserEmail: 'ana@acme.example' });
    expect(double.globals.Session.getActiveUser().getEmail()).toBe('');
    expect(double.globals.Session.getTemporaryActiveUserKey()).not.toBe('');
  });

  it('is the email with the scope, and empty again inside a simple trigger', () => {
    const double = createAppsScriptDouble({ activeUserEmail: 'ana@acme.example', oauthScopes: [USERINFO_EMAIL_SCOPE] });
    expect(double.globals.Session.getActiveUser().getEmail()).toBe('ana@acme.example');
    expect(double.runSimpleTrigger('LIMITED', () => double.globals.Session.getActiveUser().getEmail())).toBe('');
    expect(double.globals.Session.getActiveUser().getEmail()).toBe('ana@acme.example');
  });

  it('is empty in a custom function, and where a policy withholds it, scope or not', () => {
    const double = createAppsScriptDouble({ activeUserEmail: 'ana@acme.example', oauthScopes: [USERINFO_EMAIL_SCOPE] });
    expect(double.runCustomFunction(() => double.globals.Session.getActiveUser().getEmail())).toBe('');
    double.session.withholdEmail();
    expect(double.globals.Session.getActiveUser().getEmail()).toBe('');
    expect(double.globals.Session.getEffectiveUser().getEmail()).toBe('');
    double.session.withholdEmail(false);
    expect(double.globals.Session.getActiveUser().getEmail()).toBe('ana@acme.example');
  });
});

describe('AuthMode.NONE: only the menu', () => {
  it('throws on any spreadsheet, properties or session call', () => {
    const double = createAppsScriptDouble();
    double.runSimpleTrigger('NONE', () => {
      expect(() => double.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission to call SpreadsheetApp.getActiveSpreadsheet/);
      expect(() => double.globals.PropertiesService.getUserProperties()).toThrow(/permission/);
      expect(() => double.globals.Session.getActiveUser()).toThrow(/permission/);
      expect(() => double.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi()).not.toThrow();
    });
    expect(() => double.globals.SpreadsheetApp.getActiveSpreadsheet()).not.toThrow();
  });

  it('the add-on builds its menu and ignores edits there', () => {
    const double = installed(createAppsScriptDouble());
    const range = double.spreadsheet.getSheets()[0].getRange(1, 1);
    double.calls.reset();
    double.runSimpleTrigger('NONE', () => {
      onOpen({ authMode: ScriptApp.AuthMode.NONE } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
      onEdit({ authMode: ScriptApp.AuthMode.NONE, range } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    });
    expect(double.inspect.menus()).toHaveLength(1);
    expect(Object.keys(double.calls.byMethod()).every((method) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(method))).toBe(true);
  });
});

describe('a simple trigger stops at 30 s', () => {
  it('throws once its round trips, priced as in Sheets, pass 30 s', () => {
    const double = createAppsScriptDouble();
    const cell = double.spreadsheet.getSheets()[0].getRange(1, 1);
    let reads = 0;
    expect(() =>
      double.runSimpleTrigger('LIMITED', () => {
        for (;;) {
          cell.getValue();
          reads++;
        }
      }),
    ).toThrow(/Exceeded maximum execution time/);
    // 90 ms a round trip: a little over 333 reads fit in 30 s.
    expect(reads).toBeGreaterThan(330);
    expect(reads).toBeLessThan(340);
    // Outside a trigger there is no such limit.
    for (let i = 0; i < 400; i++) cell.getValue();
  });
});

describe('LockService.getDocumentLock() may return null', () => {
  it('saves then hold the script lock instead', () => {
    const double = installed(createAppsScriptDouble());
    double.lock.documentLockUnavailable();
    expect(LockService.getDocumentLock()).toBeNull();
    const holders = withDocumentLock('Test save', () => [double.lock.holder('script'), double.lock.holder('document')]);
    expect(holders).toEqual(['self', null]);
    expect(double.lock.holder('script')).toBeNull();
  });

  it('and refuse to save while another execution holds it', () => {
    const double = installed(createAppsScriptDouble());
    double.lock.documentLockUnavailable();
    double.lock.holdByOther('script');
    let wrote = false;
    expect(() =>
      withDocumentLock('Test save', () => {
        wrote = true;
      }),
    ).toThrow(BusyError);
    expect(wrote).toBe(false);
  });
});
