import { describe, expect, it } from 'vitest';
import { zoneCalendar } from '../../src/domain/calendar';
import { type CycleRecord, cycleState, openCycleOf } from '../../src/domain/cycles';
import { backfillCycles, BACKFILL_RECORDER, type BackfillInput } from '../../src/workbook/cycle-backfill';
import { examplePartnership } from '../../src/workbook/example';
import type { CellValue } from '../../src/workbook/table';
import { CYCLES, TABLES } from '../../src/workbook/templates';

const utc = zoneCalendar('UTC');
const today = new Date('2026-11-30T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const example = examplePartnership(today, utc);
const exampleAssessments = example.assessments as Record<string, CellValue>[];

const input = (extra: Partial<BackfillInput> = {}): BackfillInput => ({
  assessments: exampleAssessments,
  existingCycles: [],
  model: 'Strategic',
  legacyOpen: null,
  today,
  calendar: utc,
  companies: ['Acme Analytics', 'Beta Cloud'],
  ...extra,
});

const answer = (cycle: string, date: string, ratings: [number, number, number, number] | [number | '', number, number, number], extra: Record<string, CellValue> = {}) => ({
  cycle,
  date: day(date),
  side: 'Acme',
  participant: 'Ana',
  responses: 1,
  competence: ratings[0],
  reliability: ratings[1],
  transparency: ratings[2],
  alignment: ratings[3],
  ...extra,
});

describe('Cycles table', () => {
  it('is a template sheet with the record\'s columns, next to Assessments', () => {
    expect(CYCLES.columns.map((column) => column.key).slice(0, 11)).toEqual(['name', 'kind', 'anonymity', 'sealedMinimum', 'openedOn', 'openedBy', 'closedOn', 'closedBy', 'focus', 'oneSided', 'oneSidedReason']);
    expect(CYCLES.columns.map((column) => column.key).slice(11, 16)).toEqual(['summaryResponses', 'meanCompetence', 'meanReliability', 'meanTransparency', 'meanAlignment']);
    expect(TABLES.indexOf(CYCLES)).toBe(TABLES.findIndex((table) => table.key === 'assessments') + 1);
    expect(CYCLES.columns.find((column) => column.key === 'kind')?.choices).toEqual(['Quarterly', 'Ad hoc', 'Reset']);
    expect(CYCLES.columns.find((column) => column.key === 'focus')?.choices).toEqual(['Competence', 'Reliability', 'Transparency', 'Alignment']);
  });
});

describe('Repair records past cycles from the Assessments sheet', () => {
  it('records the example\'s two cycles as closed, the second keeping Alignment (it gained less than 2)', () => {
    const rows = backfillCycles(input());
    const [first, second] = [...new Set(exampleAssessments.map((row) => row.cycle as string))];
    expect(rows.map((row) => [row.name, row.kind, row.anonymity, row.focus, row.closedBy])).toEqual([
      [first, 'Quarterly', 'Named', 'Alignment', BACKFILL_RECORDER],
      [second, 'Quarterly', 'Named', 'Alignment', BACKFILL_RECORDER],
    ]);
    // Opened on the first answer's day, closed on the last one's.
    expect(utc.isoDay(rows[0].openedOn as Date)).toBe('2026-08-12');
    expect(utc.isoDay(rows[1].closedOn as Date)).toBe('2026-11-10');
    expect(Object.keys(rows[0]).sort()).toEqual(CYCLES.columns.map((column) => column.key).sort());
  });

  it('shifts the focus by the rule once the focus gained 2, ordered by date not by sheet order', () => {
    const rows = backfillCycles(
      input({
        assessments: [
          answer('2026-Q3', '2026-08-01', [7, 8, 6.5, 9]), // Transparency +2.5 since Q2 → lowest other: Competence
          answer('2026-Q2', '2026-05-01', [7, 8, 4, 9]),
          answer('2026-Q2', '2026-05-03', [7, 8, 4, 9], { participant: '', side: 'Beta' }),
        ],
        model: undefined,
      }),
    );
    expect(rows.map((row) => [row.name, row.focus])).toEqual([
      ['2026-Q2', 'Transparency'],
      ['2026-Q3', 'Competence'],
    ]);
    expect(utc.isoDay(rows[0].closedOn as Date)).toBe('2026-05-03');
  });

  it('adds only cycles missing from the Cycles sheet, and follows a focus recorded there', () => {
    const rows = backfillCycles(
      input({
        assessments: [answer('Q1', '2026-02-01', [7, 8, 4, 9]), answer('Q2', '2026-05-01', [7, 6.5, 5, 9]), answer('Q3', '2026-08-01', [7, 7, 5, 9])],
        existingCycles: [{ name: ' q1 ', focus: 'Reliability', kind: 'Quarterly' }],
      }),
    );
    // Reliability recorded for Q1 (8): +(-1.5) in Q2 kept, -1 in Q3 kept.
    expect(rows.map((row) => [row.name, row.focus])).toEqual([
      ['Q2', 'Reliability'],
      ['Q3', 'Reliability'],
    ]);
  });

  it('reads kind and anonymity from what the rows show', () => {
    const rows = backfillCycles(
      input({
        assessments: [
          answer('2026-05 ad hoc', '2026-05-20', [5, 5, 5, 5], { participant: '' }),
          answer('2026-06 Reset', '2026-06-20', [5, 5, 5, 5], { participant: '', responses: 3 }),
          answer('Undated', '', [5, 5, 5, 5], { date: '' }),
        ],
      }),
    );
    expect(rows.map((row) => [row.name, row.kind, row.anonymity])).toEqual([
      ['2026-05 ad hoc', 'Ad hoc', 'Anonymous'],
      ['2026-06 Reset', 'Reset', 'Sealed'],
      ['Undated', 'Quarterly', 'Named'],
    ]);
    // No dates at all: the repair day, at the start of the spreadsheet's day.
    expect((rows[2].openedOn as Date).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(rows.every((row) => row.sealedMinimum === null)).toBe(true);
  });

  it('keeps a sealed cycle open in the old document property open (its held answers are not on the sheet)', () => {
    const withRows = backfillCycles(input({ legacyOpen: { cycle: exampleAssessments[exampleAssessments.length - 1].cycle as string, sealed: true, minimumPerSide: 4 } }));
    expect(withRows[1]).toMatchObject({ anonymity: 'Sealed', sealedMinimum: 4, closedOn: null, closedBy: null, focus: null });
    const noRows = backfillCycles(input({ legacyOpen: { cycle: '2026-Q4 sealed', sealed: true, minimumPerSide: 3 } }));
    const allClosed = backfillCycles(input());
    expect(noRows.map((row) => [row.name, row.closedOn])).toEqual([...allClosed.map((row) => [row.name, row.closedOn]), ['2026-Q4 sealed', null]]);
    expect(allClosed[1].closedOn).not.toBeNull();
    // A named cycle "open" in the old property is closed like the rest.
    const named = backfillCycles(input({ legacyOpen: { cycle: withRows[1].name as string, sealed: false, minimumPerSide: 3 } }));
    expect(named.every((row) => row.closedOn !== null)).toBe(true);
  });

  it('gives records the cycle rules accept: at most one open, names unique, closed after opened', () => {
    const rows = backfillCycles(input({ legacyOpen: { cycle: 'Next', sealed: true, minimumPerSide: 3 } }));
    const records: CycleRecord[] = rows.map((row) => ({
      name: row.name as string,
      kind: row.kind as CycleRecord['kind'],
      anonymity: row.anonymity as CycleRecord['anonymity'],
      sealedMinimum: row.sealedMinimum as number | null,
      openedOn: row.openedOn as Date,
      openedBy: row.openedBy as string,
      closedOn: row.closedOn as Date | null,
      closedBy: (row.closedBy as string | null) ?? '',
      focus: row.focus as CycleRecord['focus'],
    }));
    expect(openCycleOf(records)?.name).toBe('Next');
    expect(records.filter((record) => cycleState(record) === 'closed')).toHaveLength(2);
    for (const record of records) if (record.closedOn) expect(record.closedOn.getTime()).toBeGreaterThanOrEqual(record.openedOn.getTime());
    expect(backfillCycles(input({ assessments: [] }))).toEqual([]);
  });
});
