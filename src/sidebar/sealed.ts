import { CORNERS } from '../domain/corners';
import type { Workbook } from '../workbook/layout';
import { withDocumentLock } from '../workbook/lock';
import { appendRows, readRows, textOf, updateCells } from '../workbook/table';
import { ASSESSMENTS } from '../workbook/templates';
import type { AssessmentView, CornerName, SubmitResult } from './api';

/**
 * Sealed cycles: individual ratings never enter the sheet (whose editors can read and unhide
 * everything). They are held in document properties, which only the add-on's code reads, and each
 * side's means are written once enough people of that side have answered.
 */
const OPEN_CYCLE_KEY = 'trustCorners.openCycle';
const sealedKey = (cycle: string): string => `trustCorners.sealed.${cycle}`;

interface OpenCycleRecord {
  cycle: string;
  sealed: boolean;
  minimumPerSide: number;
}

type SealedStore = Record<string, number[][]>; // side -> ratings in canonical corner order

function readSealed(cycle: string): SealedStore {
  const stored = PropertiesService.getDocumentProperties().getProperty(sealedKey(cycle));
  return stored ? (JSON.parse(stored) as SealedStore) : {};
}

export function openCycle(): AssessmentView['openCycle'] {
  const stored = PropertiesService.getDocumentProperties().getProperty(OPEN_CYCLE_KEY);
  if (!stored) return null;
  const record = JSON.parse(stored) as OpenCycleRecord;
  const answeredBySide: Record<string, number> = {};
  if (record.sealed) for (const [side, responses] of Object.entries(readSealed(record.cycle))) answeredBySide[side] = responses.length;
  return { ...record, answeredBySide };
}

export function setOpenCycle(record: OpenCycleRecord): void {
  PropertiesService.getDocumentProperties().setProperty(OPEN_CYCLE_KEY, JSON.stringify(record));
}

/**
 * Adds one sealed response. The side's means row is written when `minimum` of its people have
 * answered and refreshed at each further multiple of `minimum`; answers in between are held.
 */
export function recordSealedResponse(workbook: Workbook, cycle: string, side: string, ratings: Record<CornerName, number>): SubmitResult {
  const minimum = openCycle()?.minimumPerSide ?? 3;
  return withDocumentLock('Submit sealed assessment', () => {
    const store = readSealed(cycle);
    (store[side] ??= []).push(CORNERS.map((corner) => ratings[corner]));
    PropertiesService.getDocumentProperties().setProperty(sealedKey(cycle), JSON.stringify(store));
    const writtenSides: string[] = [];
    const layout = workbook.layout(ASSESSMENTS);
    const rows = readRows(layout);
    for (const [storedSide, responses] of Object.entries(store)) {
      if (responses.length < minimum) continue;
      writtenSides.push(storedSide);
      // The row changes only when a whole batch of `minimum` more answers is in: comparing two
      // versions of it (version history) then reveals a batch's mean, never one person's rating.
      if (storedSide !== side || responses.length % minimum !== 0) continue;
      const means = Object.fromEntries(
        CORNERS.map((corner, index) => [corner.toLowerCase(), responses.reduce((sum, response) => sum + response[index], 0) / responses.length]),
      );
      const record = { cycle, date: new Date(), side: storedSide, participant: '', responses: responses.length, ...means };
      const existing = rows.find(
        (row) => textOf(row.values.cycle) === cycle && textOf(row.values.side) === storedSide && textOf(row.values.participant) === '',
      );
      if (existing) updateCells(layout, existing.rowNumber, record);
      else appendRows(layout, [record]);
    }
    const answeredBySide = Object.fromEntries(Object.entries(store).map(([key, responses]) => [key, responses.length]));
    return { cycle, sealed: true, answeredBySide, writtenSides };
  });
}
