/**
 * The Pre-mortem as its view and saves read it: the risks from the first not yet turned into a
 * commitment, every column; the ones before it are settled (settled.ts: each is a commitment now,
 * which the Shared Commitments Log follows) and counted, their highest id kept for the next risk's.
 */
import { highestIdNumber } from './input';
import { type CountedLog, type SettledSpec, isCount, listedRows } from './settled';
import { type CellValue, type TableRow, textOf } from './table';
import { PREMORTEM } from './templates';

interface SettledRisks {
  rows: number;
  /** The highest R-n id among them (a new risk's id comes after it). */
  highestId: number;
}

/** Settled: the risk became a commitment (nothing in the pre-mortem view changes it any more). */
const isSettledRisk = (values: Readonly<Record<string, CellValue>>): boolean => textOf(values.commitmentId) !== '';

export const SETTLED_RISKS: SettledSpec<SettledRisks> = {
  table: PREMORTEM,
  keys: ['id', 'risk', 'commitmentId'],
  isSettled: isSettledRisk,
  empty: () => ({ rows: 0, highestId: 0 }),
  add(summary, row) {
    summary.rows += 1;
    summary.highestId = Math.max(summary.highestId, highestIdNumber([row], 'R'));
    return summary;
  },
  parse(stored) {
    if (typeof stored !== 'object' || stored === null) return null;
    const { rows, highestId } = stored as Partial<SettledRisks>;
    return isCount(rows) && isCount(highestId) ? { rows, highestId } : null;
  },
};

/**
 * What the view lists: the risks from the first not turned into a commitment, and how many come
 * before it; the same whether the sheet was read whole or after its settled rows. `keep`: the row a
 * save just turned into a commitment, listed in the view that save returns (with its commitment).
 */
export function listedRisks(log: CountedLog, keep = 0): { earlier: number; rows: TableRow[] } {
  return listedRows(log, (row) => row.rowNumber !== keep && isSettledRisk(row.values));
}
