/** The example partnership's means per corner for each company in one cycle, by the domain's own rule. */
import { CORNERS } from '../../src/domain/corners';
import { meanPerSide, type SideMeans } from '../../src/domain/scores';
import type { ExamplePartnership } from '../../src/workbook/example';

export function exampleMeansOf(example: ExamplePartnership, cycle: unknown, ours: string, partner: string): { mine: SideMeans['means']; theirs: SideMeans['means'] } {
  const rows = example.assessments
    .filter((row) => row.cycle === cycle)
    .map((row) => ({ side: row.side as string, ratings: Object.fromEntries(CORNERS.map((corner) => [corner, row[corner.toLowerCase()] as number])) as never }));
  const bySide = meanPerSide(rows);
  return {
    mine: bySide.find((side) => side.side === ours)!.means,
    theirs: bySide.find((side) => side.side === partner)!.means,
  };
}
