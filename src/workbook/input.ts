import { sideKey } from '../domain/scores';
import { type TableRow, textOf } from './table';

/** The company of `sides` a person meant (case and surrounding spaces do not matter), if any. */
export function findSide(sides: readonly string[], value: unknown): string | undefined {
  const wanted = sideKey(String(value ?? ''));
  return sides.find((side) => sideKey(side) === wanted);
}

/** `value` spelled as the Partnership sheet spells one of the two companies, or a clear refusal naming `field`. */
export function requireSide(value: string, sides: readonly string[], field: string): string {
  const side = findSide(sides, value);
  if (!side) throw new Error(`${field} "${value}" is not one of the two companies (${sides.join(', ') || 'name them on the Partnership sheet first'}).`);
  return side;
}

/**
 * The next free ids `PREFIX-001`, `PREFIX-002`… after the highest already in `rows` (read under
 * the document lock, so two saves never share one).
 */
export function nextIds(rows: readonly TableRow[], prefix: string, count = 1, highestElsewhere = 0): string[] {
  const highest = Math.max(highestIdNumber(rows, prefix), highestElsewhere);
  return Array.from({ length: count }, (_, index) => `${prefix}-${String(highest + 1 + index).padStart(3, '0')}`);
}

/** The highest n of the ids `PREFIX-n` in `rows` (0: none). */
export function highestIdNumber(rows: readonly TableRow[], prefix: string): number {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const row of rows) {
    const match = pattern.exec(textOf(row.values.id));
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}
