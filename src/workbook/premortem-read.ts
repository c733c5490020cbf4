/**
 * The Pre-mortem as its view and saves read it: the risks from the first not yet turned into a
 * commitment, every column; the ones before it are settled (settled.ts: each is a commitment now,
 * which the Shared Commitments Log follows) and counted, their highest id kept for the next risk's.
 */
import { highestIdNumber } from './input';
import { type SettledSpec, isCount, readUnsettled } from './settled';
import { type CellValue, type TableRow, readRows, textOf } from './table';
import { PREMORTEM } from './templates';
import type { Workbook } from './workbook';

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

export interface RiskLog {
  /** Rows before `rows` that are settled (counted, not read). */
  settledRows: number;
  settledHighestId: number;
  rows: TableRow[];
}

export function readRiskLog(workbook: Workbook): RiskLog {
  const read = readUnsettled(workbook, SETTLED_RISKS, PREMORTEM.columns.map((column) => column.key));
  return { settledRows: read.summary.rows, settledHighestId: read.summary.highestId, rows: read.rows };
}

/** The whole Pre-mortem: a save about a risk the view did not list finds it here. */
export function readWholeRiskLog(workbook: Workbook): RiskLog {
  return { settledRows: 0, settledHighestId: 0, rows: readRows(workbook.layout(PREMORTEM)) };
}

/**
 * What the view lists: the risks from the first not turned into a commitment, and how many come
 * before it; the same whether the sheet was read whole or after its settled rows. `keep`: the row a
 * save just turned into a commitment, listed in the view that save returns (with its commitment).
 */
export function listedRisks(log: RiskLog, keep = 0): { earlier: number; rows: TableRow[] } {
  let first = 0;
  while (first < log.rows.length && log.rows[first].rowNumber !== keep && isSettledRisk(log.rows[first].values)) first += 1;
  return { earlier: log.settledRows + first, rows: log.rows.slice(first) };
}
