import { describe, expect, it } from 'vitest';
import { loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';

/** Through build/Code.js, as google.script.run and the onEdit trigger call it. */
function exampleWorkbook() {
  const loaded = loadBundleOnDouble(() => ({ htmlFiles: { Sidebar: '<p>sidebar</p>' } }));
  loaded.setNow(new Date('2026-11-30T12:00:00Z'));
  loaded.bundle.call('menuLoadExample');
  loaded.bundle.call('saveIdentity', loaded.bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
  loaded.double.lock.endExecution();
  const poll = (known: number | null) => loaded.bundle.call('changesSince', known) as { counter: number; since: number };
  return { ...loaded, poll };
}

const commitment = { commitment: 'Share the weekly pipeline', ownerSide: 'Acme Analytics', ownerPerson: 'Ana Silva', corner: '', dueDate: '2027-01-10' };

describe('the change counter an open sidebar polls', () => {
  it('moves once on every save from the sidebar, and not on a refused one', () => {
    const { bundle, double, poll } = exampleWorkbook();
    const start = poll(null);
    expect(start.since).toBe(0);
    expect(start.counter).toBeGreaterThan(0); // setting up and loading the example counted too

    const added = bundle.call('addCommitment', bundle.realm(commitment)) as { commitments: Array<{ id: string; commitment: string }> };
    double.lock.endExecution();
    expect(poll(start.counter)).toEqual({ counter: start.counter + 1, since: 1 });

    const id = added.commitments.find((c) => c.commitment === commitment.commitment)!.id;
    bundle.call('updateCommitment', bundle.realm({ id, status: 'At risk' }));
    double.lock.endExecution();
    expect(poll(start.counter).since).toBe(2);

    expect(() => bundle.call('updateCommitment', bundle.realm({ id: 'C-999', status: 'Done' }))).toThrow();
    double.lock.endExecution();
    expect(() => bundle.call('addCommitment', bundle.realm({ ...commitment, dueDate: 'soon' }))).toThrow(/due date/i);
    double.lock.endExecution();
    expect(poll(start.counter).since).toBe(2);
  });

  it('moves on an edit of a tracked sheet, not on an edit of a sheet the add-on does not track', () => {
    const { bundle, double, poll } = exampleWorkbook();
    const before = poll(null).counter;

    const notes = double.spreadsheet.insertSheet('Our own notes');
    const scribble = notes.getRange('B2');
    scribble.setValue('call Ben');
    bundle.call('onEdit', { range: scribble, value: 'call Ben', authMode: 'LIMITED' });
    expect(poll(before).since).toBe(0);

    const status = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('H5');
    const oldValue = status.getValue();
    status.setValue('At risk');
    bundle.call('onEdit', { range: status, value: 'At risk', oldValue, authMode: 'LIMITED' });
    expect(poll(before)).toEqual({ counter: before + 1, since: 1 });
  });

  it('costs the poll one round trip: the property store read once, no lock, no sheet, no timing record', () => {
    const { double, poll } = exampleWorkbook();
    const known = poll(null).counter;
    double.calls.reset();
    poll(known);
    expect(double.calls.byMethod()).toEqual({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'PropertiesService.getDocumentProperties': 1, 'Properties.getProperties': 1 });
    expect(double.roundTrips.counts().roundtrips).toBe(1);
  });

  it('writes the edits onEdit held into the Change History, without moving the count again', () => {
    const { bundle, double, poll } = exampleWorkbook();
    const status = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange('H5');
    const oldValue = status.getValue();
    status.setValue('At risk');
    bundle.call('onEdit', { range: status, value: 'At risk', oldValue, authMode: 'LIMITED' });
    const before = double.inspect.values('Change History').length;
    const counter = poll(null).counter;
    expect(double.inspect.values('Change History').length).toBe(before + 1);
    expect(double.inspect.values('Change History').at(-1)?.slice(4, 7)).toEqual(['Status', String(oldValue), 'At risk']);
    expect(poll(counter)).toEqual({ counter, since: 0 });
  });

  it('reports a change when the count went backwards (the property was reset), and refuses a count that is not one', () => {
    const { bundle, poll } = exampleWorkbook();
    const now = poll(null).counter;
    expect(poll(now + 5)).toEqual({ counter: now, since: 1 });
    expect(() => bundle.call('changesSince', -1)).toThrow(/The change count.*whole number/);
    expect(() => bundle.call('changesSince', 'lots')).toThrow(/The change count/);
  });
});
