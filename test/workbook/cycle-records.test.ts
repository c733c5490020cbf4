import { describe, expect, it } from 'vitest';
import { openCycle } from '../../src/domain/cycles';
import { focusAcrossCycles } from '../../src/domain/focus';
import { CycleSheetError, cycleRatingsInOrder, cycleRecordOf, cycleRecordsOf, cycleRowOf } from '../../src/workbook/cycle-records';
import { CYCLES } from '../../src/workbook/templates';
import { means } from '../support/corner-means';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const row = (extra: Record<string, string | number | Date> = {}) => ({
  name: '2026-Q1',
  kind: 'Quarterly',
  anonymity: 'Named',
  sealedMinimum: '',
  openedOn: day('2026-01-05'),
  openedBy: 'Ana Silva',
  closedOn: day('2026-01-30'),
  closedBy: 'Ben Okafor',
  focus: 'Alignment',
  ...extra,
});

describe('the Cycles sheet as records', () => {
  it('reads a row, and writes a record back as the same row', () => {
    const record = cycleRecordOf(row({ kind: ' ad hoc ', anonymity: 'sealed', sealedMinimum: 4, focus: 'alignment' }), 2);
    expect(record).toMatchObject({ name: '2026-Q1', kind: 'Ad hoc', anonymity: 'Sealed', sealedMinimum: 4, focus: 'Alignment', closedBy: 'Ben Okafor' });
    const back = cycleRowOf(record);
    // The record's own columns; the summary columns after them are a closed cycle's summary (cycle-summary.ts).
    expect(Object.keys(back).sort()).toEqual(CYCLES.columns.slice(0, 11).map((column) => column.key).sort());
    expect(cycleRecordOf(back as never, 2)).toEqual(record);
  });

  it('reads an open cycle (no Closed on) and an opened record written by the rules', () => {
    const opened = openCycle([], { name: '2026-Q2', kind: 'Quarterly', anonymity: 'Anonymous', openedOn: day('2026-04-01'), openedBy: 'Ana' });
    const back = cycleRowOf(opened);
    expect(back).toMatchObject({ closedOn: null, closedBy: null, focus: null, sealedMinimum: null });
    const asRead = Object.fromEntries(Object.entries(back).map(([key, value]) => [key, value ?? '']));
    expect(cycleRecordOf(asRead, 3)).toEqual(opened);
  });

  it('names the row and the cell of anything it cannot read', () => {
    expect(() => cycleRecordsOf([{ rowNumber: 2, values: row() }, { rowNumber: 3, values: row({ name: '' }) }])).toThrow('Cycles row 3 has no cycle name.');
    expect(() => cycleRecordOf(row({ kind: 'Monthly' }), 4)).toThrow('Cycles row 4 (2026-Q1): Kind is "Monthly"; expected one of Quarterly, Ad hoc, Reset.');
    expect(() => cycleRecordOf(row({ anonymity: 'Secret' }), 4)).toThrow(/Anonymity is "Secret"/);
    expect(() => cycleRecordOf(row({ openedOn: '' }), 5)).toThrow('Cycles row 5 (2026-Q1): Opened on is blank; expected a date.');
    expect(() => cycleRecordOf(row({ closedOn: 'soon' }), 5)).toThrow(/Closed on is "soon"; expected a date, or blank while the cycle is open/);
    expect(() => cycleRecordOf(row({ focus: 'Trust' }), 6)).toThrow(CycleSheetError);
  });
});

describe('cycle means in the order the cycles opened', () => {
  it('orders by the record\'s opening, places unrecorded cycles by their answers, and keeps closed cycles\' focus only', () => {
    const records = [
      cycleRecordOf(row({ name: 'Q2', openedOn: day('2026-04-01'), closedOn: day('2026-04-30'), focus: 'Reliability' }), 2),
      cycleRecordOf(row({ name: 'Q1', openedOn: day('2026-01-01'), closedOn: day('2026-01-30'), focus: 'Transparency' }), 3),
      cycleRecordOf(row({ name: 'Q4', openedOn: day('2026-10-01'), closedOn: '', closedBy: '', focus: 'Competence' }), 4),
    ];
    const ratings = cycleRatingsInOrder(records, [
      { cycle: 'q4', date: day('2026-10-05'), means: means(5, 5, 5, 5) },
      { cycle: 'Q1', date: day('2026-01-20'), means: means(7, 8, 4, 6) },
      { cycle: 'Q3 by hand', date: day('2026-07-10'), means: means(7, 7, 7, 7) },
      { cycle: 'Q2', date: day('2026-04-20'), means: means(7, 8, 5, 6) },
    ]);
    expect(ratings.map((r) => [r.name, r.recordedFocus])).toEqual([
      ['Q1', 'Transparency'],
      ['Q2', 'Reliability'],
      ['Q3 by hand', null],
      ['Q4', null],
    ]);
    // Fed to the rule: Q2's recorded Reliability wins and starts its own count.
    expect(focusAcrossCycles(ratings).map((step) => step.focus)).toEqual(['Transparency', 'Reliability', 'Reliability', 'Reliability']);
  });
});
