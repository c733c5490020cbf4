/**
 * The Value Exchange from the sidebar, on the Apps Script double: a figure goes into its kind's
 * cell on the giving side's row of the quarter, a replaced figure is in the Change History, the
 * balance each way is a ratio (1 = even), and a refused figure leaves the workbook as it was.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { ValueEntryForm } from '../../src/sidebar/value/api';
import { asAna, asBen, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const entry = (extra: Partial<ValueEntryForm>): ValueEntryForm => ({ quarter: '2026-Q4', side: 'Acme', kind: 'Leads', amount: 10, note: '', ...extra });

/** The sheet's rows below the header: [quarter, side, leads, referrals, deals, revenue, investment, note]. */
const sheetRows = () => double.inspect.values('Value Exchange').slice(1).filter((row) => row.some((cell) => cell !== ''));
const snapshot = () => JSON.stringify(double.snapshot());

describe('Value Exchange handlers', () => {
  it('one row per quarter and side; a figure fills its kind’s cell; the balance is a ratio', () => {
    asAna();
    api.recordValueEntry(entry({ quarter: '2026 q4', amount: 10, note: 'Webinar leads' }));
    api.recordValueEntry(entry({ kind: 'referrals', amount: 2 }));
    asBen();
    let view = api.recordValueEntry(entry({ side: 'beta', amount: 5 }));
    expect(sheetRows()).toEqual([
      ['2026-Q4', 'Acme', 10, 2, '', '', '', 'Webinar leads'],
      ['2026-Q4', 'Beta', 5, '', '', '', '', ''],
    ]);
    expect(view.quarter).toBe('2026-Q4');
    expect(view.rows.map((row) => [row.side, row.amounts.Leads, row.amounts.Referrals, row.amounts.Investment])).toEqual([
      ['Acme', 10, 2, null],
      ['Beta', 5, null, null],
    ]);
    expect(view.balances).toEqual([
      { kind: 'Leads', balance: '0.50 (1 = even)', missing: '' },
      { kind: 'Referrals', balance: '0.00 (1 = even)', missing: '' },
      { kind: 'Deals influenced', balance: '', missing: 'No figures yet.' },
    ]);
    expect(view.ropi).toBe('');
    api.recordValueEntry(entry({ side: 'Beta', kind: 'Revenue influenced', amount: 64_000.5 }));
    view = api.recordValueEntry(entry({ side: 'Acme', kind: 'Investment', amount: 20_000 }));
    expect(view.ropi).toBe('3.20');
    expect(view.quarters).toEqual(['2026-Q4']);
  });

  it('a second figure replaces the first, adds to the note, and is in the Change History with who replaced it', () => {
    asAna();
    api.recordValueEntry(entry({ amount: 10, note: 'Webinar' }));
    asBen();
    const view = api.recordValueEntry(entry({ amount: 12, note: 'Two more from the event' }));
    expect(sheetRows()).toEqual([['2026-Q4', 'Acme', 12, '', '', '', '', 'Webinar; Two more from the event']]);
    expect(view.rows[0].note).toBe('Webinar; Two more from the event');
    const history = double.inspect.values('Change History').slice(1).filter((row) => row[2] === 'Value Exchange');
    expect(history.map((row) => [row[1], row[3], row[4], row[5], row[6]])).toEqual([
      ['Ben (Beta)', '2026-Q4 Acme', 'Leads', '10', '12'],
      ['Ben (Beta)', '2026-Q4 Acme', 'Note', 'Webinar', 'Webinar; Two more from the event'],
    ]);
  });

  it('loads another quarter and lists the quarters with figures, latest first', () => {
    asAna();
    api.recordValueEntry(entry({ quarter: '2026-Q2', amount: 3 }));
    const view = api.loadValueExchange('2026-q2');
    expect(view.quarter).toBe('2026-Q2');
    expect(view.currentQuarter).toBe('2026-Q4');
    expect(view.quarters).toEqual(['2026-Q4', '2026-Q2']);
    expect(view.rows[0].amounts.Leads).toBe(3);
    expect(api.loadValueExchange().rows.every((row) => Object.values(row.amounts).every((amount) => amount === null))).toBe(true);
  });

  it('refuses what the domain refuses, naming the field, and changes nothing', () => {
    asAna();
    api.recordValueEntry(entry({ amount: 10 }));
    const before = snapshot();
    expect(() => api.recordValueEntry(entry({ quarter: 'Q4 2026' }))).toThrow(/The quarter "Q4 2026" is not a quarter like 2026-Q1/);
    expect(() => api.recordValueEntry(entry({ side: 'Globex' }))).toThrow(/The side "Globex" is neither Acme nor Beta/);
    expect(() => api.recordValueEntry(entry({ amount: 2.5 }))).toThrow(/Leads are counted: 2.5 is not a whole number/);
    expect(() => api.recordValueEntry(entry({ amount: -1 }))).toThrow('The amount must be a number from 0 to 1000000000000; got -1.');
    expect(() => api.recordValueEntry(entry({ kind: 'Hugs' }))).toThrow(/The kind must be one of Leads, Referrals/);
    expect(() => api.recordValueEntry(entry({ quarter: '2027-Q1' }))).toThrow('2027-Q1 has not begun yet (it is 2026-Q4 now)');
    expect(snapshot()).toBe(before);
  });

  it('asks who you are before recording, and writes user text as text', () => {
    double.setActiveUser('nobody@example.com');
    expect(() => api.recordValueEntry(entry({}))).toThrow(/Tell us who you are first/);
    asAna();
    api.recordValueEntry(entry({ note: '=IMPORTXML("http://x", "//a")' }));
    expect(sheetRows()[0][7]).toBe('=IMPORTXML("http://x", "//a")');
  });

  it('says when a side has two rows for the quarter (typed on the sheet) and writes the first', () => {
    asAna();
    api.recordValueEntry(entry({ amount: 1 }));
    const sheet = double.spreadsheet.getSheetByName('Value Exchange')!;
    sheet.getRange(3, 1, 1, 3).setValues([['2026-Q4', 'Acme', 7]]);
    const view = api.recordValueEntry(entry({ amount: 4 }));
    expect(view.duplicateSides).toEqual(['Acme']);
    expect(sheetRows().map((row) => row[2])).toEqual([4, 7]);
  });
});
