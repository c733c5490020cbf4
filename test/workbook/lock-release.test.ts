/**
 * When a save lets go of the document lock (src/workbook/lock.ts): a sidebar save keeps it until
 * its execution ends (Apps Script releases every lock then), sparing the round trip of
 * releaseLock; a save that fails lets go at once; every other writer still releases explicitly.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { BusyError, withDocumentLock } from '../../src/workbook/lock';
import { as, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const add = (commitment: string) => api.addCommitment({ commitment, ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-12-31' });

/** The Lock calls `run` makes, in order. */
function lockCalls(run: () => unknown): string[] {
  const calls: string[] = [];
  double.calls.beforeEach((method) => {
    if (method.startsWith('Lock.')) calls.push(method);
  });
  try {
    run();
  } catch {
    // the caller checks what was thrown separately
  } finally {
    double.calls.beforeEach(null);
  }
  return calls;
}

describe('a sidebar save keeps the lock until its execution ends', () => {
  it('takes it once and never calls releaseLock; the end of the execution releases it', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    double.lock.endExecution();
    expect(lockCalls(() => add('Weekly call'))).toEqual(['Lock.tryLock']);
    expect(double.lock.holder()).toBe('self');
    double.endExecution();
    expect(double.lock.holder()).toBeNull();
  });

  it('so the partner saving while the view is still read waits, and saves once it has ended', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    double.lock.endExecution();
    add('Weekly call');
    // Ana's execution still holds the lock: to Ben's execution it is held by another.
    double.lock.holdByOther();
    as('ben@beta.example', 'Ben', 'Beta');
    double.setActiveUser('ben@beta.example');
    expect(() => add('Monthly report')).toThrow(BusyError);
    double.lock.release();
    add('Monthly report');
    expect(api.loadCommitments().commitments.map((item) => item.commitment)).toEqual(expect.arrayContaining(['Weekly call', 'Monthly report']));
  });

  it('lets go at once when the save throws, so nobody waits for an execution that wrote nothing', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    double.lock.endExecution();
    const calls = lockCalls(() => api.addCommitment({ commitment: 'Too soon', ownerSide: 'Nobody', ownerPerson: 'Ana', corner: '', dueDate: '2026-12-31' }));
    expect(calls).toEqual(['Lock.tryLock', 'Lock.releaseLock']);
    expect(double.lock.holder()).toBeNull();
  });
});

describe('withDocumentLock', () => {
  it('releases at once by default (set-up, repair, onEdit, the poll, loading the example)', () => {
    expect(lockCalls(() => withDocumentLock('Test save', () => 1))).toEqual(['Lock.tryLock', 'Lock.releaseLock']);
    expect(double.lock.holder()).toBeNull();
  });

  it('commits the writes before the lock can go, either way', () => {
    for (const release of ['after the writes', 'with the execution'] as const) {
      const order: string[] = [];
      double.calls.beforeEach((method) => {
        if (method === 'SpreadsheetApp.flush' || method.startsWith('Lock.')) order.push(method);
      });
      withDocumentLock('Test save', () => double.spreadsheet.getSheets()[0].getRange('Z1').setValue('x'), release);
      double.calls.beforeEach(null);
      expect(order).toEqual(release === 'after the writes' ? ['Lock.tryLock', 'SpreadsheetApp.flush', 'Lock.releaseLock'] : ['Lock.tryLock', 'SpreadsheetApp.flush']);
      double.endExecution();
    }
  });

  it('releases when the write throws, even when asked to keep the lock', () => {
    expect(() => withDocumentLock('Test save', () => { throw new Error('no'); }, 'with the execution')).toThrow('no');
    expect(double.lock.holder()).toBeNull();
  });
});
