import { DISCLOSURE_STAGES, type Disclosure, nextDisclosureStage, parseStage } from '../domain/disclosure';
import { PNPS_MAX, PNPS_MIN, championRisk, partnerNps } from '../domain/metrics';
import { FunctionInputError, describeCell, forEachCell, isBlank, readNumber, readText, scalarArg } from './cells';
import { readParallelColumns } from './columns-arg';

export function DISCLOSURE_NEXT_STAGE(sides: unknown, stages: unknown, partner: unknown): string {
  const name = 'DISCLOSURE_NEXT_STAGE';
  const partnerCell = scalarArg(name, 'partner', partner);
  if (isBlank(partnerCell)) throw new FunctionInputError(name, 'partner is blank; expected the partner company as written in sides');
  const partnerName = readText(name, 'partner', partnerCell);
  const { columns, firstRow } = readParallelColumns(name, [
    { name: 'sides', value: sides },
    { name: 'stages', value: stages, accepts: (cell) => typeof cell === 'string' && parseStage(cell) !== undefined },
  ]);
  const ledger: Disclosure[] = [];
  const [sideColumn, stageColumn] = columns;
  for (let index = 0; index < sideColumn.length; index++) {
    const sideCell = sideColumn.cell(index);
    const stageCell = stageColumn.cell(index);
    if (isBlank(sideCell) && isBlank(stageCell)) continue;
    const row = firstRow + index;
    if (isBlank(sideCell)) throw new FunctionInputError(name, `sides row ${row} is blank; expected the company that shared`);
    const stage = typeof stageCell === 'string' ? parseStage(stageCell) : undefined;
    if (!stage) {
      throw new FunctionInputError(name, `stages row ${row} is ${describeCell(stageCell)}; expected one of ${DISCLOSURE_STAGES.join(', ')}`);
    }
    ledger.push({ side: readText(name, `sides row ${row}`, sideCell), stage });
  }
  return nextDisclosureStage(ledger, partnerName);
}

export function PNPS(ratings: unknown): number | string {
  const values: number[] = [];
  forEachCell('PNPS', 'ratings', ratings, (cell, where, rowIndex) => {
    // A column title above the ratings is allowed in the first row only.
    if (rowIndex === 0 && typeof cell === 'string' && !isBlank(cell) && Number.isNaN(Number(cell))) return;
    if (cell === '') return;
    const rating = readNumber('PNPS', where(), cell, PNPS_MIN, PNPS_MAX, 'a rating from 0 to 10');
    if (rating !== null) values.push(rating);
  });
  return partnerNps(values) ?? '';
}

export function CHAMPION_RISK(owners: unknown): number | string {
  const names: string[] = [];
  forEachCell('CHAMPION_RISK', 'owners', owners, (cell, where) => {
    if (cell === '') return;
    const ownerName = readText('CHAMPION_RISK', where(), cell);
    if (ownerName !== '') names.push(ownerName);
  });
  return championRisk(names) ?? '';
}
