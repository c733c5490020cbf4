import { type Corner, parseCorner } from '../domain/corners';
import { CYCLE_ANONYMITIES, CYCLE_KINDS, type CycleAnonymity, type CycleKind, type CycleRecord } from '../domain/cycles';
import { type CellValue, dateOf, textOf } from './table';
import type { CycleRow } from './cycle-backfill';

/**
 * The Cycles sheet as cycle records and back. The sheet is edited by people too, so a row that
 * cannot be read is reported with its row number and what is wrong, never guessed at.
 */

export class CycleSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CycleSheetError';
  }
}

const pick = <T extends string>(choices: readonly T[], text: string): T | undefined =>
  choices.find((choice) => choice.toLowerCase() === text.trim().toLowerCase());

/** One Cycles row (values by column key, `rowNumber` as on the sheet) as a record. */
export function cycleRecordOf(values: Record<string, CellValue>, rowNumber: number): CycleRecord {
  const where = `Cycles row ${rowNumber}`;
  const name = textOf(values.name);
  if (name === '') throw new CycleSheetError(`${where} has no cycle name.`);
  const kindText = textOf(values.kind);
  const kind: CycleKind | undefined = kindText === '' ? 'Quarterly' : pick(CYCLE_KINDS, kindText);
  if (!kind) throw new CycleSheetError(`${where} (${name}): Kind is "${kindText}"; expected one of ${CYCLE_KINDS.join(', ')}.`);
  const anonymityText = textOf(values.anonymity);
  const anonymity: CycleAnonymity | undefined = anonymityText === '' ? 'Named' : pick(CYCLE_ANONYMITIES, anonymityText);
  if (!anonymity) throw new CycleSheetError(`${where} (${name}): Anonymity is "${anonymityText}"; expected one of ${CYCLE_ANONYMITIES.join(', ')}.`);
  const openedOn = dateOf(values.openedOn);
  if (!openedOn) throw new CycleSheetError(`${where} (${name}): Opened on is ${textOf(values.openedOn) === '' ? 'blank' : `"${textOf(values.openedOn)}"`}; expected a date.`);
  const closedText = textOf(values.closedOn);
  const closedOn = dateOf(values.closedOn);
  if (closedText !== '' && !closedOn) throw new CycleSheetError(`${where} (${name}): Closed on is "${closedText}"; expected a date, or blank while the cycle is open.`);
  const focusText = textOf(values.focus);
  const focus: Corner | null = focusText === '' ? null : (parseCorner(focusText) ?? null);
  if (focusText !== '' && focus === null) throw new CycleSheetError(`${where} (${name}): Focus corner is "${focusText}"; expected a corner name.`);
  const minimum = values.sealedMinimum;
  return {
    name,
    kind,
    anonymity,
    sealedMinimum: anonymity === 'Sealed' && typeof minimum === 'number' ? minimum : null,
    openedOn,
    openedBy: textOf(values.openedBy),
    closedOn,
    closedBy: textOf(values.closedBy),
    focus,
    oneSidedWithout: textOf(values.oneSided),
    oneSidedReason: textOf(values.oneSidedReason),
  };
}

/** Every Cycles row as a record, in sheet order. */
export function cycleRecordsOf(rows: readonly { rowNumber: number; values: Record<string, CellValue> }[]): CycleRecord[] {
  return rows.map((row) => cycleRecordOf(row.values, row.rowNumber));
}

/** A record as a Cycles row, for appendRows / updateCells. */
export function cycleRowOf(record: CycleRecord): CycleRow {
  return {
    name: record.name,
    kind: record.kind,
    anonymity: record.anonymity,
    sealedMinimum: record.sealedMinimum,
    openedOn: record.openedOn,
    openedBy: record.openedBy,
    closedOn: record.closedOn,
    closedBy: record.closedBy === '' ? null : record.closedBy,
    focus: record.focus,
    oneSided: record.oneSidedWithout ? record.oneSidedWithout : null,
    oneSidedReason: record.oneSidedWithout ? (record.oneSidedReason ?? '') : null,
  };
}

/** Pure, so the custom function CYCLE_FOCUS shares it: it lives in the domain. */
export { cycleRatingsInOrder } from '../domain/focus';
