/** The preview's pure parts: conditional-format formula relocation, chart data, the serial queue. */
import { describe, expect, it } from 'vitest';
import { hasRelativeColumn, relocate } from '../../preview/cf-formula';
import { chartView } from '../../preview/chart-data';
import { SerialQueue } from '../../preview/queue';

describe('conditional-format formulas relocated for one row', () => {
  const rule = '=AND(N("trustCorners:overdue")=0, $G2<>"", $G2<TODAY(), $J2="", NOT(OR($H2="Done", $H2="A1")))';

  it('qualifies and moves relative rows, keeps strings and function names', () => {
    expect(relocate(rule, 'Shared Commitments Log', 3, 0)).toBe(
      `=AND(N("trustCorners:overdue")=0, 'Shared Commitments Log'!$G5<>"", 'Shared Commitments Log'!$G5<TODAY(), 'Shared Commitments Log'!$J5="", NOT(OR('Shared Commitments Log'!$H5="Done", 'Shared Commitments Log'!$H5="A1")))`,
    );
    expect(hasRelativeColumn(rule)).toBe(false);
  });

  it('moves relative columns, keeps anchors, other sheets and range ends', () => {
    expect(relocate('=SUM(A$1:B2)+Other!C3+LOG10(D4)', "It's", 1, 2)).toBe("=SUM('It''s'!C$1:D3)+Other!E4+LOG10('It''s'!F5)");
    expect(hasRelativeColumn('=A$1>0')).toBe(true);
  });
});

describe('chart data from the chart spec', () => {
  it('a transposed one-row range: the header row gives the categories, one series', () => {
    const view = chartView(
      { type: 'COLUMN', options: { title: 'T', vAxis: { minValue: 0, maxValue: 10 } }, anchorRow: 3, anchorCol: 8, numHeaders: 1, transpose: true },
      [
        ['Competence', 'Reliability'],
        [7.5, 6],
      ],
    );
    expect(view).toMatchObject({ title: 'T', vMin: 0, vMax: 10, categories: ['Competence', 'Reliability'], series: [{ name: '', values: [7.5, 6] }] });
  });

  it('columns as series under a header row, rows without a category left out', () => {
    const view = chartView({ type: 'LINE', options: {}, anchorRow: 1, anchorCol: 1, numHeaders: 1, transpose: false }, [
      ['Quarter', 'Competence', 'Reliability'],
      ['2026-Q1', 7, ''],
      ['2026-Q2', 8, 6],
      ['', '', ''],
    ]);
    expect(view.categories).toEqual(['2026-Q1', '2026-Q2']);
    expect(view.series).toEqual([
      { name: 'Competence', values: [7, 8] },
      { name: 'Reliability', values: [null, 6] },
    ]);
  });
});

describe('SerialQueue', () => {
  it('runs one task at a time in order, and a failure does not stop the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      log.push('a start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('a end');
    });
    const failing = queue.run(() => {
      throw new Error('boom');
    });
    const last = queue.run(() => log.push('c'));
    await slow;
    await expect(failing).rejects.toThrow('boom');
    await last;
    expect(log).toEqual(['a start', 'a end', 'c']);
  });
});
